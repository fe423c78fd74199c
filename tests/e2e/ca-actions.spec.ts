import { expect, test } from '@playwright/test';
import { IDS } from './fixtures/ca-hierarchy.mjs';
import { signInToEmulator } from './helpers';

// Its own emulator: these tests change the hierarchy.
test.use({ baseURL: 'http://127.0.0.1:8093' });
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await signInToEmulator(page);
});

const details = (page, name: string) => page.getByRole('complementary', { name: `Details of ${name}` });
const item = (page, name: string) => page.getByRole('tree', { name: 'CA hierarchy' }).getByRole('treeitem', { name, exact: true });

test('actions the status does not allow are disabled with the reason', async ({ page }) => {
  await page.goto(`/pca/cas?ca=${IDS.team}`);
  const panel = details(page, 'Team Web CA');
  await expect(panel.getByRole('button', { name: 'Disable' })).toBeDisabled();
  await expect(panel.getByText('Only a CA that is Active or Expired can be disabled; this CA is Disabled.')).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Restore' })).toBeDisabled();
  await expect(panel.getByRole('button', { name: 'Enable' })).toBeEnabled();
});

test('enable and disable ask for confirmation naming the CA', async ({ page }) => {
  await page.goto(`/pca/cas?ca=${IDS.team}`);
  const panel = details(page, 'Team Web CA');
  await panel.getByRole('button', { name: 'Enable' }).click();
  const dialog = panel.getByRole('alertdialog');
  await expect(dialog).toContainText('Enable Team Web CA?');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(item(page, 'Team Web CA')).toContainText('Disabled');

  await panel.getByRole('button', { name: 'Enable' }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Enable Team Web CA' }).click();
  await expect(page.getByText('Team Web CA: enabled')).toBeVisible();
  await expect(item(page, 'Team Web CA')).toContainText('Active');
  await expect(details(page, 'Team Web CA').getByRole('button', { name: 'Enable' })).toBeDisabled();
});

test('delete schedules a grace period within 7 to 30 days, and restore brings the CA back disabled', async ({ page }) => {
  await page.goto(`/pca/cas?ca=${IDS.issuing2}`);
  const panel = details(page, 'Acme Issuing CA 2');
  await expect(panel.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Disable' }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Disable Acme Issuing CA 2' }).click();
  await expect(item(page, 'Acme Issuing CA 2')).toContainText('Disabled');

  await panel.getByRole('button', { name: 'Delete' }).click();
  const dialog = panel.getByRole('alertdialog');
  await dialog.getByLabel('Days before it is gone (7 to 30)').fill('3');
  await dialog.getByRole('button', { name: 'Delete Acme Issuing CA 2' }).click();
  await expect(dialog.getByLabel('Days before it is gone (7 to 30)')).toHaveAttribute('aria-invalid', 'true');
  await expect(item(page, 'Acme Issuing CA 2')).toContainText('Disabled');
  await dialog.getByLabel('Days before it is gone (7 to 30)').fill('10');
  await dialog.getByRole('button', { name: 'Delete Acme Issuing CA 2' }).click();
  await expect(page.getByText('Acme Issuing CA 2: scheduled for deletion')).toBeVisible();
  await expect(item(page, 'Acme Issuing CA 2')).toContainText('Pending deletion');
  await expect(panel).toContainText('Deletion takes effect');

  await panel.getByRole('button', { name: 'Restore' }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Restore Acme Issuing CA 2' }).click();
  await expect(item(page, 'Acme Issuing CA 2')).toContainText('Disabled');
});

test('a pending CA is deleted at once', async ({ page }) => {
  await page.goto(`/pca/cas?ca=${IDS.pending}`);
  const panel = details(page, 'Pending Partner CA');
  await panel.getByRole('button', { name: 'Delete' }).click();
  const dialog = panel.getByRole('alertdialog');
  await expect(dialog).toContainText('A pending CA is removed at once.');
  await expect(dialog.getByLabel('Days before it is gone (7 to 30)')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Delete Pending Partner CA' }).click();
  await expect(page.getByText('Pending Partner CA: deleted')).toBeVisible();
  await expect(item(page, 'Pending Partner CA')).toHaveCount(0);
});
