import { expect, test } from '@playwright/test';
import { signInToEmulator } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';

const DEMO = 'http://127.0.0.1:8095';
const SCALE = 'http://127.0.0.1:8096';

test.describe('on the demo seed', () => {
  test.use({ baseURL: DEMO });

  test('columns, status filter and sort live in the URL', async ({ page }) => {
    await signInToEmulator(page);
    // Other specs add certificates: the seed's vpn certificate is found by name.
    await page.goto('/pca/certs?name=vpn.internal');
    const table = page.getByRole('table', { name: 'Private certificates' });
    for (const col of ['Common name', 'Issuer CA', 'Status', 'Key algorithm', 'Expires', 'Serial number', 'Created']) {
      await expect(table.getByRole('columnheader', { name: col })).toBeVisible();
    }
    await expect(table.getByRole('row', { name: /vpn\.internal\.example\.com/ })).toContainText(/Example Corp Issuing CA.*Issued.*ECDSA P-256.*in \d+ days/);

    await page.getByLabel('Name contains').fill('');
    await page.getByLabel('Status').selectOption('REVOKED');
    await expect(page).toHaveURL(/status=REVOKED/);
    const rows = table.locator('tbody tr');
    await expect(rows.first()).toContainText('Revoked');
    for (const text of await rows.allTextContents()) expect(text).toContain('Revoked');

    await page.getByRole('button', { name: 'Sort by Common name' }).click();
    await expect(page).toHaveURL(/sort_key=common_name&sort_dir=ASC/);
    await expect(table.getByRole('columnheader', { name: /Common name/ })).toHaveAttribute('aria-sort', 'ascending');
    const names = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    // The service compares names byte by byte, as JavaScript's default sort does.
    expect(names).toEqual([...names].sort());

    // The link reproduces the view.
    await page.goto('/pca/certs?status=REVOKED&sort_key=common_name&sort_dir=ASC');
    await expect(page.getByLabel('Status')).toHaveValue('REVOKED');
    await expect(page.getByLabel('Sort by', { exact: true })).toHaveValue('common_name');
    expect(await table.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(names);

    await page.getByLabel('Name contains').fill('mail.internal');
    await expect(page).toHaveURL(/name=mail\.internal/);
    await page.getByLabel('Status').selectOption('');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('mail.internal.example.com');
  });

  test('a CA links to the certificates it issued', async ({ page }) => {
    await signInToEmulator(page);
    await page.goto('/pca/cas?view=table');
    await page.getByRole('link', { name: 'Example Corp Root CA' }).click();
    await page.getByRole('link', { name: 'Certificates issued by this CA' }).click();
    await expect(page).toHaveURL(/\/pca\/certs\?ca_id=/);
    await expect(page.getByText('Issued by CA')).toBeVisible();
    const rows = page.getByRole('table', { name: 'Private certificates' }).locator('tbody tr');
    await expect(rows.first()).toBeVisible();
    for (const text of await rows.allTextContents()) expect(text).toContain('Example Corp Root CA');
    await expect(page.getByText(/Filtered in the browser from \d+ certificates/)).toBeVisible();
    await page.getByRole('button', { name: 'Show all issuers' }).click();
    await expect(page).not.toHaveURL(/ca_id=/);
    await expect(page.getByRole('table', { name: 'Private certificates' })).toContainText('Example Corp Issuing CA');
  });

  test('bulk revoke of ten certificates: one confirmation, a progress bar, a result for each', async ({ page }) => {
    test.setTimeout(60_000);
    const api = await EmulatorApi.connect(DEMO);
    const issuer = await api.caId('Example Corp Issuing CA');
    const prefix = uniqueName('bulk');
    for (let i = 0; i < 10; i++) await api.issue(issuer, `${prefix}-${String(i).padStart(2, '0')}.example.com`);

    await signInToEmulator(page);
    await page.goto(`/pca/certs?name=${prefix}`);
    const rows = page.getByRole('table', { name: 'Private certificates' }).locator('tbody tr');
    await expect(rows).toHaveCount(10);
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    await expect(page.getByText('10 certificates selected')).toBeVisible();
    await page.getByRole('button', { name: 'Revoke selected' }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('Revoke 10 certificate(s)?');
    await expect(confirm.getByRole('listitem')).toHaveCount(10);
    await confirm.getByLabel('Reason (RFC 5280)').selectOption('SUPERSEDED');

    // Slow answers, so the bar is seen part-way.
    await api.faults({ latency_ms: 250 });
    try {
      await confirm.getByRole('button', { name: 'Revoke 10 certificate(s)' }).click();
      const progress = bar(page);
      await expect(progress).toHaveAttribute('max', '10');
      await expect.poll(async () => Number(await progress.getAttribute('value'))).toBeGreaterThan(0);
      expect(Number(await progress.getAttribute('value'))).toBeLessThan(10);
      await page.screenshot({ path: 'test-results/certs-bulk-progress.png', fullPage: true });
      await expect(page.getByRole('status').filter({ hasText: '10 of 10 revoked' })).toBeVisible({ timeout: 20_000 });
    } finally {
      await api.faults(null);
    }
    await expect(bar(page)).toHaveAttribute('value', '10');
    const results = page.getByRole('list', { name: 'Results per certificate' }).getByRole('listitem');
    await expect(results).toHaveCount(10);
    for (const text of await results.allTextContents()) expect(text).toMatch(/: revoked$/);
    await expect(rows.first()).toContainText('Revoked');
    for (const text of await rows.allTextContents()) expect(text).toContain('Revoked');
  });

  test('bulk delete goes on after a failure and reports each certificate', async ({ page }) => {
    const api = await EmulatorApi.connect(DEMO);
    const issuer = await api.caId('Example Corp Root CA');
    const prefix = uniqueName('bulkdel');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await api.issue(issuer, `${prefix}-${i}.example.com`));

    await signInToEmulator(page);
    await page.goto(`/pca/certs?name=${prefix}&sort_key=common_name&sort_dir=ASC`);
    await expect(page.getByRole('table', { name: 'Private certificates' }).locator('tbody tr')).toHaveCount(3);
    await page.getByRole('checkbox', { name: 'Select all on this page' }).check();
    // The middle one disappears behind the console's back.
    expect((await api.call('DELETE', `/v1/private-certificates/${ids[1]}`)).status).toBe(204);
    await page.getByRole('button', { name: 'Delete selected' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete 3 certificate(s)' }).click();
    await expect(page.getByRole('status').filter({ hasText: '2 of 3 deleted, 1 failed' })).toBeVisible();
    const results = page.getByRole('list', { name: 'Results per certificate' }).getByRole('listitem');
    await expect(results.nth(0)).toHaveText(`${prefix}-0.example.com: deleted`);
    await expect(results.nth(1)).toContainText(`${prefix}-1.example.com: failed: PCA.`);
    await expect(results.nth(2)).toHaveText(`${prefix}-2.example.com: deleted`);
    await expect(page.getByText('No certificate matches these filters.')).toBeVisible();
  });
});

test.describe('on the scale seed', () => {
  test.use({ baseURL: SCALE });

  test('limit and offset paging with the total, in the URL', async ({ page }) => {
    await signInToEmulator(page);
    await page.goto('/pca/certs');
    const pager = page.getByRole('navigation', { name: 'Certificate pages' });
    await expect(pager).toContainText('Page 1 of 500 (1–20 of 10000)');
    await expect(pager.getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await pager.getByRole('button', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/offset=20/);
    await expect(pager).toContainText('Page 2 of 500 (21–40 of 10000)');
    await pager.getByLabel('Per page').selectOption('100');
    await expect(page).toHaveURL(/limit=100/);
    await expect(page).not.toHaveURL(/offset=/);
    await expect(pager).toContainText('Page 1 of 100 (1–100 of 10000)');
    await expect(page.getByRole('table', { name: 'Private certificates' }).locator('tbody tr')).toHaveCount(100);
    await page.goto('/pca/certs?limit=50&offset=9950');
    await expect(pager).toContainText('Page 200 of 200 (9951–10000 of 10000)');
    await expect(pager.getByRole('button', { name: 'Next page' })).toBeDisabled();
  });
});

function bar(page: import('@playwright/test').Page) {
  return page.getByRole('progressbar', { name: 'Revoke progress' });
}
