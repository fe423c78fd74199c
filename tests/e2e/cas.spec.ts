import { expect, test } from '@playwright/test';
import { IDS } from './fixtures/ca-hierarchy.mjs';
import { signInToEmulator } from './helpers';

// The emulator started with the fixture hierarchy (see playwright.config.ts).
test.use({ baseURL: 'http://127.0.0.1:8092' });

test.beforeEach(async ({ page }) => {
  await signInToEmulator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
});

const tree = (page) => page.getByRole('tree', { name: 'CA hierarchy' });
const item = (page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
/** `child` is shown inside `parent`'s group of subordinates. */
const under = (page, parent: string, child: string) => item(page, parent).getByRole('group').getByRole('treeitem', { name: child, exact: true });

test('the tree shows the hierarchy by issuer, keeping pending and orphaned CAs', async ({ page }) => {
  // Top level: the root, the pending CA and the orphan.
  await expect(tree(page).getByRole('treeitem')).toHaveCount(6);
  await expect(under(page, 'Acme Root CA', 'Acme Issuing CA 1')).toBeVisible();
  await expect(under(page, 'Acme Root CA', 'Acme Issuing CA 2')).toBeVisible();
  await expect(under(page, 'Acme Issuing CA 1', 'Team Web CA')).toBeVisible();
  for (const top of ['Pending Partner CA', 'Orphan Lab CA']) {
    await expect(tree(page).getByRole('group').getByRole('treeitem', { name: top })).toHaveCount(0);
  }
  await expect(item(page, 'Pending Partner CA')).toContainText('Pending activation');
  await expect(item(page, 'Orphan Lab CA')).toContainText('issuer not visible');
  // Expiry coloured by urgency.
  await expect(item(page, 'Team Web CA').getByText(/in [45] days/)).toHaveClass(/expiry-critical/);
  await expect(item(page, 'Acme Issuing CA 1').getByText(/in (19|20) days/)).toHaveClass(/expiry-soon/);
  await expect(item(page, 'Acme Issuing CA 1')).toContainText('EC256 · SHA384 · path length 1');
  await page.screenshot({ path: 'docs/screenshots/ca-hierarchy.png', fullPage: true });
});

test('branches collapse and expand', async ({ page }) => {
  await page.getByRole('button', { name: 'Collapse Acme Issuing CA 1' }).click();
  await expect(item(page, 'Team Web CA')).toHaveCount(0);
  await expect(item(page, 'Acme Issuing CA 1')).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Expand Acme Issuing CA 1' }).click();
  await expect(item(page, 'Team Web CA')).toBeVisible();
});

test('filters live in the URL, keep ancestors in the tree and survive a reload', async ({ page }) => {
  await page.getByLabel('Status').selectOption('DISABLED');
  await expect(page).toHaveURL(/status=DISABLED/);
  // The match, with the CAs above it for context.
  await expect(tree(page).getByRole('treeitem')).toHaveCount(3);
  await expect(under(page, 'Acme Issuing CA 1', 'Team Web CA')).toBeVisible();
  await expect(under(page, 'Acme Root CA', 'Acme Issuing CA 1')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Status')).toHaveValue('DISABLED');
  await expect(tree(page).getByRole('treeitem')).toHaveCount(3);

  await page.getByLabel('Status').selectOption('');
  await page.getByLabel('Name contains').fill('issuing');
  await expect(page).toHaveURL(/name=issuing/);
  await expect(item(page, 'Acme Issuing CA 2')).toBeVisible();
  await expect(item(page, 'Pending Partner CA')).toHaveCount(0);
  await page.getByLabel('Name contains').fill('nothing like this');
  await expect(page.getByText('No CA matches these filters.')).toBeVisible();
});

test('the same data as a sortable table', async ({ page }) => {
  await page.getByRole('radio', { name: 'Table' }).check();
  await expect(page).toHaveURL(/view=table/);
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(7);
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(rows.nth(1)).toContainText('Acme Issuing CA 1');
  await page.getByRole('button', { name: 'Sort by Name' }).click();
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.nth(1)).toContainText('Team Web CA');
  await expect(page).toHaveURL(/sort_key=common_name&sort_dir=DESC/);
  await expect(page.getByRole('row').filter({ hasText: 'Orphan Lab CA' })).toContainText('(not visible)');
});

test('selecting a CA shows its details, linkable by URL', async ({ page }) => {
  await tree(page).getByRole('link', { name: 'Acme Issuing CA 1', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`ca=${IDS.issuing1}`));
  const details = page.getByRole('complementary', { name: 'Details of Acme Issuing CA 1' });
  await expect(details).toContainText(IDS.issuing1);
  await expect(details).toContainText('Acme Root CA');
  await expect(details).toContainText('ECDSA P-256');
  await expect(details).toContainText('not published');
  // The certificate, decoded in the browser, with its chain up to the root.
  const cert = details.getByRole('region', { name: 'CA certificate' });
  await expect(cert).toContainText('CN=Acme Issuing CA 1,O=Acme,C=DE');
  await expect(cert).toContainText('SHA384withRSA');
  await expect(cert).toContainText('CA, up to 1 CA(s) below it');
  await expect(cert.getByRole('list').getByText('Acme Root CA', { exact: true })).toBeVisible();
  await expect(item(page, 'Acme Issuing CA 1')).toHaveAttribute('aria-selected', 'true');
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Details of Acme Issuing CA 1' })).toBeVisible();
});

test('the CA view shows the quotas of the account (6 CAs in the fixture)', async ({ page }) => {
  await page.goto('/pca/cas');
  const quotas = page.getByRole('region', { name: 'Quotas' });
  await expect(quotas).toContainText('Private CAs');
  await expect(quotas.getByText(/^6 \/ \d+$/)).toBeVisible();
});
