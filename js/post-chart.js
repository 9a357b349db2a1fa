// <post-chart>: the third way in, next to the script tag and the npm import. It becomes a
// marked element the widget charts into itself: <post-chart src="/posts/x.md">, the post
// written inside it, or for="ID" to read a rendered article. Its attributes are the
// data-postchart-* ones without the prefix (max, kinds, exclude, only, titles, place, theme,
// lang, fallback, name; enabled="false"). No shadow DOM: the page's CSP and styles hold.

const ATTRIBUTES = ['max', 'kinds', 'exclude', 'only', 'titles', 'place', 'theme', 'lang', 'fallback', 'name'];
let made = 0;

/** Marks what a `<post-chart>` charts (itself, or the article it names) with data-postchart-*. */
export function markPostChart(element) {
  if (element.hasAttribute('data-postchart')) return;
  if (!element.id) element.id = `post-chart-${++made}`;
  let source = element;
  const forId = element.getAttribute('for');
  if (forId) {
    source = element.ownerDocument.getElementById(forId);
    if (!source) {
      console.warn(`postchart: <post-chart for="${forId}">: no element has that id`);
      return;
    }
  } else if (element.hasAttribute('src')) {
    element.setAttribute('data-src', element.getAttribute('src'));
  } else {
    // The post written inside: kept for the widget, and out of the page's text.
    element.postchartSource = element.textContent;
    element.textContent = '';
  }
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (value !== null) source.setAttribute(`data-postchart-${name}`, value);
  }
  source.setAttribute('data-postchart-target', element.id);
  source.setAttribute('data-postchart', element.getAttribute('enabled') === 'false' ? 'false' : '');
}

/**
 * Defines `<post-chart>` once (the script tag does it; an npm user calls it before `autoRender`).
 * Returns false where custom elements are not available.
 */
export function definePostChart(registry = globalThis.customElements) {
  if (!registry || typeof HTMLElement !== 'function') return false;
  if (!registry.get('post-chart')) {
    registry.define(
      'post-chart',
      class extends HTMLElement {
        connectedCallback() {
          markPostChart(this);
        }
      },
    );
  }
  return true;
}
