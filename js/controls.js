// What a figure offers besides the picture: downloads (PNG, CSV), the data table screen readers
// read, and the tooltip a pointer or the arrow keys move through the points.

import { themeOf } from './theme.js';

/** The chart's data as CSV: label, value (negative for a stated fall) and scale as extracted, unit, figure as written. */
export function chartCsv(chart) {
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

export function fileName(spec, ext) {
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
export function actions(doc, chart) {
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
export function dataTableSlot(doc) {
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
export function dataTable(doc, spec, rows) {
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

export function attachTooltip(figure, chart) {
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
