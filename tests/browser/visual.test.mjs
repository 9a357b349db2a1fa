// Visual reference tests, Chromium side: every case in tests/visual/cases.json drawn by the
// wasm build on a real canvas (widths 320 and 800, device pixel ratios 1 and 2, light and dark,
// the font pinned in tests/visual/font/) and compared with tests/visual/chromium/ by pixelmatch.
// A mismatch writes the drawn image and a diff image to test-artifacts/visual/ and names them.
// Regenerate after an intended change: `UPDATE_VISUAL=1 node --test tests/browser/visual.test.mjs`
// (or `npm run visual:update`), then look at the images.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { launch, artifacts } from './browser.mjs';
import { root } from '../../scripts/serve.mjs';

const cases = JSON.parse(readFileSync(join(root, 'tests/visual/cases.json'), 'utf8'));
const references = join(root, 'tests/visual/chromium');
const out = join(artifacts, 'visual');
const update = process.env.UPDATE_VISUAL === '1';
// pixelmatch's colour threshold (its default 0.1 lets a 32-level change in one channel pass),
// and the share of pixels that may differ: anti-aliased edges are not counted by pixelmatch, so
// this only absorbs small rasteriser changes between Chromium versions.
const THRESHOLD = 0.05;
const MAX_DIFFERING_SHARE = 0.005;
// References made with another Chromium major version: text may be rasterised a little
// differently, so up to 3 % may differ (a real regression differs far more), and the run says
// to regenerate. The version the references were made with is kept beside them.
const OTHER_VERSION_SHARE = 0.03;
const versionFile = join(references, 'chromium-version.txt');

rmSync(out, { recursive: true, force: true }); // only this run's failures are left there
const browsers = [];
after(async () => {
  for (const b of browsers) await b.close();
});

function writePng(path, png) {
  writeFileSync(path, PNG.sync.write(png, { deflateLevel: 9 }));
}

for (const ratio of cases.pixel_ratios) {
  test(`every chart kind matches its Chromium reference image at device pixel ratio ${ratio}`, async () => {
    const b = await launch({ deviceScaleFactor: ratio });
    browsers.push(b);
    await b.page.goto(`${b.server.url}/tests/browser/pages/visual.html`);
    await b.page.evaluate(() => window.ready);
    mkdirSync(references, { recursive: true });
    mkdirSync(out, { recursive: true });
    const major = /Chrome\/(\d+)/.exec(await b.page.evaluate(() => navigator.userAgent))?.[1] || 'unknown';
    const madeWith = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : 'unknown';
    if (update) writeFileSync(versionFile, `${major}\n`);
    const share = update || madeWith === major ? MAX_DIFFERING_SHARE : OTHER_VERSION_SHARE;
    if (!update && madeWith !== major) {
      console.log(`references made with Chromium ${madeWith}, this is ${major}: up to ${share * 100}% may differ; regenerate them (npm run visual:update)`);
    }
    const failures = [];
    let compared = 0;
    for (const { name, spec } of cases.cases) {
      for (const theme of cases.themes) {
        for (const width of cases.widths) {
          const file = `${name}-${theme}-w${width}@${ratio}x.png`;
          const url = await b.page.evaluate(
            ({ spec, width, theme }) => window.drawCase(spec, width, theme),
            { spec, width, theme },
          );
          const actual = PNG.sync.read(Buffer.from(url.split(',')[1], 'base64'));
          const referencePath = join(references, file);
          if (update) {
            writePng(referencePath, actual);
            continue;
          }
          compared++;
          if (!existsSync(referencePath)) {
            writePng(join(out, file), actual);
            failures.push(`${file}: no reference image (drawn: ${join(out, file)})`);
            continue;
          }
          const reference = PNG.sync.read(readFileSync(referencePath));
          if (reference.width !== actual.width || reference.height !== actual.height) {
            writePng(join(out, file), actual);
            failures.push(
              `${file}: drawn ${actual.width}×${actual.height}, reference ${reference.width}×${reference.height}`,
            );
            continue;
          }
          const diff = new PNG({ width: actual.width, height: actual.height });
          const differing = pixelmatch(actual.data, reference.data, diff.data, actual.width, actual.height, {
            threshold: THRESHOLD,
          });
          if (differing > actual.width * actual.height * share) {
            const diffPath = join(out, file.replace('.png', '.diff.png'));
            writePng(join(out, file), actual);
            writePng(diffPath, diff);
            failures.push(`${file}: ${differing} of ${actual.width * actual.height} pixels differ (diff: ${diffPath})`);
          }
        }
      }
    }
    assert.deepEqual(b.errors(), []);
    assert.equal(
      failures.length,
      0,
      `${failures.length} of ${compared} images differ from their references; if the change is intended, ` +
        `regenerate with \`UPDATE_VISUAL=1 node --test tests/browser/visual.test.mjs\` and look at them:\n` +
        failures.join('\n'),
    );
  });
}
