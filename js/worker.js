// postchart's reader for long posts: the same wasm, off the page's main thread. Messages in:
// {id, source, format, lang, pageLang, wasm}; out: {id, result} or {id, error}.
import init, { analyze } from './wasm/postchart.js';

let ready = null;

self.addEventListener('message', async (event) => {
  const { id, source, format, lang, pageLang, wasm } = event.data || {};
  try {
    if (!ready) ready = init(wasm ? { module_or_path: wasm } : undefined);
    await ready;
    self.postMessage({ id, result: analyze(String(source), format, lang, pageLang) });
  } catch (error) {
    self.postMessage({ id, error: error && error.message ? String(error.message) : String(error) });
  }
});
