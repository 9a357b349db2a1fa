// npm run bench:browser — postchart beside Chart.js, ECharts and Recognizers-Text in one
// headless Chromium (playwright-core driving /usr/bin/chromium), figures as Markdown tables:
//   (a) script start -> wasm ready, (b) wasm ready -> the seed post's charts drawn,
//   (c) one bar chart drawn from given data (postchart, Chart.js, ECharts), interleaved,
//   (d) extraction over the same corpus texts (postchart in wasm, Recognizers-Text),
//   (e) JS heap and wasm memory with 50 charts on a page,
//   (f) the longest main-thread task while charting the seed and a long post.
// Environment: BENCH_QUICK=1 (CI: few rounds, 3 posts), BENCH_POSTS=N posts for (d) (default 40),
// BENCH_ROUNDS=N for (c) (default 60). Needs `npm run build` and a release CLI
// (`cargo build --release`) for the corpus paragraphs.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../tests/browser/browser.mjs';
import { root } from './serve.mjs';

const quick = process.env.BENCH_QUICK === '1';
const rounds = Number(process.env.BENCH_ROUNDS || (quick ? 5 : 60));
const postCount = Number(process.env.BENCH_POSTS || (quick ? 3 : 40));
const loads = quick ? 3 : 15;

// The corpus texts, as paragraphs: what both extractors read.
const shared = join(root, '../shared/corpus/posts');
const cli = join(root, 'target/release/postchart');
if (!existsSync(cli)) execFileSync('cargo', ['build', '--release', '--bin', 'postchart'], { cwd: root, stdio: 'inherit' });
const files = existsSync(shared)
  ? readdirSync(shared).filter((f) => f.endsWith('.md')).sort().slice(0, postCount).map((f) => join(shared, f))
  : [join(root, 'tests/fixtures/seed.md')];
const posts = execFileSync(cli, ['paragraphs', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 })
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l).paragraphs);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
const chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
console.log(`${new Date().toISOString().slice(0, 10)}, ${chromium}, ${process.env.BENCH_MACHINE || 'this machine'}${quick ? ', quick run' : ''}\n`);

// (a), (b): a fresh page load each time.
{
  const b = await launch({ viewport: { width: 800, height: 900 } });
  const ready = [];
  const first = [];
  for (let k = 0; k < loads; k++) {
    await b.page.goto(`${b.server.url}/bench/ready.html`);
    const r = await (await b.page.waitForFunction(() => window.result, null, { timeout: 30000 })).jsonValue();
    ready.push(r.readyMs);
    first.push(r.firstChartMs);
  }
  await b.close();
  // The first load compiles the wasm; later loads reuse the browser's cache of compiled code,
  // as a reader's second page on the site does.
  console.log(`| seed post, page loads from localhost | first load ms | median of the next ${loads - 1} ms |`);
  console.log('| --- | --- | --- |');
  console.log(`| (a) script start → wasm ready | ${f1(ready[0])} | ${f1(median(ready.slice(1)))} |`);
  console.log(`| (b) wasm ready → seed charts drawn (bar + cards) | ${f1(first[0])} | ${f1(median(first.slice(1)))} |`);
}

// (c): render only, at device pixel ratios 1 and 2.
console.log('\n| (c) seed bar chart, drawn from data | DPR | postchart ms | Chart.js ms | ECharts ms | postchart / Chart.js | postchart / ECharts |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const ratio of [1, 2]) {
  const b = await launch({ viewport: { width: 900, height: 900 }, deviceScaleFactor: ratio });
  await b.page.goto(`${b.server.url}/bench/render.html`);
  await b.page.waitForFunction(() => window.benchReady, null, { timeout: 30000 });
  const r = await b.page.evaluate((n) => window.bench.render(n), rounds);
  const m = r.median;
  console.log(`| ${r.width}×${r.height} CSS px, ${r.points} bars, median of ${rounds} | ${ratio} | ${f2(m.postchart)} | ${f2(m.chartjs)} | ${f2(m.echarts)} | ${f2(m.postchart / m.chartjs)} | ${f2(m.postchart / m.echarts)} |`);
  if (b.errors().length) console.log('page errors:', b.errors());
  await b.close();
}

