// Safe on any page: inert text, strict CSP, no stray requests, many widgets, nothing leaks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launch, artifacts } from './browser.mjs';
import { root } from '../../scripts/serve.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
let b;

before(async () => {
  b = await launch({ serverOptions: { headers: (path) => (path.endsWith('/csp.html') ? { 'content-security-policy': CSP } : {}) } });
  // Registered before any page script, CSP or not: violations, dialogs and the canary.
  await b.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  b.page.on('dialog', (d) => {
    b.messages.push({ type: 'dialog', text: d.message() });
    d.dismiss();
  });
});
after(async () => {
  await b?.close();
});

async function open(path) {
  b.messages.length = 0;
  b.server.requests.length = 0;
  await b.page.goto(`${b.server.url}${path}`);
}

/** Every element inside postchart's figures that postchart does not create (canvas, data table). */
async function foreignElements() {
  const ours = ['CANVAS', 'DIV', 'TABLE', 'CAPTION', 'TBODY', 'TR', 'TH', 'TD', 'BUTTON'];
  return b.page.$$eval(
    'figure.postchart *',
    (els, ours) => els.filter((e) => !ours.includes(e.tagName) || (e.tagName === 'DIV' && !['postchart-data-wrap', 'postchart-tooltip', 'postchart-actions'].includes(e.className))).map((e) => e.outerHTML.slice(0, 80)),
    ours,
  );
}

test('hostile labels and front matter render as inert text', async () => {
  await open('/tests/browser/pages/hostile.html');
  // Markup as a bar label is no editor's label: the article's chart may be held back (empty).
  await b.page.waitForSelector('#article[data-postchart-state="done"], #article[data-postchart-state="empty"]', { timeout: 15000 });
  await b.page.evaluate(() => {
    const hostile = [
      '---',
      'title: "<img src=x onerror=\\"window.__pwned=\'title\'\\">"',
      'tags: [javascript:window.__pwned=1]',
      '---',
      '<p><script>window.__pwned="script"</script>新增<img src=x onerror="window.__pwned=\'img\'">高级工2542人、',
      '<a href="javascript:window.__pwned=\'link\'">技师</a>402人、{{7*7}}工400人、',
      '<style>body{display:none}</style>x</style><script>window.__pwned="tail"</script>工种100人。</p>',
    ].join('\n');
    const s = document.createElement('script');
    s.type = 'text/markdown';
    s.id = 'hostile';
    s.dataset.postchart = '';
    s.textContent = hostile + '</script><script>window.__pwned="break-out"</script>';
    document.body.appendChild(s);
  });
  await b.page.waitForSelector('#hostile[data-postchart-state="done"]', { state: 'attached', timeout: 10000 });
  await b.page.waitForTimeout(300);
  assert.equal(await b.page.evaluate(() => window.__pwned), undefined, 'no injected script ran');
  assert.deepEqual(b.messages.filter((m) => m.type === 'dialog'), []);
  assert.deepEqual(await foreignElements(), [], 'the figures hold only canvases and data tables');
  const label = await b.page.$eval('#hostile + figure canvas', (c) => c.getAttribute('aria-label'));
  assert.ok(label.includes('2542人') && label.includes('402人'), label);
  const images = b.server.requests.filter((r) => r.includes('/x'));
  assert.deepEqual(images, [], 'no request for injected images');
  assert.equal(await b.page.evaluate(() => getComputedStyle(document.body).display), 'block', 'no injected CSS');
  assert.deepEqual(b.errors(), []);
});

test('a strict CSP with Trusted Types: every chart, zero violations, only its own requests', async () => {
  await open('/tests/browser/pages/csp.html');
  await b.page.waitForSelector('#remote[data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  assert.equal(await b.page.$$eval('figure.postchart canvas', (cs) => cs.length), 3);
  assert.deepEqual(await b.page.evaluate(() => window.__violations), []);
  const requests = [...new Set(b.server.requests)].sort();
  assert.deepEqual(requests, [
    '/dist/index.js',
    '/dist/postchart.js',
    // The seed's body is HTML: the lean build reads it.
    '/dist/wasm/postchart-lean.js',
    '/dist/wasm/postchart-lean_bg.wasm',
    '/tests/browser/pages/csp.html',
    '/tests/fixtures/seed.md',
    '/www/demo.css',
    '/www/favicon.svg',
  ]);
  await b.page.locator('main').screenshot({ path: join(artifacts, 'csp-page.png') });
  assert.deepEqual(b.errors(), []);
  // A long post is read in the worker, its URL vouched for by postchart's Trusted Types policy.
  const long = await b.page.evaluate(async () => {
    const filler = '这一段文字没有数字，只是让稿件变长。'.repeat(2000);
    const result = await window.postchart.extractPost(`${filler}\n\n新增高级工2542人、技师402人。`);
    return result.charts[0].points.map((p) => p.value);
  });
  assert.deepEqual(long, [2542, 402]);
  assert.ok(b.server.requests.includes('/dist/worker.js'));
  assert.deepEqual(await b.page.evaluate(() => window.__violations), []);
});

test('data-src from another origin is refused unless the page allows it', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  await b.page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'foreign';
    d.dataset.postchart = '';
    d.dataset.src = 'http://127.0.0.2:9/post.md';
    document.body.appendChild(d);
  });
  await b.page.waitForSelector('#foreign[data-postchart-state="error"]', { state: 'attached', timeout: 5000 });
  const error = await b.page.getAttribute('#foreign', 'data-postchart-error');
  assert.match(error, /not this page's origin/);
  assert.ok(!b.server.requests.some((r) => r.includes('post.md')));
});

