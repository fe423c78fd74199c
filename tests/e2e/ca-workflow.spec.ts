import { expect, test, Page } from '@playwright/test';
import { fillCaSubject as fillSubject, signInToEmulator } from './helpers';

// What a new user meets first when building a hierarchy with the form's
// defaults: required fields marked from the start, errors as a field is
// left, a subordinate that fits under its root, a revoked CA that reads as
// revoked. An empty emulator of its own.
test.use({ baseURL: 'http://127.0.0.1:8099' });
test.describe.configure({ mode: 'serial' });

const tree = (page: Page) => page.getByRole('tree', { name: 'CA hierarchy' });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
const details = (page: Page, name: string) => page.getByRole('complementary', { name: `Details of ${name}` });

test.beforeEach(async ({ page }) => {
  await signInToEmulator(page);
});

test('the fields a CA requires are marked before anything is typed, and an error shows once a field is left', async ({ page }) => {
  await page.goto('/pca/cas/new');
  for (const label of ['Common name', 'Country (2 letters)', 'State or province', 'Locality', 'Organizational unit']) {
    await expect(page.getByLabel(label)).toHaveAttribute('aria-required', 'true');
  }
  await expect(page.getByLabel('Organization', { exact: true })).toHaveAttribute('aria-required', 'true');
  await expect(page.locator('.required-mark')).toHaveCount(7); // the subject's six and the validity
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Nothing is flagged while typing; leaving a field shows its own error only.
  const country = page.getByLabel('Country (2 letters)');
  await country.fill('DEU');
  await expect(country).toHaveAttribute('aria-invalid', 'false');
  await country.blur();
  await expect(country).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('State or province')).toHaveAttribute('aria-invalid', 'false');
  await page.getByLabel('State or province').focus();
  await page.getByLabel('State or province').blur();
  await expect(page.getByLabel('State or province')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Locality')).toHaveAttribute('aria-invalid', 'false');
  // Fixing it clears the error; what was typed stays.
  await country.fill('DE');
  await expect(country).toHaveAttribute('aria-invalid', 'false');

  // A certificate needs only its common name: only that is marked.
  await page.goto('/pca/certs/new');
  await expect(page.getByLabel('Common name')).toHaveAttribute('aria-required', 'true');
  await expect(page.getByLabel('Country (2 letters)')).not.toHaveAttribute('aria-required', 'true');
});

