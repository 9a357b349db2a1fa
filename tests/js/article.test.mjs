import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleText, chartsByAnchor } from '../../js/article.js';
import { el } from './fake-dom.mjs';

test("an article's text is one block per line, cells apart by tabs, code and scripts left out", () => {
  const p1 = el('p', {}, '销售额12亿元，', el('b', {}, '增长5%'));
  const li = el('li', {}, '甲 3人');
  const list = el('ul', {}, li);
  const cell = el('td', {}, '8');
  const table = el('table', {}, el('tr', {}, el('td', {}, '乙'), cell));
  const article = el('article', {}, p1, el('pre', {}, 'let x = 1;'), el('script', {}, 'var y = 2'), list, table);
  const { text, blocks } = articleText(article);
  assert.deepEqual(text.split('\n').filter((l) => l.trim()), ['销售额12亿元，增长5%', '甲 3人', '乙\t8\t']);
  // A chart goes after its paragraph, after the whole list for an item, after the table for a row.
  assert.deepEqual(blocks, [p1, list, table]);
});

test('charts go after their block in order, and to the end without one', () => {
  const a = el('p');
  const b = el('p');
  const groups = chartsByAnchor([{ block: 1 }, { block: 0 }, { block: 1 }, {}, { block: 9 }], [a, b]);
  assert.deepEqual(groups.map((g) => [g.anchor, g.charts.length]), [[b, 2], [a, 1], [null, 2]]);
});
