// The editor's settings on a page: front matter turns charts off, leaves figures out and
// retitles; an element's attributes win over the front matter; a bad setting is a console
// warning and the rest applies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let b;

before(async () => {
  b = await launch();
  await b.page.goto(`${b.server.url}/tests/browser/pages/settings.html`);
  await b.page.waitForSelector('#off[data-postchart-state="empty"]', { state: 'attached', timeout: 15000 });
  for (const id of ['retitled', 'picked', 'attribute']) {
    await b.page.waitForSelector(`#${id}[data-postchart-state="done"]`, { state: 'attached', timeout: 15000 });
  }
});
after(async () => {
  await b?.close();
});

const canvases = (id) =>
  b.page.$$eval(`#${id} + figure canvas`, (cs) =>
    cs.map((c) => ({ kind: c.dataset.postchartKind, label: c.getAttribute('aria-label') })),
  );

test('postchart: false in the front matter draws nothing', async () => {
  assert.equal(await b.page.$$eval('#off + figure', (f) => f.length), 0);
});

test('front matter leaves a figure out and retitles a chart', async () => {
  const drawn = await canvases('retitled');
  const sales = drawn.find((c) => c.label.includes('各市销售额（亿元）'));
  assert.ok(sales, JSON.stringify(drawn));
  assert.ok(!sales.label.includes('丙市'), sales.label);
  assert.ok(sales.label.includes('乙市'), sales.label);
});

test('front matter picks a chart by its number', async () => {
  const drawn = (await canvases('picked')).filter((c) => c.kind !== 'kpi');
  assert.equal(drawn.length, 1, JSON.stringify(drawn));
  assert.ok(drawn[0].label.includes('1.2亿元'), drawn[0].label);
});

test('an attribute wins over the front matter, and a bad setting warns', async () => {
  const drawn = (await canvases('attribute')).filter((c) => c.kind !== 'kpi');
  assert.equal(drawn.length, 1, JSON.stringify(drawn));
  assert.equal(drawn[0].kind, 'bar');
  const warnings = b.warnings().map((w) => w.text);
  assert.ok(warnings.some((w) => w.includes('donut')), warnings.join('\n'));
  assert.deepEqual(b.errors(), []);
});

test('extractPost takes the same settings as options, below the front matter', async () => {
  const result = await b.page.evaluate(async () => {
    const post = '---\ntitle: t\npostchart:\n  max: 2\n---\n甲市销售额12亿元，乙市8亿元，丙市5亿元。\n\n甲市利润1.2亿元，乙市0.9亿元，丙市0.4亿元。\n\n全市2021年产量100万吨，2022年120万吨，2023年150万吨。\n';
    const r = await window.postchart.extractPost(post, { max: 1, kinds: ['bar', 'line'], place: 'end' });
    return { drawn: r.charts.filter((c) => c.drawn && c.kind !== 'kpi').length, place: r.place };
  });
  // The front matter's max (2) wins over the option's (1); the option's place applies.
  assert.deepEqual(result, { drawn: 2, place: 'end' });
});
