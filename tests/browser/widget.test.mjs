// The widget in a real browser: the demo page, the npm-style page, automatic mode and bad input.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, countPixels, artifacts } from './browser.mjs';

const BAR_RGB = [0x1f, 0x6f, 0xc5];
let b;

before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

async function open(path) {
  b.messages.length = 0;
  await b.page.goto(`${b.server.url}${path}`);
}

test('the demo page charts the seed post with no console error', async () => {
  await open('/www/index.html');
  await b.page.waitForSelector('script[data-postchart][data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  const canvases = await b.page.$$eval('figure.postchart canvas', (cs) =>
    cs.map((c) => ({ role: c.getAttribute('role'), label: c.getAttribute('aria-label'), kind: c.dataset.postchartKind, w: c.width, h: c.height })),
  );
  assert.equal(canvases.length, 2);
  const [bar, kpi] = canvases;
  assert.equal(bar.role, 'img');
  assert.equal(bar.kind, 'bar');
  assert.equal(
    bar.label,
    '柱状图：2021年新增人数。初中级工 4948人；高级工 2542人；技师 402人；高级技师 136人。来源：中国劳动保障报。',
  );
  assert.equal(kpi.kind, 'kpi');
  for (const figure of ['70639人次', '2147.9万元', '347家', '15%']) {
    assert.ok(kpi.label.includes(figure), `${figure} in the KPI text`);
  }
  assert.ok(bar.w > 300 && bar.h > 200, `canvas backing store ${bar.w}x${bar.h}`);
  await b.page.locator('figure.postchart').screenshot({ path: join(artifacts, 'seed-figure.png') });
  await b.page.screenshot({ path: join(artifacts, 'seed-page.png'), fullPage: true });
  assert.deepEqual(b.errors(), []);
});

test('the seed bars are drawn in the bar colour, tallest first', async () => {
  // The four bars sit in four equal bands between the axis labels and the right edge.
  const geometry = await b.page.$eval('figure.postchart canvas', (c) => {
    const r = c.getBoundingClientRect();
    return { w: r.width, h: r.height };
  });
  const sel = 'figure.postchart canvas[data-postchart-kind="bar"]';
  const total = await countPixels(b.page, sel, BAR_RGB);
  assert.ok(total > 5000, `bar-coloured pixels: ${total}`);
  const left = 60;
  const band = (geometry.w - left - 16) / 4;
  const perBar = [];
  for (let k = 0; k < 4; k++) {
    perBar.push(await countPixels(b.page, sel, BAR_RGB, [left + band * k, 0, band, geometry.h]));
  }
  assert.ok(perBar[0] > perBar[1] && perBar[1] > perBar[2] && perBar[2] > perBar[3], `bar areas ${perBar}`);
  // 4948 : 2542 within 10 %.
  const ratio = perBar[0] / perBar[1];
  assert.ok(Math.abs(ratio - 4948 / 2542) < 0.2, `area ratio ${ratio}`);
});

test('Chinese labels are real glyphs, not missing-glyph boxes', async () => {
  // Two different characters drawn with the chart's font must differ; tofu boxes are identical.
  const distinct = await b.page.evaluate(() => {
    const figure = document.querySelector('figure.postchart');
    const family = `${getComputedStyle(figure).fontFamily}, sans-serif`;
    const draw = (ch) => {
      const c = document.createElement('canvas');
      c.width = 40;
      c.height = 40;
      const ctx = c.getContext('2d');
      ctx.font = `32px ${family}`;
      ctx.fillText(ch, 2, 34);
      return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
    };
    return draw('初') !== draw('技') && draw('技') !== draw('师');
  });
  assert.ok(distinct, 'CJK glyphs render distinctly (is a CJK font installed?)');
});

test('the npm-style page renders through the ES module import', async () => {
  await open('/www/npm.html');
  await b.page.waitForSelector('html[data-postchart-demo="done"]', { timeout: 15000 });
  const labels = await b.page.$$eval('#charts figure.postchart canvas', (cs) => cs.map((c) => c.getAttribute('aria-label')));
  assert.equal(labels.length, 2);
  assert.ok(labels[0].includes('4948'));
  assert.equal(await b.page.textContent('#headline'), '建培训高地 植技能沃土');
  assert.ok((await countPixels(b.page, '#charts canvas', BAR_RGB)) > 5000);
  await b.page.screenshot({ path: join(artifacts, 'npm-page.png'), fullPage: true });
  assert.deepEqual(b.errors(), []);
});

