import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { signInToEmulator } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { openssl, tempDir } from './fixtures/openssl';

// Issuing from a CSR made with openssl in the test.
const BASE = 'http://127.0.0.1:8095';
test.use({ baseURL: BASE });

function makeCsr(cn: string, keyArgs: string[]): { csr: string; keyFile: string; csrFile: string } {
  const dir = tempDir('csr-');
  const keyFile = path.join(dir, 'key.pem');
  const csrFile = path.join(dir, 'req.csr');
  openssl(['req', '-new', ...keyArgs, '-nodes', '-keyout', keyFile, '-out', csrFile, '-subj', `/CN=${cn}/O=Outside Team`,
    '-addext', `subjectAltName=DNS:${cn},IP:192.0.2.44`]);
  return { csr: fs.readFileSync(csrFile, 'utf8'), keyFile, csrFile };
}

async function openForm(page: Page) {
  await signInToEmulator(page);
  await page.goto('/pca/certs');
  await page.getByRole('link', { name: 'Issue from a CSR' }).click();
  await expect(page.getByRole('heading', { name: 'Issue a certificate from a CSR' })).toBeVisible();
  await expect(page.getByLabel('Issuing CA').getByRole('option')).toHaveCount(3);
}

function issuingPosts(page: Page): string[] {
  const list: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/proxy/') && !r.url().endsWith('/csr/parse')) list.push(r.url());
  });
  return list;
}

test('a CSR made with openssl is decoded in the browser and by the service, then issued', async ({ page }) => {
  const cn = uniqueName('csr') + '.example.com';
  const { csr, keyFile } = makeCsr(cn, ['-newkey', 'rsa:2048']);
  await openForm(page);
  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill(csr);
  const decoded = page.getByRole('region', { name: 'Decoded CSR' });
  await expect(decoded).toContainText(`CN=${cn}`);
  await expect(decoded).toContainText('RSA 2048 bits');
  await expect(decoded).toContainText(`DNS:${cn}, IP:192.0.2.44`);
  const table = decoded.getByRole('table', { name: 'Read by the browser and by the service' });
  await expect(table.getByRole('row', { name: /Key size/ })).toHaveText(/Key size \(bits\)\s*2048\s*2048/);
  await expect(table.getByRole('row', { name: /Key algorithm/ })).toContainText('RSA');
  await expect(table.getByRole('row', { name: /Subject/ })).toContainText('Outside Team');
  await page.screenshot({ path: 'test-results/certs-csr.png', fullPage: true });

  await page.getByLabel('Issuing CA').selectOption({ index: 1 });
  await page.getByLabel('Validity', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  await expect(preview).toContainText('POST /v1/private-certificates/csr');
  await expect(preview).toContainText('"type": "ENTITY_CERT"');
  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  await expect(page.getByRole('heading', { name: cn })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Certificate record' })).toContainText('Issued from a CSR');

  // The certificate carries the CSR's key and names.
  const api = await EmulatorApi.connect(BASE);
  const id = page.url().split('/').pop()!;
  const pems = await api.pems(id);
  expect(pems.private_key).toBeUndefined();
  const certFile = path.join(tempDir(), 'cert.pem');
  fs.writeFileSync(certFile, pems.certificate);
  expect(openssl(['x509', '-in', certFile, '-noout', '-pubkey'])).toBe(openssl(['pkey', '-in', keyFile, '-pubout']));
  expect(openssl(['x509', '-in', certFile, '-noout', '-ext', 'subjectAltName'])).toContain('IP Address:192.0.2.44');
});

test('a CSR file is uploaded, and a subordinate CA is issued with a path length', async ({ page }) => {
  const cn = uniqueName('outside-ca');
  const { csrFile } = makeCsr(cn, ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']);
  await openForm(page);
  await page.getByLabel('File for Certificate signing request (PEM)').setInputFiles(csrFile);
  await expect(page.getByRole('region', { name: 'Decoded CSR' })).toContainText('EC P-384');
  await page.getByLabel('Issuing CA').selectOption({ index: 2 });
  await page.getByRole('radio', { name: 'Subordinate CA (key held elsewhere)' }).check();
  await page.getByLabel('Path length (0 to 6)').fill('1');
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  await expect(preview).toContainText('"type": "INTERMEDIATE_CA"');
  await expect(preview).toContainText('"path_length": 1');
  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  const done = page.getByRole('status').filter({ hasText: 'Subordinate CA issued' });
  await expect(done).toBeVisible();
  const id = (await done.textContent())!.match(/[0-9a-f-]{36}/)![0];
  const api = await EmulatorApi.connect(BASE);
  const ca = (await api.call('GET', `/v1/private-certificate-authorities/${id}`)).json;
  expect(ca.path_length).toBe(1);
  expect(ca.gen_mode).toBe('CSR');
});

test('every invalid CSR form input is refused with a message and nothing is issued', async ({ page }) => {
  await openForm(page);
  const sent = issuingPosts(page);
  const review = () => page.getByRole('button', { name: 'Review request' }).click();

  await review();
  await expect(page.getByText('Some fields need attention; nothing was sent.')).toBeVisible();
  await expect(page.getByText('paste a CSR or choose a file')).toBeVisible();
  await expect(page.getByText('pick an active CA')).toBeVisible();

  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill('hello, I am not a CSR');
  await expect(page.getByText(/The browser cannot use this CSR: this is not a readable CSR/)).toBeVisible();

  // A CSR whose content was changed after signing.
  const { csr } = makeCsr('tampered.example.com', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
  const lines = csr.trim().split('\n');
  const i = 2;
  lines[i] = lines[i].slice(0, 10) + (lines[i][10] === 'A' ? 'B' : 'A') + lines[i].slice(11);
  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill(lines.join('\n'));
  await expect(page.getByText(/The browser cannot use this CSR: (its signature does not verify|this is not a readable CSR)/)).toBeVisible();

  const good = makeCsr('good.example.com', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']).csr;
  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill(good);
  await expect(page.getByRole('region', { name: 'Decoded CSR' })).toBeVisible();
  // The issuing CA has path length 0: it signs no CA.
  await page.getByLabel('Issuing CA').selectOption({ index: 1 });
  await page.getByRole('radio', { name: 'Subordinate CA (key held elsewhere)' }).check();
  await expect(page.getByText(/signs only end-entity certificates/).first()).toBeVisible();
  await page.getByLabel('Issuing CA').selectOption({ index: 2 });
  await page.getByLabel('Path length (0 to 6)').fill('7');
  await expect(page.getByText('at most 6 under Example Corp Root CA')).toBeVisible();
  await page.getByLabel('Path length (0 to 6)').fill('one');
  await expect(page.getByText('enter a whole number from 0 to 6')).toBeVisible();
  await page.getByRole('radio', { name: 'Private certificate' }).check();
  await page.getByLabel('Unit', { exact: true }).selectOption('YEAR');
  await page.getByLabel('Validity', { exact: true }).fill('21');
  await expect(page.getByLabel('Validity', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Validity', { exact: true }).fill('0');
  await expect(page.getByText(/is 0; allowed: a whole number of at least 1/)).toBeVisible();
  await review();
  await expect(page.getByRole('region', { name: 'Request to send' })).toHaveCount(0);
  expect(sent).toEqual([]);
});
