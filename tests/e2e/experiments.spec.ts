import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { storedAnswer } from '../../src/lib/tasks/stored';
import type { PackLine } from '../../src/lib/tasks/types';

const FAMILIES = ['new_operator', 'permutations_and_combinations', 'string_insertion'];

/** Question → the right answer and a wrong one, for the scripted engine. */
function answers(): Record<string, { right: string; wrong: string }> {
  const map: Record<string, { right: string; wrong: string }> = {};
  for (const family of FAMILIES)
    for (const raw of readFileSync(`public/data/packs/${family}.jsonl`, 'utf8').split('\n')) {
      if (!raw) continue;
      const line = JSON.parse(raw) as PackLine;
      map[line.question] = { right: storedAnswer(line) ?? '', wrong: 'no idea' };
    }
  return map;
}

/**
 * Registers a scripted engine (a test double) as the app's experiment engine, before the page
 * loads: it answers wrong unless "Wait" was put in its turn. The product never offers it.
 */
async function useScriptedEngine(page: Page) {
  await page.addInitScript((table) => {
    window.__loupeExperimentEngine = () => ({
      kind: 'webllm',
      label: 'Scripted test engine (a test double, not a model)',
      async generate(request, onText) {
        await new Promise((resolve) => setTimeout(resolve, 120));
        const question = Object.keys(table).find((q) => request.prompt.includes(q));
        const { right, wrong } = table[question ?? ''] ?? { right: '?', wrong: '?' };
        const turn = request.prompt.slice(request.prompt.lastIndexOf('assistant\n') + 10);
        const usage = {
          promptTokens: 80,
          completionTokens: 14,
          prefillTokensPerSecond: null,
          decodeTokensPerSecond: null,
          timeToFirstTokenMs: null,
        };
        if (request.signal?.aborted)
          return { text: '', finishReason: 'abort', stopString: null, usage };
        const nudged = turn.includes('Wait');
        if (!nudged && request.stop.includes('<<<')) {
          onText('The answer is clear. ');
          return { text: 'The answer is clear. ', finishReason: 'stop', stopString: '<<<', usage };
        }
        const text = nudged
          ? `, let me check this again. Verify each step: the answer is <<<${right}>>>`
          : `The answer is clear. <<<${wrong}>>>`;
        onText(text);
        return { text, finishReason: 'end', stopString: null, usage };
      },
    });
  }, answers());
}

async function setUp(page: Page) {
  await page.goto('./#/experiments');
  const setup = page.getByRole('region', { name: 'Experiment setup' });
  await expect(setup.getByRole('checkbox', { name: /Game of 24/ })).toBeVisible();
  for (const box of await setup.locator('.families input[type=checkbox]').all())
    await box.uncheck();
  await setup.getByRole('checkbox', { name: /New operator/ }).check();
  await setup.getByRole('checkbox', { name: /Permutations/ }).check();
  await setup.getByRole('checkbox', { name: /String insertion/ }).check();
  await setup.getByLabel('Instances per family').fill('2');
  const ns = setup.getByRole('group', { name: 'Numbers of insertions N' });
  for (const n of ['2', '3', '4', '5'])
    await ns.getByRole('checkbox', { name: n, exact: true }).uncheck();
  await expect(setup.getByText('12 runs')).toBeVisible();
}

test.describe('experiments', () => {
  test('without a live model, says what it needs and cannot start', async ({ page }) => {
    await page.goto('./#/experiments');
    await expect(page.getByTestId('experiment-needs-model')).toContainText(
      'No live model is loaded',
    );
    await expect(page.getByTestId('experiment-needs-model')).toContainText('WebGPU');
    await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeDisabled();
    await expect(page.getByText(/Scripted/)).toHaveCount(0);
  });

  test('runs end to end on a scripted engine: pause, reload, resume, finish, export', async ({
    page,
  }) => {
    // Generous: the scripted runs are quick, but a busy machine slows every page action.
    test.setTimeout(process.env.LOUPE_SCREENSHOTS ? 400_000 : 240_000);
    await useScriptedEngine(page);
    await setUp(page);
    await expect(page.getByTestId('experiment-model')).toContainText('Scripted test engine');
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    const progress = page.getByTestId('experiment-progress');
    await expect(progress).toContainText(/[3-9] of 12 runs|1[0-2] of 12 runs/);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(progress).toContainText('Paused');
    const done = Number((await progress.textContent())?.match(/(\d+) of 12 runs/)?.[1]);
    expect(done).toBeGreaterThanOrEqual(3);

    await page.reload();
    await expect(progress).toContainText('Paused');
    await expect(progress).toContainText(`${done} of 12 runs`);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(progress).toContainText('Finished', { timeout: 60_000 });
    await expect(progress).toContainText('12 of 12 runs');

    const table = page.getByTestId('accuracy-table');
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect(row('Mathematical').getByRole('cell').nth(0)).toContainText('0/2');
    await expect(row('Mathematical').getByRole('cell').nth(1)).toContainText('2/2');
    await expect(row('All').getByRole('cell').nth(0)).toContainText('0/6');
    await expect(row('All').getByRole('cell').nth(1)).toContainText('6/6');
    await expect(page.locator('figure.chart').filter({ has: page.locator('svg') })).toHaveCount(4);

    await row('All').getByRole('cell').nth(1).getByRole('button').click();
    await expect(page.getByRole('region', { name: 'Runs' })).toContainText(
      'all categories, N = 1, 6',
    );
    await page.getByRole('button', { name: 'Transcript' }).first().click();
    await expect(page.getByTestId('run-detail').locator('mark')).toHaveText('Wait');
    await expect(page.getByTestId('run-detail')).toContainText('Correct');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path()) as string, 'utf8')
      .trim()
      .split('\n');
    expect(text).toHaveLength(13);
    expect(text[0]).toContain('task,family,category,n,seed,status,correct');
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await json.path()) as string, 'utf8'));
    expect(exported.runs).toHaveLength(12);
    expect(exported.experiment.model).toContain('Scripted test engine');

    const shots = process.env.LOUPE_SCREENSHOTS;
    if (shots) {
      await page.getByRole('button', { name: 'Show all' }).click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/experiments-1280.png`, fullPage: true });
      await page.getByTestId('experiment-results').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/experiments-results.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'A+' }).click();
      await page.screenshot({ path: `${shots}/experiments-1280-large.png` });
      await page.getByTestId('experiment-results').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/experiments-1280-large-results.png` });
      await page.getByRole('button', { name: 'A+' }).click();
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/experiments-1920.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('experiment-results').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${shots}/experiments-390.png` });
    }
  });
});
