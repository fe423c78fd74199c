import { expect, Page, request, test } from '@playwright/test';
import fs from 'node:fs';
import { signInToEmulator, watchErrors } from './helpers';
import { RADAR_WINDOWS } from './fixtures/scm-state.mjs';

// The radar set (tests/e2e/fixtures/scm-state.mjs): SSL certificates, CAs
// and private certificates at known distances from expiry.
const BASE = 'http://127.0.0.1:8098';
test.use({ baseURL: BASE });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function setLatency(ms: number) {
  const ctx = await request.newContext();
  if (ms > 0) await ctx.post(`${BASE}/__emulator/faults`, { data: { latency_ms: ms } });
  else await ctx.delete(`${BASE}/__emulator/faults`);
  await ctx.dispose();
}

test('counts by status, quotas, progress and a bounded number of calls', async ({ page }) => {
  const errors = watchErrors(page);
  await signInToEmulator(page);
  const calls: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/proxy/')) calls.push(new URL(r.url()).pathname); });
  await setLatency(700);
  try {
    await nav(page).getByRole('link', { name: 'Overview' }).click();
    const progress = page.getByRole('region', { name: 'Loading progress' });
    await expect(progress).toBeVisible();
    await expect(progress.getByText(/SSL certificates: \d+ of \d+ read/)).toBeVisible();
    await expect(progress).toBeHidden({ timeout: 15_000 });
  } finally {
    await setLatency(0);
  }
  const counts = page.getByRole('region', { name: 'Counts by status' });
  const ssl = counts.getByRole('group', { name: 'SSL certificates' });
  await expect(ssl.locator('.card-figure')).toHaveText('6');
  await expect(ssl).toContainText('Issued3');
  await expect(ssl).toContainText('Uploaded (managed)1');
  await expect(ssl).toContainText('Expired1');
  await expect(ssl).toContainText('Paid, not yet applied for1');
  const cas = counts.getByRole('group', { name: 'Private CAs' });
  await expect(cas.locator('.card-figure')).toHaveText('4');
  await expect(cas).toContainText('Active2');
  await expect(cas).toContainText('Pending activation1');
  const certs = counts.getByRole('group', { name: 'Private certificates' });
  await expect(certs).toContainText('Issued3');
  await expect(certs).toContainText('Revoked1');
  await expect(page.getByRole('region', { name: 'Quotas' })).toBeVisible();
  // One page per list (each well under its largest page), no call per item.
  const lists = calls.filter((p) => /\/(v3\/scm\/certificates|v1\/private-certificate-authorities|v1\/private-certificates)$/.test(p));
  expect(lists).toHaveLength(3);
  expect(calls.filter((p) => /certificates\/[^/]+$/.test(p) && !p.endsWith('quotas'))).toEqual([]);
  await page.screenshot({ path: 'test-results/overview.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the radar lists exactly what expires within 7, 30 and 90 days, soonest first', async ({ page }) => {
  await signInToEmulator(page);
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  for (const days of [7, 30, 90] as const) {
    await page.getByRole('radio', { name: `${days} days` }).check();
    const table = page.getByRole('table', { name: `Expiring within ${days} days` });
    const names = await table.getByRole('row').filter({ has: page.getByRole('cell') }).evaluateAll((trs) =>
      trs.map((tr) => (tr.querySelector('td') as HTMLElement).innerText));
    expect(names).toEqual(RADAR_WINDOWS[days]);
  }
  const table = page.getByRole('table', { name: 'Expiring within 90 days' });
  await expect(table.getByRole('row', { name: /radar-ssl-3d/ })).toContainText('SSL certificate');
  await expect(table.getByRole('row', { name: /Radar Issuing CA/ })).toContainText('Private CA');
  await expect(table.getByRole('row', { name: /radar-cert-80d/ })).toContainText('Private certificate');

  // Each entry links to its details.
  await table.getByRole('link', { name: 'radar-ssl-3d' }).click();
  await expect(page).toHaveURL(/\/scm\?cert=scs1710000000000/);
  await expect(page.getByRole('complementary', { name: 'Certificate details' }).getByRole('heading', { name: 'radar-ssl-3d' })).toBeVisible();
  await page.goBack();
  await page.getByRole('radio', { name: '90 days' }).check();
  await expect(page.getByRole('link', { name: 'Radar Issuing CA' })).toHaveAttribute('href', '/pca/cas?ca=b0000000-0000-4000-8000-000000000002');
  await expect(page.getByRole('link', { name: 'radar-cert-80d.example.com' })).toHaveAttribute('href', '/pca/certs?cert=c0000000-0000-4000-8000-000000000002');
});

test('the inventory downloads as CSV', async ({ page }) => {
  await signInToEmulator(page);
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  const button = page.getByRole('button', { name: 'Export inventory (CSV)' });
  await expect(button).toBeEnabled();
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/^ccm-inventory-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('kind,name,id,status,expires_utc,days_left');
  expect(lines).toHaveLength(1 + 6 + 4 + 4);
  const row = (name: string) => lines.find((l) => l.split(',')[1] === name)!.split(',');
  expect(row('radar-ssl-3d')).toEqual(['SSL certificate', 'radar-ssl-3d', 'scs1710000000000', 'ISSUED', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), '2']);
  expect(row('Radar Issuing CA').slice(0, 4)).toEqual(['Private CA', 'Radar Issuing CA', 'b0000000-0000-4000-8000-000000000002', 'ACTIVED']);
  expect(row('radar-cert-revoked.example.com')[3]).toBe('REVOKED');
  expect(row('radar-ssl-paid')[4]).toBe('');
  // Soonest first: the expired ones lead.
  expect(lines[1].split(',')[1]).toBe('Radar Old CA');
});
