#!/usr/bin/env node
// Loupe's command line. The tools are TypeScript, run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
// `loupe tag file | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
