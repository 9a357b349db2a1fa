// `npm pack` gives a package that a Vite 7 app can install, build and render with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, artifacts } from './browser.mjs';
import { root } from '../../scripts/serve.mjs';

test('npm pack -> Vite 7 build -> charts in the browser', { timeout: 180000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'postchart-vite-'));
  try {
    const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop();
    const tarball = join(work, packed);
    assert.ok(existsSync(tarball), `tarball ${tarball}`);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    for (const file of ['package/dist/index.js', 'package/dist/index.d.ts', 'package/dist/wasm/postchart_bg.wasm', 'package/dist/postchart.js']) {
      assert.ok(listing.includes(file), `${file} in the package`);
    }

    const app = join(work, 'app');
    cpSync(join(root, 'tests/vite-app'), app, { recursive: true });
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'vite-app', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', tarball], { cwd: app, stdio: 'inherit' });
    const vite = join(root, 'node_modules/vite/bin/vite.js');
    const version = execFileSync('node', [vite, '--version'], { cwd: app, encoding: 'utf8' });
    assert.match(version, /vite\/7\./);
    execFileSync('node', [vite, 'build', '--logLevel', 'warn'], { cwd: app, stdio: 'inherit' });
    const assets = readdirSync(join(app, 'dist/assets'));
    assert.ok(assets.some((f) => f.endsWith('.wasm')), `wasm emitted: ${assets}`);

    const b = await launch({ serverOptions: { dir: join(app, 'dist') } });
    try {
      await b.page.goto(`${b.server.url}/index.html`);
      await b.page.waitForSelector('html[data-done="yes"]', { timeout: 15000 });
      const label = await b.page.$eval('#charts canvas', (c) => c.getAttribute('aria-label'));
      assert.ok(label.includes('初中级工 4948人'), label);
      assert.equal(await b.page.getAttribute('html', 'data-facts'), '4');
      await b.page.screenshot({ path: join(artifacts, 'vite-app.png') });
      assert.deepEqual(b.errors(), []);
    } finally {
      await b.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
