// npm run build: Rust -> wasm -> bindings -> dist/, then the sizes a page downloads.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, readdirSync } from 'node:fs';
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
for (const file of ['index.js', 'index.d.ts', 'postchart.js', 'worker.js']) {
  copyFileSync(join(root, 'js', file), join(dist, file));
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
