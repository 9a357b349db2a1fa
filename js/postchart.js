// postchart for a plain <script src=".../postchart.js" defer> tag: loads the ES module next to
// this file and charts every element marked data-postchart, now and as they are added.
// The module (and the wasm) is fetched only once the page has something to chart.
(function () {
  'use strict';
  var script = document.currentScript;
  var base = (script && script.src) || document.baseURI;
  var loading = null;

  function load() {
    if (!loading) {
      loading = import(new URL('./index.js', base).href).then(
        function (postchart) {
          window.postchart = postchart;
          var handle = postchart.autoRender(document);
          document.dispatchEvent(new CustomEvent('postchart:ready', { detail: handle }));
          return handle;
        },
        function (error) {
          console.warn('postchart: could not load', error && error.message ? error.message : error);
        }
      );
    }
    return loading;
  }

  function hasWork() {
    return document.querySelector('[data-postchart]') !== null;
  }

  function start() {
    if (hasWork()) {
      load();
      return;
    }
    // Nothing yet: wait for a marked element to be added.
    var observer = new MutationObserver(function () {
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
})();
