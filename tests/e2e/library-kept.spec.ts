import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ComparePage } from './compare-page';
import { LibraryPage } from './library-page';
import { PlaygroundPage } from './playground-page';

// Page loads, a worker that tags, a second browser profile: room for a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

/** What the kept experiment says ran it: made-up test data, and labelled so wherever it shows. */
const MODEL = 'Test data (a test double, not a model)';
const MODELS = ['MathCoder-L-7b', 'MathCoder-L-13b', 'MathCoder-CL-34b', 'MathCoder-L-70b'];

/** Downloads "Export everything" and imports it into a fresh browser profile. */
async function exportAll(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export everything' }).click();
  return readFile(await (await download).path(), 'utf8');
}

/**
 * An experiment as an earlier Loupe kept it, in its own `loupe-experiments` database: two runs
 * of one Game of 24 task, one wrong (N = 0) and one right (N = 1).
 */
async function keepAnOldExperiment(page: Page): Promise<void> {
  await page.evaluate(async (model) => {
    const request = indexedDB.open('loupe-experiments', 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('experiments', { keyPath: 'id' });
      request.result
        .createObjectStore('runs', { keyPath: ['experimentId', 'key'] })
        .createIndex('experiment', 'experimentId');
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const plan = [0, 1].map((n) => ({
      key: `game24-0|N=${n}|seed=1`,
      taskId: 'game24-0',
      family: 'game24',
      category: 'math',
      n,
      seed: 1,
    }));
    const tx = db.transaction(['experiments', 'runs'], 'readwrite');
    tx.objectStore('experiments').put({
      id: 'exp-old',
      createdAt: '2026-11-30T10:00:00.000Z',
      model,
      config: {
        families: ['game24'],
        sampleSize: 1,
        protocol: 'markdown-tir',
        template: 'chatml',
        system: 'Solve it.',
        token: 'Wait',
        conditions: [0, 1],
        seeds: [1],
        maxRounds: 2,
        maxTokensPerRound: 256,
        maxTotalTokens: 512,
        temperature: 0.6,
        topP: 0.95,
        contextWindow: 4096,
      },
      plan,
      status: 'finished',
    });
    for (const run of plan) {
      const right = run.n === 1;
      tx.objectStore('runs').put({
        ...run,
        experimentId: 'exp-old',
        status: 'scored',
        verdict: { correct: right, answer: right ? '(1+2+3)*4' : '1+2', reason: 'checked' },
        end: 'answer',
        message: 'Answered',
        completionTokens: 40,
        rounds: 1,
        insertions: run.n,
        durationMs: 900,
        counts: { verification: run.n, backtracking: 0, subgoal_setting: 0, backward_chaining: 0 },
        units: 4,
        parts: [{ kind: 'model', text: `The answer is <<<${right ? '(1+2+3)*4' : '1+2'}>>>` }],
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, MODEL);
}

test.describe('experiments and compare sets in the Library', () => {
  test('an experiment is listed, opens in Experiments, is renamed, exported, imported, deleted', async ({
    page,
    browser,
    baseURL,
  }) => {
    await page.goto('#/library');
    await keepAnOldExperiment(page);
    await page.reload();
    // Moved from the old database into the Library at start-up.
    const library = new LibraryPage(page);
    const item = library.items.and(page.locator('[data-kind=experiment]'));
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('finished · 2 of 2 runs · 1 of 2 scored correct');
    await expect(item).toContainText(/\d+(\.\d)? kB/);
    expect(
      await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name)),
    ).not.toContain('loupe-experiments');

    await item.getByRole('button', { name: 'Open' }).click();
    await expect(page).toHaveURL(/#\/experiments\?open=exp-old$/);
    const progress = page.getByTestId('experiment-progress');
    await expect(progress).toContainText('2 of 2 runs');
    await expect(progress).toContainText(MODEL);
    const all = page.getByTestId('accuracy-table').getByRole('row', { name: /^All/ });
    await expect(all.getByRole('cell').nth(0)).toContainText('0/1');
    await expect(all.getByRole('cell').nth(1)).toContainText('1/1');
    await page.reload();
    await expect(progress).toContainText('2 of 2 runs');

    await library.open();
    await item.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Wait on Game of 24');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(item).toContainText('Wait on Game of 24');
    await library.search.fill('test double game24');
    await expect(library.items).toHaveCount(1);
    await library.search.fill('');

    const exported = await exportAll(page);
    const fresh = await browser.newContext({ baseURL });
    try {
      const other = await fresh.newPage();
      await other.goto('#/library');
      const restored = new LibraryPage(other);
      await restored.importFile('loupe-library.json', exported);
      await expect(restored.notice).toContainText('1 added');
      await restored.item('Wait on Game of 24').getByRole('button', { name: 'Open' }).click();
      await expect(other.getByTestId('experiment-progress')).toContainText('2 of 2 runs');
    } finally {
      await fresh.close();
    }

    await item.getByRole('button', { name: 'Delete' }).click();
    await item.getByRole('button', { name: 'Delete' }).click();
    await expect(item).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('library-empty')).toBeVisible();
    await page.goto('#/experiments');
    await expect(page.getByTestId('experiment-progress')).toHaveCount(0);
  });

  test('a compare set is kept as it changes, comes back after a reload, exports and imports', async ({
    page,
    browser,
    baseURL,
  }) => {
    const compare = new ComparePage(page);
    await compare.goto();
    // The bundled sample is not kept on its own; a set the person makes is.
    for (const model of MODELS) await page.getByRole('button', { name: `Remove ${model}` }).click();
    await expect(compare.groups).toHaveCount(0);
    const lines = [
      JSON.stringify({ id: 'a', text: 'Let me check: 2 + 2 = 4. \\boxed{4}', gt: '4' }),
      JSON.stringify({ id: 'b', text: 'Wait, that is wrong. \\boxed{5}', gt: '4' }),
    ];
    await compare.addGroup('lesson A', [{ name: 'a.jsonl', text: lines.join('\n') }]);
    await compare.addGroup('lesson B', [{ name: 'b.jsonl', text: lines[0] as string }]);
    await expect(compare.table.locator('thead')).toContainText('lesson B', { timeout: 120_000 });
    await expect(page.getByTestId('compare-kept')).toBeVisible();
    await expect(page).toHaveURL(/#\/compare\?open=compare-/);
    const link = page.url();

    // Reload, and a visit elsewhere and back: the same set, not the bundled sample.
    await page.reload();
    await expect(compare.groups).toHaveCount(2);
    await expect(compare.table.locator('thead')).toContainText('lesson A');
    await page.getByRole('link', { name: 'Python' }).click();
    await page.getByRole('link', { name: 'Compare' }).click();
    await expect(compare.groups).toHaveCount(2);
    await page.goto('#/python');
    await page.reload();
    await page.getByRole('link', { name: 'Compare' }).click();
    await expect(compare.groups).toHaveCount(2);
    await expect(compare.table.locator('thead')).toContainText('lesson B');

    const library = new LibraryPage(page);
    await library.open();
    const item = library.items.and(page.locator('[data-kind=compare]'));
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('lesson A, lesson B');
    await expect(item).toContainText('2 groups · 3 transcripts');
    await item.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name').fill('Two lessons');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(item).toContainText('Two lessons');

    // Reopened from the Library, changed: the same record, still named as the person named it.
    await item.getByRole('button', { name: 'Open' }).click();
    await expect(page).toHaveURL(link);
    await compare.splitByOutcome.check();
    await expect(compare.table.locator('thead')).toContainText('lesson A/correct');
    await library.open();
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Two lessons');
    await expect(item).toContainText('split by outcome');

    const exported = await exportAll(page);
    const fresh = await browser.newContext({ baseURL });
    try {
      const other = await fresh.newPage();
      await other.goto('#/library');
      const restored = new LibraryPage(other);
      await restored.importFile('loupe-library.json', exported);
      await expect(restored.notice).toContainText('1 added');
      await restored.item('Two lessons').getByRole('button', { name: 'Open' }).click();
      const again = new ComparePage(other);
      await expect(again.groups).toHaveCount(2);
      await expect(again.table.locator('thead')).toContainText('lesson A/correct');
      await expect(again.splitByOutcome).toBeChecked();
    } finally {
      await fresh.close();
    }
  });

  test('screenshots of the Library (LOUPE_SCREENSHOTS=<folder>)', async ({ page }) => {
    const shots = process.env.LOUPE_SCREENSHOTS;
    test.skip(!shots, 'only when taking screenshots for the README');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto('#/library');
    await keepAnOldExperiment(page);
    await page.reload();
    const playground = new PlaygroundPage(page);
    await playground.goto();
    await playground.importRecording('six.jsonl', [
      {
        id: 'six',
        question: 'What is six times seven?',
        gt: '42',
        transcript:
          'Let me check with code.\n```python\nprint(6 * 7)\n```\n```output\n42\n```\nWait, let me verify: 6 * 7 = 42. So \\boxed{42}.',
      },
    ]);
    await playground.setSpeed(1000);
    await playground.runButton.click();
    await expect(playground.endReason).toHaveAttribute('data-reason', 'answer', {
      timeout: 60_000,
    });
    await page.getByRole('tab', { name: 'Analyse recordings' }).click();
    await page.getByRole('button', { name: /Labelled examples/ }).click();
    const compare = new ComparePage(page);
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Compare' })
      .click();
    for (const model of MODELS.slice(2))
      await page.getByRole('button', { name: `Remove ${model}` }).click();
    await expect(compare.table.locator('thead')).toContainText('MathCoder-L-13b', {
      timeout: 170_000,
    });
    await expect(page.getByTestId('compare-kept')).toBeVisible();
    const library = new LibraryPage(page);
    await library.open();
    await expect(library.items).toHaveCount(4);
    await page.getByText(/^Available offline/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: `${shots}/library.png` });
    await page.getByRole('button', { name: 'A+' }).click();
    await page.screenshot({ path: `${shots}/library-1280-large.png` });
    await page.getByRole('button', { name: 'A+' }).click();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: `${shots}/library-1920.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}/library-390.png`, fullPage: true });
  });
});
