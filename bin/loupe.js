#!/usr/bin/env node
// Loupe's command line. The tools are TypeScript, run through tsx so no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
