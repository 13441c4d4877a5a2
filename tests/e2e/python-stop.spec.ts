import { expect, test } from './fixtures';

test.describe('stopping Python', () => {
  test('Stop interrupts a busy loop and keeps the session', async ({ python }) => {
    await python.run('kept = "still here"');
    await python.start('n = 0\nwhile True:\n    n += 1');
    await python.stopButton.click();
    await expect(python.error).toContainText('KeyboardInterrupt');
    await expect(python.restarted).toBeHidden();
    await python.run('kept, n > 0');
    await expect(python.value).toHaveText("Out: ('still here', True)");
  });

  test('Stop ends time.sleep(60), restarting the interpreter if it must', async ({ python }) => {
    await python.start('import time\ntime.sleep(60)');
    await python.stopButton.click();
    await expect(python.error).toContainText(/KeyboardInterrupt|Stopped/, { timeout: 30_000 });
    await python.waitReady();
    await python.run('"alive"');
    await expect(python.value).toHaveText("Out: 'alive'");
  });

  test('the time limit stops a run with a clear message', async ({ page, python }) => {
    await page.evaluate(() =>
      localStorage.setItem('loupe:settings', JSON.stringify({ timeoutMs: 1500 })),
    );
    await page.reload();
    await python.waitReady();
    await python.run('while True:\n    pass');
    await expect(python.error).toContainText('TimeoutError');
    await expect(python.error).toContainText('1.5 s');
  });
});
