// Charts that say what the story says: falls below the zero line, the default cap, a page's
// own cap, and candidates held back from the page but kept in the API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, countPixels } from './browser.mjs';

const RISE_RGB = [0x1f, 0x6f, 0xc5];
const FALL_RGB = [0xb3, 0x26, 0x1e];
let b;

before(async () => {
  b = await launch();
  await b.page.goto(`${b.server.url}/tests/browser/pages/meaning.html`);
  for (const id of ['long', 'capped', 'placed', 'ended']) {
    await b.page.waitForSelector(`#${id}[data-postchart-state="done"]`, { timeout: 15000 });
  }
});
after(async () => {
  await b?.close();
});

test('a fall is drawn below the zero line, a rise above it', async () => {
  const sel = '#long p:first-of-type + figure canvas';
  const label = await b.page.$eval(sel, (c) => c.getAttribute('aria-label'));
  assert.match(label, /甲指数 下降1\.8%；乙指数 0\.6%；丙指数 下降0\.9%/);
  const box = await b.page.$eval(sel, (c) => {
    const r = c.getBoundingClientRect();
    return { w: r.width, h: r.height };
  });
  // Find the zero line: the lowest row holding rise pixels is the top of the falls.
  let riseBottom = 0;
  for (let y = 0; y < box.h; y += 2) {
    if ((await countPixels(b.page, sel, RISE_RGB, [0, y, box.w, 2], 8)) > 0) riseBottom = y;
  }
  assert.ok(riseBottom > 0, 'a rise is drawn');
  const fallsAbove = await countPixels(b.page, sel, FALL_RGB, [0, 0, box.w, riseBottom - 2], 8);
  const fallsBelow = await countPixels(b.page, sel, FALL_RGB, [0, riseBottom + 2, box.w, box.h - riseBottom - 2], 8);
  assert.ok(fallsBelow > 200, `fall pixels under the baseline: ${fallsBelow}`);
  assert.ok(fallsAbove < 20, `fall pixels above the baseline: ${fallsAbove}`);
});

test('the default cap holds and a guess is held back, but stays in the API', async () => {
  const kinds = await b.page.$$eval('#long figure canvas', (cs) => cs.map((c) => c.dataset.postchartKind));
  const comparisons = kinds.filter((k) => k !== 'kpi');
  assert.equal(comparisons.length, 3, `drawn: ${kinds}`);
  assert.ok(kinds.filter((k) => k === 'kpi').length <= 1);
  const result = await b.page.evaluate(async () => {
    const text = document.getElementById('long').innerText;
    return window.postchart.extractPost(text, { format: 'text' });
  });
  const held = result.charts.filter((c) => c.drawn === false);
  assert.ok(held.length >= 1, 'candidates held back are returned');
  for (const chart of result.charts) assert.equal(typeof chart.confidence, 'number');
  // Figures that share only a unit (亿元 across three sentences) are never drawn.
  const guess = result.charts.find((c) => c.unit === '元' && c.kind !== 'kpi');
  assert.ok(!guess || guess.drawn === false, JSON.stringify(guess));
});

test('data-postchart-max caps the charts of one element', async () => {
  const kinds = await b.page.$$eval('#capped figure canvas', (cs) => cs.map((c) => c.dataset.postchartKind));
  assert.equal(kinds.filter((k) => k !== 'kpi').length, 1, `drawn: ${kinds}`);
  assert.deepEqual(b.errors(), []);
});

test('each chart stands right after the paragraph, list or table its figures come from', async () => {
  const placed = await b.page.$$eval('#placed figure.postchart', (figures) =>
    figures.map((f) => ({
      after: f.previousElementSibling?.tagName,
      text: f.previousElementSibling?.textContent.replace(/\s+/g, ''),
      labels: [...f.querySelectorAll('canvas')].map((c) => c.getAttribute('aria-label')),
    })),
  );
  const find = (word) => placed.find((p) => p.labels.some((l) => l.includes(word)));
  const moves = find('甲指数');
  assert.equal(moves?.after, 'P');
  assert.ok(moves.text.includes('甲指数跌1.8%'), moves.text);
  const schools = find('甲区');
  assert.equal(schools?.after, 'UL', 'after the whole list, not inside it');
  const table = find('甲省');
  assert.equal(table?.after, 'TABLE');
  assert.ok(table.labels.some((l) => l.includes('甲省 12万辆')), table.labels.join(' | '));
  // A table of two periods is one two-way chart: both ways in its text alternative.
  const twoWay = find('甲市');
  assert.equal(twoWay?.after, 'TABLE');
  assert.ok(twoWay.labels.some((l) => l.includes('甲市·2023年 135万吨')), twoWay.labels.join(' | '));
  // Nothing after the paragraph without figures.
  assert.ok(!placed.some((p) => p.text?.startsWith('这是一段')));
  // data-postchart-place="end": one figure after the article, none inside it.
  assert.equal(await b.page.$$eval('#ended figure', (f) => f.length), 0);
  const ended = await b.page.$$eval('#ended + figure.postchart canvas', (cs) => cs.length);
  assert.ok(ended >= 2, `charts after the article: ${ended}`);
  assert.deepEqual(b.errors(), []);
});
