import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** The Compare view, as a person uses it. */
export class ComparePage {
  readonly page: Page;
  readonly groups: Locator;
  readonly table: Locator;
  readonly readout: Locator;
  readonly splitByOutcome: Locator;
  readonly exportCsvButton: Locator;
  readonly fileInput: Locator;
  readonly newGroupName: Locator;

  constructor(page: Page) {
    this.page = page;
    this.groups = page.getByTestId('compare-group');
    this.table = page.getByTestId('compare-table');
    this.readout = page.getByTestId('compare-readout');
    this.splitByOutcome = page.getByRole('checkbox', { name: 'Split each group by outcome' });
    this.exportCsvButton = page.getByRole('button', { name: 'Export CSV' });
    this.fileInput = page.getByLabel('Add files as a group');
    this.newGroupName = page.getByLabel('Name for the new group');
  }

  async goto(): Promise<void> {
    await this.page.goto('#/compare');
    await expect(this.page.getByRole('heading', { name: 'Groups' })).toBeVisible();
  }

  chart(name: 'behaviours' | 'accuracy-vs-prevalence' | 'tokens-by-outcome'): Locator {
    return this.page.getByTestId(`chart-${name}`);
  }

  /** Column headings of the figures table: the groups shown. */
  async columns(): Promise<string[]> {
    return (await this.table.locator('thead th').allTextContents()).slice(1);
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.exportCsvButton.click();
    return download;
  }

  async addGroup(name: string, files: { name: string; text: string }[]): Promise<void> {
    await this.newGroupName.fill(name);
    await this.fileInput.setInputFiles(
      files.map((f) => ({
        name: f.name,
        mimeType: 'application/jsonl',
        buffer: Buffer.from(f.text),
      })),
    );
  }
}
