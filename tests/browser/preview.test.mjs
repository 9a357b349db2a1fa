// `postchart preview`: the editor's page opens from disk with every candidate drawn, under
// `default-src 'none'` with no console error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { launch } from './browser.mjs';

let b;

before(async () => {
  execFileSync(
    'cargo',
    ['run', '--quiet', '--bin', 'postchart', '--', 'preview', '--out', 'test-artifacts/preview', 'tests/browser/pages/preview-post.md'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  b = await launch();
  await b.page.goto(`${b.server.url}/test-artifacts/preview/preview-post.html`);
});
after(async () => {
  await b?.close();
});

test('every candidate is drawn with its number, state and front-matter lines', async () => {
  const sections = await b.page.$$eval('section', (all) =>
    all.map((s) => ({
      heading: s.querySelector('h2')?.textContent,
      svg: s.querySelectorAll('svg rect').length,
      state: s.querySelector('p')?.textContent,
      lines: s.querySelector('pre')?.textContent,
    })),
  );
  assert.ok(sections.length >= 2, JSON.stringify(sections));
  assert.equal(sections[1].heading, '#1 各市利润（亿元）');
  for (const [k, s] of sections.entries()) {
    assert.ok(s.svg > 1, `chart ${k} is drawn`);
    assert.match(s.state, /confidence \d\.\d\d · (drawn by the widget|held back)/);
    assert.ok(s.lines.includes(`only: [${k}]`) && s.lines.includes('exclude:'), s.lines);
  }
  assert.ok(sections.some((s) => s.state.includes('held back')), 'a held-back candidate is shown');
  assert.equal(await b.page.$$eval('script', (s) => s.length), 0);
  assert.deepEqual(b.errors(), []);
});
