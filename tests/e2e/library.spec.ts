import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { LibraryPage } from './library-page';
import { PlaygroundPage } from './playground-page';

// Several page loads and a Python start each: room for a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

const QUESTION = 'What is six times seven?';
const ENGINE = 'Replay: six.jsonl #six';

/** Replays a recording to its end: a finished run, which the Library keeps. */
async function replayARun(page: Page): Promise<void> {
  const playground = new PlaygroundPage(page);
  await playground.goto();
  await playground.importRecording('six.jsonl', [
    {
      id: 'six',
      question: QUESTION,
      gt: '42',
      transcript:
        'Let me check with code.\n```python\nprint(6 * 7)\n```\n```output\n42\n```\nWait, let me verify: 6 * 7 = 42. So \\boxed{42}.',
    },
  ]);
  await playground.setSpeed(1000);
  await playground.runButton.click();
  await expect(playground.endReason).toHaveAttribute('data-reason', 'answer', { timeout: 60_000 });
}

test.describe('the Library', () => {
  test('a finished run survives a reload, opens, is renamed, found and deleted', async ({
    page,
  }) => {
    await replayARun(page);
    const library = new LibraryPage(page);
    await library.open();
    await page.reload();
    const item = library.items.and(page.locator('[data-kind=run]'));
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(ENGINE);
    await expect(item).toContainText('(correct)');

    await item.getByRole('button', { name: 'Open' }).click();
    await expect(page).toHaveURL(/#\/library\?open=run-/);
    await expect(library.viewer.getByTestId('run-verdict')).toContainText('answer');
    await expect(library.viewer.locator('.tag[data-label=verification]').first()).toBeVisible();
    // The link reopens it after a reload, and Back returns to the list.
    await page.reload();
    await expect(library.viewer).toBeVisible();
    await page.goBack();
    await expect(library.viewer).toBeHidden();

    await item.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Times table lesson');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(item).toContainText('Times table lesson');
    await library.search.fill('times lesson');
    await expect(library.items).toHaveCount(1);
    await library.search.fill('no such words');
    await expect(library.items).toHaveCount(0);
    await library.search.fill('');
    await item.getByRole('button', { name: 'Delete' }).click();
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect(item).toHaveCount(0);
    await page.reload();
    await expect(library.items.and(page.locator('[data-kind=run]'))).toHaveCount(0);
  });

  test('export everything, then import into a fresh profile: all of it comes back', async ({
    page,
    browser,
    baseURL,
  }) => {
    await replayARun(page);
    // An analysed file is kept too.
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await page.getByRole('button', { name: /Labelled examples/ }).click();
    const library = new LibraryPage(page);
    await library.open();
    await expect(library.items).toHaveCount(2);
    const titles = await library.items.locator('.title').allTextContents();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything' }).click();
    const exported = await readFile(await (await download).path(), 'utf8');
    expect(JSON.parse(exported)).toMatchObject({ format: 'loupe-library', version: 1 });

    const fresh = await browser.newContext({ baseURL });
    try {
      const other = await fresh.newPage();
      await other.goto('#/library');
      const restored = new LibraryPage(other);
      await expect(other.getByTestId('library-empty')).toBeVisible();
      await restored.importFile('loupe-library.json', exported);
      await expect(restored.notice).toContainText('2 added');
      await expect(restored.items.locator('.title')).toHaveText(titles);
      await restored.item('behaviours-dev.jsonl').getByRole('button', { name: 'Open' }).click();
      await expect(other).toHaveURL(/#\/playground\/recordings/);
      await expect(other.getByTestId('transcript-table')).toBeVisible();
      await restored.open();
      await restored.item(QUESTION).getByRole('button', { name: 'Open' }).click();
      await expect(restored.viewer).toContainText(ENGINE);
    } finally {
      await fresh.close();
    }
  });

  test("a run saved as a file opens when dropped on Loupe; the Playground's JSON export imports", async ({
    page,
    browser,
    baseURL,
  }) => {
    await replayARun(page);
    const exportDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'JSON', exact: true }).click();
    const playgroundExport = await readFile(await (await exportDownload).path(), 'utf8');

    const library = new LibraryPage(page);
    await library.open();
    await library.item(QUESTION).first().getByRole('button', { name: 'Open' }).click();
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as a file' }).click();
    const shared = await readFile(await (await saved).path(), 'utf8');

    const fresh = await browser.newContext({ baseURL });
    try {
      const other = await fresh.newPage();
      await other.goto('#/python');
      const dataTransfer = await other.evaluateHandle((text) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], 'shared.loupe-run.json', { type: 'application/json' }));
        return transfer;
      }, shared);
      await other.dispatchEvent('main', 'drop', { dataTransfer });
      const viewer = other.getByTestId('run-viewer');
      await expect(viewer).toContainText(ENGINE);
      await expect(viewer.getByTestId('run-verdict')).toContainText('(correct)');

      const restored = new LibraryPage(other);
      await restored.open();
      await restored.importFile('run.json', playgroundExport);
      await expect(restored.viewer).toContainText(ENGINE);
      await restored.open();
      await expect(restored.items).toHaveCount(2);

      await restored.importFile('broken.json', '{"engine": 1}');
      await expect(other.getByTestId('library-error')).toContainText('broken.json');
    } finally {
      await fresh.close();
    }
  });

  test('a lesson link opens a shipped recording at a step; reload, Back and Forward keep it', async ({
    page,
  }) => {
    const link = '#/playground/reason?recording=behaviours-dev.jsonl&item=dev-006';
    await page.goto(`${link}&step=30`);
    const playground = new PlaygroundPage(page);
    await expect(playground.recording.locator('option:checked')).toHaveText(/^#dev-006 · /);
    const next = page.getByRole('button', { name: 'Next token' });
    await expect(next).toBeVisible();
    // It stops at the link's token and waits there for the class: nothing more is written.
    const tokens = () =>
      page.evaluate(
        () =>
          (globalThis as unknown as { loupe: { playground: { live: { tokensSoFar: number } } } })
            .loupe.playground.live.tokensSoFar,
      );
    await expect.poll(tokens).toBe(30);
    const atThirty = await playground.transcript.textContent();
    expect(atThirty).toMatch(/\w/);
    await page.waitForTimeout(1000);
    expect(await playground.transcript.textContent()).toBe(atThirty);
    await expect(playground.endReason).toBeHidden();

    // Next token goes on, and the link follows in place (no new history entry).
    for (let i = 0; i < 5; i++) await next.click();
    await expect.poll(tokens).toBe(35);
    await expect(page).toHaveURL(new RegExp(`${link.replace(/[?.]/g, '\\$&')}&step=35$`));
    const atThirtyFive = await playground.transcript.textContent();
    expect(atThirtyFive?.length).toBeGreaterThan(atThirty?.length ?? 0);

    // A reload comes back to the same token.
    await page.reload();
    await expect.poll(tokens).toBe(35);
    await expect(playground.transcript).toHaveText(atThirtyFive ?? '');

    // Back and Forward: away to the Library and back finds the replay where it was.
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Library' })
      .click();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await page.goBack();
    await expect(next).toBeVisible();
    await expect(playground.transcript).toHaveText(atThirtyFive ?? '');
    expect(await tokens()).toBe(35);
    await page.goForward();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await page.goBack();
    await expect(playground.transcript).toHaveText(atThirtyFive ?? '');

    // Another link replaces the replay; Back returns to the first link, at its token.
    await page.evaluate((hash) => (location.hash = hash), `${link}&step=12`);
    await expect.poll(tokens).toBe(12);
    await page.goBack();
    await expect.poll(tokens).toBe(35);
    await expect(playground.transcript).toHaveText(atThirtyFive ?? '');

    // Turning step mode off lets the replay play on to its end.
    await page.getByRole('checkbox', { name: 'Step by step' }).uncheck();
    await expect(playground.endReason).toBeVisible({ timeout: 120_000 });
  });
});
