// Automatic mode: elements marked data-postchart, found now and as they are added, read when
// they come near the viewport, charted beside their text or after them, released when removed.

import { extractPost, preferFull } from './read.js';
import { needsMarkdown } from './markdown.js';
import { PREFIX, drawnCharts, elementSettings } from './settings.js';
import { articleText, chartsByAnchor } from './article.js';
import { fallbacksOf, targetOf } from './fallback.js';
import { buildFigure, drawSoon, figures, fontsWarm, live, observeResize, releaseAll } from './figure.js';
import { messageOf, requestFrame, warn, yieldIfBusy } from './schedule.js';

const SELECTOR = `[${PREFIX}]`;
/** Elements some autoRender watcher has taken on. */
const claimed = new WeakSet();

/**
 * The post an element holds: a script's text, a `data-src` post fetched from the page's own
 * origin (another origin only when `allowCrossOrigin` is set), or an article's text.
 */
async function sourceOf(element, options) {
  const src = element.getAttribute('data-src');
  if (src) {
    const url = new URL(src, element.ownerDocument.baseURI);
    const sameOrigin = url.origin === element.ownerDocument.defaultView.location.origin;
    if (!sameOrigin && !options.allowCrossOrigin) {
      throw new Error(`data-src ${url.origin} is not this page's origin`);
    }
    const response = await fetch(url.href, { credentials: sameOrigin ? 'same-origin' : 'omit' });
    if (!response.ok) throw new Error(`data-src ${url.pathname}: HTTP ${response.status}`);
    return { source: await response.text(), format: 'post' };
  }
  if (element.tagName === 'SCRIPT') {
    return { source: element.textContent || '', format: 'post' };
  }
  // A <post-chart> with the post written inside it (the script tag's loader keeps it).
  if (typeof element.postchartSource === 'string') {
    return { source: element.postchartSource, format: 'post' };
  }
  const { text, blocks } = articleText(element);
  return { source: text, format: 'text', blocks };
}

/** What to watch for an element coming into view: itself, or (a hidden post source) where its
 * figure will go. */
function boxOf(element) {
  if (element.tagName !== 'SCRIPT' && element.tagName !== 'TEMPLATE') return element;
  return targetOf(element) || element.parentElement || element;
}

async function renderElement(element, options) {
  element.setAttribute(`${PREFIX}-state`, 'loading');
  element.removeAttribute(`${PREFIX}-error`);
  // (Kept when the live charts fail or find nothing: the build's picture is still right.)
  const fallbacks = fallbacksOf(element);
  try {
    const { source, format, blocks } = await sourceOf(element, options);
    const theme = element.getAttribute(`${PREFIX}-theme`) || options.theme;
    const lang = element.getAttribute(`${PREFIX}-lang`) || options.lang;
    // The language the page gives the post (`<html lang>` or a nearer `lang`), as HTML inherits it.
    const pageLang = options.pageLang || element.closest('[lang]')?.getAttribute('lang') || undefined;
    const opts = { ...options, format, theme, lang, pageLang };
    const result = await extractPost(source, { ...opts, elementSettings: elementSettings(element), facts: false });
    // A rendered article's charts stand by their text; `place: end` (attribute, front matter or
    // option, in that order) keeps them in one figure after it. An embedded source is unchanged.
    const place = result.place || 'inline';
    await yieldIfBusy();
    await fontsWarm(targetOf(element) || element.parentElement || element, opts, result);
    releaseAll(figures.get(element));
    figures.delete(element);
    if (!element.isConnected) return;
    const charts = drawnCharts(result);
    if (charts.length === 0) {
      element.setAttribute(`${PREFIX}-state`, 'empty');
      return;
    }
    const target = targetOf(element);
    const inline = blocks && !target && place !== 'end';
    const groups = inline ? chartsByAnchor(charts, blocks) : [{ anchor: null, charts }];
    const made = groups.map((group) => {
      const figure = buildFigure(element.ownerDocument, { ...result, charts: group.charts }, opts);
      if (group.anchor) group.anchor.after(figure.element);
      else if (target) target.appendChild(figure.element);
      else element.after(figure.element);
      return figure;
    });
    figures.set(element, made);
    for (const picture of fallbacks) picture.remove();
    // `done` once every chart is drawn, which for a post with many charts is a few frames on.
    let waiting = made.length;
    for (const figure of made) {
      figure.whenDrawn = () => {
        waiting -= 1;
        if (waiting === 0) element.setAttribute(`${PREFIX}-state`, 'done');
      };
      observeResize(figure);
    }
    await Promise.all(made.map((figure) => drawSoon(figure)));
  } catch (error) {
    element.setAttribute(`${PREFIX}-state`, 'error');
    element.setAttribute(`${PREFIX}-error`, messageOf(error));
    warn(error);
  }
}

