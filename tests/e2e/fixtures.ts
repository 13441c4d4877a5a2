import { test as base } from '@playwright/test';
import { PythonPage } from './python-page';

/** Hands each test the Python view with the interpreter ready. */
export const test = base.extend<{ python: PythonPage }>({
  python: async ({ page }, use) => {
    const python = new PythonPage(page);
    await python.goto();
    await use(python);
  },
});

export { expect } from '@playwright/test';
