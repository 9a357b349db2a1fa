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

run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--lib'], {
  RUSTFLAGS: '-D warnings',
});
rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'wasm'), { recursive: true });
run('wasm-bindgen', [
  '--target', 'web',
  '--remove-name-section',
  '--remove-producers-section',
  '--out-dir', join(dist, 'wasm'),
  join(root, 'target/wasm32-unknown-unknown/release/postchart.wasm'),
]);
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
{
  const from = join(dist, 'wasm/postchart.js');
  const out = esbuild.transformSync(readFileSync(from, 'utf8'), { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' });
  writeFileSync(from, out.code);
}

// What a page downloads: the loader, the module, the bindings and the wasm.
const shipped = ['postchart.js', 'index.js', 'wasm/postchart.js', 'wasm/postchart_bg.wasm'];
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log('\nsize of what a page downloads (bytes):');
console.log('file'.padEnd(26), 'raw'.padStart(9), 'gzip -9'.padStart(9), 'brotli'.padStart(9));
for (const file of shipped) {
  const bytes = readFileSync(join(dist, file));
  const sizes = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const k of Object.keys(total)) total[k] += sizes[k];
  console.log(file.padEnd(26), String(sizes.raw).padStart(9), String(sizes.gzip).padStart(9), String(sizes.brotli).padStart(9));
}
console.log('total'.padEnd(26), String(total.raw).padStart(9), String(total.gzip).padStart(9), String(total.brotli).padStart(9));
console.log(`\ndist/: ${readdirSync(dist).join(', ')}`);
