import { expect, type Locator, type Page } from '@playwright/test';

/** The Trace view, as a person uses it. */
export class TracePage {
  readonly page: Page;
  readonly traceButton: Locator;
  readonly call: Locator;
  readonly editor: Locator;
  readonly summary: Locator;
  readonly stepCount: Locator;
  readonly frames: Locator;
  readonly traceText: Locator;
  readonly reasoning: Locator;
  readonly nextStep: Locator;

  constructor(page: Page) {
    this.page = page;
    this.traceButton = page.getByRole('button', { name: 'Trace', exact: true });
    this.call = page.getByLabel('Call', { exact: true });
    this.editor = page.locator('[data-testid=code-editor][data-ready=true] .cm-content');
    this.summary = page.getByTestId('trace-summary');
    this.stepCount = page.getByTestId('step-count');
    this.frames = page.getByTestId('frames');
    this.traceText = page.getByTestId('trace-text');
    this.reasoning = page.getByTestId('reasoning');
    this.nextStep = page.getByRole('button', { name: 'Next step' });
  }

  async goto(): Promise<void> {
    await this.page.goto('#/trace');
    await expect(this.editor).toBeVisible();
  }

  async trace(code: string, call: string): Promise<void> {
    await this.editor.fill(code);
    await this.call.fill(call);
    await this.traceButton.click();
    await expect(this.summary).toBeVisible({ timeout: 60_000 });
  }
}
