// postchart's reader for long posts: the same wasm, off the page's main thread. Messages in:
// {id, source, format, lang, pageLang, page, defaults, wasm, facts}; out: {id, result} or {id, error}; with
// `facts: false` the result's facts are left out.
import init, { analyze } from './wasm/postchart.js';

let ready = null;

self.addEventListener('message', async (event) => {
  const { id, source, format, lang, pageLang, page, defaults, wasm, facts } = event.data || {};
  try {
    if (!ready) ready = init(wasm ? { module_or_path: wasm } : undefined);
    await ready;
    const result = analyze(String(source), format, lang, pageLang, page || [], defaults || []);
    if (facts === false) result.facts = [];
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error && error.message ? String(error.message) : String(error) });
  }
});
