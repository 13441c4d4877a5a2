import { expect, test } from '@playwright/test';

test.describe('app shell', () => {
  test('navigates between the views', async ({ page }) => {
    await page.goto('./');
    await expect(page.getByRole('link', { name: 'Playground' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.getByRole('link', { name: 'Trace' }).click();
    await expect(page.getByRole('button', { name: 'Trace', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Batch: trace a file/ })).toBeVisible();
    await page.getByRole('link', { name: 'Playground' }).click();
    await expect(page.getByRole('tab', { name: 'Reason with Python' })).toBeVisible();
  });

  test('switches theme and large text, and remembers them', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Theme').selectOption('dark');
    await page.getByLabel('Large text (for a projector)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    const root = page.locator('html');
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(root).toHaveAttribute('data-size', 'large');
    await page.reload();
    await expect(root).toHaveAttribute('data-theme', 'dark');
    await expect(root).toHaveAttribute('data-size', 'large');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(21, 23, 26)');
  });

  test('is cross-origin isolated when served with its headers', async ({ page }) => {
    await page.goto('./');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await expect(page.getByTestId('isolation-notice')).toBeHidden();
  });
});
