// The certificate toolbox (/tools), without signing in: inputs of every
// kind made with openssl and keytool here, broken ones too; the decoded
// fields checked against what openssl prints, and the conversions read
// back by openssl.
import { expect, test, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openConsole, watchErrors } from './helpers';
import { openssl, saveDownload, tempDir, unzip } from './fixtures/openssl';

// The demo emulator; nothing here signs in or calls it.
test.use({ baseURL: 'http://127.0.0.1:8091' });

const dir = tempDir('toolbox-');
const file = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');

const CA_CONFIG = `
[ca]
default_ca = tb
[tb]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
crlnumber = crlnumber
default_md = sha256
default_crl_days = 7
policy = any
copy_extensions = copy
unique_subject = no
[any]
commonName = supplied
[leaf]
basicConstraints = CA:FALSE
keyUsage = digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:shop.example.com, DNS:www.shop.example.com
[nocn]
basicConstraints = CA:FALSE
subjectAltName = DNS:other.example.com
[inter]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
`;

/** A root, an issuing CA, a leaf (RSA 2048, with its key), an expired and
 * revoked leaf, a CRL, a CSR, PKCS#12 and JKS of the leaf, all by openssl. */
test.beforeAll(() => {
  fs.writeFileSync(file('ca.cnf'), CA_CONFIG);
  fs.writeFileSync(file('index.txt'), '');
  fs.writeFileSync(file('serial'), '1000\n');
  fs.writeFileSync(file('crlnumber'), '01\n');
  // openssl ca works with the relative paths of its config: run everything in `dir`.
  const inDir = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  const ossl = (args: string[]) => inDir('openssl', args);
  ossl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'root.key', '-out', 'root.pem',
    '-subj', '/CN=Toolbox Root CA', '-days', '3650', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'inter.key', '-out', 'inter.csr', '-subj', '/CN=Toolbox Issuing CA']);
  const ca = (cert: string, key: string, ext: string, csr: string, out: string, validity: string[]) =>
    ossl(['ca', '-batch', '-config', 'ca.cnf', '-cert', cert, '-keyfile', key, '-extensions', ext, ...validity, '-in', csr, '-out', out, '-notext']);
  ca('root.pem', 'root.key', 'inter', 'inter.csr', 'inter.pem', ['-days', '1000']);
  ossl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=shop.example.com']);
  ca('inter.pem', 'inter.key', 'leaf', 'leaf.csr', 'leaf.pem', ['-days', '90']);
  ossl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'old.key', '-out', 'old.csr', '-subj', '/CN=old.example.com']);
  ca('inter.pem', 'inter.key', 'nocn', 'old.csr', 'old.pem', ['-startdate', '20200101000000Z', '-enddate', '20200301000000Z']);
  ossl(['ca', '-config', 'ca.cnf', '-cert', 'inter.pem', '-keyfile', 'inter.key', '-revoke', 'old.pem', '-crl_reason', 'keyCompromise']);
  ossl(['ca', '-config', 'ca.cnf', '-cert', 'inter.pem', '-keyfile', 'inter.key', '-gencrl', '-out', 'inter.crl']);
  ossl(['x509', '-in', 'leaf.pem', '-outform', 'DER', '-out', 'leaf.der']);
  ossl(['pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-certfile', 'inter.pem', '-passout', 'pass:p12-secret', '-out', 'leaf.p12']);
  inDir('keytool', ['-importkeystore', '-srckeystore', 'leaf.p12', '-srcstoretype', 'pkcs12', '-srcstorepass', 'p12-secret',
    '-destkeystore', 'leaf.jks', '-deststoretype', 'jks', '-deststorepass', 'p12-secret', '-noprompt']);
  fs.writeFileSync(file('garbage.bin'), Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x00, 0x01]));
});

const objects = (page: Page) => page.getByRole('list', { name: 'Objects read' });
const card = (page: Page, heading: string) => objects(page).getByRole('article', { name: heading });
const problems = (page: Page) => page.getByRole('list', { name: 'Problems found' });
const unreadable = (page: Page) => page.getByRole('list', { name: 'Could not be read' });

