import { expect, test } from './fixtures';

test.describe('running Python', () => {
  test('shows stdout, stderr, the last value and the time taken', async ({ python }) => {
    await python.run('import sys\nprint("to stdout")\nprint("to stderr", file=sys.stderr)\n6 * 7');
    await expect(python.streams.locator('[data-stream=stdout]')).toHaveText('to stdout\n');
    await expect(python.streams.locator('[data-stream=stderr]')).toHaveText('to stderr\n');
    await expect(python.value).toHaveText('Out: 42');
    await expect(python.duration).toContainText('Finished in');
  });

  test('streams output while the code is still running', async ({ python }) => {
    await python.start(
      'import time\nprint("first", flush=True)\nwhile True:\n    time.sleep(0.01)',
    );
    await expect(python.streams).toContainText('first');
    await python.stopButton.click();
    await expect(python.duration).toBeVisible();
  });

  test('shows a traceback trimmed to the user code', async ({ python }) => {
    await python.run('def average(values):\n    return sum(values) / len(values)\n\naverage([])');
    await expect(python.error).toContainText('ZeroDivisionError');
    await expect(python.error).toContainText('return sum(values) / len(values)');
    await expect(python.error).not.toContainText('_pyodide');
    await expect(python.error).not.toContainText('eval_code_async');
  });

  test('keeps the namespace between runs, and Reset clears it', async ({ python }) => {
    await python.run('answer = 41');
    await python.run('answer + 1');
    await expect(python.value).toHaveText('Out: 42');
    await python.resetButton.click();
    await python.run('answer');
    await expect(python.error).toContainText("NameError: name 'answer' is not defined");
  });

  test('input() raises a clear error instead of waiting', async ({ python }) => {
    await python.run('name = input("Your name? ")');
    await expect(python.error).toContainText('input() is not available');
  });

  test('deep recursion raises RecursionError', async ({ python }) => {
    await python.run('def depth(n):\n    return depth(n + 1)\n\ndepth(0)');
    await expect(python.error).toContainText('RecursionError');
    await python.run('1 + 1');
    await expect(python.value).toHaveText('Out: 2');
  });

  test('caps an output flood with a visible marker', async ({ python }) => {
    await python.run('for i in range(100_000):\n    print(f"line {i}: " + "x" * 40)');
    await expect(python.truncated).toBeVisible();
    await expect(python.streams).toContainText('[output truncated');
    const shown = await python.streams.innerText();
    expect(shown.length).toBeLessThan(70 * 1024);
  });

  test('a memory bomb ends in an error, and Python carries on', async ({ python }) => {
    await python.run('hoard = []\nwhile True:\n    hoard.append(bytearray(64 * 2**20))');
    await expect(python.error).toContainText(/MemoryError|restarted/);
    await python.run('[0] * 10**10');
    await expect(python.error).toContainText(/MemoryError|OverflowError/);
    await python.run('del hoard\n"still alive"');
    await expect(python.output).toContainText(/still alive|NameError/);
  });
});
