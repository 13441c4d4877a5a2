import { expect, test, type Locator, type Page } from '@playwright/test';
import { PlaygroundPage } from './playground-page';

test.use({ viewport: { width: 1280, height: 720 } });

/** The Playground at A+, its written example in presenter mode. */
async function present(page: Page) {
  // Python's start-up is the slow part on a loaded machine; the steps themselves are instant.
  test.setTimeout(240_000);
  await page.addInitScript(() =>
    localStorage.setItem('loupe:settings', JSON.stringify({ largeText: true })),
  );
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.presentButton.click();
  return {
    playground,
    dialog: page.getByRole('dialog'),
    stage: page.getByTestId('presenter-stage'),
  };
}

async function rect(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box, 'drawn on the page').not.toBeNull();
  return box!;
}

test('presenter mode steps by sentence, code block and round, with keys and buttons, at A+', async ({
  page,
}) => {
  const { playground, dialog, stage } = await present(page);
  const where = page.getByTestId('presenter-position');
  await expect(stage).toBeFocused();
  await expect(where).toContainText(/Unit 0 of \d+/);
  await expect(playground.endReason).toBeAttached({ timeout: 60_000 });

  await page.keyboard.press('ArrowRight');
  await expect(where).toContainText(/^Unit 1 of/);
  await page.keyboard.press('Space');
  await expect(where).toContainText(/^Unit 2 of/);
  await page.keyboard.press('ArrowLeft');
  await expect(where).toContainText(/^Unit 1 of/);
  // The first sentence announces a plan: its evidence is beside the transcript.
  await expect(page.getByTestId('presenter-evidence')).toContainText('Subgoal setting');

  await dialog.getByLabel('Step by', { exact: true }).selectOption('block');
  await dialog.getByRole('button', { name: 'Next', exact: true }).click();
  // Through the first code block and its output (the NameError).
  await expect(stage.getByTestId('run-output-block')).toHaveCount(1);
  await expect(stage).toContainText('NameError');
  await dialog.getByLabel('Step by', { exact: true }).selectOption('round');
  await dialog.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(stage.getByTestId('run-output-block')).toHaveCount(2);
  await expect(where).toContainText('round 2 of 3');

  // Every control and the legend fit on the screen at A+.
  for (const control of ['Back', 'Next', 'Play', 'Exit'])
    await expect(dialog.getByRole('button', { name: control, exact: true })).toBeInViewport();
  await expect(dialog.getByRole('list', { name: 'Behaviours so far' })).toBeInViewport();
  // The current unit is kept in view.
  await expect(stage.locator('[data-current]')).toBeInViewport();

  await page.keyboard.press('End');
  await expect(stage).toContainText('The brute force check agrees');
  await page.keyboard.press('Home');
  await expect(where).toContainText(/^Unit 0 of/);
  await dialog.getByLabel('Pace').selectOption('1');
  await stage.focus();
  await page.keyboard.press('p');
  await expect(dialog.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect(where).toContainText(/^Unit [1-9]/, { timeout: 5_000 });
  await page.keyboard.press('p');
  await expect(dialog.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(playground.presentButton).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the transcript keeps its room above the controls and a long evidence box', async ({
    page,
  }) => {
    const { playground, dialog, stage } = await present(page);
    const next = dialog.getByRole('button', { name: 'Next', exact: true });
    await expect(playground.endReason).toBeAttached({ timeout: 60_000 });
    await next.click();
    await expect(page.getByTestId('presenter-evidence')).toContainText('Subgoal setting');
    // The problem and the first sentence are readable, not squeezed to a line under the controls.
    const box = await rect(stage);
    expect(box.height).toBeGreaterThan(250);
    await expect(stage.locator('[data-current]')).toBeInViewport();
    const title = await rect(dialog.getByRole('heading').first());
    expect(title.y + title.height).toBeLessThanOrEqual(box.y);
    expect(box.y + box.height).toBeLessThanOrEqual((await rect(next)).y);
    // The controls follow the transcript.
    await next.scrollIntoViewIfNeeded();
    await expect(next).toBeInViewport();
  });
});
