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

  constructor(page: Page) {
    this.page = page;
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.stopButton = page.getByRole('button', { name: 'Stop', exact: true });
    this.transcript = page.getByTestId('live-transcript');
    this.endReason = page.getByTestId('end-reason');
    this.engineLabel = page.getByTestId('engine-label');
    this.recording = page.getByLabel('Recording', { exact: true });
    this.speed = page.getByLabel('Replay speed');
  }

  async goto(): Promise<void> {
    await this.page.goto('#/playground');
    await expect(this.page.getByTestId('interpreter-status')).toHaveAttribute(
      'data-status',
      'ready',
      { timeout: 60_000 },
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
    await expect(this.recording).toContainText(name);
  }

  async setSpeed(tokensPerSecond: number): Promise<void> {
    await this.speed.fill(String(tokensPerSecond));
  }
}
