// The editor's settings as the wasm reads them: `[key, value, …]` pairs from an element's
// attributes and from the JS options (front matter has the same keys; Rust weighs the three).

export const PREFIX = 'data-postchart';

/** The settings an element and the options share (front matter `postchart:` has them too). */
export const SETTINGS = ['enabled', 'max', 'kinds', 'exclude', 'only', 'titles', 'place'];

/** An element's settings as `[key, value, …]`: its `data-postchart-*` attributes, and
 * `data-postchart="false"` for none. */
export function elementSettings(element) {
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
export function optionSettings(options) {
  const out = [];
  for (const name of SETTINGS) {
    const value = options[name];
    if (value === undefined || value === null) continue;
    out.push(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  return out;
}

/** The charts the widget draws: candidates held back (`drawn: false`) stay in the result only. */
export function drawnCharts(result) {
  return result.charts.filter((chart) => chart.drawn !== false);
}
