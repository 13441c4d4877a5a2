#!/usr/bin/env node
// Loupe's command line. The tools are TypeScript, run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// `loupe tag file | head` closes the pipe early: the run ends there, quietly, and its status says
// it ended early (141, as for a tool the shell saw killed by SIGPIPE), never 0.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(141);
  throw error;
});
// Exiting (rather than dying of the signal) lets the sandboxed children be killed on the way out.
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const [signal, number] of Object.entries(SIGNALS)) {
  process.on(signal, () => process.exit(128 + number));
}
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
