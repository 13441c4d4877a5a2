// Finds a Chromium for the browser tests and benchmarks: CHROMIUM_PATH, Debian's package, or a
// browser that Playwright installed itself.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** @returns {{ path: string, source: string } | null} */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : null;
  for (const path of SYSTEM_PATHS) if (existsSync(path)) return { path, source: 'system' };
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core');
    const path = chromium.executablePath();
    if (path && existsSync(path)) return { path, source: 'playwright' };
  } catch {
    // playwright-core has no browser of its own here
  }
  return null;
}

export const HOW_TO_GET_CHROMIUM = `No Chromium found for the browser tests. Either:
  - on Debian or Ubuntu:  sudo apt-get install -y chromium
  - or point to one:      CHROMIUM_PATH=/path/to/chrome npm test
  - or let Playwright download its own (needs internet):  npx playwright install chromium`;

/** Flags that work in containers and on closed networks; `webgpu` adds a (software) adapter. */
export function chromiumLaunchArgs({ webgpu = false } = {}) {
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (webgpu) args.push('--enable-unsafe-webgpu');
  return args;
}
