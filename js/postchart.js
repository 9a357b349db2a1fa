// postchart for a plain <script src=".../postchart.js" defer> tag: loads the ES module next to
// this file and charts every element marked data-postchart, now and as they are added.
// The module (and the wasm) is fetched only once the page has something to chart. Bundled as
// a classic script (an IIFE): `document.currentScript` says where the module is.

import { definePostChart } from './post-chart.js';

const script = document.currentScript;
const base = (script && script.src) || document.baseURI;
let loading = null;

function load() {
  loading ||= import(new URL('./index.js', base).href).then(
    (postchart) => {
      window.postchart = postchart;
      const handle = postchart.autoRender(document);
      document.dispatchEvent(new CustomEvent('postchart:ready', { detail: handle }));
      return handle;
    },
    (error) => {
      console.warn('postchart: could not load', error && error.message ? error.message : error);
    },
  );
  return loading;
}

definePostChart();

const hasWork = () => document.querySelector('[data-postchart]') !== null;

function start() {
  if (hasWork()) {
    load();
    return;
  }
  // Nothing yet: wait for a marked element to be added.
  const observer = new MutationObserver(() => {
    if (hasWork()) {
      observer.disconnect();
      load();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start, { once: true });
} else {
  start();
}
