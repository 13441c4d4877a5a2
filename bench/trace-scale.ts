// `npm run bench:trace-scale [-- SIZES]`: `loupe trace` at scale. The CRUXEval dev programs,
// repeated to 1k and 10k (or the comma-separated SIZES given), traced in sandboxed children on 1
// and 2 jobs, against the unsandboxed in-process tracer (the command line before the sandbox) as
// the baseline. Prints programs/s, the ratio to the baseline, and peak resident memory (this
// process plus its children). Start-up of Python is included: it is part of what a user waits for.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadPyodide } from 'pyodide';
import { residentBytes } from '../src/cli/sandbox/child-process';
import { sandboxOptions, DEFAULT_MEMORY_MB } from '../src/cli/sandbox/limits';
import { SandboxPool } from '../src/cli/sandbox/pool';
import { traceInSandbox } from '../src/cli/sandbox/trace-job';
import { tracedProgram } from '../src/lib/trace/dataset';
import { parsePrograms } from '../src/lib/trace/programs';
import { TraceRunner } from '../src/lib/trace/runner';
import type { TraceRequest } from '../src/lib/trace/types';

const sizes = (process.argv[2] ?? '1000,10000').split(',').map(Number);
const { programs: base } = parsePrograms(readFileSync('tests/fixtures/cruxeval-dev.jsonl', 'utf8'));

function repeated(n: number): TraceRequest[] {
  return Array.from({ length: n }, (_, i) => {
    const program = base[i % base.length] as TraceRequest;
    return { ...program, id: `${program.id}#${Math.floor(i / base.length)}` };
  });
}

interface Row {
  size: number;
  how: string;
  seconds: number;
  peakMB: number;
  ok: number;
  /** The machine's 1-minute load average when the row ended (other work shares the cores). */
  load: number;
}

async function inProcess(programs: TraceRequest[]): Promise<Row> {
  const started = performance.now();
  let peak = 0;
  const runner = new TraceRunner(await loadPyodide());
  let ok = 0;
  for (const [i, program] of programs.entries()) {
    const { row } = tracedProgram(program, runner.trace(program));
    JSON.stringify(row);
    if (row.status === 'ok') ok += 1;
    if (i % 100 === 0) peak = Math.max(peak, residentBytes(process.pid));
  }
  peak = Math.max(peak, residentBytes(process.pid));
  const seconds = (performance.now() - started) / 1000;
  return {
    size: programs.length,
    how: 'in process, unsandboxed',
    seconds,
    peakMB: peak / 2 ** 20,
    ok,
    load: loadavg()[0] ?? 0,
  };
}

async function sandboxed(programs: TraceRequest[], jobs: number): Promise<Row> {
  const started = performance.now();
  const pool = new SandboxPool(jobs, sandboxOptions('trace', DEFAULT_MEMORY_MB));
  let ok = 0;
  try {
    await pool.map(
      programs,
      (program, child) => traceInSandbox(program, {}, child),
      ({ row }) => {
        JSON.stringify(row);
        if (row.status === 'ok') ok += 1;
      },
    );
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    size: programs.length,
    how: `sandboxed, ${jobs} job${jobs > 1 ? 's' : ''}`,
    seconds,
    peakMB: pool.peakBytes / 2 ** 20,
    ok,
    load: loadavg()[0] ?? 0,
  };
}

const rows: Row[] = [];
for (const size of sizes) {
  const programs = repeated(size);
  rows.push(await inProcess(programs));
  for (const jobs of [1, 2]) rows.push(await sandboxed(programs, jobs));
}

console.log(
  '| programs | how | wall s | programs/s | vs baseline | peak MB | status ok | load avg |',
);
console.log('|---:|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const baseline = rows.find((r) => r.size === row.size && r.how.startsWith('in process'));
  const rate = row.size / row.seconds;
  const ratio = baseline ? rate / (baseline.size / baseline.seconds) : 1;
  console.log(
    `| ${row.size} | ${row.how} | ${row.seconds.toFixed(1)} | ${rate.toFixed(1)} | ${ratio.toFixed(2)}x | ${Math.round(row.peakMB)} | ${row.ok} | ${row.load.toFixed(2)} |`,
  );
}
