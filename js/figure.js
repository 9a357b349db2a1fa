// A post's figure: one canvas per chart, drawn at the figure's width and pixel density within
// a frame budget, redrawn on resize and on a change of screen, and released without leaks.

import { prepareChart } from './read.js';
import { PREFIX, drawnCharts } from './settings.js';
import { pixelRatio, themeOf, cssVar, fontFamilyOf, warmFont } from './theme.js';
import { actions, attachTooltip, dataTable, dataTableSlot } from './controls.js';
import { DRAW_BUDGET_MS, messageOf, now, requestFrame, warn, yieldIfBusy, yieldToPage } from './schedule.js';

/** container or source element -> figure record */
export const figures = new WeakMap();

/** Live counts, for pages and tests that check nothing leaks. */
export const live = { figures: 0, resizeObservers: 0, watchers: 0 };

/** What postchart holds on to now: figures on the page, resize observers, autoRender watchers. */
export function stats() {
  return { ...live };
}

export function buildFigure(doc, result, options) {
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
    const prepared = prepareChart(spec);
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
export async function fontsWarm(parent, options, result) {
  if (!result.charts.length || !parent?.ownerDocument) return;
  const family = fontFamilyOf({ element: parent, options });
  if (warmFont(parent.ownerDocument, family, result.charts[0].title)) await yieldIfBusy();
}

/** Draws a new figure's first charts, in a task after the one that built it if that ran long. */
export async function drawSoon(figure) {
  figure.starting = true;
  await yieldIfBusy();
  figure.starting = false;
  if (!figure.released) drawFigure(figure);
}

export function observeResize(figure) {
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
export function releaseAll(entry) {
  if (!entry) return;
  for (const figure of Array.isArray(entry) ? entry : [entry]) release(figure);
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
