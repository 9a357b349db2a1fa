// A static file server for the repository root, on 127.0.0.1 only.
// `node scripts/serve.mjs [port]` serves until stopped; tests import startServer().
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

/**
 * Starts a server for `dir`; `headers(path)` may add response headers (CSP in tests).
 * Resolves to { url, close, requests } where requests lists every path asked for.
 */
export function startServer({ dir = root, port = 0, headers = () => ({}) } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const target = (await stat(file)).isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      res.writeHead(200, {
        'content-type': TYPES[extname(target)] || 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}`;
      resolve({ url, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || process.env.PORT || 8080);
  // A busy port is no reason to fail the demo: take a free one instead.
  const { url } = await startServer({ port }).catch((error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    console.log(`port ${port} is busy; using a free one`);
    return startServer({ port: 0 });
  });
  console.log(`postchart demo: ${url}/www/index.html`);
  console.log(`npm-style page: ${url}/www/npm.html`);
  console.log('Ctrl+C to stop.');
}