test('articles, targets and elements added later are charted', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  // A rendered article's chart stands right after the paragraph it comes from.
  const article = await b.page.$eval('#article p + figure.postchart canvas', (c) => c.getAttribute('aria-label'));
  assert.equal(article, '柱状图：去年新增人数。高级工 2542人；技师 402人；高级技师 136人。来源：测试日报。');
  await b.page.waitForSelector('#chart-slot figure.postchart canvas', { timeout: 5000 });
  const targeted = await b.page.$eval('#chart-slot canvas', (c) => c.getAttribute('aria-label'));
  assert.ok(targeted.includes('甲厂') || targeted.includes('120辆'), targeted);

  // Added after load: the MutationObserver picks it up.
  await b.page.evaluate(() => {
    const s = document.createElement('script');
    s.type = 'text/markdown';
    s.id = 'late';
    s.dataset.postchart = '';
    s.textContent = '新增初中级工4948人、高级工2542人。';
    document.body.appendChild(s);
  });
  await b.page.waitForSelector('#late[data-postchart-state="done"] + figure.postchart canvas', { timeout: 5000 });

  // Removed: its figure goes too.
  await b.page.evaluate(() => document.getElementById('late').remove());
  await b.page.waitForFunction(() => document.querySelectorAll('figure.postchart').length === 2, null, { timeout: 5000 });
  assert.deepEqual(b.errors(), []);
});

test('bad input ends in a clear error or no chart, never an exception or a hang', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  const started = Date.now();
  await b.page.evaluate(() => {
    const big = ('<p>本段没有统计，只有文字。' + '很长的正文。'.repeat(40) + '</p>\n').repeat(20000);
    let binary = '';
    for (let i = 0; i < 4096; i++) binary += String.fromCharCode((i * 7919) % 256);
    const cases = {
      empty: '',
      'front-matter-only': '---\ntitle: 只有标题\n---\n',
      'no-numbers': '---\ntitle: 无数字\n---\n今天天气很好，没有任何数字。',
      'broken-front-matter': '---\ntitle: [unclosed\ndate: :::\n正文没有结束的头',
      'five-mb': '---\ntitle: 大文件\n---\n' + big.slice(0, 5 * 1024 * 1024),
      binary,
    };
    for (const [id, text] of Object.entries(cases)) {
      const s = document.createElement('script');
      s.type = 'text/markdown';
      s.id = id;
      s.dataset.postchart = '';
      s.textContent = text;
      document.body.appendChild(s);
    }
  });
  const ids = ['empty', 'front-matter-only', 'no-numbers', 'broken-front-matter', 'five-mb', 'binary'];
  await b.page.waitForFunction(
    (ids) => ids.every((id) => ['empty', 'error', 'done'].includes(document.getElementById(id).dataset.postchartState)),
    ids,
    { timeout: 30000 },
  );
  const states = await b.page.evaluate((ids) => Object.fromEntries(ids.map((id) => {
    const el = document.getElementById(id);
    return [id, [el.dataset.postchartState, el.getAttribute('data-postchart-error')]];
  })), ids);
  for (const id of ['empty', 'front-matter-only', 'no-numbers', 'broken-front-matter', 'five-mb']) {
    assert.deepEqual(states[id], ['empty', null], id);
  }
  assert.deepEqual(states.binary, ['error', 'post is not text (binary data)']);
  assert.ok(b.warnings().some((m) => m.text.includes('post is not text')), 'a console warning names the error');
  assert.ok(Date.now() - started < 30000);
  // The page still works.
  assert.equal(await b.page.evaluate(() => 1 + 1), 2);
  assert.deepEqual(b.errors(), []);
});

