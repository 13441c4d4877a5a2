import { expect, test } from './fixtures';

// Hostile Python that used to wedge the Python view or be misreported (issue 16).
test.describe('a dead or damaged interpreter is named for what happened', () => {
  // Each case may restart the interpreter; a loaded machine needs the room.
  test.describe.configure({ timeout: 180_000 });

  test('os._exit is reported at once as the interpreter stopping, and a new one starts', async ({
    python,
  }) => {
    await python.run('import os\nos._exit(1)');
    await expect(python.error).toContainText('InterpreterDied');
    await expect(python.error).toContainText('Python stopped');
    await expect(python.error).not.toContainText('TimeoutError');
    await python.waitReady();
    await python.run('6 * 7');
    await expect(python.value).toHaveText('Out: 42');
  });

  test('a callback left scheduled by one run never delays the next', async ({ python }) => {
    await python.run(
      [
        'from js import setTimeout',
        'from pyodide.ffi import create_proxy',
        'def spin():',
        '    while True:',
        '        pass',
        'setTimeout(create_proxy(spin), 300)',
      ].join('\n'),
    );
    await python.page.waitForTimeout(600);
    await python.run('print(1)');
    await expect(python.streams).toHaveText('1\n');
    await expect(python.error).toHaveCount(0);
  });

  test("a KeyboardInterrupt the code raises is the code's, not a Stop", async ({ python }) => {
    await python.run('raise KeyboardInterrupt');
    await expect(python.error).toContainText('KeyboardInterrupt was raised');
    await expect(python.error).not.toContainText('Stopped');
  });

  test("code that closes Python's worker is named at once", async ({ python }) => {
    await python.run("import js\njs.setTimeout.constructor('self.close()')()\nwhile True: pass");
    await expect(python.error).toContainText("closed Python's worker");
    await expect(python.error).not.toContainText('TimeoutError');
    await python.waitReady();
  });

  test('Reset gives back a working print after sys.stdout was replaced', async ({ python }) => {
    await python.run('import sys, io\nsys.stdout = io.StringIO()\nsys.stderr = None');
    await python.resetButton.click();
    await python.run('print("visible again")');
    await expect(python.streams).toHaveText('visible again\n');
  });
});
