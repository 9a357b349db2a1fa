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

  // <post-chart>: the third way in, next to the script tag and the npm import. It becomes a
  // marked element the widget charts into itself: <post-chart src="/posts/x.md">, the post
  // written inside it, or for="ID" to read a rendered article. Its attributes are the
  // data-postchart-* ones without the prefix (max, kinds, exclude, only, titles, place, theme,
  // lang, fallback, name; enabled="false").
  var SETTINGS = ['max', 'kinds', 'exclude', 'only', 'titles', 'place', 'theme', 'lang', 'fallback', 'name'];
  var made = 0;

  function markPostChart(element) {
    if (element.hasAttribute('data-postchart')) return;
    if (!element.id) element.id = 'post-chart-' + ++made;
    var source = element;
    var forId = element.getAttribute('for');
    if (forId) {
      source = document.getElementById(forId);
      if (!source) {
        console.warn('postchart: <post-chart for="' + forId + '">: no element has that id');
        return;
      }
    } else if (element.hasAttribute('src')) {
      element.setAttribute('data-src', element.getAttribute('src'));
    } else {
      // The post written inside: kept for the widget, and out of the page's text.
      element.postchartSource = element.textContent;
      element.textContent = '';
    }
    SETTINGS.forEach(function (name) {
      var value = element.getAttribute(name);
      if (value !== null) source.setAttribute('data-postchart-' + name, value);
    });
    source.setAttribute('data-postchart-target', element.id);
    source.setAttribute('data-postchart', element.getAttribute('enabled') === 'false' ? 'false' : '');
  }

  if (window.customElements && !window.customElements.get('post-chart')) {
    window.customElements.define(
      'post-chart',
      class extends HTMLElement {
        connectedCallback() {
          markPostChart(this);
        }
      }
    );
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
