import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { choose, expectFocusOnPage, goToView, keyboardSignIn, pickRadio, press, setCheckbox, tabTo, typeInto } from './fixtures/keyboard';
import { makeSslPair, openssl, tempDir } from './fixtures/openssl';

// Every workflow of the e2e suite, done with the keyboard alone: Tab to a
// control, then Enter, Space, the arrow keys, Escape or typing. No click,
// check or fill. Its own emulator with the demo seed (playwright.config.ts).
const BASE = 'http://127.0.0.1:8104';
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

const main = (page: Page) => page.getByRole('main');
const tree = (page: Page) => page.getByRole('tree', { name: 'CA hierarchy' });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
const caDetails = (page: Page, name: string) => page.getByRole('complementary', { name: `Details of ${name}` });
const sslDetails = (page: Page) => page.getByRole('complementary', { name: 'Certificate details' });

/** A CA subject: every part, typed in order. */
async function typeSubject(page: Page, cn: string) {
  await typeInto(page, page.getByLabel('Common name'), cn);
  await typeInto(page, page.getByLabel('Country (2 letters)'), 'DE');
  await typeInto(page, page.getByLabel('State or province'), 'Berlin');
  await typeInto(page, page.getByLabel('Locality'), 'Berlin');
  await typeInto(page, page.getByLabel('Organization', { exact: true }), 'Acme');
  await typeInto(page, page.getByLabel('Organizational unit'), 'PKI');
}

test('sign-in with IAM user and password, and sign-out', async ({ page }) => {
  await page.goto('/settings');
  await typeInto(page, page.getByLabel('Account name (for IAM password sign-in)'), 'demo');
  await press(page, page.getByRole('button', { name: 'Save profile' }));
  await expect(page.getByText(/Profile .* saved/)).toBeVisible();
  await pickRadio(page, page.getByRole('radio', { name: 'IAM user and password' }));
  await typeInto(page, page.getByLabel('IAM user name'), 'demo');
  await typeInto(page, page.getByLabel('Password', { exact: true }), 'demo-password');
  // Enter in the last field submits the form.
  await page.keyboard.press('Enter');
  await expect(page.getByText('IAM token, valid until')).toBeVisible();

  await press(page, page.getByRole('button', { name: 'Sign out' }));
  await expect(page.getByRole('link', { name: 'Not signed in' })).toBeVisible();
  // The button went away with the session: the focus is on the main content.
  await expect(main(page)).toBeFocused();
});

