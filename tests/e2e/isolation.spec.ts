import { expect, test } from '@playwright/test';
import { PythonPage } from './python-page';

// A static host that sends no COOP/COEP headers, and no service worker to add them.
test.use({ serviceWorkers: 'block' });

test('without isolation, Stop restarts the interpreter and the UI says so', async ({ page }) => {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers['cross-origin-opener-policy'];
    delete headers['cross-origin-embedder-policy'];
    await route.fulfill({ response, headers });
  });
  const python = new PythonPage(page);
  await python.goto();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await expect(page.getByTestId('isolation-notice')).toBeVisible();
  await python.run('kept = 1');
  await python.start('while True:\n    pass');
  await python.stopButton.click();
  await expect(python.restarted).toBeVisible();
  await expect(python.error).toContainText('state lost');
  await python.waitReady();
  await python.run('kept');
  await expect(python.error).toContainText('NameError');
});
