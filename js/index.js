// postchart: the JS shell. It finds what to chart, loads the wasm once, sizes canvases and
// schedules drawing; every chart decision is made in Rust. It builds DOM with createElement
// and textContent only, and never lets an error escape into the host page.

export { init, extractPost } from './read.js';
export { stats } from './figure.js';
export { autoRender } from './find.js';
export { definePostChart } from './post-chart.js';
import { extractPost } from './read.js';
import { drawnCharts } from './settings.js';
import { buildFigure, drawSoon, figures, fontsWarm, observeResize, releaseAll } from './figure.js';
import { yieldIfBusy } from './schedule.js';

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
