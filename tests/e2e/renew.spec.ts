// Renewal from the overview's expiry radar: one private certificate, then
// several at once with progress; the new certificates downloaded and
// checked with openssl (same subject and names, new serial, later end);
// only then the old ones revoked as superseded, and the list shows them
// revoked. SSL certificates on the radar link to the order form, filled.
import fs from 'node:fs';
import path from 'node:path';
import { expect, Page, test } from '@playwright/test';
import { signInToEmulator, watchErrors } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { openssl, saveDownload, tempDir, unzip } from './fixtures/openssl';

const BASE = 'http://127.0.0.1:8107';
test.use({ baseURL: BASE });

/** Issues a certificate that expires in `days` days, with names and usages. */
async function expiring(api: EmulatorApi, cn: string, days: number): Promise<string> {
  const r = await api.call('POST', '/v1/private-certificates', {
    issuer_id: await api.caId('Example Corp Issuing CA'),
    key_algorithm: 'EC256',
    signature_algorithm: 'SHA256',
    distinguished_name: { common_name: cn, organization: 'Renew Org' },
    validity: { type: 'DAY', value: days },
    subject_alternative_names: [{ type: 'DNS', value: cn }, { type: 'IP', value: '10.9.8.7' }],
    key_usages: ['digitalSignature', 'keyEncipherment'],
    extended_key_usage: { server_auth: true },
  });
  expect(r.status).toBe(200);
  return r.json.certificate_id;
}

/** Subject, names, serial and end of a PEM certificate, as openssl reads them. */
function facts(pem: string) {
  const text = openssl(['x509', '-noout', '-text'], pem);
  const lines = text.split('\n');
  const san = lines.findIndex((l) => l.includes('X509v3 Subject Alternative Name'));
  return {
    subject: openssl(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], pem).trim(),
    sans: san < 0 ? '' : lines[san + 1].trim(),
    serial: openssl(['x509', '-noout', '-serial'], pem).trim(),
    notAfter: new Date(openssl(['x509', '-noout', '-enddate'], pem).trim().replace('notAfter=', '')).getTime(),
  };
}

async function openRadar(page: Page) {
  await page.goto('/');
  const radar = page.getByRole('table', { name: 'Expiring within 30 days' });
  await expect(radar).toBeVisible();
  // Every kind read: the rows no longer move.
  await expect(page.getByRole('button', { name: 'Export inventory (CSV)' })).toBeEnabled();
  return radar;
}

/** Saves the renewal page's ZIP and returns its folder and files. */
async function downloadNew(page: Page, button: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  expect(download.suggestedFilename()).toBe('renewed-certificates.zip');
  await expect(page.getByRole('region', { name: 'New certificates' }).getByRole('status')).toContainText('Saved renewed-certificates.zip');
  return unzip(await saveDownload(download, tempDir()));
}

