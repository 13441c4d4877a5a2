import { expect, test } from '@playwright/test';
import { startPlainServer } from './plain-server';
import { PythonPage } from './python-page';

test('on a host without isolation headers, the service worker adds them', async ({ page }) => {
  const server = await startPlainServer();
  try {
    await page.goto(`${server.url}#/python`);
    // The first visit installs the service worker, which reloads the page once, isolated.
    const isolated = () => page.evaluate(() => crossOriginIsolated).catch(() => false);
    await expect.poll(isolated, { timeout: 30_000 }).toBe(true);
    const python = new PythonPage(page);
    await python.waitReady();
    await expect(page.getByTestId('isolation-notice')).toBeHidden();
    await python.run('kept = 1');
    await python.start('while True:\n    pass');
    await python.stopButton.click();
    await expect(python.error).toContainText('KeyboardInterrupt');
    await expect(python.restarted).toBeHidden();
  } finally {
    await server.close();
  }
});
