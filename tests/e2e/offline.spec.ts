import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PlaygroundPage } from './playground-page';
import { startPlainServer } from './plain-server';
import { PythonPage } from './python-page';

// Several page loads and a Python start each: room for a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

const BASE = '/some/path/';

/** The names of Loupe's caches, and whether the service worker has every file of its build. */
async function offlineState(page: Page) {
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((name) => name.startsWith('loupe-'));
    const registration = await navigator.serviceWorker.ready;
    const channel = new MessageChannel();
    const status = new Promise<{ hash: string; total: number; missing: string[] }>((resolve) => {
      channel.port1.onmessage = (event) => resolve(event.data);
    });
    registration.active?.postMessage({ type: 'status' }, [channel.port2]);
    return { names, ...(await status) };
  });
}

async function visitOnce(page: Page, url: string): Promise<void> {
  await page.goto(`${url}#/python`);
  // The first visit installs the service worker, which reloads the page once, isolated.
  const isolated = () => page.evaluate(() => crossOriginIsolated).catch(() => false);
  await expect.poll(isolated, { timeout: 30_000 }).toBe(true);
  await new PythonPage(page).waitReady();
  await expect.poll(async () => (await offlineState(page)).missing.length).toBe(0);
}

test('after one visit under a sub-path of a plain host, Loupe opens and works offline', async ({
  page,
  context,
}) => {
  const server = await startPlainServer('dist', BASE);
  try {
    await visitOnce(page, server.url);
    const { names, hash } = await offlineState(page);
    expect(names).toContain(`loupe-${hash}`);

    await context.setOffline(true);
    await page.reload();
    const python = new PythonPage(page);
    await python.waitReady();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await python.run('print(sum(range(10)))');
    await expect(python.streams).toContainText('45');

    const playground = new PlaygroundPage(page);
    await page.goto(`${server.url}#/playground`);
    await expect(playground.recording).toBeVisible();
    await page.getByRole('button', { name: 'Labelled examples' }).click();
    const option = playground.recording.locator('option', { hasText: /^#dev-006 · / });
    await playground.recording.selectOption((await option.getAttribute('value'))!);
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toHaveAttribute('data-reason', 'answer', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('run-output-block').nth(1)).toContainText("('Ben', 'Eli'");
  } finally {
    await context.setOffline(false);
    await server.close();
  }
});

test('a new build is announced, replaces the old cache when chosen, and the old one is removed', async ({
  page,
}) => {
  // Build B: the same files with another hash in its service worker, as a redeployment gives.
  const buildB = mkdtempSync(join(tmpdir(), 'loupe-build-b-'));
  cpSync('dist', buildB, { recursive: true });
  const sw = readFileSync(join(buildB, 'sw.js'), 'utf8');
  const hashA = /"hash":"([0-9a-f]+)"/.exec(sw)?.[1] ?? '';
  const hashB = 'b'.repeat(hashA.length);
  writeFileSync(join(buildB, 'sw.js'), sw.replace(`"hash":"${hashA}"`, `"hash":"${hashB}"`));
  const server = await startPlainServer('dist', BASE);
  try {
    await visitOnce(page, server.url);
    expect((await offlineState(page)).names).toEqual([`loupe-${hashA}`]);

    server.setRoot(buildB);
    await page.reload();
    const prompt = page.getByTestId('update-prompt');
    await expect(prompt).toContainText('A new version is ready');
    const shots = process.env.LOUPE_SCREENSHOTS;
    if (shots) {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: `${shots}/update-prompt.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/update-prompt-390.png` });
    }
    // Until the person chooses, the page keeps running the build it was loaded with.
    expect((await offlineState(page)).hash).toBe(hashA);
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Reload' }).click(),
    ]);
    const state = () => offlineState(page).catch(() => null);
    await expect.poll(async () => (await state())?.hash).toBe(hashB);
    await expect
      .poll(async () => (await state())?.names.filter((n) => !n.endsWith('-lazy')))
      .toEqual([`loupe-${hashB}`]);
    await expect(prompt).toBeHidden();
    await new PythonPage(page).waitReady();
  } finally {
    await server.close();
    rmSync(buildB, { recursive: true, force: true });
  }
});
