import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { signInToEmulator, watchErrors } from './helpers';

// Imports a certificate made here with openssl into the 60-certificate set,
// exports it, checks the files with openssl, and deletes it again (the set
// is back to 60 for scm-list.spec.ts).
test.use({ baseURL: 'http://127.0.0.1:8097' });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scm-import-'));
const file = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');
function openssl(...args: string[]): string {
  return execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
}

/** A root, an intermediate and a leaf for two names; a stranger key and CA. */
function makePki() {
  fs.writeFileSync(file('ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
  fs.writeFileSync(file('leaf.ext'), 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:e2e-shop.example.com,DNS:www.e2e-shop.example.com\nextendedKeyUsage=serverAuth\n');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=E2E Root CA', '-days', '3650',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', ...ec, '-keyout', 'ca.key', '-out', 'ca.csr', '-subj', '/CN=E2E TLS CA');
  openssl('x509', '-req', '-in', 'ca.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'ca.pem', '-days', '1825', '-extfile', 'ca.ext');
  openssl('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=e2e-shop.example.com');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '90', '-extfile', 'leaf.ext');
  openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'other.key');
  openssl('pkey', '-in', 'leaf.key', '-aes256', '-passout', 'pass:secret', '-out', 'protected.key');
  openssl('req', '-x509', ...ec, '-keyout', 'stranger.key', '-out', 'stranger.pem', '-subj', '/CN=Stranger CA', '-days', '365',
    '-addext', 'basicConstraints=critical,CA:TRUE');
}

async function save(page: Page, button: string, name: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  await download.saveAs(file(name));
  return download.suggestedFilename();
}

test('imports an openssl certificate after refusing a wrong key, a protected key, a broken chain and an oversized chain without sending them; exports and deletes it', async ({ page }) => {
  test.setTimeout(90_000);
  makePki();
  const errors = watchErrors(page);
  const imports: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/v3/scm/certificates/import')) imports.push(r.method()); });
  await signInToEmulator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
  await page.getByRole('link', { name: 'Import certificate' }).click();
  await expect(page.getByRole('heading', { name: 'Import an SSL certificate' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Import certificate' });
  await form.getByLabel('Name', { exact: true }).fill('e2e-import');
  await form.getByLabel('File for Certificate', { exact: true }).setInputFiles(file('leaf.pem'));
  await expect(form.getByLabel('Certificate', { exact: true })).toHaveValue(/BEGIN CERTIFICATE/);
  await form.getByLabel('Certificate chain', { exact: true }).fill(read('ca.pem') + read('root.pem'));
  const notSent = form.getByRole('alert', { name: 'Not sent' });
  const importButton = form.getByRole('button', { name: 'Import', exact: true });

  // The decoded certificate is shown before anything is sent.
  const preview = form.getByRole('region', { name: 'Decoded before sending' });
  await expect(preview).toContainText('e2e-shop.example.com');
  await expect(preview).toContainText('www.e2e-shop.example.com');
  await expect(preview).toContainText('E2E TLS CA');

  // A key of another certificate.
  await form.getByLabel('Private key', { exact: true }).fill(read('other.key'));
  await importButton.click();
  await expect(notSent).toContainText('Private key: this key does not belong to the certificate');
  // A password-protected key.
  await form.getByLabel('Private key', { exact: true }).fill(read('protected.key'));
  await importButton.click();
  await expect(notSent).toContainText('the key is protected by a password');
  // The right key, a chain from another CA.
  await form.getByLabel('File for Private key').setInputFiles(file('leaf.key'));
  await expect(preview).toContainText('Private key: EC P-256');
  await form.getByLabel('Certificate chain', { exact: true }).fill(read('stranger.pem'));
  await importButton.click();
  await expect(notSent).toContainText('the chain does not link to the certificate');
  // Longer than the reference allows.
  await form.getByLabel('Certificate chain', { exact: true }).fill((read('ca.pem') + read('root.pem')).repeat(8));
  await importButton.click();
  await expect(notSent).toContainText('Certificate chain:');
  await expect(notSent).toContainText('8192');
  expect(imports).toEqual([]);

  await form.getByLabel('Certificate chain', { exact: true }).fill(read('ca.pem') + read('root.pem'));
  await expect(notSent).toBeVisible();
  await form.getByText('Show the request (curl, Python SDK)').click();
  await expect(form.getByLabel('HTTP request')).toContainText('POST /v3/scm/certificates/import');
  await expect(form.getByLabel('HTTP request')).toContainText('<private_key hidden:');
  await expect(form.getByLabel('HTTP request')).not.toContainText('BEGIN PRIVATE KEY');
  await page.screenshot({ path: 'test-results/scm-import.png', fullPage: true });
  await importButton.click();
  const details = page.getByRole('complementary', { name: 'Certificate details' });
  await expect(details.getByRole('heading', { name: 'e2e-import' })).toBeVisible();
  expect(imports).toEqual(['POST']);
  await expect(details).toContainText('Uploaded (managed)');
  await expect(details).toContainText('e2e-shop.example.com');
  await expect(details).toContainText('www.e2e-shop.example.com');

  // Export: every PEM on its own and the two ZIP layouts, checked with openssl.
  await details.getByRole('button', { name: 'Export and decode' }).click();
  await expect(details.getByRole('group', { name: 'Downloads' })).toBeVisible();
  await expect(details).toContainText('E2E TLS CA');
  expect(await save(page, 'Download certificate (PEM)', 'out.crt.pem')).toBe('e2e-import.crt.pem');
  await save(page, 'Download chain (PEM)', 'out.chain.pem');
  await save(page, 'Download full chain (PEM)', 'out.fullchain.pem');
  await save(page, 'Download private key (PEM)', 'out.key.pem');
  expect(await save(page, 'Download ZIP for NGINX', 'nginx.zip')).toBe('e2e-import-nginx.zip');
  await save(page, 'Download ZIP for Apache', 'apache.zip');
  await page.screenshot({ path: 'test-results/scm-export.png', fullPage: true });

  expect(openssl('x509', '-in', 'out.crt.pem', '-noout', '-fingerprint', '-sha256')).toBe(openssl('x509', '-in', 'leaf.pem', '-noout', '-fingerprint', '-sha256'));
  expect(openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'out.chain.pem', 'out.crt.pem')).toContain('out.crt.pem: OK');
  expect(read('out.fullchain.pem')).toBe(read('out.crt.pem') + read('out.chain.pem'));
  expect(openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'out.fullchain.pem', 'out.fullchain.pem')).toContain('OK');
  const leafPub = openssl('x509', '-in', 'leaf.pem', '-noout', '-pubkey');
  expect(openssl('pkey', '-in', 'out.key.pem', '-pubout')).toBe(leafPub);

  execFileSync('unzip', ['-o', '-d', file('nginx'), file('nginx.zip')]);
  expect(fs.readdirSync(file('nginx')).sort()).toEqual(['server.crt', 'server.key']);
  expect(openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'nginx/server.crt', 'nginx/server.crt')).toContain('OK');
  expect(openssl('x509', '-in', 'nginx/server.crt', '-noout', '-subject')).toContain('e2e-shop.example.com');
  expect(openssl('pkey', '-in', 'nginx/server.key', '-pubout')).toBe(leafPub);
  execFileSync('unzip', ['-o', '-d', file('apache'), file('apache.zip')]);
  expect(fs.readdirSync(file('apache')).sort()).toEqual(['chain.crt', 'server.crt', 'server.key']);
  expect(openssl('verify', '-CAfile', 'root.pem', '-untrusted', 'apache/chain.crt', 'apache/server.crt')).toContain('apache/server.crt: OK');
  expect(openssl('pkey', '-in', 'apache/server.key', '-pubout')).toBe(leafPub);

  // Delete it again.
  await details.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Delete e2e-import?');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete e2e-import' }).click();
  await expect(page.getByText('e2e-import deleted')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Shown' })).toHaveText('1–10 of 60');
  expect(errors).toEqual([]);
});

test('a service refusal keeps the input and shows the code', async ({ page }) => {
  if (!fs.existsSync(file('leaf.pem'))) makePki();
  await signInToEmulator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
  await page.getByRole('link', { name: 'Import certificate' }).click();
  const form = page.getByRole('form', { name: 'Import certificate' });
  // A CA certificate with its own key names no domain: the service refuses it.
  await form.getByLabel('Name', { exact: true }).fill('e2e-no-domain');
  await form.getByLabel('Certificate', { exact: true }).fill(read('ca.pem'));
  await form.getByLabel('Certificate chain', { exact: true }).fill(read('root.pem'));
  await form.getByLabel('Private key', { exact: true }).fill(read('ca.key'));
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(form.getByRole('alert')).toContainText('SCM.0009');
  await expect(form.getByLabel('Name', { exact: true })).toHaveValue('e2e-no-domain');
  await expect(form.getByLabel('Private key', { exact: true })).toHaveValue(/BEGIN PRIVATE KEY/);
});
