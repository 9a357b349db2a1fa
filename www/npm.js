// What a JS site writes after `npm install postchart`.
import { renderPost } from 'postchart';

const response = await fetch('../tests/fixtures/seed.md');
const source = await response.text();
const result = await renderPost(document.getElementById('charts'), source);
document.getElementById('headline').textContent = result.title ?? '';
document.getElementById('facts').textContent =
  `${result.facts.length} figures read, ${result.charts.length} charts drawn.`;
document.documentElement.dataset.postchartDemo = 'done';
