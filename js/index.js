// postchart: the JS shell. It finds what to chart, loads the wasm once, sizes canvases and
// schedules drawing; every chart decision is made in Rust. It builds DOM with createElement
// and textContent only, and never lets an error escape into the host page.

import initWasm, { analyze, PreparedChart } from './wasm/postchart.js';

const PREFIX = 'data-postchart';
const DEFAULT_FONTS =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

let ready = null;

/**
 * Loads and instantiates the wasm module once; later calls return the same promise.
 * @param {string | URL | Response | BufferSource | WebAssembly.Module} [wasm] where the
 *   `.wasm` is (default: next to this file).
 */
export function init(wasm) {
  if (!ready) {
    ready = initWasm(wasm === undefined ? undefined : { module_or_path: wasm }).then(() => undefined);
    ready.catch(() => {
      ready = null; // a failed fetch may be retried
    });
  }
  return ready;
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
  let result = null;
  if (text.length >= WORKER_FROM && options.worker !== false) {
    result = await analyzeInWorker(text, format, lang, pageLang, page, defaults, options);
  }
  if (!result) {
    await init(options.wasm);
    // Reading starts a task of its own when this one has already run a while (the host
    // page's work, the wasm's start-up).
    await yieldIfBusy();
    result = analyze(text, format, lang, pageLang, page, defaults);
    if (options.facts === false) result.facts = [];
  }
  for (const warning of result.warnings || []) warn(new Error(warning.replace(/^postchart: /, '')));
  return result;
}

/** The settings an element and the options share (front matter `postchart:` has them too). */
const SETTINGS = ['enabled', 'max', 'kinds', 'exclude', 'only', 'titles', 'place'];

/** An element's settings as `[key, value, …]`: its `data-postchart-*` attributes, and
 * `data-postchart="false"` for none. */
function elementSettings(element) {
  const out = [];
  const own = element.getAttribute(PREFIX);
  if (own === 'false' || own === 'off') out.push('', 'false');
  for (const name of SETTINGS) {
    const value = element.getAttribute(`${PREFIX}-${name}`);
    if (value !== null) out.push(name, value);
  }
  return out;
}

