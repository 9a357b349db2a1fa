// Reading a post: the wasm loaded once, and long posts read in a Web Worker off the page's
// main thread (on this thread where the page's CSP or Trusted Types allow no worker).

import { loadBuild, readWith } from './builds.js';
import { needsMarkdown } from './markdown.js';
import { optionSettings } from './settings.js';
import { warn, yieldIfBusy } from './schedule.js';

// Two builds of the same crate: the lean one reads rendered articles and HTML bodies, the full
// one Markdown too (pulldown-cmark, about 70 KB gzip more). A page fetches the lean one unless it
// has a Markdown source; once it holds the full one it uses that for everything.
const loading = { lean: null, full: null };
/** The builds instantiated so far, for drawing: the full one first. */
const held = { lean: null, full: null };
let fullWanted = false;

/** Which build a source needs: `full` for a post with a Markdown body or a `wasm` given. */
export function buildFor(source, format, wasm) {
  return wasm !== undefined || (format !== 'text' && needsMarkdown(source)) ? 'full' : 'lean';
}

/** From now on every read uses the full build (a page that has a Markdown source). */
export function preferFull() {
  fullWanted = true;
}

/** A build's bindings, fetched and instantiated once; the full build once it is held or asked for. */
function bindings(build, wasm) {
  if (loading.full || fullWanted) build = 'full';
  if (!loading[build]) {
    const started = loadBuild(build, wasm).then((module) => {
      held[build] = module;
      return module;
    });
    loading[build] = started;
    started.catch(() => {
      if (loading[build] === started) loading[build] = null; // a failed fetch may be retried
    });
  }
  return loading[build];
}

/**
 * Loads and instantiates a build early; later calls return the same promise. Without `wasm`,
 * the lean build (rendered articles and HTML bodies); with it, the full build from there.
 * @param {string | URL | Response | BufferSource | WebAssembly.Module} [wasm] where the full
 *   build's `.wasm` is (default: `wasm/postchart_bg.wasm` next to this file).
 */
export function init(wasm) {
  return bindings(wasm === undefined ? 'lean' : 'full', wasm).then(() => undefined);
}

/**
 * Reads a post and returns its facts and chart specs as plain objects. A post longer than
 * `WORKER_FROM` characters is read in a Web Worker, so that the page stays responsive; where
 * workers are not allowed (a CSP without `worker-src`, Trusted Types) it is read here instead.
 */
export async function extractPost(source, options = {}) {
  const text = String(source ?? '');
  const lang = typeof options.lang === 'string' && options.lang ? options.lang : undefined;
  const pageLang =
    typeof options.pageLang === 'string' && options.pageLang ? options.pageLang : undefined;
  const format = options.format === 'text' ? 'text' : 'post';
  // The editor's settings: an element's attributes over the front matter over these options.
  const page = Array.isArray(options.elementSettings) ? options.elementSettings : [];
  const defaults = optionSettings(options);
  const build = buildFor(text, format, options.wasm);
  // The build this thread draws with, loading while a worker reads.
  const drawing = bindings(build, options.wasm);
  let result = null;
  if (text.length >= WORKER_FROM && options.worker !== false) {
    result = await analyzeInWorker(text, format, lang, pageLang, page, defaults, { ...options, build });
  }
  const module = await drawing;
  if (!result) {
    // Reading starts a task of its own when this one has already run a while (the host
    // page's work, the wasm's start-up).
    await yieldIfBusy();
    const full = () => bindings('full', options.wasm);
    result = await readWith(module, full, text, format, lang, pageLang, page, defaults);
    if (options.facts === false) result.facts = [];
  }
  for (const warning of result.warnings || []) warn(new Error(warning.replace(/^postchart: /, '')));
  return result;
}

/** Posts from this many characters are read in a worker (about 10 ms of reading at 2 MB/s). */
const WORKER_FROM = 20000;
let worker = null;
let workerFailed = false;
let workerCalls = 0;
const workerWaiting = new Map();

let trustedPolicy = null;

/** The worker's URL; under Trusted Types, vouched for by a policy that allows only it. */
function workerScriptUrl() {
  const url = new URL('./worker.js', import.meta.url).href;
  const tt = globalThis.trustedTypes;
  if (!tt || typeof tt.createPolicy !== 'function') return url;
  // Throws when the page's `trusted-types` directive does not allow the name: no worker then.
  trustedPolicy ||= tt.createPolicy('postchart', {
    createScriptURL: (input) => {
      if (input !== url) throw new TypeError('postchart: not its worker');
      return input;
    },
  });
  return trustedPolicy.createScriptURL(url);
}

/** Resolves to the extraction, or to null when no worker can run here (the caller reads it). */
function analyzeInWorker(source, format, lang, pageLang, page, defaults, { wasm, facts, build }) {
  if (workerFailed || typeof Worker !== 'function') return Promise.resolve(null);
  if (!worker) {
    try {
      worker = new Worker(workerScriptUrl(), { type: 'module' });
    } catch {
      workerFailed = true; // CSP or Trusted Types refuse it: read on this thread
      return Promise.resolve(null);
    }
    worker.addEventListener('message', (event) => {
      const { id, result, error } = event.data || {};
      const waiting = workerWaiting.get(id);
      if (!waiting) return;
      workerWaiting.delete(id);
      if (error !== undefined) waiting.reject(new Error(error));
      else waiting.resolve(result);
    });
    worker.addEventListener('error', (event) => {
      // The worker script could not load or start: everything waiting is read here instead.
      event.preventDefault?.();
      workerFailed = true;
      worker = null;
      for (const waiting of workerWaiting.values()) waiting.resolve(null);
      workerWaiting.clear();
    });
  }
  const id = ++workerCalls;
  const wasmUrl = typeof wasm === 'string' || wasm instanceof URL ? String(new URL(wasm, document.baseURI)) : undefined;
  return new Promise((resolve, reject) => {
    workerWaiting.set(id, { resolve, reject });
    // Without facts the reply is a few chart specs: copying thousands of facts back would
    // itself block the page.
    worker.postMessage({ id, source, format, lang, pageLang, page, defaults, wasm: wasmUrl, build, facts: facts !== false });
  });
}

/** A chart spec read into wasm once, to be drawn at any size; `free()` it when done. (After a
 * read, so that a build is held.) */
export function prepareChart(spec) {
  const module = held.full || held.lean;
  if (!module) throw new Error('postchart: no wasm loaded to draw with');
  return new module.PreparedChart(spec);
}