test('the API rejects with an Error and leaves the page alone', async () => {
  await open('/www/npm.html');
  await b.page.waitForSelector('html[data-postchart-demo="done"]', { timeout: 15000 });
  const outcome = await b.page.evaluate(async () => {
    const { renderPost, extractPost } = await import('postchart');
    const results = [];
    try {
      await renderPost(null, 'x');
    } catch (e) {
      results.push(e instanceof TypeError);
    }
    try {
      await extractPost('\u0000\u0001\u0002');
    } catch (e) {
      results.push(e instanceof Error && e.message);
    }
    const twice = await Promise.all([extractPost('技师402人、高级工2542人'), extractPost('技师402人、高级工2542人')]);
    results.push(twice[0].charts.length === 1 && twice[1].charts[0].points[1].value === 2542);
    return results;
  });
  assert.deepEqual(outcome, [true, 'post is not text (binary data)', true]);
  assert.deepEqual(b.errors(), []);
});

test('the gallery shows columns, a line, a donut, horizontal bars, cards and a dark panel', async () => {
  await open('/www/gallery.html');
  await b.page.waitForFunction(
    () => [...document.querySelectorAll('script[data-postchart]')].every((s) => s.dataset.postchartState === 'done'),
    null,
    { timeout: 15000 },
  );
  const kinds = await b.page.$$eval('figure.postchart canvas', (cs) => cs.map((c) => c.dataset.postchartKind));
  assert.deepEqual(kinds, ['bar', 'line', 'pie', 'kpi', 'hbar', 'kpi', 'bar', 'kpi']);
  const columns = await b.page.$eval('canvas[data-postchart-kind="bar"]', (c) => c.getAttribute('aria-label'));
  assert.equal(
    columns,
    '柱状图：2023年新增人数。初级工 3.1万人；中级工 3.6万人；高级工 4万人；技师 4400人。来源：市人力资源和社会保障局。',
  );
  // The dark panel's charts are drawn on the dark theme's background.
  assert.ok((await countPixels(b.page, '.dark-panel canvas', [0x16, 0x1b, 0x22], null, 4)) > 20000);
  const line = await b.page.$eval('canvas[data-postchart-kind="line"]', (c) => c.getAttribute('aria-label'));
  assert.equal(line, '折线图：新能源汽车销量。2019年 12.1万辆；2020年 13.7万辆；2021年 35.2万辆；2022年 68.9万辆。');
  // The donut's second slice is drawn in the second palette colour.
  assert.ok((await countPixels(b.page, 'canvas[data-postchart-kind="pie"]', [0xe0, 0x8a, 0x1e])) > 2000);
  await b.page.screenshot({ path: join(artifacts, 'gallery.png'), fullPage: true });
  assert.deepEqual(b.errors(), []);
});

test('each chart is followed by a visually hidden table of its exact figures', async () => {
  await open('/www/index.html');
  await b.page.waitForSelector('script[data-postchart][data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  const tables = await b.page.$$eval('figure.postchart table.postchart-data', (ts) =>
    ts.map((t) => ({
      caption: t.caption.textContent,
      rows: [...t.rows].map((r) => [...r.cells].map((c) => c.textContent)),
      box: [t.parentElement.getBoundingClientRect().width, t.parentElement.getBoundingClientRect().height],
      after: t.parentElement.previousElementSibling?.dataset.postchartKind,
    })),
  );
  assert.equal(tables.length, 2);
  // Filled in later frames than the charts, each in its place after its chart.
  assert.deepEqual(tables.map((t) => t.after), ['bar', 'kpi']);
  assert.equal(tables[0].caption, '2021年新增人数');
  assert.deepEqual(tables[0].rows, [['初中级工', '4948人'], ['高级工', '2542人'], ['技师', '402人'], ['高级技师', '136人']]);
  assert.deepEqual(tables[1].rows[1], ['培训补贴资金', '2147.9万元']);
  assert.ok(tables.every((t) => t.box[0] <= 1 && t.box[1] <= 1), 'visually hidden');
});