/** The options' settings as `[key, value, …]`: lists and maps as JSON, the rest as text. */
function optionSettings(options) {
  const out = [];
  for (const name of SETTINGS) {
    const value = options[name];
    if (value === undefined || value === null) continue;
    out.push(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return out;
}

/** The charts the widget draws: candidates held back (`drawn: false`) stay in the result only. */
function drawnCharts(result) {
  return result.charts.filter((chart) => chart.drawn !== false);
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
function analyzeInWorker(source, format, lang, pageLang, page, defaults, { wasm, facts }) {
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
    worker.postMessage({ id, source, format, lang, pageLang, page, defaults, wasm: wasmUrl, facts: facts !== false });
  });
}

/**
 * Draws the charts of a post into `container`: a `<figure class="postchart">` with one
 * `<canvas>` per chart is appended (replacing one drawn there before).
 * Resolves to the extraction (`{title, date, lang, facts, charts}`) once the first chart is
 * drawn; the others and the data tables follow in the next tasks and frames.
 */
export async function renderPost(container, source, options = {}) {
  if (!container || typeof container.appendChild !== 'function') {
    throw new TypeError('postchart: renderPost needs a container element');
  }
  const result = await extractPost(source, options);
  // Reading, building the figure and drawing run in tasks of their own when they take long
  // (on a first visit, while the browser compiles the code): see yieldIfBusy.
  await yieldIfBusy();
  await fontsWarm(container, options, result);
  releaseAll(figures.get(container));
  if (drawnCharts(result).length === 0) return result;
  const figure = buildFigure(container.ownerDocument || document, result, options);
  container.appendChild(figure.element);
  figures.set(container, figure);
  observeResize(figure);
  await drawSoon(figure);
  return result;
}

// --- figures -------------------------------------------------------------------------------

/** container or source element -> figure record */
const figures = new WeakMap();

/** Live counts, for pages and tests that check nothing leaks. */
const live = { figures: 0, resizeObservers: 0, watchers: 0 };

/** What postchart holds on to now: figures on the page, resize observers, autoRender watchers. */
export function stats() {
  return { ...live };
}

function buildFigure(doc, result, options) {
  const element = doc.createElement('figure');
  element.className = 'postchart';
  element.style.margin = '1.5em 0';
  element.style.padding = '0';
  element.style.position = 'relative';
  const record = {
    element,
    charts: [],
    options,
    observer: null,
    frame: 0, // an animation frame asked for by the resize observer
    starting: false, // the first charts are about to be drawn (drawSoon)
    continued: false, // drawFigure has queued the rest of the charts
    tabling: false, // fillTables has asked for a frame
    released: false,
    whenDrawn: null,
  };
  record.charts = drawnCharts(result).map((spec) => {
    // Read into wasm once; freed when the figure is released.
    const prepared = new PreparedChart(spec);
    const description = prepared.describe();
    const canvas = doc.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', description);
    canvas.className = 'postchart-canvas';
    canvas.dataset.postchartKind = spec.kind;
    canvas.style.display = 'block';
    canvas.style.width = '100%';
    canvas.style.maxWidth = '100%';
    canvas.style.marginBottom = '1em';
    // The fallback content of a canvas is read by assistive technology that skips aria-label.
    canvas.textContent = description;
    // Focusable: arrow keys move through the points, showing each in the tooltip.
    canvas.tabIndex = 0;
    element.appendChild(canvas);
    const rows = prepared.table();
    // The data table comes in a later frame (fillTables): laying out the tables of a post's
    // charts took 25 ms on first visits, in the same task as the first chart.
    const tableSlot = dataTableSlot(doc);
    element.appendChild(tableSlot);
    const chart = { spec, prepared, canvas, rows, tableSlot, tabled: false, regions: [], focus: -1, drawn: '' };
    attachTooltip(record, chart);
    element.appendChild(actions(doc, chart));
    return chart;
  });
  live.figures += 1;
  figuresOnPage.add(record);
  return record;
}

/** The chart's data as CSV: label, value (negative for a stated fall) and scale as extracted, unit, figure as written. */
function chartCsv(chart) {
  const cell = (v) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [['label', 'value', 'scale', 'unit', 'figure'].join(',')];
  chart.spec.points.forEach((p, k) => {
    const unit = p.unit ?? chart.spec.unit ?? '';
    // A fall the text states by its verb (sign -1) is a negative number in a spreadsheet too.
    const value = p.sign < 0 ? -Math.abs(p.value) : p.value;
    // The label as the data table names it (`甲区·2023年` in a two-way chart).
    const [label, figure] = chart.rows[k] || [p.label, ''];
    lines.push([label, value, p.scale, unit, figure].map(cell).join(','));
  });
  // A byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function fileName(spec, ext) {
  const base = (spec.title || 'chart').replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'chart';
  return `${base}.${ext}`;
}

function download(doc, blob, name) {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A small row under the chart: download the picture (PNG) or the data (CSV). */
function actions(doc, chart) {
  const zh = /^zh/i.test(chart.spec.lang || '');
  const row = doc.createElement('div');
  row.className = 'postchart-actions';
  Object.assign(row.style, { display: 'flex', gap: '12px', margin: '-0.5em 0 1em', font: '12px system-ui, sans-serif' });
  const button = (text, onClick) => {
    const b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    Object.assign(b.style, { background: 'none', border: '0', padding: '0', color: 'inherit', opacity: '0.75', textDecoration: 'underline', cursor: 'pointer', font: 'inherit' });
    b.addEventListener('click', onClick);
    return b;
  };
  row.append(
    button(zh ? '下载图片 (PNG)' : 'Download PNG', () =>
      chart.canvas.toBlob((blob) => blob && download(doc, blob, fileName(chart.spec, 'png')), 'image/png'),
    ),
    button(zh ? '下载数据 (CSV)' : 'Download CSV', () =>
      download(doc, new Blob([chartCsv(chart)], { type: 'text/csv;charset=utf-8' }), fileName(chart.spec, 'csv')),
    ),
  );
  return row;
}

/**
 * Where a chart's data table goes: visually hidden, still read. The usual clip pattern on a
 * wrapper (tables ignore a 1px size), set property by property (CSP-safe).
 */
function dataTableSlot(doc) {
  const wrap = doc.createElement('div');
  wrap.className = 'postchart-data-wrap';
  Object.assign(wrap.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    padding: '0',
    margin: '-1px',
    overflow: 'hidden',
    clip: 'rect(0, 0, 0, 0)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  return wrap;
}

/** A table of the chart's data, for screen readers and copy-paste. */
function dataTable(doc, spec, rows) {
  const table = doc.createElement('table');
  table.className = 'postchart-data';
  const caption = doc.createElement('caption');
  caption.textContent = spec.title;
  table.appendChild(caption);
  const body = doc.createElement('tbody');
  for (const [label, figure] of rows) {
    const row = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    const td = doc.createElement('td');
    td.textContent = figure;
    row.append(th, td);
    body.appendChild(row);
  }
  table.appendChild(body);
  return table;
}

/** The figure's one tooltip, created on first use. */
function tooltipOf(figure) {
  if (!figure.tooltip) {
    const doc = figure.element.ownerDocument;
    const tip = doc.createElement('div');
    tip.className = 'postchart-tooltip';
    // Announced when it changes: keyboard users hear the point they moved to.
    tip.setAttribute('role', 'status');
    tip.setAttribute('aria-live', 'polite');
    Object.assign(tip.style, {
      position: 'absolute',
      display: 'none',
      pointerEvents: 'none',
      transform: 'translate(-50%, -100%)',
      padding: '4px 8px',
      borderRadius: '4px',
      font: '13px/1.4 system-ui, sans-serif',
      whiteSpace: 'nowrap',
      zIndex: '1',
    });
    figure.element.appendChild(tip);
    figure.tooltip = tip;
  }
  return figure.tooltip;
}

function showPoint(figure, chart, index) {
  const region = chart.regions.find((r) => r.index === index);
  const row = chart.rows[index];
  if (!region || !row) return hideTooltip(figure);
  const tip = tooltipOf(figure);
  const dark = themeOf(figure) === 'dark';
  tip.style.background = dark ? '#e6edf3' : '#1f2328';
  tip.style.color = dark ? '#161b22' : '#ffffff';
  // Label and the figure exactly as the text states it.
  tip.textContent = `${row[0]}：${row[1]}`;
  tip.style.left = `${chart.canvas.offsetLeft + region.x + region.w / 2}px`;
  tip.style.top = `${chart.canvas.offsetTop + region.y}px`;
  tip.style.display = 'block';
  chart.focus = index;
}

function hideTooltip(figure) {
  if (figure.tooltip) figure.tooltip.style.display = 'none';
}

function attachTooltip(figure, chart) {
  const { canvas } = chart;
  const at = (event) => {
    const box = canvas.getBoundingClientRect();
    const x = event.clientX - box.left;
    const y = event.clientY - box.top;
    const hit = chart.regions.find((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
    if (hit) showPoint(figure, chart, hit.index);
    else hideTooltip(figure);
  };
  canvas.addEventListener('pointermove', at);
  canvas.addEventListener('pointerdown', at);
  const leave = () => {
    hideTooltip(figure);
    chart.focus = -1;
  };
  canvas.addEventListener('pointerleave', leave);
  canvas.addEventListener('blur', leave);
  canvas.addEventListener('keydown', (event) => {
    const last = chart.regions.length - 1;
    if (last < 0) return;
    const moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    let next = chart.focus;
    if (event.key in moves) {
      const step = moves[event.key];
      // The first press lands on the first point (or the last, going back).
      next = chart.focus < 0 ? (step > 0 ? 0 : last) : Math.min(last, Math.max(0, chart.focus + step));
    } else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Escape') {
      hideTooltip(figure);
      chart.focus = -1;
      return;
    } else return;
    event.preventDefault();
    showPoint(figure, chart, chart.regions[next].index);
  });
}

function pixelRatio() {
  const r = globalThis.devicePixelRatio;
  return Number.isFinite(r) && r > 0 ? Math.min(r, 4) : 1;
}

function themeOf(figure) {
  const wanted = figure.options.theme || 'auto';
  if (wanted === 'dark' || wanted === 'light') return wanted;
  const query = globalThis.matchMedia && globalThis.matchMedia('(prefers-color-scheme: dark)');
  return query && query.matches ? 'dark' : 'light';
}

/** A `--postchart-*` custom property set by the page's CSS, if any. */
function cssVar(figure, name) {
  const view = figure.element.ownerDocument.defaultView;
  return view ? view.getComputedStyle(figure.element).getPropertyValue(name).trim() : '';
}

function fontFamilyOf(figure) {
  if (figure.options.fontFamily) return figure.options.fontFamily;
  const fromCss = cssVar(figure, '--postchart-font');
  if (fromCss) return fromCss;
  const view = figure.element.ownerDocument.defaultView;
  const pageFonts = view ? view.getComputedStyle(figure.element).fontFamily : '';
  // The page's fonts first; CJK fallbacks after them so Chinese always has glyphs.
  return pageFonts ? `${pageFonts}, ${DEFAULT_FONTS}` : DEFAULT_FONTS;
}

/**
 * Draws the figure's charts that are not drawn at the current size: at least one, then more
 * while the next one, guessed to take as long as the last, would end the task within
 * `DRAW_BUDGET_MS`; the rest in the next frames. (A page's first charts each take 20–50 ms
 * while the browser compiles the code they run; later ones take 1–5 ms.)
 */
function drawFigure(figure) {
  const start = now();
  if (figure.released) return; // a frame scheduled before the figure went
  const width = figure.element.clientWidth;
  if (!width) {
    // Hidden (0×0): drawn when the resize observer sees it appear; charted as far as it can be.
    fillTables(figure);
    return;
  }
  const ratio = pixelRatio();
  const theme = themeOf(figure);
  const fontFamily = fontFamilyOf(figure);
  let drawnNow = 0;
  let last = 0;
  for (const chart of figure.charts) {
    const key = `${width}|${ratio}|${theme}`;
    if (chart.drawn === key) continue;
    // A post with many charts is drawn over several frames.
    const chartStart = now();
    if (drawnNow > 0 && chartStart - start + last > DRAW_BUDGET_MS) {
      // In a task of its own, not an animation frame: a frame's callbacks share their task
      // with the frame's style, layout and paint.
      if (!figure.continued) {
        figure.continued = true;
        yieldToPage().then(() => {
          figure.continued = false;
          drawFigure(figure);
        });
      }
      return;
    }
    try {
      const height = chart.prepared.height(width);
      chart.canvas.style.height = `${height}px`;
      chart.canvas.width = Math.max(1, Math.round(width * ratio));
      chart.canvas.height = Math.max(1, Math.round(height * ratio));
      chart.regions = chart.prepared.render(chart.canvas, {
        pixelRatio: ratio,
        theme,
        fontFamily,
        accent: figure.options.accent || cssVar(figure, '--postchart-accent') || undefined,
      });
      chart.drawn = key;
    } catch (error) {
      chart.canvas.setAttribute(`${PREFIX}-error`, messageOf(error));
      warn(error);
    }
    drawnNow++;
    last = now() - chartStart;
  }
  fillTables(figure);
}

/**
 * Fills the figure's data tables, one per animation frame, so that each frame lays out one
 * table (in a hidden page, where no frames come, one per task); then tells whoever waits for
 * the figure to be complete (the element's `done` state).
 */
function fillTables(figure) {
  if (figure.released || figure.tabling) return;
  const chart = figure.charts.find((c) => !c.tabled);
  if (!chart) {
    const whenDrawn = figure.whenDrawn;
    figure.whenDrawn = null;
    if (whenDrawn) whenDrawn();
    return;
  }
  figure.tabling = true;
  const hidden = figure.element.ownerDocument.visibilityState === 'hidden';
  (hidden ? (fn) => yieldToPage().then(fn) : requestFrame)(() => {
    figure.tabling = false;
    if (figure.released) return;
    chart.tableSlot.appendChild(dataTable(figure.element.ownerDocument, chart.spec, chart.rows));
    chart.tabled = true;
    fillTables(figure);
  });
}

/**
 * On a page's first figure, the fonts are looked up in a task of their own before the figure is
 * built: the first text a page shows in a font makes the browser find that font and its
 * fallbacks for each script (20–30 ms on a first visit, `npm run bench:browser`), which would
 * otherwise fall in the figure's layout or its first chart's task.
 */
async function fontsWarm(parent, options, result) {
  if (!result.charts.length || !parent?.ownerDocument) return;
  const family = fontFamilyOf({ element: parent, options });
  if (warmFont(parent.ownerDocument, family, result.charts[0].title)) await yieldIfBusy();
}

/** Draws a new figure's first charts, in a task after the one that built it if that ran long. */
async function drawSoon(figure) {
  figure.starting = true;
  await yieldIfBusy();
  figure.starting = false;
  if (!figure.released) drawFigure(figure);
}

/** Font families already drawn with on this page. */
const warmFonts = new Set();

/** Draws a line of text in `family` on a canvas nobody sees, once per family; true if it did. */
function warmFont(doc, family, sample) {
  if (warmFonts.has(family)) return false;
  warmFonts.add(family);
  try {
    const context = doc.createElement('canvas').getContext('2d');
    if (!context) return false;
    for (const weight of ['', 'bold ']) {
      context.font = `${weight}16px ${family}`;
      context.fillText(`${sample || ''} 数据 0123456789 %`, 0, 16);
    }
  } catch {
    // a canvas-less environment: nothing to warm
  }
  return true;
}

/** When the current run of postchart's work on the main thread began. */
let busySince = now();

/**
 * Lets the host page run before the next step when the current run of work has taken more
 * than `BUSY_MS`: on a warm page a post is read, built and drawn in one short task; on a first
 * visit each step can take 20–40 ms, and each then gets a task of its own.
 */
async function yieldIfBusy() {
  if (now() - busySince > BUSY_MS) await yieldToPage();
}

const BUSY_MS = 8;

/**
 * Resolves in a new task, after the tasks the host page has already queued: a message to
 * ourselves (no 4 ms timer clamp). Not `scheduler.yield()`, whose continuation runs ahead of
 * the page's own queued tasks.
 */
function yieldToPage() {
  if (typeof MessageChannel !== 'function') {
    return new Promise((resolve) => setTimeout(() => {
      busySince = now();
      resolve();
    }, 0));
  }
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      busySince = now();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function observeResize(figure) {
  if (!densityQuery) watchDensity();
  if (typeof ResizeObserver !== 'function') return;
  figure.observer = new ResizeObserver(() => {
    // While the first charts are still being drawn (drawSoon, or a continuation queued by
    // drawFigure), that work reads the current width itself: drawing from an animation frame
    // here would put a chart into the frame's own task.
    if (figure.frame || figure.continued || figure.starting) return;
    figure.frame = requestFrame(() => {
      figure.frame = 0;
      drawFigure(figure);
    });
  });
  figure.observer.observe(figure.element);
  live.resizeObservers += 1;
}

/** Releases a figure, or each of an element's figures (inline placement makes several). */
function releaseAll(entry) {
  if (!entry) return;
  for (const figure of Array.isArray(entry) ? entry : [entry]) release(figure);
}

/**
 * Groups charts by the element they go after: `blocks[chart.block]`, else (no block, or a
 * block the page does not have) the end. Groups keep the charts' order.
 */
function chartsByAnchor(charts, blocks) {
  const groups = [];
  for (const chart of charts) {
    const anchor = Number.isInteger(chart.block) ? blocks[chart.block] || null : null;
    const group = groups.find((g) => g.anchor === anchor);
    if (group) group.charts.push(chart);
    else groups.push({ anchor, charts: [chart] });
  }
  return groups;
}

function release(figure) {
  if (figure.released) return;
  figure.released = true;
  for (const chart of figure.charts) chart.prepared.free();
  if (figure.observer) {
    figure.observer.disconnect();
    live.resizeObservers -= 1;
  }
  figure.observer = null;
  figure.element.remove();
  figuresOnPage.delete(figure);
  live.figures -= 1;
}

// Moving to a screen of another pixel density (or zooming) changes devicePixelRatio without
// resizing anything: a resolution query, re-armed at each change, redraws every figure.
// Browser zoom also fires a window resize, which a container of unchanged CSS width does not
// see: that path checks the ratio too.
const figuresOnPage = new Set();
let densityQuery = null;
let knownRatio = 0;
function watchDensity() {
  knownRatio = pixelRatio();
  if (typeof matchMedia === 'function') {
    if (densityQuery) densityQuery.removeEventListener('change', onDensityChange);
    densityQuery = matchMedia(`(resolution: ${knownRatio}dppx)`);
    densityQuery.addEventListener('change', onDensityChange, { once: true });
  }
  if (!watchDensity.resize && typeof addEventListener === 'function') {
    watchDensity.resize = true;
    addEventListener('resize', () => {
      if (pixelRatio() !== knownRatio) onDensityChange();
    });
  }
}
function onDensityChange() {
  densityQuery = null;
  for (const figure of figuresOnPage) drawFigure(figure);
  watchDensity();
}

const DRAW_BUDGET_MS = 16;

function now() {
  return typeof performance === 'object' ? performance.now() : Date.now();
}

function requestFrame(fn) {
  return typeof requestAnimationFrame === 'function' ? requestAnimationFrame(fn) : setTimeout(fn, 16);
}

function messageOf(error) {
  return error && error.message ? String(error.message) : String(error);
}

function warn(error) {
  try {
    console.warn('postchart:', messageOf(error));
  } catch {
    // a console that throws must not break the page
  }
}

// --- automatic mode: elements marked data-postchart ---------------------------------------

const SELECTOR = `[${PREFIX}]`;
/** Elements some autoRender watcher has taken on. */
const claimed = new WeakSet();
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BR', 'TR', 'TABLE',
  'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'HEADER', 'FOOTER', 'FIGCAPTION', 'DD', 'DT', 'PRE',
]);
// PRE: preformatted text is code on a page, not the story's prose (as a Markdown code block).
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'FIGURE', 'CANVAS', 'PRE']);

/**
 * The text of a rendered article, one block per line, a table's cells apart by tabs, without
 * layout (no innerText); and for each non-empty line (a paragraph of the post, as the reader
 * counts them) the element a chart of its figures goes after: its block, the whole list for a
 * list item, the whole table for a row.
 */
function articleText(element) {
  const parts = [];
  const owners = [];
  const push = (text, owner) => {
    parts.push(text);
    owners.push(owner);
  };
  const walk = (node, owner) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        push(child.data, owner);
      } else if (child.nodeType === 1 && !SKIP_TAGS.has(child.tagName)) {
        const block = BLOCK_TAGS.has(child.tagName);
        if (block) push('\n', null);
        walk(child, block ? child : owner);
        if (block) push('\n', null);
        if (child.tagName === 'TD' || child.tagName === 'TH') push('\t', null);
      }
    }
  };
  walk(element, element);
  const blocks = [];
  let line = '';
  let owner = null;
  const endLine = () => {
    if (line.trim()) blocks.push(anchorOf(owner, element));
    line = '';
    owner = null;
  };
  parts.forEach((part, k) => {
    const pieces = part.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0) endLine();
      line += piece;
      if (!owner && piece.trim()) owner = owners[k];
    });
  });
  endLine();
  return { text: parts.join(''), blocks };
}

