// postchart's reader for long posts: the same wasm, off the page's main thread. Messages in:
// {id, source, format, lang, pageLang, page, defaults, wasm, build, facts}; out: {id, result} or
// {id, error}; with `facts: false` the result's facts are left out. `build` is the one the page
// chose (`lean` or `full`); a body the lean build finds to be Markdown is read by the full one.

const BUILDS = {
  lean: () => import('./wasm/postchart-lean.js'),
  full: () => import('./wasm/postchart.js'),
};
const loading = {};

function bindings(build, wasm) {
  loading[build] ||= BUILDS[build]().then(async (module) => {
    await module.default(wasm ? { module_or_path: wasm } : undefined);
    return module;
  });
  return loading[build];
}

self.addEventListener('message', async (event) => {
  const { id, source, format, lang, pageLang, page, defaults, wasm, build, facts } = event.data || {};
  try {
    let module = await bindings(wasm || build === 'full' || loading.full ? 'full' : 'lean', wasm);
    const read = () => module.analyze(String(source), format, lang, pageLang, page || [], defaults || []);
    let result;
    try {
      result = read();
    } catch (error) {
      if (module.readsMarkdown() || !module.bodyNeedsMarkdown(String(source))) throw error;
      module = await bindings('full', wasm);
      result = read();
    }
    if (facts === false) result.facts = [];
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({ id, error: error && error.message ? String(error.message) : String(error) });
  }
});
