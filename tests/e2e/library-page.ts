import { expect, type Locator, type Page } from '@playwright/test';

/** The Library view, as a person uses it. */
export class LibraryPage {
  readonly page: Page;
  readonly items: Locator;
  readonly search: Locator;
  readonly viewer: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    this.page = page;
    this.items = page.getByTestId('library-item');
    this.search = page.getByLabel('Search');
    this.viewer = page.getByTestId('run-viewer');
    this.notice = page.getByTestId('library-notice');
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Library' })
      .click();
    await expect(this.page.getByRole('heading', { name: 'Library' })).toBeVisible();
  }

  item(title: string | RegExp): Locator {
    return this.items.filter({ hasText: title });
  }

  async importFile(name: string, text: string): Promise<void> {
    await this.page.getByLabel('Import a file…').setInputFiles({
      name,
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
  }
}