async function openToolbox(page: Page) {
  await openConsole(page, '/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Toolbox' }).click();
  await expect(page.getByRole('heading', { name: 'Certificate toolbox' })).toBeVisible();
}

async function downloadFrom(page: Page, button: ReturnType<Page['getByRole']>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return saveDownload(download, tempDir('toolbox-dl-'));
}

test('a pasted bundle with its key: fields as openssl reads them, key match, chain, conversions', async ({ page }) => {
  const errors = watchErrors(page);
  await openToolbox(page);
  // Chain in the wrong order (issuer first), then the key.
  await page.getByLabel('Paste here').fill(read('inter.pem') + read('leaf.pem') + read('root.pem') + read('leaf.key'));

  const leaf = card(page, '#2 Certificate: shop.example.com');
  await expect(leaf).toBeVisible();
  const serial = openssl(['x509', '-in', file('leaf.pem'), '-noout', '-serial']).trim().split('=')[1];
  const sha256 = openssl(['x509', '-in', file('leaf.pem'), '-noout', '-fingerprint', '-sha256']).trim().split('=')[1];
  const sha1 = openssl(['x509', '-in', file('leaf.pem'), '-noout', '-fingerprint', '-sha1']).trim().split('=')[1];
  await expect(leaf).toContainText(serial);
  await expect(leaf).toContainText(sha256);
  await expect(leaf).toContainText(sha1);
  await expect(leaf).toContainText('CN=Toolbox Issuing CA');
  await expect(leaf).toContainText('DNS: shop.example.com, DNS: www.shop.example.com');
  await expect(leaf).toContainText('RSA 2048 bits');
  await expect(leaf).toContainText('digitalSignature, keyEncipherment');
  await expect(leaf).toContainText('TLS Web Server Authentication');
  await expect(leaf).toContainText(/in [0-9]+ (days|months)/);
  await expect(leaf).toContainText('Private key: #4');
  await expect(leaf).toContainText('From pasted text, block 2 (line');
  await expect(card(page, '#4 Private key: RSA 2048')).toContainText('Belongs to: #2');
  // The README's picture: the top of the page with this bundle read.
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/tools.png' });

  await expect(page.getByRole('list', { name: 'Chains built' })).toContainText(
    '#2 shop.example.com → #1 Toolbox Issuing CA → #3 Toolbox Root CA (complete up to a self-signed root)');
  await expect(problems(page)).toContainText('Chain order wrong in pasted text');

  // PEM -> DER of the leaf, which openssl reads.
  const der = await downloadFrom(page, leaf.getByRole('button', { name: 'Download DER of #2' }));
  expect(openssl(['x509', '-inform', 'DER', '-in', der, '-noout', '-serial']).trim()).toBe(`serial=${serial}`);

  // Bundle -> PKCS#12 with a password; openssl opens it and finds key, leaf and chain.
  await page.getByLabel('PKCS#12 password').fill('export-pw');
  const p12 = await downloadFrom(page, page.getByRole('button', { name: 'Download PKCS#12' }));
  const p12Certs = openssl(['pkcs12', '-in', p12, '-passin', 'pass:export-pw', '-nokeys']);
  expect(p12Certs.match(/BEGIN CERTIFICATE/g)?.length).toBe(3);
  const p12Key = openssl(['pkcs12', '-in', p12, '-passin', 'pass:export-pw', '-nocerts', '-nodes']);
  expect(openssl(['pkey', '-pubout'], p12Key)).toBe(openssl(['pkey', '-in', file('leaf.key'), '-pubout']));

  // Split into files: one PEM per object, each read by openssl.
  const zip = await downloadFrom(page, page.getByRole('button', { name: 'Split into files (.zip)' }));
  const { dir: out, files } = unzip(zip);
  expect(files).toEqual(['01-Toolbox_Issuing_CA.crt', '02-shop.example.com.crt', '03-Toolbox_Root_CA.crt', '04-RSA_2048.key']);
  expect(openssl(['x509', '-in', path.join(out, '02-shop.example.com.crt'), '-noout', '-subject']).trim()).toBe('subject=CN = shop.example.com');
  expect(openssl(['pkey', '-in', path.join(out, '04-RSA_2048.key'), '-pubout'])).toBe(openssl(['pkey', '-in', file('leaf.key'), '-pubout']));

  expect(errors).toEqual([]);
});