test('in a hidden page, where no animation frame comes, the data tables still follow the charts', async () => {
  await open('/www/npm.html');
  await b.page.waitForSelector('html[data-postchart-demo="done"]', { timeout: 15000 });
  const rows = await b.page.evaluate(async () => {
    const { renderPost } = await import('postchart');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    const frame = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0; // a background tab: frames never come
    try {
      const host = document.createElement('div');
      document.body.appendChild(host);
      await renderPost(host, '技师402人、高级工2542人、高级技师136人。');
      for (let k = 0; k < 50 && !host.querySelector('table'); k++) await new Promise((r) => setTimeout(r, 10));
      return [...host.querySelectorAll('table.postchart-data tr')].map((r) => r.textContent);
    } finally {
      window.requestAnimationFrame = frame;
      delete document.visibilityState;
    }
  });
  assert.deepEqual(rows, ['技师402人', '高级工2542人', '高级技师136人']);
});

test('a change of pixel density redraws at the new resolution', async () => {
  await open('/www/index.html');
  await b.page.waitForSelector('script[data-postchart][data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  const size = () => b.page.$eval('figure.postchart canvas', (c) => [c.width, c.height, c.getBoundingClientRect().width]);
  const [w1, h1, css] = await size();
  assert.equal(w1, Math.round(css));
  // Zooming or moving to a denser screen changes devicePixelRatio and fires a resize (and a
  // resolution media-query change). Headless emulation fires neither, so the test does what
  // the browser would: a new ratio, then the event.
  await b.page.evaluate(() => {
    Object.defineProperty(window, 'devicePixelRatio', { configurable: true, get: () => 2 });
    window.dispatchEvent(new Event('resize'));
  });
  await b.page.waitForFunction((w) => document.querySelector('figure.postchart canvas').width === w, w1 * 2, { timeout: 5000 });
  const [w2, h2] = await size();
  assert.equal(w2, w1 * 2);
  assert.equal(h2, h1 * 2);
});

test('pointing at a bar or moving with the arrow keys shows its exact figure', async () => {
  await open('/www/index.html');
  await b.page.waitForSelector('script[data-postchart][data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  const canvas = b.page.locator('figure.postchart canvas[data-postchart-kind="bar"]');
  const box = await canvas.boundingBox();
  // The first of four bars sits in the first quarter of the plot, right of the axis labels.
  await b.page.mouse.move(box.x + 60 + (box.width - 76) / 8, box.y + box.height * 0.6);
  const tip = b.page.locator('figure.postchart .postchart-tooltip').first();
  await tip.waitFor({ state: 'visible', timeout: 3000 });
  assert.equal(await tip.textContent(), '初中级工：4948人');
  await b.page.mouse.move(box.x + box.width + 50, box.y - 50);
  await tip.waitFor({ state: 'hidden', timeout: 3000 });

  await canvas.focus();
  await b.page.keyboard.press('ArrowRight');
  assert.equal(await tip.textContent(), '初中级工：4948人');
  await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.press('ArrowRight');
  assert.equal(await tip.textContent(), '技师：402人');
  await b.page.keyboard.press('End');
  assert.equal(await tip.textContent(), '高级技师：136人');
  assert.equal(await tip.getAttribute('aria-live'), 'polite');
  await b.page.keyboard.press('Escape');
  assert.equal(await tip.isVisible(), false);
  await b.page.locator('figure.postchart').first().screenshot({ path: join(artifacts, 'tooltip.png') });
});

test('each chart offers its picture and its exact data for download', async () => {
  await open('/www/index.html');
  await b.page.waitForSelector('script[data-postchart][data-postchart-state="done"]', { state: 'attached', timeout: 15000 });
  const buttons = b.page.locator('figure.postchart .postchart-actions').first().locator('button');
  assert.deepEqual(await buttons.allTextContents(), ['下载图片 (PNG)', '下载数据 (CSV)']);
  const [csv] = await Promise.all([b.page.waitForEvent('download'), buttons.nth(1).click()]);
  assert.equal(csv.suggestedFilename(), '2021年新增人数.csv');
  const text = readFileSync(await csv.path(), 'utf8');
  assert.equal(
    text,
    '\uFEFFlabel,value,scale,unit,figure\r\n初中级工,4948,1,人,4948人\r\n高级工,2542,1,人,2542人\r\n技师,402,1,人,402人\r\n高级技师,136,1,人,136人\r\n',
  );
  const [png] = await Promise.all([b.page.waitForEvent('download'), buttons.nth(0).click()]);
  assert.equal(png.suggestedFilename(), '2021年新增人数.png');
  const bytes = readFileSync(await png.path());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
  // The KPI cards' CSV keeps 2147.9 and its scale apart: nothing rounded, nothing multiplied.
  const kpiButtons = b.page.locator('figure.postchart .postchart-actions').nth(1).locator('button');
  const [kpi] = await Promise.all([b.page.waitForEvent('download'), kpiButtons.nth(1).click()]);
  assert.ok(readFileSync(await kpi.path(), 'utf8').includes('培训补贴资金,2147.9,10000,元,2147.9万元'));
  assert.deepEqual(b.errors(), []);
});

test('page CSS can set the accent colour through a custom property', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  await b.page.evaluate(async () => {
    const host = document.createElement('div');
    host.id = 'themed';
    host.style.setProperty('--postchart-accent', '#c23b5a');
    document.body.appendChild(host);
    await window.postchart.renderPost(host, '新增高级工2542人、技师402人。');
  });
  assert.ok((await countPixels(b.page, '#themed canvas', [0xc2, 0x3b, 0x5a])) > 2000);
});

test('resizing, hiding and showing the container redraws at the new size; the page sets the language', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  await b.page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'sized';
    host.style.width = '800px';
    const s = document.createElement('script');
    s.type = 'text/markdown';
    s.id = 'sized-post';
    s.dataset.postchart = '';
    s.dataset.postchartLang = 'en';
    s.textContent = '新增高级工2542人、技师402人。';
    host.appendChild(s);
    document.body.appendChild(host);
  });
  await b.page.waitForSelector('#sized-post[data-postchart-state="done"]', { state: 'attached', timeout: 5000 });
  const width = () => b.page.$eval('#sized canvas', (c) => c.width);
  assert.equal(await width(), 800);
  assert.match(await b.page.$eval('#sized canvas', (c) => c.getAttribute('aria-label')), /^Bar chart:/);
  await b.page.evaluate(() => (document.getElementById('sized').style.width = '320px'));
  await b.page.waitForFunction(() => document.querySelector('#sized canvas').width === 320, null, { timeout: 3000 });
  // Hidden: nothing is drawn at 0×0; shown again at a new width: drawn at that width.
  await b.page.evaluate(() => {
    const host = document.getElementById('sized');
    host.style.display = 'none';
    host.style.width = '500px';
  });
  await b.page.waitForTimeout(200);
  assert.equal(await width(), 320);
  await b.page.evaluate(() => (document.getElementById('sized').style.display = 'block'));
  await b.page.waitForFunction(() => document.querySelector('#sized canvas').width === 500, null, { timeout: 3000 });
  assert.deepEqual(b.errors(), []);
});

