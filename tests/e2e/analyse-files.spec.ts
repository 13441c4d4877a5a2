import { expect, test } from '@playwright/test';

const file = (name: string, text: string) => ({
  name,
  mimeType: 'application/jsonl',
  buffer: Buffer.from(text),
});

test('Analyse reads a chosen file in a worker: bad lines named, bad files refused with a sentence', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('#/playground');
  await page.getByRole('tab', { name: 'Analyse recordings' }).click();
  const input = page.getByLabel('Open a file');
  await input.setInputFiles(
    file(
      'mine.jsonl',
      [
        JSON.stringify({ id: 'one', text: 'Let me check it. \\boxed{4}', gt: '4' }),
        '{"id": "two", "text": ',
        JSON.stringify({ id: 'three', text: 'Wait, that is wrong.' }),
      ].join('\n'),
    ),
  );
  await expect(page.getByTestId('transcript-table').locator('tbody tr')).toHaveCount(2, {
    timeout: 120_000,
  });
  await expect(page.getByTestId('import-errors')).toContainText(
    'mine.jsonl, line 2: not valid JSON',
  );

  await input.setInputFiles(file('empty.jsonl', ''));
  await expect(page.getByTestId('analysis-failure')).toHaveText(
    'empty.jsonl is empty: there is no transcript in it.',
  );
  await input.setInputFiles(file('list.json', '[{"id": 1, "text": "x"}]'));
  await expect(page.getByTestId('analysis-failure')).toContainText(
    'list.json is a JSON array: Loupe reads JSONL',
  );
  await input.setInputFiles({
    name: 'image.jsonl',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await expect(page.getByTestId('analysis-failure')).toContainText('is not a text file');
});

test('a large file: the table shows a page of rows at a time, a long transcript a chunk of units at a time', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const long = Array.from({ length: 400 }, (_, i) => `Step ${i}: let me check ${i} + 1.`).join(' ');
  const lines = [
    JSON.stringify({ id: 'long', text: long }),
    ...Array.from({ length: 449 }, (_, i) =>
      JSON.stringify({ id: `t${i}`, text: `Wait, ${i} is wrong. \\boxed{${i}}` }),
    ),
  ];
  await page.goto('#/playground');
  await page.getByRole('tab', { name: 'Analyse recordings' }).click();
  await page.getByLabel('Open a file').setInputFiles(file('many.jsonl', lines.join('\n')));
  const table = page.getByTestId('transcript-table');
  await expect(page.getByRole('heading', { name: '450 transcripts' })).toBeVisible({
    timeout: 120_000,
  });
  await expect(table.locator('tbody tr')).toHaveCount(200);
  // The totals count every transcript, not only the rows drawn.
  await expect(page.getByTestId('table-totals')).toContainText('Total (450)');
  await page.getByRole('button', { name: 'Show 200 more' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(400);
  await page.getByRole('button', { name: 'Show 50 more' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(450);

  // A transcript opened from the table comes from the worker whole: its units, its tags.
  await table.getByRole('button', { name: 't448', exact: true }).click();
  await expect(page.getByRole('heading', { name: /many\.jsonl #t448/ })).toBeVisible();
  await expect(page.getByTestId('tagged-transcript')).toContainText('Wait, 448 is wrong.');
  await expect(page.getByTestId('tagged-transcript').locator('.tag').first()).toBeVisible();
  await expect(page.getByTestId('count-backtracking')).toHaveText('1');
  // Sorting happens in the worker too: most units first puts the long transcript on top.
  await table.getByRole('button', { name: /^units/ }).click();
  await expect(table.locator('tbody tr').first()).toContainText('long');
  await table.getByRole('button', { name: 'long', exact: true }).click();

  // The first transcript (400 sentences) is drawn 150 units at a time.
  const transcript = page.getByTestId('tagged-transcript');
  await expect(transcript).toContainText('150 of 400 units drawn');
  await expect(transcript).not.toContainText('Step 399:');
  // A timeline mark near the end draws up to its unit and scrolls the transcript to it.
  await page.getByTestId('timeline').locator('button.mark').last().click();
  await expect(transcript).toContainText('Step 399:');
  await expect.poll(() => transcript.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
});

test('Cancel stops tagging a large file and keeps what was tagged, open and browsable', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const lines = Array.from({ length: 100_000 }, (_, i) =>
    JSON.stringify({ id: `t${i}`, text: `Wait, let me verify ${i} + 1. \\boxed{${i + 1}}` }),
  );
  await page.goto('#/playground');
  await page.getByRole('tab', { name: 'Analyse recordings' }).click();
  await page.getByLabel('Open a file').setInputFiles(file('big.jsonl', lines.join('\n')));
  await expect(page.getByTestId('analysis-progress')).toContainText('Tagging', {
    timeout: 120_000,
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('analysis-failure')).toHaveText(
    /^Cancelled: \d+ transcripts of big\.jsonl were tagged before you stopped\.$/,
  );
  const table = page.getByTestId('transcript-table');
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await table.getByRole('button', { name: 't1', exact: true }).click();
  await expect(page.getByTestId('tagged-transcript')).toContainText('let me verify 1 + 1.');
});
