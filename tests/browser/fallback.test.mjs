// Pictures drawn at build time (`postchart render`): shown without JavaScript, and while the
// live chart is not drawn; removed once it is.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch } from './browser.mjs';

before(() => {
  execFileSync(
    'cargo',
    ['run', '--quiet', '--bin', 'postchart', '--', 'render', '--out', 'test-artifacts/fallback', 'tests/browser/pages/fallback-post.md'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
});

test('without JavaScript the build picture stands, with its alt text', async () => {
  const b = await launch();
  try {
    await b.page.route('**/dist/postchart.js', (route) => route.abort());
    await b.page.goto(`${b.server.url}/tests/browser/pages/fallback.html`);
    await b.page.waitForFunction(() => document.querySelector('#picture img')?.complete);
    const shown = await b.page.$eval('#picture img', (img) => ({ w: img.naturalWidth, alt: img.alt }));
    assert.ok(shown.w >= 640, `the PNG is drawn: ${shown.w}px`);
    assert.match(shown.alt, /甲市 12亿元/);
  } finally {
    await b.close();
  }
});

test('the live chart replaces the build picture', async () => {
  const b = await launch();
  try {
    await b.page.goto(`${b.server.url}/tests/browser/pages/fallback.html`);
    for (const id of ['pictured', 'from-dir']) {
      await b.page.waitForSelector(`#${id}[data-postchart-state="done"]`, { state: 'attached', timeout: 15000 });
    }
    assert.equal(await b.page.$$eval('[data-postchart-fallback]:not(#from-dir)', (f) => f.length), 0);
    assert.equal(await b.page.$$eval('#pictured + figure.postchart canvas', (c) => c.length) > 0, true);
    assert.deepEqual(b.errors(), []);
  } finally {
    await b.close();
  }
});

test('when the live chart cannot be drawn, the picture named by the directory stays', async () => {
  const b = await launch();
  try {
    await b.page.route('**/*.wasm', (route) => route.abort());
    await b.page.goto(`${b.server.url}/tests/browser/pages/fallback.html`);
    await b.page.waitForSelector('#from-dir[data-postchart-state="error"]', { state: 'attached', timeout: 15000 });
    const src = await b.page.$eval('#from-dir + img[data-postchart-fallback]', (img) => img.getAttribute('src'));
    assert.equal(src, '/test-artifacts/fallback/fallback-post.png');
  } finally {
    await b.close();
  }
});
