import { expect, test } from '@playwright/test';
import { PythonPage } from './python-page';
import { TracePage } from './trace-page';

// Several page loads and a Python start each: room for a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

test.describe('nothing is lost between views and across reloads', () => {
  test('edit, switch views, reload: the code, the trace inputs and the tab are kept', async ({
    page,
  }) => {
    const python = new PythonPage(page);
    await python.goto();
    await python.setCode('kept_code = 41 + 1\nkept_code');
    await page.getByRole('link', { name: 'Trace' }).click();
    const tracePage = new TracePage(page);
    await tracePage.editor.fill('def g(n):\n    return n * 2\n');
    await tracePage.call.fill('g(21)');
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await expect(page).toHaveURL(/#\/playground\/recordings$/);
    await page.getByRole('link', { name: 'Python' }).click();
    await expect(python.editor).toContainText('kept_code = 41 + 1');

    // Coming back to the Playground finds the tab it was left on.
    await page.getByRole('link', { name: 'Playground' }).click();
    await expect(page.getByRole('tab', { name: 'Analyse recordings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.reload();
    await expect(page.getByRole('tab', { name: 'Analyse recordings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.getByRole('link', { name: 'Trace' }).click();
    await expect(tracePage.editor).toContainText('return n * 2');
    await expect(tracePage.call).toHaveValue('g(21)');
    await page.getByRole('link', { name: 'Python' }).click();
    await expect(python.editor).toContainText('kept_code = 41 + 1');
  });

  test('Back and Forward move between views and tabs', async ({ page }) => {
    await page.goto('#/python');
    await page.getByRole('link', { name: 'Playground' }).click();
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await page.getByRole('link', { name: 'Trace' }).click();
    await expect(page.getByRole('heading', { name: /Batch: trace a file/ })).toBeVisible();
    await page.goBack();
    await expect(page.getByRole('tab', { name: 'Analyse recordings' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.goBack();
    await expect(page.getByRole('tab', { name: 'Reason with Python' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await page.goBack();
    await expect(page.getByRole('link', { name: 'Python' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await page.goForward();
    await expect(page.getByRole('tab', { name: 'Reason with Python' })).toBeVisible();
  });

  test('an example never replaces edited code without asking', async ({ page }) => {
    const python = new PythonPage(page);
    await python.goto();
    await python.setCode('mine = 1');
    await page.getByLabel('Example').selectOption({ label: 'An error with its traceback' });
    const ask = page.getByTestId('replace-code');
    await expect(ask).toContainText('Your edits would be lost');
    await ask.getByRole('button', { name: 'Keep my code' }).click();
    await expect(python.editor).toContainText('mine = 1');
    await page.getByLabel('Example').selectOption({ label: 'An error with its traceback' });
    await page.getByRole('button', { name: 'Replace' }).click();
    await expect(python.editor).toContainText('def average(values)');
    // An example's code is not an edit: another example replaces it at once.
    await page.getByLabel('Example').selectOption({ label: 'Hello' });
    await expect(ask).toBeHidden();
    await expect(python.editor).toContainText('Hello from Python');
  });
});
