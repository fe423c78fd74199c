import { expect, Page, test } from '@playwright/test';
import { openConsole, signInToEmulator, watchErrors } from './helpers';

// 60 SSL certificates (tests/e2e/fixtures/scm-state.mjs): cert-00 … cert-59,
// status by i % 6 (ISSUED, UPLOAD, ISSUED, EXPIRED, PAID, CHECKING), every
// third one under shop-NN.example.org, expiring (i + 1) × 10 days from now.
test.use({ baseURL: 'http://127.0.0.1:8097' });

const table = (page: Page) => page.getByRole('table', { name: 'SSL certificates' });
const bodyRows = (page: Page) => table(page).getByRole('row').filter({ has: page.getByRole('cell') });
const shown = (page: Page) => page.getByRole('status', { name: 'Shown' });
const firstName = (page: Page) => bodyRows(page).first().getByRole('cell').first();

async function openList(page: Page, path = '/scm') {
  await signInToEmulator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
  if (path !== '/scm') await page.goto(path);
  await expect(shown(page)).toBeVisible();
}

test('pages through 60 certificates with offset paging and every page size', async ({ page }) => {
  const errors = watchErrors(page);
  await openList(page);
  for (const header of ['Name', 'Domain', 'Additional names', 'Type', 'Brand', 'Sort by Status', 'Sort by Expires', 'Deployable']) {
    await expect(table(page).getByRole('columnheader', { name: header, exact: true })).toBeVisible();
  }
  // Default: last updated first, 10 a page.
  await expect(shown(page)).toHaveText('1–10 of 60');
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(firstName(page)).toHaveText('cert-59');
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(shown(page)).toHaveText('11–20 of 60');
  await expect(page).toHaveURL(/offset=10/);
  await expect(firstName(page)).toHaveText('cert-49');
  await expect(page.getByText('Page 2 of 6')).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(shown(page)).toHaveText('1–10 of 60');

  await page.getByLabel('Per page').selectOption('20');
  await expect(shown(page)).toHaveText('1–20 of 60');
  await expect(bodyRows(page)).toHaveCount(20);
  await expect(page).toHaveURL(/limit=20/);

  await page.getByLabel('Per page').selectOption('50');
  await expect(bodyRows(page)).toHaveCount(50);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(shown(page)).toHaveText('51–60 of 60');
  await expect(bodyRows(page)).toHaveCount(10);
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
  await expect(page).toHaveURL(/limit=50&offset=50/);

  // The URL alone restores the view.
  await page.reload();
  await expect(shown(page)).toHaveText('51–60 of 60');
  await expect(page.getByLabel('Per page')).toHaveValue('50');
  await page.screenshot({ path: 'test-results/scm-list.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('filters by every documented status and searches names and domains', async ({ page }) => {
  await openList(page);
  const status = page.getByLabel('Status', { exact: true });
  // "All statuses" and the reference's twelve list filters.
  await expect(status.getByRole('option')).toHaveCount(13);
  for (const label of ['Issued', 'Uploaded (managed)', 'Expired', 'Paid, not yet applied for', 'Application under review', 'Added domains under review']) {
    await expect(status.getByRole('option', { name: label, exact: true })).toHaveCount(1);
  }
  await status.selectOption('ISSUED');
  await expect(shown(page)).toHaveText('1–10 of 20');
  await expect(page).toHaveURL(/status=ISSUED/);
  const statuses = await bodyRows(page).getByRole('cell').nth(5).allTextContents();
  for (const row of await bodyRows(page).all()) await expect(row.getByRole('cell').nth(5)).toHaveText('Issued');
  expect(statuses.length).toBeGreaterThan(0);

  await status.selectOption('CHECKING');
  await expect(shown(page)).toHaveText('1–10 of 10');
  await expect(bodyRows(page).first().getByRole('cell').nth(6)).toHaveText('Not issued');

  await status.selectOption('');
  await page.getByLabel('Name or domain contains').fill('shop');
  await expect(shown(page)).toHaveText('1–10 of 20');
  await expect(page).toHaveURL(/q=shop/);
  await page.getByLabel('Name or domain contains').fill('site-07');
  await expect(shown(page)).toHaveText('1–1 of 1');
  const row = bodyRows(page).first();
  await expect(row.getByRole('cell').nth(0)).toHaveText('cert-07');
  await expect(row.getByRole('cell').nth(1)).toHaveText('site-07.example.com');
  await expect(row.getByRole('cell').nth(5)).toHaveText('Uploaded (managed)');
  await expect(row.getByRole('cell').nth(6)).toHaveText(/^\d{4}-\d\d-\d\d in 2 months$/);
  await expect(row.getByRole('cell').nth(7)).toHaveText('Yes');
  // Additional names, type and brand of another one.
  await page.getByLabel('Name or domain contains').fill('www.shop-24');
  await expect(shown(page)).toHaveText('1–1 of 1');
  await expect(bodyRows(page).first().getByRole('cell').nth(2)).toHaveText('www.shop-24.example.org');
  await expect(bodyRows(page).first().getByRole('cell').nth(3)).toHaveText('DV');
  await expect(bodyRows(page).first().getByRole('cell').nth(4)).toHaveText('GeoTrust');
});

test('sorts by expiry, status and update time in both directions', async ({ page }) => {
  await openList(page);
  await page.getByLabel('Status', { exact: true }).selectOption('ISSUED');
  await page.getByRole('button', { name: 'Sort by Expires' }).click();
  await expect(page).toHaveURL(/sort_key=certExpiredTime&sort_dir=ASC/);
  await expect(table(page).getByRole('columnheader', { name: 'Sort by Expires' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstName(page)).toHaveText('cert-00');
  await page.getByRole('button', { name: 'Sort by Expires' }).click();
  await expect(page).toHaveURL(/sort_key=certExpiredTime(&sort_dir=DESC)?/);
  await expect(firstName(page)).toHaveText('cert-56');

  await page.getByLabel('Status', { exact: true }).selectOption('');
  await page.getByRole('button', { name: 'Sort by Status' }).click();
  // CHECKING sorts first among the wire values.
  await expect(bodyRows(page).first().getByRole('cell').nth(5)).toHaveText('Application under review');
  await page.getByLabel('Order').selectOption('DESC');
  await expect(bodyRows(page).first().getByRole('cell').nth(5)).toHaveText('Uploaded (managed)');

  await page.getByLabel('Sort by', { exact: true }).selectOption('certUpdateTime');
  await page.getByLabel('Order').selectOption('ASC');
  await expect(firstName(page)).toHaveText('cert-00');
  await page.getByLabel('Order').selectOption('DESC');
  await expect(firstName(page)).toHaveText('cert-59');
});

test('a linked view opens with its filters, sort, page and details', async ({ page }) => {
  await openList(page, '/scm?status=UPLOAD&sort_key=certExpiredTime&sort_dir=ASC&limit=20&cert=scs1700000000001');
  await expect(page.getByLabel('Status', { exact: true })).toHaveValue('UPLOAD');
  await expect(page.getByLabel('Per page')).toHaveValue('20');
  await expect(shown(page)).toHaveText('1–10 of 10');
  await expect(firstName(page)).toHaveText('cert-01');
  const details = page.getByRole('complementary', { name: 'Certificate details' });
  await expect(details.getByRole('heading', { name: 'cert-01' })).toBeVisible();
  await expect(details.getByText('scs1700000000001', { exact: true })).toBeVisible();
  await expect(details.getByText('site-01.example.com', { exact: true })).toBeVisible();
  await details.getByRole('link', { name: 'Close the details' }).click();
  await expect(details).toHaveCount(0);
  await expect(page).toHaveURL(/status=UPLOAD/);
});
