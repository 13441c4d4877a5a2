import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TracePage } from './trace-page';

const FILE = 'tests/fixtures/pyedu/programs.jsonl';
/** The status each program should end in, stored with it (a|b: either, by the machine's speed). */
const stored = new Map(
  readFileSync(FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; expect: string })
    .map(({ id, expect }) => [id, expect.split('|')]),
);

/** `loupe trace` on the same file, at the same default limits: each program's status. */
function cliStatuses(): Map<string, string> {
  const run = spawnSync('node', ['bin/loupe.js', 'trace', FILE, '--jobs', '2'], {
    encoding: 'utf8',
    maxBuffer: 256 * 2 ** 20,
  });
  expect(run.status, run.stderr).toBe(0);
  return new Map(
    run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; status: string })
      .map(({ id, status }) => [id, status]),
  );
}

test('the browser batch and the command line give each PyEdu program the same status', async ({
  page,
}) => {
  test.setTimeout(360_000);
  // One after the other, so neither slows the other down towards the time limit.
  const cli = cliStatuses();
  expect(cli.size).toBe(50);

  const view = new TracePage(page);
  await view.goto();
  await page.locator('input[type=file]').setInputFiles(FILE);
  await expect(page.getByTestId('batch-loaded')).toHaveText('programs.jsonl: 50 programs.');
  await page.getByRole('button', { name: 'Trace 50 programs' }).click();
  await expect(page.getByTestId('batch-progress')).toHaveText('50 / 50', { timeout: 300_000 });
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  const browser = new Map(
    await page
      .getByTestId('batch-report')
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [row.getAttribute('data-id'), row.getAttribute('data-status')]),
      ),
  );
  expect(browser.size).toBe(50);

  const disagree: string[] = [];
  for (const [id, allowed] of stored) {
    const [inCli, inBrowser] = [cli.get(id) ?? 'missing', browser.get(id) ?? 'missing'];
    // A program whose stored status depends on the machine's speed must only be one it allows.
    const agree =
      allowed.length > 1
        ? allowed.includes(inCli) && allowed.includes(inBrowser)
        : inCli === inBrowser && allowed.includes(inCli);
    if (!agree)
      disagree.push(`${id}: command line ${inCli}, browser ${inBrowser}, stored ${allowed}`);
  }
  expect(disagree).toEqual([]);
});
