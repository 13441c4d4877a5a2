import { expect, type Locator, type Page } from '@playwright/test';

/** The Python view, as a person uses it. */
export class PythonPage {
  readonly page: Page;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly resetButton: Locator;
  readonly status: Locator;
  readonly output: Locator;
  readonly streams: Locator;
  readonly value: Locator;
  readonly error: Locator;
  readonly duration: Locator;
  readonly restarted: Locator;
  readonly truncated: Locator;
  readonly editor: Locator;

  constructor(page: Page) {
    this.page = page;
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop', exact: true });
    this.resetButton = page.getByRole('button', { name: 'Reset', exact: true });
    this.status = page.getByTestId('interpreter-status');
    this.output = page.getByTestId('run-output');
    this.streams = page.getByTestId('streams');
    this.value = page.getByTestId('value');
    this.error = page.getByTestId('error');
    this.duration = page.getByTestId('duration');
    this.restarted = page.getByTestId('restarted');
    this.truncated = page.getByTestId('truncated');
    this.editor = page.locator('[data-testid=code-editor][data-ready=true] .cm-content');
  }

  async goto(): Promise<void> {
    await this.page.goto('#/python');
    await this.waitReady();
  }

  async waitReady(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  }

  async setCode(code: string): Promise<void> {
    await this.editor.fill(code);
  }

  /** Types the code, presses Ctrl+Enter, and does not wait for the run to end. */
  async start(code: string): Promise<void> {
    await this.setCode(code);
    await this.editor.press('Control+Enter');
    await expect(this.stopButton).toBeEnabled();
  }

  /** Runs the code and waits for its result. */
  async run(code: string): Promise<void> {
    await this.setCode(code);
    await this.runButton.click();
    await expect(this.duration).toBeVisible({ timeout: 60_000 });
  }
}
