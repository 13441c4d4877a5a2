import { expect, type Locator, type Page } from '@playwright/test';

/** The Playground's "Reason with Python" tab, as a person uses it. */
export class PlaygroundPage {
  readonly page: Page;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly transcript: Locator;
  readonly endReason: Locator;
  readonly engineLabel: Locator;
  readonly recording: Locator;
  readonly speed: Locator;
  readonly presentButton: Locator;

  constructor(page: Page) {
    this.page = page;
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop', exact: true });
    this.transcript = page.getByTestId('live-transcript');
    this.endReason = page.getByTestId('end-reason');
    this.engineLabel = page.getByTestId('engine-label');
    this.recording = page.getByLabel('Recording', { exact: true });
    this.speed = page.getByLabel('Replay speed');
    this.presentButton = page.getByRole('button', { name: 'Present', exact: true });
  }

  async goto(): Promise<void> {
    await this.page.goto('#/playground');
    await expect(this.page.getByTestId('interpreter-status')).toHaveAttribute(
      'data-status',
      'ready',
      { timeout: 120_000 },
    );
    await expect(this.recording).toBeVisible();
    // Playground runs use their own interpreter, warmed once the page's is ready.
    await expect(this.page.getByTestId('playground-python')).toHaveAttribute(
      'data-status',
      'ready',
      {
        timeout: 90_000,
      },
    );
  }

  async importRecording(name: string, lines: object[]): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({
      name,
      mimeType: 'application/jsonl',
      buffer: Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')),
    });
    await expect(this.page.getByText(`from ${name}`)).toBeVisible();
  }

  /** Chooses a recording by its id in the content picker ("#dev-006 · question · answer · tags"). */
  async pickRecording(id: string): Promise<void> {
    const value = await this.recording
      .locator('option')
      .filter({ hasText: new RegExp(`^#${id} ·`) })
      .getAttribute('value');
    await this.recording.selectOption(value ?? '');
  }

  /** Opens the setup again after a run folded it away. */
  async openSetup(): Promise<void> {
    const toggle = this.page.getByRole('button', { name: 'Change the setup' });
    if (await toggle.isVisible()) await toggle.click();
  }

  async setSpeed(tokensPerSecond: number): Promise<void> {
    await this.speed.fill(String(tokensPerSecond));
  }
}
