// npm run bench:size — the bytes a page downloads for postchart (raw, gzip -9, brotli) beside
// Chart.js and ECharts from their npm packages, and where the wasm bytes go, by crate.
// Needs a build (`npm run build`); the breakdown reads the names in the wasm cargo built,
// before wasm-bindgen strips them.
import { existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');

function sizes(paths) {
  const s = { raw: 0, gzip: 0, brotli: 0 };
  for (const p of paths) {
    const bytes = readFileSync(p);
    s.raw += bytes.length;
    s.gzip += gzipSync(bytes, { level: 9 }).length;
    s.brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return s;
}

const dist = join(root, 'dist');
if (!existsSync(join(dist, 'wasm/postchart_bg.wasm'))) {
  console.error('no build in dist/: run `npm run build` first');
  process.exit(1);
}
const packageVersion = (name) => JSON.parse(readFileSync(join(modules, name, 'package.json'), 'utf8')).version;
const shell = ['postchart.js', 'index.js'].map((f) => join(dist, f));
const build = (name) => [`wasm/${name}.js`, `wasm/${name}_bg.wasm`].map((f) => join(dist, f));
const rows = [
  ['postchart, lean build (rendered articles, HTML bodies): loader + module + bindings + wasm', sizes([...shell, ...build('postchart-lean')])],
  ['postchart, full build (a page with a Markdown source): the same', sizes([...shell, ...build('postchart')])],
  ['postchart: lean wasm alone', sizes([join(dist, 'wasm/postchart-lean_bg.wasm')])],
  ['postchart: full wasm alone', sizes([join(dist, 'wasm/postchart_bg.wasm')])],
  [`Chart.js ${packageVersion('chart.js')} (chart.umd.min.js)`, sizes([join(modules, 'chart.js/dist/chart.umd.min.js')])],
  [`ECharts ${packageVersion('echarts')} (echarts.min.js)`, sizes([join(modules, 'echarts/dist/echarts.min.js')])],
];
const kb = (n) => (n / 1024).toFixed(1);
const base = rows[0][1];
console.log('| what a page downloads | raw KB | gzip -9 KB | brotli KB | gzip vs postchart lean |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, s] of rows) {
  console.log(`| ${name} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${(s.gzip / base.gzip).toFixed(2)}x |`);
}

// Where the wasm bytes go: each shipped wasm once more, with its function names kept, its
// function bodies grouped by crate, its data segments and the rest (build.mjs keeps the
// artifacts cargo built under target/wasm-size/).
function breakdown(label, built) {
  const keep = mkdtempSync(join(tmpdir(), 'postchart-size-'));
  execFileSync('wasm-bindgen', ['--target', 'web', '--remove-producers-section', '--out-name', 'sized', '--out-dir', keep, built]);
  const wasm = readFileSync(join(keep, 'sized_bg.wasm'));
  rmSync(keep, { recursive: true, force: true });
  let pos = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = wasm[pos++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const bodies = []; // size of each defined function's body
  let importedFunctions = 0;
  const names = new Map();
  let dataBytes = 0;
  let otherBytes = 0;
  while (pos < wasm.length) {
    const id = wasm[pos++];
    const size = leb();
    const end = pos + size;
    if (id === 2) {
      for (let n = leb(), k = 0; k < n; k++) {
        const moduleLen = leb(); // (read before adding: leb() moves pos)
        pos += moduleLen;
        const fieldLen = leb();
        pos += fieldLen;
        const kind = wasm[pos++];
        if (kind === 0) { leb(); importedFunctions++; }
        else if (kind === 1) { pos++; const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 2) { const f = leb(); leb(); if (f & 1) leb(); }
        else if (kind === 3) { pos += 2; }
        else if (kind === 4) { pos++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(), k = 0; k < n; k++) {
        const len = leb();
        bodies.push(len);
        pos += len;
      }
    } else if (id === 11) {
      dataBytes += size;
    } else if (id === 0) {
      const nameLen = leb();
      const name = wasm.subarray(pos, pos + nameLen).toString();
      pos += nameLen;
      if (name === 'name') {
        while (pos < end) {
          const sub = wasm[pos++];
          const subSize = leb();
          const subEnd = pos + subSize;
          if (sub === 1) {
            for (let n = leb(), k = 0; k < n; k++) {
              const index = leb();
              const len = leb();
              names.set(index, wasm.subarray(pos, pos + len).toString());
              pos += len;
            }
          }
          pos = subEnd;
        }
      }
      // custom sections (names, wasm-bindgen's) do not reach the page
    } else {
      otherBytes += size;
    }
    pos = end;
  }
  // The crate a function name belongs to: demangled, or legacy `_ZN<len><ident>…E` (impl blocks spell
  // `<T as Trait>` as `_$LT$T$u20$as$u20$Trait$GT$`, crate paths joined by `..`) or v0 `_R…`.
  function crateOf(mangled) {
    if (!mangled) return '(unnamed)';
    let crate = '(other)';
    const legacy = /^_ZN(\d+)/.exec(mangled);
    if (legacy) {
      const ident = mangled.slice(legacy[0].length, legacy[0].length + Number(legacy[1]));
      const inner = /^_?\$LT\$(?:\$RF\$|mut\$u20\$)*([A-Za-z_][A-Za-z0-9_]*)/.exec(ident);
      crate = inner ? inner[1] : ident;
    } else {
      // wasm-bindgen writes names demangled: `pulldown_cmark::…`, `<core[…]::… as …>::…`.
      const plain = /^<?(?:&(?:mut )?)?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)/.exec(mangled);
      if (plain) crate = plain[1];
    }
    if (['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', 'hashbrown', 'memchr'].includes(crate)) return 'Rust std and allocator';
    if (/^(f64|f32|str|u8|u16|u32|u64|usize|i8|i16|i32|i64|isize|char|bool|T|F|A|S|I)$/.test(crate)) return 'Rust std and allocator';
    return crate;
  }
  const byCrate = new Map();
  bodies.forEach((len, k) => {
    const crate = crateOf(names.get(importedFunctions + k));
    byCrate.set(crate, (byCrate.get(crate) || 0) + len);
  });
  const code = bodies.reduce((a, b) => a + b, 0);
  const total = code + dataBytes + otherBytes;
  console.log(`\n| where the ${kb(total)} KB of the ${label} wasm go | KB | share |`);
  console.log('| --- | --- | --- |');
  const entries = [...byCrate.entries()].sort((a, b) => b[1] - a[1]);
  for (const [crate, len] of entries.slice(0, 14)) {
    console.log(`| code: ${crate} | ${kb(len)} | ${((100 * len) / total).toFixed(1)}% |`);
  }
  const rest = entries.slice(14).reduce((a, [, len]) => a + len, 0);
  console.log(`| code: ${entries.length - 14} other crates | ${kb(rest)} | ${((100 * rest) / total).toFixed(1)}% |`);
  console.log(`| data (string tables, lexicons, HTML entities, panic messages) | ${kb(dataBytes)} | ${((100 * dataBytes) / total).toFixed(1)}% |`);
  console.log(`| types, imports, exports, tables | ${kb(otherBytes)} | ${((100 * otherBytes) / total).toFixed(1)}% |`);

}
for (const [label, name] of [['lean', 'postchart-lean'], ['full', 'postchart']]) {
  breakdown(label, join(root, 'target/wasm-size', `${name}.wasm`));
}
