import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './playground-page';

test.describe('a classroom-ready Playground', () => {
  test('opens on the Playground with a sentence on what Loupe shows and the written example', async ({
    page,
  }) => {
    await page.goto('./');
    await expect(page.getByRole('link', { name: 'Playground' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByTestId('intro')).toContainText('Loupe shows a language model');
    await expect(page.getByTestId('replay-problem')).toContainText('A school trip takes 128');
    await expect(page.getByText('not a model’s output').first()).toBeVisible();
    // Replays cannot change their problem or use the protocol and intervention settings.
    await expect(page.getByRole('textbox', { name: 'Problem' })).toHaveCount(0);
    await expect(page.getByText('Protocol, limits and crucial-token intervention')).toHaveCount(0);
  });

  test('Run folds the setup away, focuses the transcript, and the example shows every behaviour', async ({
    page,
  }) => {
    // Python's start-up is the slow part on a loaded machine; the run itself takes seconds.
    test.setTimeout(240_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.addInitScript(() =>
      localStorage.setItem('loupe:settings', JSON.stringify({ largeText: true })),
    );
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.transcript).toBeFocused();
    await expect(playground.transcript).toBeInViewport();
    await expect(page.locator('#run-setup')).toBeHidden();
    await expect(playground.endReason).toContainText('Answer 1330', { timeout: 60_000 });
    await expect(playground.endReason).toContainText('correct');
    const outputs = page.getByTestId('run-output-block');
    await expect(outputs.first()).toContainText("NameError: name 'math' is not defined");
    await expect(outputs.nth(1)).toContainText('(3, 2, 1330)');
    for (const label of ['verification', 'backtracking', 'subgoal_setting', 'backward_chaining'])
      await expect(page.getByTestId(`live-count-${label}`)).not.toHaveText('0');
    // One token measure: a replay's tokens are an estimate, and its speed is the replay's.
    await expect(page.getByTestId('token-count')).toContainText('≈');
    await expect(page.getByTestId('token-count')).toContainText('estimated');
    await expect(page.getByTestId('live-stats')).toContainText('Replay speed');
    await expect(page.getByTestId('live-stats')).not.toContainText('Tokens/s');
    // Beside the counts, how far the tagger's labels hold on text it was not trained on.
    const trust = page.getByTestId('live-stats').getByTestId('tag-reliability');
    await trust.getByText('How far to trust these tags').click();
    await expect(trust.getByRole('row', { name: /Verification \d+% \d+%/ })).toBeVisible();
    // The timeline's marks say which behaviour and which unit.
    await expect(
      page.getByTestId('timeline').getByRole('button', { name: /^Backtracking in sentence \d+/ }),
    ).not.toHaveCount(0);
    await page.getByRole('button', { name: 'Change the setup' }).click();
    await expect(page.locator('#run-setup')).toBeVisible();
  });

  test('recordings are picked by content and searched', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await page.getByRole('button', { name: 'Labelled examples' }).click();
    const options = playground.recording.locator('option');
    await expect(options).toHaveCount(36);
    // Each labelled example has its question, its answer and its tag counts.
    await expect(options.filter({ hasText: '(no question in the recording)' })).toHaveCount(0);
    await expect(options.first()).toContainText(/ · answer .+ · V\d+ B\d+ S\d+ C\d+$/);
    await page.getByRole('searchbox', { name: 'Search' }).fill('line Ana');
    await expect(options).not.toHaveCount(36);
    await playground.pickRecording('dev-006');
    await expect(page.getByTestId('replay-problem')).toContainText('Ana');
  });

  test('a pasted transcript gets a title, and hidden direction characters are shown', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await page.getByText('Paste a transcript').click();
    await page
      .getByLabel('Transcript to replay')
      .fill('The file is report\u202Etxt.exe here.\n\\boxed{1}');
    await page.getByRole('button', { name: 'Replay it' }).click();
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toBeVisible();
    await expect(playground.engineLabel).toHaveText('Replay: a pasted transcript');
    await expect(playground.transcript).toContainText('report⟨U+202E⟩txt.exe');
  });

  test('tabs move with the arrow keys', async ({ page }) => {
    await page.goto('#/playground');
    const reason = page.getByRole('tab', { name: 'Reason with Python' });
    await reason.focus();
    await page.keyboard.press('ArrowRight');
    const analyse = page.getByRole('tab', { name: 'Analyse recordings' });
    await expect(analyse).toBeFocused();
    await expect(analyse).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('recordings-notice')).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(reason).toBeFocused();
    await expect(reason).toHaveAttribute('aria-selected', 'true');
  });

  test('Settings is a dialog: focus inside, Escape closes, Cancel reverts', async ({ page }) => {
    await page.goto('#/playground');
    const root = page.locator('html');
    const open = page.getByRole('button', { name: 'Settings' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await expect(dialog).toBeVisible();
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await open.click();
    await page.getByLabel('Theme').selectOption('dark');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(root).not.toHaveAttribute('data-theme', 'dark');
  });

  test('the Python editor indents by four spaces and says how to leave it', async ({ page }) => {
    await page.goto('#/python');
    const editor = page.locator('[data-testid=code-editor][data-ready=true] .cm-content');
    await editor.fill('');
    await expect(editor.locator('.cm-line')).toHaveCount(1);
    await editor.pressSequentially('def f():');
    await expect(editor.locator('.cm-line').first()).toHaveText('def f():');
    await page.keyboard.press('Enter');
    await page.keyboard.type('return 1');
    await expect(editor.locator('.cm-line').nth(1)).toHaveText('    return 1');
    await expect(page.getByText('press Esc, then Tab').first()).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(editor).not.toBeFocused();
  });
});
