import { expect, test } from '@playwright/test';
import { chromiumLaunchArgs, findChromium } from '../../scripts/chromium.js';

// SwiftShader: a real WebGPU adapter, in software.
test.use({
  launchOptions: {
    executablePath: findChromium()?.path,
    args: chromiumLaunchArgs({ webgpu: true }),
  },
});

test('a software WebGPU adapter gets a warning that a model would be very slow', async ({
  page,
}) => {
  await page.goto('#/playground');
  await page.getByText('A model on this device').click();
  const status = page.getByTestId('webgpu-status');
  await expect(status).toHaveAttribute('data-kind', 'software', { timeout: 30_000 });
  await expect(status).toContainText('software adapter');
  await expect(page.getByRole('button', { name: 'Load the model' })).toBeEnabled();
  await expect(page.getByText('Qwen2.5-Math 1.5B Instruct')).toBeVisible();
  // The build's jargon is kept out of the model's name, in its tooltip.
  await expect(page.getByText('(q4f32_1)')).toHaveCount(0);
  await expect(page.getByText('Qwen2.5-Math 1.5B Instruct')).toHaveAttribute('title', /q4f32_1/);
});
