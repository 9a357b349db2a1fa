import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markPostChart } from '../../js/post-chart.js';
import { el } from './fake-dom.mjs';

test('<post-chart src> becomes a marked element that charts into itself, settings without the prefix', () => {
  const element = el('post-chart', { src: '/posts/a.md', max: '2', place: 'end' });
  markPostChart(element);
  assert.equal(element.getAttribute('data-src'), '/posts/a.md');
  assert.equal(element.getAttribute('data-postchart'), '');
  assert.equal(element.getAttribute('data-postchart-max'), '2');
  assert.equal(element.getAttribute('data-postchart-place'), 'end');
  assert.equal(element.getAttribute('data-postchart-target'), element.id);
});

test('<post-chart for> marks the article it names; enabled="false" marks it off', () => {
  const story = el('article', { id: 'story' });
  const element = el('post-chart', { for: 'story', enabled: 'false', kinds: 'bar' });
  el('main', {}, story, element);
  markPostChart(element);
  assert.equal(story.getAttribute('data-postchart'), 'false');
  assert.equal(story.getAttribute('data-postchart-kinds'), 'bar');
  assert.equal(story.getAttribute('data-postchart-target'), element.id);
  assert.equal(element.hasAttribute('data-postchart'), false);
});

test('a post written inside is kept for the reader and taken out of the page text', () => {
  const element = el('post-chart', {});
  element.textContent = '---\ntitle: 甲\n---\n销售额12亿元';
  markPostChart(element);
  assert.equal(element.postchartSource, '---\ntitle: 甲\n---\n销售额12亿元');
  assert.equal(element.textContent, '');
});