/**
 * Charts every element marked `data-postchart` under `root`, now and as they are added; a
 * removed element's figure is removed and its observers released.
 * Returns a handle whose `disconnect()` stops watching, and `done`, a promise for the first pass.
 */
export function autoRender(root = globalThis.document, options = {}) {
  if (!root || typeof root.querySelectorAll !== 'function') {
    throw new TypeError('postchart: autoRender needs a document or element');
  }
  const seen = new Set();
  let scheduled = 0;
  const pending = [];
  let stopped = false;
  // Elements waiting to come near the viewport, by the box that is watched for them.
  const waitingFor = new Map();
  const lazy = options.lazy !== false && typeof IntersectionObserver === 'function';
  const nearby = lazy
    ? new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            nearby.unobserve(entry.target);
            const elements = waitingFor.get(entry.target) || [];
            waitingFor.delete(entry.target);
            for (const element of elements) {
              if (element.isConnected) pending.push(renderElement(element, options));
            }
          }
        },
        { rootMargin: options.rootMargin || '50% 0px' },
      )
    : null;

  const scan = () => {
    scheduled = 0;
    const jobs = [];
    if (stopped) return Promise.resolve();
    for (const element of root.querySelectorAll(SELECTOR)) {
      // An element belongs to the first watcher that saw it: autoRender twice draws once.
      if (seen.has(element) || claimed.has(element) || element.tagName === 'FIGURE') continue;
      seen.add(element);
      claimed.add(element);
      // A Markdown post written in the page: the page takes the full build for everything,
      // rather than the lean one first and the full one after.
      const written = element.tagName === 'SCRIPT' ? element.textContent : element.postchartSource;
      if (typeof written === 'string' && !options.wasm && needsMarkdown(written)) preferFull();
      if (nearby) {
        // Below the fold: read and drawn when it comes near the viewport.
        element.setAttribute(`${PREFIX}-state`, 'waiting');
        const box = boxOf(element);
        waitingFor.set(box, [...(waitingFor.get(box) || []), element]);
        nearby.observe(box);
      } else {
        jobs.push(renderElement(element, options));
      }
    }
    for (const element of [...seen]) {
      if (!element.isConnected) {
        seen.delete(element);
        claimed.delete(element);
        releaseAll(figures.get(element));
        figures.delete(element);
      }
    }
    return Promise.all(jobs).then(() => undefined);
  };

  const schedule = () => {
    if (!scheduled) scheduled = requestFrame(() => pending.push(scan()));
  };

  const observer =
    typeof MutationObserver === 'function' ? new MutationObserver(schedule) : null;
  const observed = root.nodeType === 9 ? root.documentElement || root : root;
  if (observer && observed) {
    observer.observe(observed, { childList: true, subtree: true });
    live.watchers += 1;
  }

  const start = () => scan();
  const doc = root.nodeType === 9 ? root : root.ownerDocument;
  const done =
    doc && doc.readyState === 'loading'
      ? new Promise((resolve) =>
          doc.addEventListener('DOMContentLoaded', () => resolve(start()), { once: true }),
        )
      : start();

  return {
    done,
    /** Waits for every render started so far. */
    settled: () => Promise.all([done, ...pending]).then(() => undefined),
    /** Stops watching; the figures drawn so far stay on the page. */
    disconnect() {
      if (stopped) return;
      stopped = true;
      if (nearby) nearby.disconnect();
      if (observer) {
        observer.disconnect();
        live.watchers -= 1;
      }
    },
  };
}
