import { defineConfig } from '@playwright/test';
import { chromiumLaunchArgs, findChromium } from './scripts/chromium.js';

// LOUPE_PORT lets several checkouts run their browser tests side by side.
const PORT = Number(process.env.LOUPE_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: findChromium()?.path,
      args: chromiumLaunchArgs(),
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