// (d): extraction on the same texts.
{
  const b = await launch();
  await b.page.goto(`${b.server.url}/bench/render.html`);
  await b.page.waitForFunction(() => window.benchReady, null, { timeout: 30000 });
  const r = await b.page.evaluate((p) => window.bench.extract(p), posts);
  const mbps = (ms) => r.bytes / 1e6 / (ms / 1e3);
  console.log(`\n| (d) extraction, ${r.posts} corpus posts, ${f1(r.bytes / 1024)} KB of text | ms | MB/s | figures found |`);
  console.log('| --- | --- | --- | --- |');
  console.log(`| postchart (wasm: extract + choose), compiled (best of 4 passes) | ${f1(r.postchartMs)} | ${f2(mbps(r.postchartMs))} | ${r.facts} |`);
  console.log(`| postchart, first pass (wasm still in its baseline tier) | ${f1(r.firstPassMs)} | ${f2(mbps(r.firstPassMs))} | ${r.facts} |`);
  console.log(`| Recognizers-Text (6 models, zh), one pass | ${f1(r.rtMs)} | ${f2(mbps(r.rtMs))} | ${r.found} |`);
  console.log(`| postchart throughput ÷ Recognizers-Text | | ${f1(r.rtMs / r.postchartMs)}× (first pass ${f1(r.rtMs / r.firstPassMs)}×) | |`);
  await b.close();
}

// (f): the longest main-thread block while charting the seed and a long post, read on the
// main thread or in the worker. A first visit (nothing compiled yet) varies most from run to
// run on a 2-core machine: it is measured in several fresh browsers, median and worst given.
{
  const seed = readFileSync(join(root, 'tests/fixtures/seed.md'), 'utf8');
  let long = '';
  for (let k = 0; long.length < (quick ? 100000 : 1000000); k++) long += `${posts[k % posts.length].join('\n\n')}\n\n`;
  const longPost = `---\ntitle: long\n---\n${long}`;
  const longName = `${Math.round(long.length / 1000)}k characters of corpus text`;
  const visits = quick ? 1 : 7;
  const rows = new Map();
  const add = (key, r) => rows.set(key, [...(rows.get(key) || []), r]);
  for (let visit = 0; visit < visits; visit++) {
    const b = await launch();
    await b.page.goto(`${b.server.url}/bench/main-thread.html`);
    await b.page.waitForFunction(() => window.benchReady, null, { timeout: 30000 });
    const run = (source, worker) => b.page.evaluate(([s, w]) => window.bench.longtask(s, w), [source, worker]);
    // The seed twice: the first chart of a page pays for compiling the wasm code it runs.
    add('seed (first on the page)|main thread', await run(seed, false));
    add('seed (again)|main thread', await run(seed, false));
    if (visit === 0) add(`${longName}|main thread`, await run(longPost, false));
    add(`${longName}|worker`, await run(longPost, true));
    await b.close();
  }
  console.log(`\n| (f) main thread while charting, ${visits} fresh browser${visits > 1 ? 's' : ''} | post | read in | longest block ms: median (worst) | blocks over 50 ms, all runs | total ms, median | charts |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [key, results] of rows) {
    const [name, where] = key.split('|');
    const longest = results.map((r) => r.longest);
    const worst = results.length > 1 ? ` (${f1(Math.max(...longest))})` : '';
    const over = results.reduce((n, r) => n + r.longTasks, 0);
    console.log(`| | ${name} | ${where} | ${f1(median(longest))}${worst} | ${over} | ${f1(median(results.map((r) => r.total)))} | ${results[0].charts} |`);
  }
}

// (e): memory with 50 charts, each library on its own fresh page, after a garbage collection.
{
  console.log('\n| (e) 50 bar charts on one page | JS heap used, MB (page alone) | wasm memory, MB | canvases |');
  console.log('| --- | --- | --- | --- |');
  for (const library of ['postchart', 'chartjs', 'echarts']) {
    const b = await launch();
    const cdp = await b.context.newCDPSession(b.page);
    await b.page.goto(`${b.server.url}/bench/render.html`);
    await b.page.waitForFunction(() => window.benchReady, null, { timeout: 30000 });
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    };
    const before = await heap();
    const r = await b.page.evaluate((lib) => window.bench.memory(lib, 50), library);
    const after = await heap();
    const name = { postchart: 'postchart', chartjs: 'Chart.js', echarts: 'ECharts' }[library];
    console.log(`| ${name} | ${f1(after)} (${f1(before)}) | ${r.wasmBytes ? f1(r.wasmBytes / 1e6) : '–'} | ${r.charts} |`);
    await b.close();
  }
}
