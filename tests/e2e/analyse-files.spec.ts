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