test('renew one certificate from the radar, download it, then revoke the old one as superseded', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const cn = `${uniqueName('renew-one')}.example.com`;
  const oldId = await expiring(api, cn, 20);
  const before = facts((await api.pems(oldId)).certificate);

  await signInToEmulator(page);
  const radar = await openRadar(page);
  await radar.getByRole('row', { name: new RegExp(cn.replace(/\./g, '\\.')) }).getByRole('link', { name: 'Renew', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Renew a certificate' })).toBeVisible();
  const plan = page.getByRole('table', { name: 'What will be issued' });
  await expect(plan.getByRole('row', { name: new RegExp(cn) })).toContainText('20 days from now, as before');
  // Nothing to revoke before anything was renewed and saved.
  await expect(page.getByRole('button', { name: /Revoke the old/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Renew 1 certificate' }).click();
  const results = page.getByRole('region', { name: 'Renew results' });
  await expect(results.getByRole('status')).toHaveText('1 of 1 renewed');
  await expect(results.getByRole('list', { name: 'Result per renewal' })).toContainText(`${cn}: renewed`);
  const link = results.getByRole('link', { name: `New certificate of ${cn}` });
  const newId = (await link.getAttribute('href'))!.split('/').pop()!;
  expect(newId).not.toBe(oldId);
  await expect(page.getByRole('button', { name: /Revoke the old/ })).toHaveCount(0);

  const { dir, files } = await downloadNew(page, 'Download the new certificate (ZIP)');
  expect(files).toEqual([`${cn}.chain.pem`, `${cn}.crt.pem`, `${cn}.fullchain.pem`, `${cn}.key.pem`]);
  const after = facts(fs.readFileSync(path.join(dir, `${cn}.crt.pem`), 'utf8'));
  expect(after.subject).toBe(before.subject);
  expect(after.sans).toBe(before.sans);
  expect(after.sans).toContain('IP Address:10.9.8.7');
  expect(after.serial).not.toBe(before.serial);
  expect(after.notAfter).toBeGreaterThan(before.notAfter);
  // The key in the ZIP is the new certificate's.
  const pub = (args: string[]) => openssl(args);
  expect(pub(['pkey', '-in', path.join(dir, `${cn}.key.pem`), '-pubout'])).toBe(pub(['x509', '-in', path.join(dir, `${cn}.crt.pem`), '-noout', '-pubkey']));

  await page.getByRole('button', { name: 'Revoke the old certificate as superseded' }).click();
  const dialog = page.getByRole('alertdialog', { name: `Revoke ${cn} as superseded?` });
  await expect(dialog).toContainText(cn);
  await dialog.getByRole('button', { name: 'Revoke 1 certificate(s)' }).click();
  await expect(page.getByRole('region', { name: 'Revoke results' }).getByRole('status')).toHaveText('1 of 1 revoked as superseded');
  expect((await api.certificate(oldId)).status).toBe('REVOKED');
  expect((await api.certificate(newId)).status).toBe('ISSUED');
  await page.screenshot({ path: 'test-results/renew-one.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('bulk renew of several radar rows with progress, then the old ones revoked in the list', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const prefix = uniqueName('renew-bulk');
  const cns = [1, 2, 3].map((n) => `${prefix}-${n}.example.com`);
  const oldIds = [];
  for (const [n, cn] of cns.entries()) oldIds.push(await expiring(api, cn, 10 + n * 5));

  await signInToEmulator(page);
  const radar = await openRadar(page);
  for (const cn of cns) await radar.getByRole('checkbox', { name: `Select ${cn}` }).check();
  const several = page.getByRole('group', { name: 'Renew several' });
  await expect(several).toContainText('3 private certificates selected');
  await several.getByRole('link', { name: 'Renew selected' }).click();
  await expect(page.getByRole('heading', { name: 'Renew certificates' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What will be issued' }).getByRole('row')).toHaveCount(4);

  await page.getByRole('button', { name: 'Renew 3 certificates' }).click();
  const results = page.getByRole('region', { name: 'Renew results' });
  await expect(results.getByRole('progressbar', { name: 'Renew progress' })).toBeVisible();
  await expect(results.getByRole('status')).toHaveText('3 of 3 renewed');
  await expect(results.getByRole('progressbar', { name: 'Renew progress' })).toHaveAttribute('value', '3');
  const lines = results.getByRole('list', { name: 'Result per renewal' }).getByRole('listitem');
  await expect(lines).toHaveCount(3);
  for (const cn of cns) await expect(results.getByRole('link', { name: `New certificate of ${cn}` })).toBeVisible();
  await page.screenshot({ path: 'test-results/renew-bulk.png', fullPage: true });

  const { dir, files } = await downloadNew(page, 'Download the 3 new certificates (ZIP)');
  expect(files).toHaveLength(12);
  for (const [n, cn] of cns.entries()) {
    const before = facts((await api.pems(oldIds[n])).certificate);
    const after = facts(fs.readFileSync(path.join(dir, `${cn}.crt.pem`), 'utf8'));
    expect(after.subject).toBe(before.subject);
    expect(after.sans).toBe(before.sans);
    expect(after.serial).not.toBe(before.serial);
    expect(after.notAfter).toBeGreaterThan(before.notAfter);
  }

  await page.getByRole('button', { name: 'Revoke the old certificates as superseded' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Revoke these 3 certificates as superseded?' });
  for (const cn of cns) await expect(dialog.getByRole('listitem').filter({ hasText: cn })).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Revoke 3 certificate(s)' }).click();
  await expect(page.getByRole('region', { name: 'Revoke results' }).getByRole('status')).toHaveText('3 of 3 revoked as superseded');

  // The list: each name twice, the old one revoked, the new one issued.
  await page.goto(`/pca/certs?name=${prefix}`);
  const table = page.getByRole('table', { name: 'Private certificates' });
  await expect(table.locator('tbody tr')).toHaveCount(6);
  for (const cn of cns) {
    const rows = table.getByRole('row', { name: new RegExp(cn.replace(/\./g, '\\.')) });
    await expect(rows.filter({ hasText: 'Revoked' })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'Issued' })).toHaveCount(1);
  }
  for (const id of oldIds) expect((await api.certificate(id)).status).toBe('REVOKED');
  expect(errors).toEqual([]);
});

test('an SSL certificate on the radar links to the order form, filled for the same names', async ({ page }) => {
  const errors = watchErrors(page);
  await signInToEmulator(page);
  const radar = await openRadar(page);
  // The demo's api-gateway: uploaded, single name, expires in 21 days.
  await radar.getByRole('row', { name: /api-gateway/ }).getByRole('link', { name: 'Renew', exact: true }).click();
  await expect(page).toHaveURL(/\/scm\/order\?renew=/);
  await expect(page.getByRole('heading', { name: 'Order a certificate' })).toBeVisible();
  const note = page.getByRole('region', { name: 'Renewal' });
  await expect(note.getByRole('heading', { name: 'Renewing api-gateway' })).toBeVisible();
  await expect(note).toContainText('api.example.com');
  await expect(page.getByLabel('Domain type')).toHaveValue('SINGLE_DOMAIN');
  await expect(page.getByLabel('Number of certificates')).toHaveValue('1');

  // Placed, the order goes on to the application with the same domain.
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page).toHaveURL(/\/scm\/apply\?cert=.*domain=api\.example\.com/);
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue('api.example.com');
  expect(errors).toEqual([]);
});
