// `npm run test:e2e`: build, then only the browser tests.
import { spawnSync } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from './chromium.js';

if (!findChromium()) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
for (const [command, args] of [
  ['npx', ['vite', 'build']],
  ['npx', ['playwright', 'test', ...process.argv.slice(2)]],
]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
