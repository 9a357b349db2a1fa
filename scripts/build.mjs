// npm run build: Rust -> wasm -> bindings -> dist/, then the sizes a page downloads.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

function run(cmd, args, env = {}) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
}

// The CLI must match the wasm-bindgen crate exactly, or the bindings are wrong.
const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
const locked = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
const cli = execFileSync('wasm-bindgen', ['--version'], { encoding: 'utf8' }).trim().split(' ')[1];
if (locked && cli !== locked) {
  console.error(`wasm-bindgen CLI ${cli} does not match Cargo.lock ${locked}: cargo install wasm-bindgen-cli --version ${locked}`);
  process.exit(1);
}

// Two builds from one crate: the full one (default features: it reads Markdown bodies with
// pulldown-cmark) and the lean one (no `markdown` feature) for rendered articles and HTML
// bodies. The loader picks per page (js/read.js). Each artifact is kept under target/wasm-size/
// with its names, for `npm run bench:size`'s breakdown.
const builds = [
  { name: 'postchart', features: [] },
  { name: 'postchart-lean', features: ['--no-default-features'] },
];
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'wasm'), { recursive: true });
mkdirSync(join(root, 'target/wasm-size'), { recursive: true });
for (const build of builds) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib', ...build.features], {
    RUSTFLAGS: '-D warnings',
  });
  const built = join(root, 'target/wasm-size', `${build.name}.wasm`);
  copyFileSync(join(root, 'target/wasm32-unknown-unknown/release/postchart.wasm'), built);
  run('wasm-bindgen', [
    '--target', 'web',
    '--remove-name-section',
    '--remove-producers-section',
    '--out-name', build.name,
    '--out-dir', join(dist, 'wasm'),
    built,
  ]);
}
copyFileSync(join(root, 'js/index.d.ts'), join(dist, 'index.d.ts'));
// What pages download is minified (7 KB less gzipped, measured by `npm run bench:size`), with
// a source map beside each of our files, holding the readable source, for devtools. The module
// is written as small files by job (js/*.js) and bundled into one, so that a page makes one
// request for it; the wasm bindings stay a file of their own, beside it.
const esbuild = await import('esbuild');
const bindingsOutside = {
  name: 'bindings-outside',
  setup(build) {
    build.onResolve({ filter: /^\.\/wasm\// }, (args) => ({ path: args.path, external: true }));
  },
};
const bundle = (entry, to, format = 'esm') =>
  esbuild.build({
    entryPoints: [join(root, 'js', entry)],
    outfile: join(dist, to),
    bundle: true,
    minify: true,
    format,
    target: 'es2020',
    sourcemap: 'linked',
    sourcesContent: true, // js/ is not in the package: the readable source travels in the map
    legalComments: 'none',
    plugins: [bindingsOutside],
    logLevel: 'warning',
  });
await Promise.all([bundle('index.js', 'index.js'), bundle('worker.js', 'worker.js'), bundle('postchart.js', 'postchart.js', 'iife')]);
// wasm-bindgen's generated bindings: nothing more readable to map them to.
for (const build of builds) {
  const from = join(dist, `wasm/${build.name}.js`);
  const out = esbuild.transformSync(readFileSync(from, 'utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  writeFileSync(from, out.code);
}

// What a page downloads: the loader, the module, and one build's bindings and wasm.
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const row = (name, s) => console.log(name.padEnd(30), String(s.raw).padStart(9), String(s.gzip).padStart(9), String(s.brotli).padStart(9));
console.log('\nsize of what a page downloads (bytes):');
console.log('file'.padEnd(30), 'raw'.padStart(9), 'gzip -9'.padStart(9), 'brotli'.padStart(9));
const shell = ['postchart.js', 'index.js'];
for (const file of [...shell, ...builds.flatMap((b) => [`wasm/${b.name}.js`, `wasm/${b.name}_bg.wasm`])]) row(file, measure(file));
for (const [page, build] of [['page, lean build', 'postchart-lean'], ['page with Markdown, full build', 'postchart']]) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of [...shell, `wasm/${build}.js`, `wasm/${build}_bg.wasm`]) {
    const s = measure(file);
    for (const k of Object.keys(total)) total[k] += s[k];
  }
  row(page, total);
}
console.log(`\ndist/: ${readdirSync(dist).join(', ')}`);