test('sign-in with an access key, then the theme toggle', async ({ page }) => {
  await keyboardSignIn(page);
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeFocused();
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await choose(page, theme, 'Dark', { back: true });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await choose(page, theme, 'Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await choose(page, theme, 'System');
});

test('creates a root CA and a subordinate under it through the wizard', async ({ page }) => {
  test.setTimeout(90_000);
  const root = uniqueName('Kbd Root CA');
  const sub = uniqueName('Kbd Sub CA');
  await keyboardSignIn(page);
  await goToView(page, 'Private CAs');
  await press(page, page.getByRole('link', { name: 'Create CA' }));
  await expect(page.getByRole('heading', { name: 'Create a CA' })).toBeVisible();
  // The link went away with the view: the new view's content has the focus.
  await expect(main(page)).toBeFocused();

  await pickRadio(page, page.getByRole('radio', { name: /^Root CA/ }));
  await typeSubject(page, root);
  await press(page, page.getByRole('button', { name: 'Review request' }));
  await expect(page.getByRole('region', { name: 'Request to send' })).toContainText('"type": "ROOT"');
  await press(page, page.getByRole('button', { name: 'Create CA' }));
  await expect(caDetails(page, root)).toBeVisible({ timeout: 20_000 });
  await expect(item(page, root)).toContainText('Active');
  await expectFocusOnPage(page);

  await press(page, page.getByRole('link', { name: 'Create CA' }), 'Enter', { back: true });
  await expect(page.getByRole('heading', { name: 'Create a CA' })).toBeVisible();
  await pickRadio(page, page.getByRole('radio', { name: 'Subordinate CA, signed now by a CA here' }));
  await typeSubject(page, sub);
  await choose(page, page.getByLabel('Issuing CA'), root);
  await typeInto(page, page.getByLabel('Validity', { exact: true }), '1');
  await press(page, page.getByRole('button', { name: 'Review request' }));
  await expect(page.getByRole('region', { name: 'Request to send' })).toContainText('"type": "SUBORDINATE"');
  await press(page, page.getByRole('button', { name: 'Create CA' }));
  await expect(caDetails(page, sub)).toBeVisible({ timeout: 20_000 });
  await expect(item(page, root).getByRole('group').getByRole('treeitem', { name: sub, exact: true })).toBeVisible();
});

test('CA tree: follow a CA to its details, collapse and expand a branch, go on to its certificates', async ({ page }) => {
  await keyboardSignIn(page);
  await goToView(page, 'Private CAs');
  await press(page, tree(page).getByRole('link', { name: 'Example Corp Issuing CA', exact: true }));
  await expect(page).toHaveURL(/\?ca=/);
  const panel = caDetails(page, 'Example Corp Issuing CA');
  await expect(panel.getByRole('region', { name: 'CA certificate' })).toContainText('CN=Example Corp Issuing CA');
  await expect(item(page, 'Example Corp Issuing CA')).toHaveAttribute('aria-selected', 'true');
  await expectFocusOnPage(page);

  // The toggle keeps the focus, so Enter toggles back.
  await press(page, page.getByRole('button', { name: 'Collapse Example Corp Root CA' }), 'Enter', { back: true });
  await expect(item(page, 'Example Corp Issuing CA')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Expand Example Corp Root CA' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(item(page, 'Example Corp Issuing CA')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Collapse Example Corp Root CA' })).toBeFocused();

  await press(page, panel.getByRole('link', { name: 'Certificates issued by this CA' }));
  await expect(page).toHaveURL(/\/pca\/certs\?ca_id=/);
  await expect(page.getByRole('table', { name: 'Private certificates' })).toContainText('Example Corp Issuing CA');
});

test('CA lifecycle: enable, disable, delete, restore and revoke, each confirmed; Escape cancels', async ({ page }) => {
  test.setTimeout(90_000);
  const ca = 'Example Corp Lab CA';
  await keyboardSignIn(page);
  await goToView(page, 'Private CAs');
  await press(page, tree(page).getByRole('link', { name: ca, exact: true }));
  const panel = caDetails(page, ca);
  await expect(item(page, ca)).toContainText('Disabled');
  const dialog = panel.getByRole('alertdialog');

  // Escape closes the confirmation and the focus goes back to its button.
  await press(page, panel.getByRole('button', { name: 'Enable' }));
  await expect(dialog).toContainText(`Enable ${ca}?`);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'test-results/keyboard-confirm.png', fullPage: true });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Enable' })).toBeFocused();

  // Each confirmation: Shift+Tab from Cancel to the confirm button.
  const confirmAction = async (action: string, done: RegExp) => {
    await press(page, panel.getByRole('button', { name: action, exact: true }));
    await press(page, dialog.getByRole('button', { name: `${action} ${ca}` }), 'Enter', { back: true });
    await expect(item(page, ca)).toContainText(done);
    await expectFocusOnPage(page);
  };
  await confirmAction('Enable', /Active/);
  await confirmAction('Disable', /Disabled/);

  // Delete: the dialog opens on its days field.
  await press(page, panel.getByRole('button', { name: 'Delete', exact: true }));
  const days = dialog.getByLabel('Days before it is gone (7 to 30)');
  await expect(days).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await press(page, dialog.getByRole('button', { name: `Delete ${ca}` }));
  await expect(page.getByText(`${ca}: scheduled for deletion`)).toBeVisible();
  await expect(item(page, ca)).toContainText('Pending deletion');
  await confirmAction('Restore', /Disabled/);

  // Revoke, with a reason picked by the arrow keys.
  await press(page, panel.getByRole('button', { name: 'Revoke', exact: true }));
  await expect(dialog.getByLabel('Reason (RFC 5280)')).toBeFocused();
  await choose(page, dialog.getByLabel('Reason (RFC 5280)'), 'Superseded');
  await press(page, dialog.getByRole('button', { name: `Revoke ${ca}` }));
  // A revoked CA stays disabled for good, and reads as revoked.
  await expect(page.getByText(`${ca}: revoked`)).toBeVisible();
  await expect(item(page, ca)).toContainText('Revoked');
  await expectFocusOnPage(page);
});

