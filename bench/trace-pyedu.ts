// `npm run bench:trace -- --pyedu`: the 50 PyEdu-style programs of tests/fixtures/pyedu at the
// default limits, twice: in one in-process interpreter (the tracer alone), and through the
// command line's sandbox on one job (what `loupe trace` does: a program stuck past the limit costs
// the kill and a new interpreter). Prints the statuses, the training set's use of them,
// programs/s, each way's longest single programs, and the machine's load average.
import { loadavg } from 'node:os';
import { readFileSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { DEFAULT_MEMORY_MB, sandboxOptions } from '../src/cli/sandbox/limits';
import { SandboxPool } from '../src/cli/sandbox/pool';
import { traceInSandbox, type SandboxRow } from '../src/cli/sandbox/trace-job';
import { tracedProgram } from '../src/lib/trace/dataset';
import { parsePrograms } from '../src/lib/trace/programs';
import { TraceRunner } from '../src/lib/trace/runner';

const text = readFileSync('tests/fixtures/pyedu/programs.jsonl', 'utf8');
const set = parsePrograms(text).programs;
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');

interface Timed {
  id: string;
  row: Pick<SandboxRow, 'status' | 'match' | 'training' | 'leftOut'>;
  ms: number;
}

function describe(row: Timed['row']): string {
  return row.status === 'ok' ? `ok, ${row.match ? 'matches' : 'differs'}` : row.status;
}

function report(title: string, timed: Timed[], seconds: number): void {
  const statuses = new Map<string, number>();
  const uses = new Map<string, number>();
  for (const { row } of timed) {
    statuses.set(describe(row), (statuses.get(describe(row)) ?? 0) + 1);
    const use = row.training ? 'training example' : `left out: ${row.leftOut ?? row.status}`;
    uses.set(use, (uses.get(use) ?? 0) + 1);
  }
  console.log(`\n${title} (load average ${load()})\n`);
  console.log('| status | programs |\n|---|---:|');
  for (const [status, n] of statuses) console.log(`| ${status} | ${n} |`);
  console.log('\n| training set | programs |\n|---|---:|');
  for (const [use, n] of uses) console.log(`| ${use} | ${n} |`);
  console.log(`\n| measure | value |\n|---|---:|`);
  console.log(`| wall time, all programs (s) | ${seconds.toFixed(1)} |`);
  console.log(`| programs/s | ${(timed.length / seconds).toFixed(2)} |`);
  const slowest = [...timed].sort((a, b) => b.ms - a.ms);
  const finished = slowest.find(({ row }) => row.status !== 'timeout');
  for (const { id, row, ms } of slowest.slice(0, 5)) {
    console.log(`| ${id} (${describe(row)}) (s) | ${(ms / 1000).toFixed(2)} |`);
  }
  if (finished) {
    console.log(
      `| longest that ended before the limit: ${finished.id} (${describe(finished.row)}) (s) | ${(finished.ms / 1000).toFixed(2)} |`,
    );
  }
}

console.log(`\n${set.length} PyEdu-style programs (tests/fixtures/pyedu), default limits`);
{
  const runner = new TraceRunner(await loadPyodide());
  const begin = performance.now();
  const timed: Timed[] = set.map((program) => {
    const started = performance.now();
    const { row } = tracedProgram(program, runner.trace(program));
    return { id: program.id, row, ms: performance.now() - started };
  });
  report('In process, one interpreter', timed, (performance.now() - begin) / 1000);
}
{
  const pool = new SandboxPool(1, sandboxOptions('trace', DEFAULT_MEMORY_MB));
  const timed: Timed[] = [];
  // Python's start-up is left out of the per-program times (the first child starts here).
  await pool.child(0);
  const begin = performance.now();
  let last = begin;
  try {
    await pool.map(
      set,
      (program, child) => traceInSandbox(program, {}, child),
      ({ row }) => {
        const now = performance.now();
        timed.push({ id: row.id, row, ms: now - last });
        last = now;
      },
    );
  } finally {
    await pool.close();
  }
  report(
    'Sandboxed, as `loupe trace --jobs 1` (a replaced interpreter counted in its program)',
    timed,
    (performance.now() - begin) / 1000,
  );
}
process.exit(0);
