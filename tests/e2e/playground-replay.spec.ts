import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './playground-page';

test.describe('replaying a recorded transcript through the loop', () => {
  test('a multi-round replay with a Python error and the recovery, run live and labelled as replay', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await page.getByRole('button', { name: 'Labelled examples' }).click();
    await playground.pickRecording('dev-006');
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toBeVisible({ timeout: 60_000 });
    await expect(playground.engineLabel).toHaveText('Replay: behaviours-dev.jsonl #dev-006');
    const outputs = page.getByTestId('run-output-block');
    await expect(outputs).toHaveCount(2);
    await expect(outputs.nth(0)).toContainText("NameError: name 'permutations' is not defined");
    await expect(outputs.nth(1)).toContainText("('Ben', 'Eli', 'Ana', 'Cal', 'Dee')");
    await expect(
      playground.transcript.locator('.tag[data-label=backtracking]').first(),
    ).toBeVisible();
    await expect(playground.endReason).toHaveAttribute('data-reason', 'answer');
    await expect(playground.transcript.locator('mark.crucial').first()).toBeVisible();
    await expect(page.getByTestId('judge-button')).toBeDisabled();
    await expect(page.getByTestId('live-stats')).toContainText('Repetition');
  });

  test('a pasted Markdown transcript replays too', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await page.getByText('Paste a transcript').click();
    await page
      .getByLabel('Transcript to replay')
      .fill('Let me check.\n```python\nprint(3 * 3)\n```\n```output\n9\n```\nSo \\boxed{9}.');
    await page.getByRole('button', { name: 'Replay it' }).click();
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toContainText('Answer 9');
    await expect(page.getByTestId('run-output-block')).toContainText('9');
  });

  test('live output that differs from the recording is shown beside it', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.importRecording('mine.jsonl', [
      {
        id: 'off',
        question: 'What is 2 + 2?',
        gt: '4',
        transcript: 'Compute.\n```python\nprint(2 + 2)\n```\n```output\n5\n```\nSo \\boxed{4}.',
      },
    ]);
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toContainText('correct');
    await expect(page.getByTestId('run-output-block')).toContainText('4');
    await expect(page.getByTestId('recorded-differs')).toContainText('5');
  });

  test('stop during generation', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.setSpeed(10);
    await playground.runButton.click();
    await expect(playground.transcript).not.toBeEmpty();
    await playground.stopButton.click();
    await expect(playground.endReason).toHaveAttribute('data-reason', 'stopped');
  });

  test('stop during execution', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.importRecording('slow.jsonl', [
      {
        id: 'slow',
        question: 'Wait a while.',
        transcript: '```python\nwhile True:\n    pass\n```\n```output\n\n```\nDone.',
      },
    ]);
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(page.getByTestId('run-output-block')).toContainText('running…');
    await playground.stopButton.click();
    await expect(playground.endReason).toContainText('Stopped while the code was running.');
    await expect(page.getByTestId('interpreter-status')).toHaveAttribute('data-status', 'ready', {
      timeout: 30_000,
    });
  });

  test('model text that tries to inject HTML or script stays text', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.importRecording('evil.jsonl', [
      {
        id: 'evil',
        question: 'x',
        transcript:
          'Look: <img src=x onerror="window.pwned=1"> and <script>window.pwned=2</script> and [link](javascript:window.pwned=3) and $\\href{javascript:window.pwned=4}{y}$.\n\\boxed{1}',
      },
    ]);
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toBeVisible();
    await expect(playground.transcript).toContainText('<img src=x onerror="window.pwned=1">');
    await expect(playground.transcript.locator('img, script, a[href^="javascript"]')).toHaveCount(
      0,
    );
    expect(
      await page.evaluate(() => (window as unknown as { pwned?: number }).pwned),
    ).toBeUndefined();
  });

  test('without a WebGPU adapter: a clear message and a way to replay', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await page.getByText('A model on this device').click();
    const status = page.getByTestId('webgpu-status');
    await expect(status).toHaveAttribute('data-kind', /unsupported|no-adapter/);
    await expect(status).toContainText('use Replay');
    await expect(page.getByRole('button', { name: 'Load the model' })).toBeDisabled();
    await page.getByRole('button', { name: 'Use Replay instead' }).click();
    await expect(playground.recording).toBeVisible();
  });
});
