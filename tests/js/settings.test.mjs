import { test } from 'node:test';
import assert from 'node:assert/strict';
import { drawnCharts, elementSettings, optionSettings } from '../../js/settings.js';
import { el } from './fake-dom.mjs';

test('an element gives its data-postchart-* settings as pairs, and data-postchart="false" for none', () => {
  const element = el('article', { 'data-postchart': 'false', 'data-postchart-max': '2', 'data-postchart-kinds': 'bar,line', 'data-postchart-theme': 'dark' });
  // theme is drawing, not a setting the reader weighs
  assert.deepEqual(elementSettings(element), ['', 'false', 'max', '2', 'kinds', 'bar,line']);
  assert.deepEqual(elementSettings(el('article', { 'data-postchart': '' })), []);
});

test('options give lists and maps as JSON and the rest as text', () => {
  assert.deepEqual(optionSettings({ max: 3, kinds: ['bar'], titles: { 1: '收入' }, place: 'end', theme: 'dark', only: null }), [
    'max', '3', 'kinds', '["bar"]', 'titles', '{"1":"收入"}', 'place', 'end',
  ]);
});

test('candidates held back are not drawn', () => {
  const charts = [{ title: 'a' }, { title: 'b', drawn: false }, { title: 'c', drawn: true }];
  assert.deepEqual(drawnCharts({ charts }).map((c) => c.title), ['a', 'c']);
});
