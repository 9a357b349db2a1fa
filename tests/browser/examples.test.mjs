// The example sites (examples/hugo, examples/eleventy) built as a site's build would build
// them (scripts/examples.sh): every post page charts its story with no console error, and
// without JavaScript the pictures `postchart render` drew stand in.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { root } from '../../scripts/serve.mjs';

const SITES = { hugo: 'examples/hugo/public', eleventy: 'examples/eleventy/_site' };
const POSTS = ['jobs', 'fares', 'budget'];

before(() => {
  execFileSync('bash', ['scripts/examples.sh'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
});

for (const [site, dir] of Object.entries(SITES)) {
  test(`${site}: each post is charted in the page, with no console error`, async () => {
    const b = await launch({ serverOptions: { dir: join(root, dir) } });
    try {
      for (const post of POSTS) {
        await b.page.goto(`${b.server.url}/posts/${post}/`);
        await b.page.waitForSelector('article[data-postchart-state="done"]', { timeout: 15000 });
        const canvases = await b.page.$$eval('figure.postchart canvas', (cs) => cs.length);
        assert.ok(canvases >= 1, `${site} ${post}: ${canvases} charts`);
        // The build's picture gave way to the live chart.
        assert.equal(await b.page.$$eval('img[data-postchart-fallback]', (i) => i.length), 0);
      }
      assert.deepEqual(b.errors(), []);
    } finally {
      await b.close();
    }
  });

  test(`${site}: without JavaScript the build's pictures stand, with alt text`, async () => {
    const b = await launch({ serverOptions: { dir: join(root, dir) }, javaScriptEnabled: false });
    try {
      for (const post of POSTS) {
        await b.page.goto(`${b.server.url}/posts/${post}/`);
        const img = await b.page.waitForSelector('noscript img', { state: 'attached', timeout: 5000 }).catch(() => null);
        const shown = await b.page.$$eval('img', (imgs) =>
          imgs.map((i) => ({ src: i.getAttribute('src'), w: i.naturalWidth, alt: i.alt })),
        );
        assert.ok(img || shown.length, `${site} ${post}: a picture`);
        await b.page.waitForFunction(() => [...document.images].every((i) => i.complete));
        const loaded = await b.page.$$eval('img', (imgs) => imgs.map((i) => i.naturalWidth));
        assert.ok(loaded.length === 1 && loaded[0] >= 640, `${site} ${post}: ${JSON.stringify(shown)}`);
        assert.ok(shown[0].alt.length > 0);
      }
    } finally {
      await b.close();
    }
  });
}
