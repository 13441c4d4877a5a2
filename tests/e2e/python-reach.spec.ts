import { expect, test } from './fixtures';

test.describe('what Python can reach', () => {
  test('`import js` does not hand out the worker globals', async ({ python }) => {
    await python.run(
      'import js\n[hasattr(js, name) for name in ("self", "fetch", "indexedDB", "postMessage", "importScripts")]',
    );
    await expect(python.value).toHaveText('Out: [False, False, False, False, False]');
  });

  test('no request leaves the page origin while Python starts', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto('#/python');
    await expect(page.getByTestId('interpreter-status')).toHaveAttribute('data-status', 'ready', {
      timeout: 60_000,
    });
    const origin = new URL(page.url()).origin;
    const foreign = requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
    expect(foreign).toEqual([]);
    expect(requests.some((url) => url.endsWith('/pyodide/pyodide.asm.wasm'))).toBe(true);
  });

  test('a package import with the index unreachable fails fast, naming the package', async ({
    page,
    python,
  }) => {
    await page.evaluate(() =>
      localStorage.setItem(
        'loupe:settings',
        JSON.stringify({ packageIndexURL: 'http://127.0.0.1:9/pyodide/' }),
      ),
    );
    await page.reload();
    await python.waitReady();
    await python.run('import numpy as np\nnp.arange(3)');
    await expect(python.error).toContainText('PackageLoadError');
    await expect(python.error).toContainText("'numpy'");
    await expect(python.error).toContainText('http://127.0.0.1:9/pyodide/');
  });
});
