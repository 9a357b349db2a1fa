// The two wasm builds and reading with them, shared by the page (read.js) and the worker: the
// lean build for rendered articles and HTML bodies, the full one for Markdown too.

const BUILDS = {
  lean: () => import('./wasm/postchart-lean.js'),
  full: () => import('./wasm/postchart.js'),
};

/** Fetches and instantiates a build (`wasm`: where the full build's `.wasm` is, if not beside). */
export function loadBuild(build, wasm) {
  return BUILDS[build]().then(async (module) => {
    await module.default(wasm === undefined || wasm === null ? undefined : { module_or_path: wasm });
    return module;
  });
}

/**
 * `module.analyze(source, ...args)`; a post the lean build finds to be Markdown (the Rust reader
 * has the last word) is read again with the full build `loadFull()` gives.
 */
export async function readWith(module, loadFull, source, ...args) {
  try {
    return module.analyze(source, ...args);
  } catch (error) {
    if (module.readsMarkdown() || !module.bodyNeedsMarkdown(source)) throw error;
    return (await loadFull()).analyze(source, ...args);
  }
}