/** Where a chart of a block's figures goes: after the block, its list or its table. */
function anchorOf(block, article) {
  if (!block || block === article) return null;
  const whole = block.closest('table') || (block.tagName === 'LI' ? block.closest('ul, ol') : null);
  const anchor = whole && article.contains(whole) && whole !== article ? whole : block;
  return anchor === article ? null : anchor;
}

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

function targetOf(element) {
  const id = element.getAttribute(`${PREFIX}-target`);
  if (!id) return null;
  return element.ownerDocument.getElementById(id);
}

/**
 * The pictures drawn at build time that stand for an element's charts until the live ones are
 * drawn (and for good without JavaScript): `[data-postchart-fallback]` images, figures or
 * `<noscript>` inside the element, right after it or in its target; and, for
 * `data-postchart-fallback="DIR"` on the element, `DIR/NAME.png` shown while it loads (NAME:
 * `data-postchart-name`, else the stem of `data-src`; as `postchart render` names its files).
 */
function fallbacksOf(element) {
  // (A marked element naming its own picture directory is another post, not a picture.)
  const picture = (node) => node?.hasAttribute(`${PREFIX}-fallback`) && !node.hasAttribute(PREFIX);
  const found = [...element.querySelectorAll(`[${PREFIX}-fallback]`)].filter(picture);
  for (let next = element.nextElementSibling; picture(next); next = next.nextElementSibling) found.push(next);
  const target = targetOf(element);
  if (target) found.push(...[...target.querySelectorAll(`[${PREFIX}-fallback]`)].filter(picture));
  const dir = element.getAttribute(`${PREFIX}-fallback`);
  const name = element.getAttribute(`${PREFIX}-name`) || (element.getAttribute('data-src') || '').split('/').pop().replace(/\.[^.]*$/, '');
  if (dir && name && found.length === 0) {
    const img = element.ownerDocument.createElement('img');
    img.setAttribute(`${PREFIX}-fallback`, '');
    img.alt = '';
    img.style.maxWidth = '100%';
    img.addEventListener('error', () => img.remove());
    img.src = `${dir.replace(/\/$/, '')}/${encodeURIComponent(name)}.png`;
    if (target) target.appendChild(img);
    else element.after(img);
    found.push(img);
  }
  return found;
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
