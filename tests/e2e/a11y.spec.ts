import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// WCAG 2.2 AA: axe in every view, light on a laptop and dark on a phone, and nothing wider than
// the screen. (axe takes seconds a page: the two cases keep the suite short.)
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectClean(page: Page, width: number): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = result.violations.map(
    (v) =>
      `${v.id}: ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  expect(found).toEqual([]);
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(width);
}

for (const { theme, width, height } of [
  { theme: 'light', width: 1280, height: 720 },
  { theme: 'dark', width: 390, height: 844 },
] as const) {
  test(`axe finds nothing in any view, ${theme}, ${width} wide, and nothing overflows sideways`, async ({
    page,
  }) => {
    test.setTimeout(360_000);
    await page.setViewportSize({ width, height });
    await page.addInitScript(
      (theme) => localStorage.setItem('loupe:settings', JSON.stringify({ theme })),
      theme,
    );
    await page.goto('#/playground');
    await expect(page.getByTestId('intro')).toBeVisible();
    // Run is on the first screen, without scrolling past the form.
    const run = page.getByRole('button', { name: 'Run', exact: true });
    await expect(run).toBeInViewport();
    await expectClean(page, width);

    await page.getByLabel('Replay speed').fill('1000');
    await run.click();
    await expect(page.getByTestId('end-reason')).toBeVisible({ timeout: 120_000 });
    await expectClean(page, width);

    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('presenter-position')).toContainText('Unit 2');
    await expectClean(page, width);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await page.getByRole('button', { name: /Labelled examples/ }).click();
    await expect(page.getByTestId('transcript-table')).toBeVisible();
    await expect(
      page.getByTestId('tagged-transcript').locator('.katex, pre').first(),
    ).toBeVisible();
    await expectClean(page, width);

    for (const view of ['python', 'trace']) {
      await page.goto(`#/${view}`);
      await expect(
        page.locator('[data-testid=code-editor][data-ready=true]').first(),
      ).toBeVisible();
      await expectClean(page, width);
    }
  });
}

test('with A+ on a phone, no view is wider than the screen', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.addInitScript(() =>
    localStorage.setItem('loupe:settings', JSON.stringify({ largeText: true })),
  );
  for (const view of [
    'playground/reason',
    'playground/recordings',
    'python',
    'trace',
    'compare',
    'experiments',
    'library',
  ]) {
    await page.goto(`#/${view}`);
    await expect(page.locator('main')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
    expect(scrollWidth, view).toBeLessThanOrEqual(390);
  }
  // The live-model setup: the model table, the problem form and the intervention settings.
  await page.goto('#/playground');
  await page.getByText('A model on this device').click();
  await page.getByText('Protocol, limits and crucial-token intervention').click();
  await expect(page.getByLabel('Inserted text')).toBeVisible();
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, 'a model on this device').toBeLessThanOrEqual(390);
});
