import { expect, test } from '@playwright/test';
import { openConsole } from './helpers';

// Against `ccm-serve --emulate`, as `make demo` starts it.
test.use({ baseURL: 'http://127.0.0.1:8091' });

test('the demo sign-in works against the built-in emulator', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByLabel('Account name (for IAM password sign-in)').fill('demo');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel('IAM user name').fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('IAM token, valid until')).toBeVisible();
  await expect(page.getByLabel('Account ID (domain id)')).toHaveValue('0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Private CAs: 0 of 100 used')).toBeVisible();
});

test('access keys are verified by the emulator', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
  await page.getByLabel('Access key ID').fill('EMULATORAK0000000001');
  await page.getByLabel('Secret access key').fill('not-the-secret');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Connection test failed' });
  await expect(alert).toContainText('PCA.00010001');
  await expect(alert).toContainText('signature does not match');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
  await page.getByLabel('Access key ID').fill('EMULATORAK0000000001');
  await page.getByLabel('Secret access key').fill('emulatorSecretKey0000000000000000000000');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Private CAs: 0 of 100 used')).toBeVisible();
});
