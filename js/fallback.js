// Pictures drawn at build time (`postchart render`) that stand for an element's charts until the
// live ones are drawn, and for good without JavaScript.

import { PREFIX } from './settings.js';

export function targetOf(element) {
  const id = element.getAttribute(`${PREFIX}-target`);
  if (!id) return null;
  return element.ownerDocument.getElementById(id);
}

/**
 * The pictures drawn at build time that stand for an element's charts until the live ones are
 * drawn (and for good without JavaScript): `[data-postchart-fallback]` images, figures or
 * `<noscript>` inside the element, right after it or in its target; and, for
 * `data-postchart-fallback="DIR"` on the element, `DIR/NAME.png` shown while it loads (NAME:
 * `data-postchart-name`, else the stem of `data-src`; as `postchart render` names its files).
 */
export function fallbacksOf(element) {
  // (A marked element naming its own picture directory is another post, not a picture.)
  const picture = (node) => node?.hasAttribute(`${PREFIX}-fallback`) && !node.hasAttribute(PREFIX);
  const found = [...element.querySelectorAll(`[${PREFIX}-fallback]`)].filter(picture);
  for (let next = element.nextElementSibling; picture(next); next = next.nextElementSibling) found.push(next);
  const target = targetOf(element);
  if (target) found.push(...[...target.querySelectorAll(`[${PREFIX}-fallback]`)].filter(picture));
  const dir = element.getAttribute(`${PREFIX}-fallback`);
  const name = element.getAttribute(`${PREFIX}-name`) || (element.getAttribute('data-src') || '').split('/').pop().replace(/\.[^.]*$/, '');
  if (dir && name && found.length === 0) {
    const img = element.ownerDocument.createElement('img');
    img.setAttribute(`${PREFIX}-fallback`, '');
    img.alt = '';
    img.style.maxWidth = '100%';
    img.addEventListener('error', () => img.remove());
    img.src = `${dir.replace(/\/$/, '')}/${encodeURIComponent(name)}.png`;
    if (target) target.appendChild(img);
    else element.after(img);
    found.push(img);
  }
  return found;
}
