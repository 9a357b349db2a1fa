// <post-chart>: a post fetched by src, written inside, or read from an article by for=;
// attributes are the data-postchart-* settings without the prefix.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let b;

before(async () => {
  b = await launch();
  await b.page.goto(`${b.server.url}/tests/browser/pages/post-chart.html`);
  for (const sel of ['#fetched', '#inline', '#story']) {
    await b.page.waitForSelector(`${sel}[data-postchart-state="done"]`, { state: 'attached', timeout: 15000 });
  }
});
after(async () => {
  await b?.close();
});

const labels = (id) =>
  b.page.$$eval(`#${id} figure.postchart canvas`, (cs) =>
    cs.filter((c) => c.dataset.postchartKind !== 'kpi').map((c) => c.getAttribute('aria-label')),
  );

test('a post by src is charted inside the element', async () => {
  const got = await labels('fetched');
  assert.ok(got.some((l) => l.includes('甲市 12亿元')), got.join(' | '));
});

test('a post written inside is charted, its text out of the page, its max held', async () => {
  const got = await labels('inline');
  assert.equal(got.length, 1, got.join(' | '));
  const text = await b.page.$eval('#inline', (e) => e.innerText);
  assert.ok(!text.includes('title:'), text);
});

test('for= reads the article and charts into the element', async () => {
  const got = await labels('reader');
  assert.ok(got.some((l) => l.includes('高级工 2542人')), got.join(' | '));
  assert.equal(await b.page.$$eval('#story figure', (f) => f.length), 0);
  assert.deepEqual(b.errors(), []);
});

test('the npm module defines <post-chart> too: definePostChart, then autoRender', async () => {
  const page = await b.context.newPage();
  await page.goto(`${b.server.url}/tests/browser/pages/module.html`);
  assert.equal(await page.evaluate(() => Boolean(customElements.get('post-chart'))), false);
  const label = await page.evaluate(async () => {
    const postchart = await import('/dist/index.js');
    const element = document.createElement('post-chart');
    element.textContent = '---\ntitle: 测试\n---\n\n甲市销售额12亿元，乙市8亿元，丙市5亿元。';
    document.body.appendChild(element);
    if (!postchart.definePostChart()) return 'no custom elements';
    await postchart.autoRender(document, { lazy: false }).done;
    await new Promise((resolve) => {
      const check = () => (element.getAttribute('data-postchart-state') === 'done' ? resolve() : setTimeout(check, 20));
      check();
    });
    return element.querySelector('canvas')?.getAttribute('aria-label') || '';
  });
  await page.close();
  assert.ok(label.includes('甲市 12亿元'), label);
});
