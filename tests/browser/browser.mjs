// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, pages
// served from the repository on 127.0.0.1, console messages and screenshots collected.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, root } from '../../scripts/serve.mjs';

export const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export async function launch({ serverOptions = {}, viewport = { width: 900, height: 1000 }, deviceScaleFactor = 1, colorScheme = 'light', args = [], javaScriptEnabled = true } = {}) {
  const server = await startServer(serverOptions);
  const profile = mkdtempSync(join(tmpdir(), 'postchart-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    deviceScaleFactor,
    colorScheme,
    javaScriptEnabled,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...args,
    ],
  });
  const page = context.pages()[0] || (await context.newPage());
  const messages = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: String(e) }));
  return {
    server,
    context,
    page,
    messages,
    errors: () => messages.filter((m) => m.type === 'error' || m.type === 'pageerror'),
    warnings: () => messages.filter((m) => m.type === 'warning'),
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Counts canvas pixels near `rgb` inside a CSS-pixel box of the canvas. */
export async function countPixels(page, canvasSelector, rgb, box = null, tolerance = 24) {
  return page.evaluate(
    ({ canvasSelector, rgb, box, tolerance }) => {
      const canvas = document.querySelector(canvasSelector);
      const ctx = canvas.getContext('2d');
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const [x, y, w, h] = box
        ? box.map((v) => Math.round(v * ratio))
        : [0, 0, canvas.width, canvas.height];
      const data = ctx.getImageData(x, y, Math.max(1, w), Math.max(1, h)).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (
          Math.abs(data[i] - rgb[0]) <= tolerance &&
          Math.abs(data[i + 1] - rgb[1]) <= tolerance &&
          Math.abs(data[i + 2] - rgb[2]) <= tolerance
        ) n++;
      }
      return n;
    },
    { canvasSelector, rgb, box, tolerance },
  );
}
