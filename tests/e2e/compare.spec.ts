import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { ComparePage } from './compare-page';

const MODELS = ['MathCoder-L-7b', 'MathCoder-L-13b', 'MathCoder-CL-34b', 'MathCoder-L-70b'];

test.describe('comparing groups of transcripts', () => {
  // Tagging 1,200 bundled transcripts while Python starts takes a while on a busy 2-core machine.
  test.setTimeout(300_000);

  test('first open shows the four-model ladder with charts; CSV export; split by outcome', async ({
    page,
  }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    await expect(compare.groups).toHaveCount(4);
    await expect(compare.groups.getByRole('status')).toHaveCount(0, { timeout: 240_000 });
    // The figures are recomputed once the last group is tagged; until then the page says so.
    await expect(page.getByTestId('compare-updating')).toHaveCount(0, { timeout: 60_000 });
    await expect(compare.table).toBeVisible();
    expect(await compare.columns()).toEqual(MODELS);
    // The bundled sample's verdicts, as MathCoder released them.
    await expect(compare.table.locator('tbody tr').nth(1)).toContainText('65.7% [');
    await expect(compare.table).toContainText('197 of 300');
    await expect(compare.table).toContainText('250 of 300');
    await expect(compare.readout).toContainText(
      'Accuracy ranges from 65.7% (MathCoder-L-7b, 300 transcripts) to 83.3% (MathCoder-L-70b, 300)',
    );
    // Behaviour figures carry the tagger's measured error, and the page says how large it is.
    await expect(page.getByTestId('compare-reliability')).toContainText(
      /agrees with people's labels at F1 0\.\d\d \(verification \d+% right, \d+% found/,
    );
    for (const name of ['behaviours', 'accuracy-vs-prevalence', 'tokens-by-outcome'] as const) {
      const svg = compare.chart(name).locator('svg').first();
      await expect(svg).toBeVisible();
    }
    await expect(compare.chart('behaviours').locator('svg g[aria-label="bar"] rect')).toHaveCount(
      16,
    );

    const csv = (await readFile(await (await compare.exportCsv()).path(), 'utf8'))
      .trim()
      .split('\n');
    expect(csv).toHaveLength(5);
    expect(csv[0]).toMatch(/^group,n,correct,wrong,accuracy,accuracy_low,accuracy_high,/);
    expect(csv[1]).toMatch(/^MathCoder-L-7b,300,197,103,0\.656667,/);

    await compare.splitByOutcome.check();
    expect(await compare.columns()).toEqual(MODELS.flatMap((m) => [`${m}/correct`, `${m}/wrong`]));
    await expect(compare.chart('behaviours').locator('svg g[aria-label="bar"] rect')).toHaveCount(
      32,
    );
    const split = (await readFile(await (await compare.exportCsv()).path(), 'utf8'))
      .trim()
      .split('\n');
    expect(split).toHaveLength(9);
    expect(split[2]).toMatch(/^MathCoder-L-7b\/wrong,103,0,103,0,/);
  });

  test('a file of your own becomes a named group; a bad one is refused with a sentence', async ({
    page,
  }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    // The bundled groups are not needed here: removing them stops their workers.
    for (const model of MODELS) await page.getByRole('button', { name: `Remove ${model}` }).click();
    await expect(compare.groups).toHaveCount(0);
    const lines = [
      JSON.stringify({ id: 'a', text: 'Let me check: 2 + 2 = 4. \\boxed{4}', gt: '4' }),
      'not json',
      JSON.stringify({ id: 'b', text: 'Wait, that is wrong. \\boxed{5}', gt: '4' }),
    ];
    await compare.addGroup('mine', [{ name: 'mine.jsonl', text: lines.join('\n') }]);
    const mine = page.locator('[data-testid=compare-group][data-name=mine]');
    await expect(mine).toContainText('2 transcripts (1 correct, 1 wrong)', { timeout: 240_000 });
    await expect(mine).toContainText('1 lines skipped');
    await expect(compare.table.locator('thead')).toContainText('mine', { timeout: 240_000 });

    await compare.addGroup('', [{ name: 'empty.jsonl', text: '' }]);
    await expect(page.getByTestId('analysis-failure')).toHaveText(
      'empty.jsonl is empty: there is no transcript in it.',
    );
  });
});