test('fifty widgets, one broken, added and removed: the rest chart and nothing leaks', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  const before = await b.page.evaluate(() => window.postchart.stats());
  await b.page.evaluate(() => {
    const host = document.createElement('section');
    host.id = 'many';
    for (let k = 0; k < 50; k++) {
      const s = document.createElement('script');
      s.type = 'text/markdown';
      s.dataset.postchart = '';
      s.className = 'many';
      s.textContent = k === 7 ? '\u0000\u0001binary\u0002' : `地区甲${k + 1}家、地区乙${k + 2}家、地区丙${k + 3}家。`;
      host.appendChild(s);
    }
    document.body.appendChild(host);
  });
  await b.page.waitForFunction(
    () => [...document.querySelectorAll('script.many')].every((s) => ['done', 'error'].includes(s.dataset.postchartState)),
    null,
    { timeout: 20000 },
  );
  const states = await b.page.$$eval('script.many', (ss) => ss.map((s) => s.dataset.postchartState));
  assert.equal(states.filter((s) => s === 'done').length, 49);
  assert.equal(states[7], 'error');
  let now = await b.page.evaluate(() => window.postchart.stats());
  assert.equal(now.figures, before.figures + 49);
  assert.equal(now.resizeObservers, before.resizeObservers + 49);

  // Remove half: their figures go, their observers are released.
  await b.page.evaluate(() => [...document.querySelectorAll('script.many')].slice(0, 25).forEach((s) => s.remove()));
  await b.page.waitForFunction((n) => window.postchart.stats().figures === n, before.figures + 25, { timeout: 5000 });
  now = await b.page.evaluate(() => window.postchart.stats());
  assert.equal(now.resizeObservers, before.resizeObservers + 25);
  assert.equal(await b.page.$$eval('#many figure.postchart', (f) => f.length), 25);

  // Calling the API twice, and autoRender again, draws nothing twice.
  const again = await b.page.evaluate(async () => {
    const { autoRender, init } = window.postchart;
    await Promise.all([init(), init()]);
    const handle = autoRender(document);
    await handle.done;
    handle.disconnect();
    return window.postchart.stats();
  });
  assert.equal(again.figures, now.figures);
  assert.deepEqual(b.errors(), []);
});

test('the code base has no HTML or script sinks', () => {
  const sinks = /\binnerHTML\b|\bouterHTML\b|insertAdjacentHTML|document\.write|set_inner_html|new Function\b|\beval\(|\son[a-z]+=\s*["']/;
  const roots = ['js', 'src', 'www', 'scripts'];
  const found = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|mjs|ts|rs|html)$/.test(name)) {
        readFileSync(path, 'utf8').split('\n').forEach((line, n) => {
          if (sinks.test(line)) found.push(`${relative(root, path)}:${n + 1}: ${line.trim()}`);
        });
      }
    }
  };
  roots.forEach((r) => walk(join(root, r)));
  // The built bundle too: what pages actually load.
  walk(join(root, 'dist'));
  assert.deepEqual(found, []);
});

test('strange strings from JS: lone surrogates, RTL, emoji, combining marks', async () => {
  await open('/www/npm.html');
  await b.page.waitForSelector('html[data-postchart-demo="done"]', { timeout: 15000 });
  const outcome = await b.page.evaluate(async () => {
    const { extractPost, renderPost } = await import('postchart');
    const results = [];
    for (const text of [
      '\uD800新增高级工2542人、技师402人\uDFFF',
      // (the Arabic greeting its own sentence: a pair of figures is drawn only with short labels)
      'مرحبا。新增高级工2542人、技师402人 \u202e',
      '📈🚀新增高级工2542人、技师402人👩‍👩‍👧',
      'e\u0301\u0302新增高级工2542人、技师402人',
    ]) {
      try {
        const host = document.createElement('div');
        document.body.appendChild(host);
        const r = await renderPost(host, text);
        results.push(`${r.charts.length}:${host.querySelectorAll('canvas').length}`);
      } catch (e) {
        results.push(`error:${e.message}`);
      }
    }
    // A string of nothing but a lone surrogate: no figures, no chart.
    const lone = await extractPost('\uD83D');
    results.push(`lone:${lone.facts.length}:${lone.charts.length}`);
    return results;
  });
  assert.deepEqual(outcome, ['1:1', '1:1', '1:1', '1:1', 'lone:0:0']);
  assert.deepEqual(b.errors(), []);
});