test('the nearest lang attribute sets the language of a post whose text is mixed, not of a Chinese one', async () => {
  await open('/tests/browser/pages/cases.html');
  await b.page.waitForSelector('#article[data-postchart-state="done"]', { timeout: 15000 });
  await b.page.evaluate(() => {
    for (const [id, text] of [
      ['mixed-post', 'Growth by skill level: 高级工 2542 people, 技师 402 people.'],
      ['chinese-post', '新增高级工2542人、技师402人。'],
    ]) {
      const host = document.createElement('section');
      host.lang = 'en';
      host.style.width = '600px';
      const s = document.createElement('script');
      s.type = 'text/markdown';
      s.id = id;
      s.dataset.postchart = '';
      s.textContent = text;
      host.appendChild(s);
      document.body.appendChild(host);
    }
  });
  for (const id of ['mixed-post', 'chinese-post']) {
    await b.page.waitForSelector(`#${id}[data-postchart-state="done"]`, { state: 'attached', timeout: 5000 });
  }
  const label = (id) => b.page.$eval(`#${id} + figure canvas`, (c) => c.getAttribute('aria-label'));
  assert.match(await label('mixed-post'), /^Key figures: /);
  assert.match(await label('chinese-post'), /^柱状图：/);
  assert.deepEqual(b.errors(), []);
});