test('CA tags: add with Enter, remove with the keyboard', async ({ page }) => {
  await keyboardSignIn(page);
  await goToView(page, 'Private CAs');
  await press(page, tree(page).getByRole('link', { name: 'Example Corp Root CA', exact: true }));
  const tags = caDetails(page, 'Example Corp Root CA').getByRole('region', { name: 'Tags' });
  const value = uniqueName('kbd');
  await typeInto(page, tags.getByLabel('Tag key'), 'env');
  await typeInto(page, tags.getByLabel('Tag value'), value);
  await page.keyboard.press('Enter');
  await expect(tags.getByRole('listitem').filter({ hasText: `env = ${value}` })).toBeVisible();
  await press(page, tags.getByRole('button', { name: `Remove tag env = ${value}` }), 'Enter', { back: true });
  await expect(tags.getByRole('listitem').filter({ hasText: `env = ${value}` })).toHaveCount(0);
  await expectFocusOnPage(page);
});

test('applies for a private certificate', async ({ page }) => {
  const cn = uniqueName('kbd-apply') + '.example.com';
  await keyboardSignIn(page);
  await goToView(page, 'Private certificates');
  await press(page, page.getByRole('link', { name: 'Apply for a certificate' }));
  await expect(page.getByRole('heading', { name: 'Apply for a certificate' })).toBeVisible();
  // The issuers have arrived (the wizard test added two).
  await expect(page.getByLabel('Issuing CA').getByRole('option', { name: /^Example Corp Issuing CA/ })).toHaveCount(1);
  await choose(page, page.getByLabel('Issuing CA'), 'Example Corp Issuing CA');
  await typeInto(page, page.getByLabel('Common name'), cn);
  await choose(page, page.getByLabel('Key algorithm'), 'EC');
  await press(page, page.getByRole('button', { name: 'Add a name' }));
  await typeInto(page, page.getByLabel('Name 1 value'), cn);
  await press(page, page.getByRole('button', { name: 'Review request' }));
  await expect(page.getByRole('region', { name: 'Request to send' })).toContainText('POST /v1/private-certificates');
  await press(page, page.getByRole('button', { name: 'Apply', exact: true }));
  await expect(page.getByRole('heading', { name: cn })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'Certificate record' })).toContainText('Example Corp Issuing CA');
  await expect(main(page)).toBeFocused();
});

function makeCsr(cn: string): { csr: string; file: string } {
  const dir = tempDir('kbd-csr-');
  const file = path.join(dir, 'req.csr');
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', path.join(dir, 'key.pem'),
    '-out', file, '-subj', `/CN=${cn}`]);
  return { csr: fs.readFileSync(file, 'utf8'), file };
}

test('issues from a pasted CSR; the file picker opens from the keyboard too', async ({ page }) => {
  const cn = uniqueName('kbd-csr') + '.example.com';
  const { csr } = makeCsr(cn);
  await keyboardSignIn(page);
  await goToView(page, 'Private certificates');
  await press(page, page.getByRole('link', { name: 'Issue from a CSR' }));
  await expect(page.getByRole('heading', { name: 'Issue a certificate from a CSR' })).toBeVisible();
  await expect(page.getByLabel('Issuing CA').getByRole('option', { name: /^Example Corp Issuing CA/ })).toHaveCount(1);

  // Space on "Choose file…" opens the picker.
  const other = makeCsr('picked.example.com');
  const chooser = page.waitForEvent('filechooser');
  await press(page, page.getByLabel('File for Certificate signing request (PEM)'), 'Space');
  await (await chooser).setFiles(other.file);
  await expect(page.getByRole('region', { name: 'Decoded CSR' })).toContainText('CN=picked.example.com');

  // Then the pasted one replaces it.
  await typeInto(page, page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }), csr, { paste: true });
  await expect(page.getByRole('region', { name: 'Decoded CSR' })).toContainText(`CN=${cn}`);
  await choose(page, page.getByLabel('Issuing CA'), 'Example Corp Issuing CA');
  await typeInto(page, page.getByLabel('Validity', { exact: true }), '30');
  await press(page, page.getByRole('button', { name: 'Review request' }));
  await expect(page.getByRole('region', { name: 'Request to send' })).toContainText('POST /v1/private-certificates/csr');
  await press(page, page.getByRole('button', { name: 'Issue', exact: true }));
  await expect(page.getByRole('heading', { name: cn })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Certificate record' })).toContainText('Issued from a CSR');
});