test('files of every kind, with a password; CRL entries; problems in plain words', async ({ page }) => {
  const errors = watchErrors(page);
  await openToolbox(page);
  await page.getByLabel('Files').setInputFiles([file('leaf.p12'), file('leaf.jks'), file('leaf.der'), file('inter.crl'), file('old.pem'), file('leaf.csr')]);
  await expect(page.getByRole('list', { name: 'Files added' }).getByRole('listitem')).toHaveCount(6);
  // Without the password, the two stores say so.
  await expect(unreadable(page)).toContainText('leaf.p12 (PKCS#12 file): wrong or missing password');
  await expect(unreadable(page)).toContainText('leaf.jks (Java KeyStore): wrong or missing password');
  await page.getByLabel('Password (PKCS#12, key store, encrypted key)').fill('p12-secret');
  await expect(unreadable(page)).toHaveCount(0);

  const list = objects(page);
  await expect(list.getByRole('heading', { name: /Certificate: shop.example.com/ })).toHaveCount(3); // p12, jks, der
  await expect(list.getByRole('heading', { name: /Private key: RSA 2048/ })).toHaveCount(2);
  await expect(list.getByRole('heading', { name: 'CSR: shop.example.com', exact: false })).toHaveCount(1);
  const crl = list.getByRole('article', { name: /CRL: CN=Toolbox Issuing CA/ });
  const revokedSerial = openssl(['x509', '-in', file('old.pem'), '-noout', '-serial']).trim().split('=')[1];
  const row = crl.getByRole('table', { name: 'Revoked certificates' }).getByRole('row', { name: new RegExp(revokedSerial) });
  await expect(row).toContainText('keyCompromise');
  await expect(crl).toContainText('Next update');

  const p = problems(page);
  await expect(p).toContainText(/#[0-9]+ has expired/);
  await expect(p).toContainText(/#[0-9]+ is revoked \(keyCompromise\) according to CRL #[0-9]+/);
  await expect(p).toContainText('Missing intermediate: the issuer of');
  await expect(p).toContainText('SAN missing the CN');
  // The JKS entry is named by its alias.
  await expect(list).toContainText('From leaf.jks, entry');
  expect(errors).toEqual([]);
});

test('broken input is named with where it is, and the rest is still read', async ({ page }) => {
  const errors = watchErrors(page);
  await openToolbox(page);
  const leaf = read('leaf.pem');
  const cut = leaf.split('\n').slice(0, 6).join('\n'); // no END line
  const badBase64 = '-----BEGIN CERTIFICATE-----\nMIIB!!notbase64\n-----END CERTIFICATE-----\n';
  const key = read('old.key');
  await page.getByLabel('Paste here').fill(`${badBase64}${key}${cut}\n`);
  await page.getByLabel('Files').setInputFiles([file('garbage.bin')]);
  const u = unreadable(page);
  await expect(u).toContainText('pasted text, block 1 (line 1) (CERTIFICATE block): malformed PEM');
  await expect(u).toContainText('has no END CERTIFICATE line');
  await expect(u).toContainText('garbage.bin (file): neither PEM text, base64, DER, PKCS#12 nor a Java KeyStore');
  await expect(card(page, '#1 Private key: EC P-256')).toBeVisible();

  // Base64 DER (no PEM lines) is read as DER.
  const b64 = fs.readFileSync(file('leaf.der')).toString('base64');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByLabel('Paste here').fill(b64);
  await expect(card(page, '#1 Certificate: shop.example.com')).toContainText('From pasted text');
  await expect(problems(page)).toContainText('Missing intermediate');
  expect(errors).toEqual([]);
});

test('the toolbox works without a connection once loaded', async ({ page, context }) => {
  await openToolbox(page);
  await context.setOffline(true);
  await page.getByLabel('Paste here').fill(read('root.pem'));
  await expect(card(page, '#1 Certificate: Toolbox Root CA')).toContainText('CA, no limit on CAs below it');
  await expect(page.getByText('No problem found.')).toBeVisible();
  await context.setOffline(false);
});
