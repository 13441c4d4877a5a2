import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';

test.describe('tagging recorded transcripts', () => {
  test('labelled examples: tags with evidence, a legend that hides them, a summary table and CSV', async ({
    page,
  }) => {
    await page.goto('#/playground');
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await expect(page.getByTestId('recordings-notice')).toBeVisible();
    await page.getByRole('button', { name: /Labelled examples/ }).click();
    const transcript = page.getByTestId('tagged-transcript');
    await expect(transcript).toContainText('bakery');
    await page.getByTestId('transcript-table').getByRole('button', { name: 'dev-003' }).click();
    await expect(transcript).toContainText('Wait, I forgot');
    const backtracking = transcript.locator('.tag[data-label=backtracking]');
    await expect(backtracking.first()).toBeVisible();
    await backtracking.first().click();
    const evidence = page.getByTestId('evidence');
    await expect(evidence).toContainText('Backtracking');
    // The words that triggered the tag are highlighted in the unit, and the model's reasons listed.
    await expect(evidence.getByTestId('evidence-text').locator('mark').first()).toBeVisible();
    await expect(evidence.getByTestId('evidence-features').locator('li').first()).toBeVisible();
    await expect(transcript.locator('mark.crucial', { hasText: 'Wait' })).toHaveCount(1);
    // How far the tag can be trusted, measured on sources the tagger never saw.
    await expect(evidence.getByTestId('evidence-reliability')).toContainText(
      /\d+% of its backtracking tags were labelled so by people/,
    );
    const trust = page.getByTestId('tag-reliability');
    await trust.getByText('How far to trust these tags').click();
    await expect(trust.getByRole('row', { name: /Backward chaining \d+% \d+%/ })).toBeVisible();

    await page.getByRole('checkbox', { name: /Backtracking/ }).uncheck();
    await expect(backtracking).toHaveCount(0);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = (await readFile(await (await download).path(), 'utf8')).trim().split('\n');
    expect(csv[0]).toContain('verification_count');
    expect(csv).toHaveLength(37);
  });

  test('ToRA transcripts are marked correct or wrong against their expected answer', async ({
    page,
  }) => {
    await page.goto('#/playground');
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await page.getByRole('button', { name: /ToRA-70B/ }).click();
    const table = page.getByTestId('transcript-table');
    await expect(table.locator('tbody tr')).toHaveCount(200);
    await expect(table).toContainText('✓ correct');
  });

  test('an imported file with a bad line, and model text that tries to inject HTML', async ({
    page,
  }) => {
    await page.goto('#/playground');
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    const attack =
      'Let me check. <img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    await page.locator('input[type=file]').setInputFiles({
      name: 'mine.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from([JSON.stringify({ id: 'evil', text: attack }), '{broken'].join('\n')),
    });
    // Files are read and tagged in a worker, which starts beside Python's: allow for a busy machine.
    await expect(page.getByTestId('import-errors')).toContainText(
      'mine.jsonl, line 2: not valid JSON',
      { timeout: 120_000 },
    );
    const transcript = page.getByTestId('tagged-transcript');
    await expect(transcript).toContainText('<img src=x onerror="window.pwned=1">');
    await expect(transcript.locator('img, script')).toHaveCount(0);
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
  });

  test('the crucial tokens are the ones set in Settings', async ({ page }) => {
    await page.goto('#/playground');
    await page.evaluate(() =>
      localStorage.setItem('loupe:settings', JSON.stringify({ crucialTokens: ['hmm'] })),
    );
    await page.reload();
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await page.getByRole('button', { name: /Labelled examples/ }).click();
    await page.getByTestId('transcript-table').getByRole('button', { name: 'dev-002' }).click();
    const marks = page.getByTestId('tagged-transcript').locator('mark.crucial');
    await expect(marks.first()).toHaveText('Hmm');
    await expect(marks.filter({ hasText: /^let$/i })).toHaveCount(0);
  });
});