test('a subordinate made with the defaults under a root made with the defaults fits under it', async ({ page }) => {
  await page.goto('/pca/cas/new');
  await fillSubject(page, 'Workflow Root CA');
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Create CA' }).click();
  await expect(page.getByText('CA Workflow Root CA created')).toBeVisible();

  await page.goto('/pca/cas/new');
  await page.getByRole('radio', { name: 'Subordinate CA, signed now by a CA here' }).check();
  await fillSubject(page, 'Workflow Issuing CA');
  await expect(page.getByLabel('Validity', { exact: true })).toHaveValue('10');
  const root = page.getByLabel('Issuing CA').getByRole('option', { name: /^Workflow Root CA/ });
  await page.getByLabel('Issuing CA').selectOption((await root.getAttribute('value'))!);
  // The form knows the root's end: the default ten years are cut, and it says why.
  await expect(page.getByLabel('Validity', { exact: true })).toHaveValue('9');
  await expect(page.getByText('Validity set to 9 years so that it ends before Workflow Root CA does.')).toBeVisible();
  await expect(page.getByText(/Workflow Root CA is valid until .*: at most 9 years fit under it\./)).toBeVisible();
  // Asking for more is refused before sending.
  await page.getByLabel('Validity', { exact: true }).fill('10');
  await page.getByLabel('Validity', { exact: true }).blur();
  await expect(page.getByText(/ends after the issuer .* does/)).toBeVisible();
  await page.getByLabel('Validity', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Create CA' }).click();
  await expect(page.getByText('CA Workflow Issuing CA created')).toBeVisible();
  await expect(item(page, 'Workflow Issuing CA')).toContainText('Active');
});

test('a revoked CA reads as revoked everywhere and offers only what the service still allows', async ({ page }) => {
  await page.goto('/pca/cas');
  await tree(page).getByRole('link', { name: 'Workflow Issuing CA', exact: true }).click();
  const panel = details(page, 'Workflow Issuing CA');
  await panel.getByRole('button', { name: 'Revoke' }).click();
  const dialog = panel.getByRole('alertdialog');
  await dialog.getByLabel('Reason (RFC 5280)').selectOption('KEY_COMPROMISE');
  await dialog.getByRole('button', { name: 'Revoke Workflow Issuing CA' }).click();
  await expect(page.getByText('Workflow Issuing CA: revoked')).toBeVisible();

  // The service now calls it disabled; the console says what happened.
  await expect(item(page, 'Workflow Issuing CA')).toContainText('Revoked');
  await expect(item(page, 'Workflow Issuing CA')).not.toContainText('Disabled');
  const after = details(page, 'Workflow Issuing CA');
  await expect(after).toContainText(/Revoked on \d{4}-\d{2}-\d{2} \(key compromise\); its issuer lists it in its CRL/);
  // Neither enabling nor a second revocation is offered: the service refuses both.
  await expect(after.getByRole('button', { name: 'Enable' })).toBeDisabled();
  await expect(after.getByRole('button', { name: 'Revoke' })).toBeDisabled();
  await expect(after.getByText(/a revoked CA cannot be enabled or revoked again/).first()).toBeVisible();
  await expect(after.getByRole('button', { name: 'Delete' })).toBeEnabled();

  // The table and the status filter know it too, after a reload.
  await page.goto('/pca/cas?view=table&status=REVOKED');
  await expect(page.getByLabel('Status')).toHaveValue('REVOKED');
  const rows = page.locator('table.data-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Workflow Issuing CA');
  await expect(rows.first()).toContainText('Revoked');
  await page.getByLabel('Status').selectOption('DISABLED');
  await expect(page).toHaveURL(/status=DISABLED/);
  await expect(rows).toHaveCount(1);

  // And the overview counts it as revoked.
  await page.goto('/');
  const cas = page.getByRole('region', { name: 'Counts by status' }).getByRole('group', { name: 'Private CAs' });
  await expect(cas).toContainText('Revoked1');
  await expect(cas).toContainText('Active1');
});

test('the activate dialog marks what it requires, flags a field once left, and sends nothing until it is right', async ({ page }) => {
  await page.goto('/pca/cas/new');
  await page.getByRole('radio', { name: /left pending/ }).check();
  await fillSubject(page, 'Workflow Pending CA');
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Create CA' }).click();
  await expect(page.getByText('CA Workflow Pending CA created')).toBeVisible();

  const panel = details(page, 'Workflow Pending CA');
  await panel.getByRole('button', { name: 'Activate' }).click();
  const dialog = panel.getByRole('alertdialog');
  // The contract's required fields are marked from the start.
  await expect(dialog.getByLabel('Path length (0 to 6)')).toHaveAttribute('aria-required', 'true');
  await expect(dialog.getByLabel('Validity', { exact: true })).toHaveAttribute('aria-required', 'true');
  // A path length out of range is flagged once the field is left, before any send.
  const path = dialog.getByLabel('Path length (0 to 6)');
  await path.fill('9');
  await expect(path).toHaveAttribute('aria-invalid', 'false');
  await path.blur();
  await expect(path).toHaveAttribute('aria-invalid', 'true');
  // Confirming without an issuer shows every problem and sends nothing.
  await dialog.getByRole('button', { name: 'Activate Workflow Pending CA' }).click();
  await expect(dialog.getByText('pick an active CA that may sign subordinate CAs')).toBeVisible();
  await expect(dialog.getByLabel('Issuing CA')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: 'test-results/ca-activate-errors.png', fullPage: true });
  await expect(item(page, 'Workflow Pending CA')).toContainText('Pending activation');

  const root = dialog.getByLabel('Issuing CA').getByRole('option', { name: /^Workflow Root CA/ });
  await dialog.getByLabel('Issuing CA').selectOption((await root.getAttribute('value'))!);
  await path.fill('0');
  await expect(path).toHaveAttribute('aria-invalid', 'false');
  await dialog.getByLabel('Validity', { exact: true }).fill('2');
  await dialog.getByRole('button', { name: 'Activate Workflow Pending CA' }).click();
  await expect(page.getByText('Workflow Pending CA: activated')).toBeVisible();
  await expect(item(page, 'Workflow Pending CA')).toContainText('Active');
});

test('the delete dialog checks its grace period against the contract before anything is sent', async ({ page }) => {
  // Every delete request the page sends, as the network sees it.
  const deletes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'DELETE' && r.url().includes('private-certificate-authorities')) deletes.push(r.url());
  });
  await page.goto('/pca/cas');
  await tree(page).getByRole('link', { name: 'Workflow Pending CA', exact: true }).click();
  const panel = details(page, 'Workflow Pending CA');
  await panel.getByRole('button', { name: 'Disable' }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Disable Workflow Pending CA' }).click();
  await expect(item(page, 'Workflow Pending CA')).toContainText('Disabled');

  await panel.getByRole('button', { name: 'Delete' }).click();
  const dialog = panel.getByRole('alertdialog');
  const days = dialog.getByLabel('Days before it is gone (7 to 30)');
  // Required by the contract, marked from the start.
  await expect(days).toHaveAttribute('aria-required', 'true');
  // Out of range: flagged at the field once it is left, in the contract's words.
  await days.fill('40');
  await expect(days).toHaveAttribute('aria-invalid', 'false');
  await days.blur();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('is 40; allowed: a whole number from 7 to 30')).toBeVisible();
  // Confirming sends nothing while it is wrong.
  await dialog.getByRole('button', { name: 'Delete Workflow Pending CA' }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await days.fill('six');
  await expect(dialog.getByText('"six" is not a whole number')).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete Workflow Pending CA' }).click();
  await expect(item(page, 'Workflow Pending CA')).toContainText('Disabled');
  expect(deletes).toEqual([]);

  // A value in range deletes, with that grace period.
  await days.fill('14');
  await expect(days).toHaveAttribute('aria-invalid', 'false');
  await dialog.getByRole('button', { name: 'Delete Workflow Pending CA' }).click();
  await expect(page.getByText('Workflow Pending CA: scheduled for deletion')).toBeVisible();
  await expect(item(page, 'Workflow Pending CA')).toContainText('Pending deletion');
  expect(deletes).toHaveLength(1);
  expect(deletes[0]).toContain('pending_days=14');
});
