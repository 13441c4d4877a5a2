// `npm test`: unit tests (Vitest), then browser tests (Playwright, real Chromium) against the built app.
import { spawnSync } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium.js';

function step(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`\n${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
console.log(`Browser tests use ${chromium.path} (${chromium.source}).`);

const extra = process.argv.slice(2);
step('Lint', 'npx', ['eslint', '.']);
step('Format', 'npx', ['prettier', '--check', '.']);
step('Unit tests', 'npx', ['vitest', 'run']);
step('Type check', 'npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
step('Build', 'npx', ['vite', 'build']);
step('Browser tests', 'npx', ['playwright', 'test', ...extra]);
