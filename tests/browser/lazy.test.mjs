// The widget costs nothing until needed: no module or wasm for a page with nothing to chart,
// none for a post far below the fold until it comes near, and long posts read off the main
// thread (in a worker) with the same result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let b;
before(async () => {
  b = await launch({ viewport: { width: 900, height: 800 } });
});
after(async () => {
  await b?.close();
});

const fetched = (name) => b.server.requests.filter((p) => p.endsWith(name)).length;

test('a page with nothing to chart fetches neither the module nor the wasm', async () => {
  b.server.requests.length = 0;
  await b.page.goto(`${b.server.url}/tests/browser/pages/nothing.html`);
  await b.page.waitForLoadState('load');
  await b.page.waitForTimeout(300);
  assert.equal(fetched('/dist/postchart.js'), 1);
  assert.equal(fetched('/dist/index.js'), 0);
  assert.equal(fetched('.wasm'), 0);
  // Adding a marked post later starts the widget.
  await b.page.evaluate(() => {
    const s = document.createElement('script');
    s.type = 'text/markdown';
    s.id = 'late';
    s.dataset.postchart = '';
    s.textContent = '新增高级工2542人、技师402人。';
    document.body.appendChild(s);
  });
  await b.page.waitForSelector('#late[data-postchart-state="done"]', { state: 'attached', timeout: 10000 });
  assert.equal(fetched('.wasm'), 1);
  assert.deepEqual(b.errors(), []);
});

test('a post far below the fold is read and drawn only when it comes near the viewport', async () => {
  b.server.requests.length = 0;
  await b.page.goto(`${b.server.url}/tests/browser/pages/lazy.html`);
  await b.page.waitForSelector('#far[data-postchart-state="waiting"]', { state: 'attached', timeout: 10000 });
  await b.page.waitForTimeout(300);
  assert.equal(fetched('.wasm'), 0, 'no wasm before the post is near');
  assert.equal(await b.page.$$eval('canvas', (cs) => cs.length), 0);
  await b.page.evaluate(() => document.getElementById('far-section').scrollIntoView());
  await b.page.waitForSelector('#far[data-postchart-state="done"]', { state: 'attached', timeout: 10000 });
  assert.equal(fetched('.wasm'), 1);
  assert.match(await b.page.$eval('#far-section canvas', (c) => c.getAttribute('aria-label')), /^柱状图：2021年新增人数/);
  assert.deepEqual(b.errors(), []);
});

test('a long post is read in a worker, with the same charts as on the main thread', async () => {
  await b.page.goto(`${b.server.url}/tests/browser/pages/nothing.html`);
  b.server.requests.length = 0;
  const result = await b.page.evaluate(async () => {
    const postchart = await import('/dist/index.js');
    const filler = '这一段文字没有数字，只是让稿件变长。'.repeat(2000);
    const source = `---\ntitle: 长稿\n---\n${filler}\n\n2021年，该市新增初中级工4948人、高级工2542人、技师402人、高级技师136人。\n`;
    const inWorker = await postchart.extractPost(source);
    const here = await postchart.extractPost(source, { worker: false });
    // `facts: false` leaves the facts out wherever the post is read.
    const chartsOnly = [
      await postchart.extractPost(source, { facts: false }),
      await postchart.extractPost(source, { facts: false, worker: false }),
    ].map((r) => [r.facts.length, r.charts.length]);
    return { length: source.length, inWorker, here, chartsOnly };
  });
  assert.deepEqual(result.chartsOnly, [[0, 1], [0, 1]]);
  assert.ok(result.length > 20000);
  assert.equal(fetched('/dist/worker.js'), 1, 'the worker was started');
  assert.deepEqual(result.inWorker, result.here);
  assert.deepEqual(result.inWorker.charts[0].points.map((p) => p.value), [4948, 2542, 402, 136]);
  assert.deepEqual(b.errors(), []);
});
