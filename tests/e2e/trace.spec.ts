import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { TracePage } from './trace-page';

const PROGRAM =
  'def f(n):\n    total = 0\n    for i in range(n):\n        total += i\n    return total\n';

test.describe('the Trace view', () => {
  test('traces a program and shows steps, trace and reasoning side by side', async ({ page }) => {
    const view = new TracePage(page);
    await view.goto();
    await view.trace(PROGRAM, 'f(3)');
    await expect(view.summary).toContainText('Returned 3');
    await expect(view.traceText).toContainText('>>> Call to f in File "<program>", line 1');
    await expect(view.traceText).toContainText('<<< Return value from f: 3');
    await expect(view.reasoning).toContainText('Final answer: 3');
    await expect(view.stepCount).toHaveText(/Step 1 of \d+/);
    await view.nextStep.click();
    await view.nextStep.click();
    await expect(view.frames).toContainText('total');
    await expect(page.locator('[data-testid=step-viewer] li.current')).toHaveAttribute(
      'data-line',
      '3',
    );
  });

  test('a reasoning sentence and a trace line each lead to their step', async ({ page }) => {
    const view = new TracePage(page);
    await view.goto();
    await view.trace(PROGRAM, 'f(3)');
    await view.reasoning.getByRole('button', { name: /Iteration 3: i = 2/ }).click();
    await expect(view.frames).toContainText('i2');
    await expect(view.traceText.locator('li.current', { hasText: '.......... i = 2' })).toHaveCount(
      1,
    );
    await view.traceText.getByRole('button', { name: '...... n = 3' }).click();
    await expect(view.stepCount).toHaveText(/Step 1 of/);
    await expect(view.reasoning.locator('button.active')).toContainText('We call');
  });

  test('checks a pasted model translation against the executed result', async ({ page }) => {
    const view = new TracePage(page);
    await view.goto();
    await view.trace(PROGRAM, 'f(3)');
    await page.getByText('Model translation').click();
    const pasted = page.getByLabel("Model's reasoning");
    await pasted.fill('total ends at 3.\n\nFinal answer: 3');
    await expect(page.getByTestId('translation-check')).toContainText(
      'matches the executed return value',
    );
    await pasted.fill('The trace says 4.\n\nFinal answer: 4');
    await expect(page.getByTestId('translation-check')).toContainText(
      'It states 4, but the program returned 3.',
    );
    await expect(page.getByTestId('translation-check')).toContainText('It mentions the trace.');
  });

  test('shows the step limit and an exception', async ({ page }) => {
    const view = new TracePage(page);
    await view.goto();
    await page.getByLabel('Step limit').fill('200');
    await view.trace('def f():\n    while True:\n        pass\n', 'f()');
    await expect(view.summary).toContainText('stopped at the step limit');
    await expect(view.traceText).toContainText('step limit (200 events) was reached');
    await page.getByLabel('Step limit').fill('10000');
    await view.trace('def f(x):\n    return 1 / x\n', 'f(0)');
    await expect(view.summary).toContainText('raised ZeroDivisionError');
    await expect(view.traceText).toContainText('!!! ZeroDivisionError: division by zero');
  });

  test('a batch: progress, a report with a bad line, and the training set export', async ({
    page,
  }) => {
    const view = new TracePage(page);
    await view.goto();
    const lines = [
      JSON.stringify({
        id: 'double',
        code: 'def f(x):\n    return x * 2',
        input: '21',
        output: '42',
      }),
      '{"broken": ',
      JSON.stringify({ id: 'wrong', code: 'def f(x):\n    return x', input: '1', output: '2' }),
      JSON.stringify({ id: 'boom', code: 'def f(x):\n    return 1 / x', input: '0', output: '0' }),
    ];
    await page.locator('input[type=file]').setInputFiles({
      name: 'small.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(lines.join('\n')),
    });
    await expect(page.getByTestId('batch-loaded')).toHaveText(
      'small.jsonl: 3 programs, 1 lines skipped.',
    );
    await expect(page.getByTestId('batch-errors')).toContainText('Line 2: not valid JSON');
    await page.getByRole('button', { name: 'Trace 3 programs' }).click();
    await expect(page.getByTestId('batch-progress')).toHaveText('3 / 3');
    const report = page.getByTestId('batch-report');
    await expect(report.locator('tbody tr')).toHaveCount(3);
    await page.getByLabel('Filter the report').selectOption('raised');
    await expect(report.locator('tbody tr')).toHaveCount(1);
    await expect(report).toContainText('raised ZeroDivisionError');

    const download = page.waitForEvent('download');
    await expect(page.getByTestId('left-out')).toContainText(
      '2 left out: 1 answer differs from the expected output, 1 raised an exception.',
    );
    await page.getByRole('button', { name: /Export training set \(1 usable\)/ }).click();
    const file = await (await download).path();
    const examples = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(examples).toHaveLength(1);
    expect(examples[0].messages.map((m: { role: string }) => m.role)).toEqual([
      'user',
      'assistant',
    ]);
    expect(examples[0].messages[0].content).toContain('def f(x):');
    expect(examples[0].messages[0].content).toContain('f(21)');
    expect(examples[0].messages[1].content).toMatch(/Final answer: 42$/);

    await report.getByRole('button', { name: 'boom' }).click();
    await expect(view.summary).toContainText('raised ZeroDivisionError');
  });

  test('← → step through the trace from anywhere on the page, not while typing', async ({
    page,
  }) => {
    const view = new TracePage(page);
    await view.goto();
    await view.trace(PROGRAM, 'f(3)');
    await page.locator('h3', { hasText: 'Reasoning' }).click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(view.stepCount).toHaveText(/Step 3 of/);
    await page.keyboard.press('ArrowLeft');
    await expect(view.stepCount).toHaveText(/Step 2 of/);
    await view.call.press('ArrowLeft');
    await expect(view.stepCount).toHaveText(/Step 2 of/);
  });

  test('the current line stays in view; a long loop is folded with its values', async ({
    page,
  }) => {
    const view = new TracePage(page);
    await view.goto();
    const filler = Array.from({ length: 30 }, (_, i) => `    x${i} = ${i}`).join('\n');
    await view.trace(
      `def f(n):\n${filler}\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n`,
      'f(2000)',
    );
    await expect(view.summary).toContainText('Returned 1999000');
    await expect(view.traceText).toContainText(
      'iterations 3 to 1999 of line 33 took paths shown above',
    );
    await page.getByRole('button', { name: 'Last step' }).click();
    const current = page.locator('[data-testid=step-viewer] li.current');
    await expect(current).toHaveAttribute('data-line', '35');
    await expect(current).toBeInViewport();
  });

  test('a hostile batch: a poisoned json.dumps, a 10 MB answer, a call stuck in C', async ({
    page,
  }) => {
    const view = new TracePage(page);
    await view.goto();
    const lines = [
      {
        id: 'poison',
        code: 'import json\ndef f(x):\n    json.dumps = None\n    return x',
        input: '1',
        output: '1',
      },
      { id: 'huge', code: 'def f(n):\n    return "r" * n', input: '10**7', output: '0' },
      { id: 'stuck', code: 'def f(n):\n    return sum(range(n))', input: '10**13', output: '0' },
      {
        id: 'after',
        code: 'import json\ndef f(x):\n    return json.dumps(x)',
        input: '[1]',
        output: "'[1]'",
      },
    ].map((line) => JSON.stringify(line));
    await page.locator('input[type=file]').setInputFiles({
      name: 'hostile.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.getByRole('button', { name: 'Trace 4 programs' }).click();
    await expect(page.getByTestId('batch-progress')).toHaveText('4 / 4', { timeout: 60_000 });
    const report = page.getByTestId('batch-report');
    await expect(report.locator('tr', { hasText: 'poison' })).toContainText('matched');
    await expect(report.locator('tr', { hasText: 'after' })).toContainText('matched');
    await expect(report.locator('tr', { hasText: 'stuck' })).toContainText(
      'stopped at the time limit: still running inside one long call',
    );
    const huge = await report.locator('tr', { hasText: 'huge' }).innerText();
    expect(huge.length).toBeLessThan(2000);
  });
});
