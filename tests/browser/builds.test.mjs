// Two builds: the lean wasm for rendered articles and HTML bodies, the full one (with the
// Markdown reader) only for a page that has a Markdown source, which then uses it for everything.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './browser.mjs';

let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

const fetched = (name) => b.server.requests.filter((p) => p.endsWith(name)).length;
const labels = (selector) =>
  b.page.$$eval(`${selector} canvas`, (cs) => cs.filter((c) => c.dataset.postchartKind !== 'kpi').map((c) => c.getAttribute('aria-label')));

test('a page of rendered articles and HTML-bodied posts never requests the full build', async () => {
  b.server.requests.length = 0;
  await b.page.goto(`${b.server.url}/tests/browser/pages/builds.html`);
  for (const id of ['story', 'html-post']) {
    await b.page.waitForSelector(`#${id}[data-postchart-state="done"]`, { state: 'attached', timeout: 15000 });
  }
  assert.equal(fetched('/dist/wasm/postchart-lean_bg.wasm'), 1);
  assert.equal(fetched('/dist/wasm/postchart_bg.wasm'), 0);
  assert.equal(fetched('/dist/wasm/postchart.js'), 0);
  assert.ok((await labels('body')).some((l) => l.includes('高级工 2542人')));
  assert.ok((await labels('#html-charts')).some((l) => l.includes('甲市 12亿元')));
  assert.deepEqual(b.errors(), []);
});

test('a Markdown post added to a page that started lean is read by the full build and charted', async () => {
  // (The lean build from the test before stays in this page: now a Markdown post comes.)
  b.server.requests.length = 0;
  await b.page.evaluate(() => {
    const post = document.createElement('script');
    post.type = 'text/markdown';
    post.id = 'late-md';
    post.dataset.postchart = '';
    post.dataset.postchartTarget = 'late-charts';
    post.textContent = '---\ntitle: 分地区\n---\n\n## 分地区\n\n- 甲区人口**120万人**\n- 乙区人口80万人\n- 丙区人口45万人\n';
    const target = document.createElement('div');
    target.id = 'late-charts';
    document.body.append(post, target);
  });
  await b.page.waitForSelector('#late-md[data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  assert.equal(fetched('/dist/wasm/postchart_bg.wasm'), 1);
  const got = await labels('#late-charts');
  // Read as Markdown: the bold and the list marks are no part of the labels or figures.
  assert.ok(got.some((l) => l.includes('甲区 120万人') && l.includes('丙区 45万人')), got.join(' | '));
  assert.ok(!got.join(' ').includes('*'), got.join(' | '));
  assert.deepEqual(b.errors(), []);
});

test('a page with a Markdown post written in it fetches only the full build, for everything', async () => {
  b.server.requests.length = 0;
  await b.page.goto(`${b.server.url}/tests/browser/pages/builds-markdown.html`);
  for (const id of ['story', 'md-post']) {
    await b.page.waitForSelector(`#${id}[data-postchart-state="done"]`, { state: 'attached', timeout: 15000 });
  }
  assert.equal(fetched('/dist/wasm/postchart_bg.wasm'), 1);
  assert.equal(fetched('/dist/wasm/postchart-lean_bg.wasm'), 0);
  assert.ok((await labels('#md-charts')).some((l) => l.includes('甲市 12亿元')));
  assert.ok((await labels('body')).some((l) => l.includes('高级工 2542人')));
  assert.deepEqual(b.errors(), []);
});

test('extractPost picks the build from the source, as the loader does', async () => {
  await b.page.goto(`${b.server.url}/tests/browser/pages/module.html`);
  b.server.requests.length = 0;
  const result = await b.page.evaluate(async () => {
    const postchart = await import('/dist/index.js');
    const html = await postchart.extractPost('<p>甲市销售额12亿元，乙市8亿元。</p>');
    const leanOnly = performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm'));
    const md = await postchart.extractPost('## 甲\n\n- 甲市销售额**12亿元**\n- 乙市8亿元\n');
    return { html: html.facts.map((f) => f.text), leanOnly, md: md.facts.map((f) => f.text) };
  });
  assert.deepEqual(result.leanOnly.map((n) => n.split('/').pop()), ['postchart-lean_bg.wasm']);
  assert.deepEqual(result.html, ['12亿元', '8亿元']);
  assert.deepEqual(result.md, ['12亿元', '8亿元']);
  assert.equal(fetched('/dist/wasm/postchart_bg.wasm'), 1);
});
