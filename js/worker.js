// postchart's reader for long posts: the same wasm, off the page's main thread. Messages in:
// {id, source, format, lang, pageLang, page, defaults, wasm, build, facts}; out: {id, result} or
// {id, error}; with `facts: false` the result's facts are left out. `build` is the one the page
// chose (`lean` or `full`); a body the lean build finds to be Markdown is read by the full one.
import { loadBuild, readWith } from './builds.js';

const loading = {};
const bindings = (build, wasm) => (loading[build] ||= loadBuild(build, wasm || undefined));

self.addEventListener('message', async (event) => {
  const { id, source, format, lang, pageLang, page, defaults, wasm, build, facts } = event.data || {};
  try {
    const module = await bindings(wasm || build === 'full' || loading.full ? 'full' : 'lean', wasm);
    const full = () => bindings('full', wasm);
    const result = await readWith(module, full, String(source), format, lang, pageLang, page || [], defaults || []);
    if (facts === false) result.facts = [];
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error && error.message ? String(error.message) : String(error) });
  }
});