test('certificate details, the export dialog with a download, Escape closes it', async ({ page }) => {
  const api = await EmulatorApi.connect(BASE);
  const cn = uniqueName('kbd-export') + '.example.com';
  const id = await api.issue(await api.caId('Example Corp Issuing CA'), cn);
  await keyboardSignIn(page);
  await goToView(page, 'Private certificates');
  await typeInto(page, page.getByLabel('Name contains'), cn);
  const table = page.getByRole('table', { name: 'Private certificates' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await press(page, table.getByRole('link', { name: cn }));
  await expect(page).toHaveURL(new RegExp(`/pca/certs/${id}$`));
  await expect(page.getByRole('region', { name: 'Decoded certificate' })).toContainText(`CN=${cn}`);

  const open = page.getByRole('button', { name: 'Export…' });
  await press(page, open);
  const dialog = page.getByRole('dialog', { name: `Export ${cn}` });
  // The dialog opens on its checked server type.
  await expect(dialog.getByRole('radio', { name: 'Nginx' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await page.keyboard.press('Enter');
  await pickRadio(page, dialog.getByRole('radio', { name: 'PEM files' }));
  await setCheckbox(page, dialog.getByRole('checkbox', { name: /Compressed/ }), false);
  await typeInto(page, dialog.getByLabel('Key password (optional)'), 'Kbd-export-1');
  await press(page, dialog.getByRole('button', { name: 'Export', exact: true }));
  const files = dialog.getByRole('list', { name: 'Exported files' });
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, files.getByRole('button', { name: /^Download private key/ }))]);
  expect(download.suggestedFilename()).toBe(`${cn}.key.pem`);
  expect(fs.readFileSync((await download.path())!, 'utf8')).toContain('BEGIN ENCRYPTED PRIVATE KEY');
  await press(page, dialog.getByRole('button', { name: 'Close export' }), 'Enter', { back: true });
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
});

test('bulk selection and bulk revoke on the certificate list', async ({ page }) => {
  test.setTimeout(60_000);
  const api = await EmulatorApi.connect(BASE);
  const issuer = await api.caId('Example Corp Issuing CA');
  const prefix = uniqueName('kbd-bulk');
  for (let i = 0; i < 3; i++) await api.issue(issuer, `${prefix}-${i}.example.com`);
  await keyboardSignIn(page);
  await goToView(page, 'Private certificates');
  await typeInto(page, page.getByLabel('Name contains'), prefix);
  const rows = page.getByRole('table', { name: 'Private certificates' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  // One by one with Space, then all at once.
  await setCheckbox(page, page.getByRole('checkbox', { name: `Select ${prefix}-1.example.com` }), true);
  await expect(page.getByText('1 certificates selected').or(page.getByText('1 certificate selected'))).toBeVisible();
  await setCheckbox(page, page.getByRole('checkbox', { name: 'Select all on this page' }), true, { back: true });
  await expect(page.getByText('3 certificates selected')).toBeVisible();
  await press(page, page.getByRole('button', { name: 'Revoke selected' }), 'Enter', { back: true });
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('Revoke 3 certificate(s)?');
  await expect(confirm.getByLabel('Reason (RFC 5280)')).toBeFocused();
  await choose(page, confirm.getByLabel('Reason (RFC 5280)'), 'Superseded');
  await press(page, confirm.getByRole('button', { name: 'Revoke 3 certificate(s)' }));
  await expect(page.getByRole('status').filter({ hasText: '3 of 3 revoked' })).toBeVisible({ timeout: 20_000 });
  for (const row of await rows.all()) await expect(row).toContainText('Revoked');
  await expectFocusOnPage(page);
});


test('SSL: import by paste, export a file, push, then delete', async ({ page }) => {
  test.setTimeout(90_000);
  const name = uniqueName('kbd-ssl');
  const { cert, chain, key } = makeSslPair(`${name}.example.com`);
  await keyboardSignIn(page);
  await goToView(page, 'SSL certificates');
  await press(page, page.getByRole('link', { name: 'Import certificate' }));
  await expect(page.getByRole('heading', { name: 'Import an SSL certificate' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Import certificate' });
  await typeInto(page, form.getByLabel('Name', { exact: true }), name);
  await typeInto(page, form.getByLabel('Certificate', { exact: true }), cert, { paste: true });
  await typeInto(page, form.getByLabel('Certificate chain', { exact: true }), chain, { paste: true });
  await typeInto(page, form.getByLabel('Private key', { exact: true }), key, { paste: true });
  await expect(form.getByRole('region', { name: 'Decoded before sending' })).toContainText(`${name}.example.com`);
  await press(page, form.getByRole('button', { name: 'Import', exact: true }));
  const details = sslDetails(page);
  await expect(details.getByRole('heading', { name })).toBeVisible({ timeout: 20_000 });
  await expectFocusOnPage(page);

  await press(page, details.getByRole('button', { name: 'Export and decode' }));
  await expect(details.getByRole('group', { name: 'Downloads' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, details.getByRole('button', { name: 'Download certificate (PEM)' }))]);
  expect(download.suggestedFilename()).toBe(`${name}.crt.pem`);

  const push = details.getByRole('region', { name: `Push ${name}` });
  await choose(page, push.getByLabel('Service'), 'WAF');
  await press(page, push.getByRole('button', { name: 'Push', exact: true }));
  await expect(push.getByRole('status', { name: 'Push results' })).toContainText('Pushed to WAF');

  await press(page, details.getByRole('button', { name: 'Delete', exact: true }));
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(`Delete ${name}?`);
  await press(page, dialog.getByRole('button', { name: `Delete ${name}` }), 'Enter', { back: true });
  await expect(page.getByText(`${name} deleted`)).toBeVisible();
  await expect(details).toHaveCount(0);
  // The panel went away with its button: the focus is on the main content.
  await expect(main(page)).toBeFocused();
});

test('overview: the radar window and its links', async ({ page }) => {
  await keyboardSignIn(page);
  await goToView(page, 'Overview');
  await pickRadio(page, page.getByRole('radio', { name: '30 days' }));
  const table = page.getByRole('table', { name: 'Expiring within 30 days' });
  await expect(table.getByRole('row', { name: /api-gateway/ })).toContainText('SSL certificate');
  await press(page, table.getByRole('link', { name: 'api-gateway' }));
  await expect(page).toHaveURL(/\/scm\?cert=/);
  await expect(sslDetails(page).getByRole('heading', { name: 'api-gateway' })).toBeVisible();
  await expect(main(page)).toBeFocused();
});

test('activity log: inspect a request, switch to curl and the SDK call', async ({ page }) => {
  await keyboardSignIn(page);
  await goToView(page, 'Private CAs');
  await expect(tree(page).getByRole('treeitem').first()).toBeVisible();
  await goToView(page, 'Activity');
  const rows = page.getByRole('table', { name: 'Requests sent by this tab' }).getByRole('row').filter({ hasText: 'list_certificate_authority' });
  await press(page, rows.first().getByRole('button', { name: /^Inspect/ }));
  await expect(page.getByLabel('HTTP request')).toContainText('GET /v1/private-certificate-authorities');
  await press(page, page.getByRole('button', { name: 'curl', exact: true }));
  await expect(page.getByLabel('curl command')).toContainText('curl');
  await press(page, page.getByRole('button', { name: 'Python SDK' }));
  await expect(page.getByLabel('Python SDK call')).toContainText('list_certificate_authority');
  await press(page, page.getByRole('button', { name: 'Clear the log' }), 'Enter', { back: true });
  await expect(page.getByText('No request yet.')).toBeVisible();
});
