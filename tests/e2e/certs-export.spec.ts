import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { signInToEmulator } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { certPublicKey, keyPublicKey, openssl, run, saveDownload, splitPem, tempDir, unzip, verifyToRoot } from './fixtures/openssl';

// Exports of every server type, both ways, each file checked with openssl.
const BASE = 'http://127.0.0.1:8095';
test.use({ baseURL: BASE });

const TYPES: [string, string][] = [
  ['APACHE', 'Apache'],
  ['NGINX', 'Nginx'],
  ['IIS', 'IIS (PFX)'],
  ['TOMCAT', 'Tomcat (JKS)'],
  ['OTHER', 'PEM files'],
];

let certId = '';
let cn = '';

test.beforeAll(async () => {
  const api = await EmulatorApi.connect(BASE);
  cn = uniqueName('export') + '.example.com';
  certId = await api.issue(await api.caId('Example Corp Issuing CA'), cn);
});

async function openExport(page: Page, id = certId) {
  await signInToEmulator(page);
  await page.goto(`/pca/certs/${id}`);
  await page.getByRole('button', { name: 'Export…' }).click();
  return page.getByRole('dialog', { name: /^Export / });
}

function posts(page: Page): string[] {
  const list: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/proxy/')) list.push(r.url());
  });
  return list;
}

/** Key matches certificate, and the certificate verifies up to the root. */
function checkPair(certFile: string, keyFile: string, chainText: string, password?: string) {
  expect(keyPublicKey(keyFile, password)).toBe(certPublicKey(certFile));
  expect(verifyToRoot(certFile, chainText)).toContain(': OK');
}

/** Reads a PKCS#12 file with openssl: key, leaf and CA certificates. */
function checkPkcs12(file: string, password: string, withKey = true) {
  const dir = tempDir('p12-');
  const leaf = path.join(dir, 'leaf.pem');
  fs.writeFileSync(leaf, openssl(['pkcs12', '-in', file, '-passin', `pass:${password}`, '-nokeys', '-clcerts']));
  const cas = openssl(['pkcs12', '-in', file, '-passin', `pass:${password}`, '-nokeys', '-cacerts']);
  expect(splitPem(cas).length).toBeGreaterThanOrEqual(2);
  expect(verifyToRoot(leaf, cas)).toContain(': OK');
  if (withKey) {
    const key = path.join(dir, 'key.pem');
    fs.writeFileSync(key, openssl(['pkcs12', '-in', file, '-passin', `pass:${password}`, '-nocerts', '-nodes']));
    expect(keyPublicKey(key)).toBe(certPublicKey(leaf));
  }
  // A wrong password is refused.
  expect(() => openssl(['pkcs12', '-in', file, '-passin', 'pass:wrong', '-nokeys'])).toThrow();
}

for (const [type, label] of TYPES) {
  test(`compressed ${type} export: the service's ZIP, checked with openssl`, async ({ page }) => {
    const dialog = await openExport(page);
    await dialog.getByRole('radio', { name: label }).check();
    await expect(dialog.getByRole('checkbox', { name: /Compressed/ })).toBeChecked();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
    expect(download.suggestedFilename()).toBe(`${cn}_${type.toLowerCase()}.zip`);
    await expect(dialog.getByRole('status')).toHaveText(`Saved ${cn}_${type.toLowerCase()}.zip`);
    const { dir, files } = unzip(await saveDownload(download, tempDir()));
    const at = (f: string) => path.join(dir, f);
    const text = (f: string) => fs.readFileSync(at(f), 'utf8');
    switch (type) {
      case 'APACHE':
        expect(files).toEqual(['chain.crt', 'server.crt', 'server.key']);
        checkPair(at('server.crt'), at('server.key'), text('chain.crt'));
        break;
      case 'OTHER':
        expect(files).toEqual(['chain.pem', 'server.key', 'server.pem']);
        checkPair(at('server.pem'), at('server.key'), text('chain.pem'));
        break;
      case 'NGINX': {
        expect(files).toEqual(['server.crt', 'server.key']);
        const [leaf, ...chain] = splitPem(text('server.crt'));
        fs.writeFileSync(at('leaf.pem'), leaf + '\n');
        checkPair(at('leaf.pem'), at('server.key'), chain.join('\n'));
        break;
      }
      case 'IIS':
        expect(files).toEqual(['keystorePass.txt', 'server.pfx']);
        checkPkcs12(at('server.pfx'), text('keystorePass.txt').trim());
        break;
      case 'TOMCAT': {
        expect(files).toEqual(['keystorePass.txt', 'server.jks']);
        const pass = text('keystorePass.txt').trim();
        expect(run('keytool', ['-list', '-keystore', at('server.jks'), '-storepass', pass])).toContain('PrivateKeyEntry');
        run('keytool', ['-importkeystore', '-noprompt', '-srckeystore', at('server.jks'), '-srcstorepass', pass,
          '-destkeystore', at('server.p12'), '-deststoretype', 'PKCS12', '-deststorepass', pass]);
        checkPkcs12(at('server.p12'), pass);
        break;
      }
    }
  });
}

for (const [type, label] of TYPES) {
  test(`uncompressed ${type} export: each PEM, a ZIP built in the browser${type === 'IIS' || type === 'TOMCAT' ? ' and a PKCS#12 file' : ''}`, async ({ page }) => {
    const dialog = await openExport(page);
    const sent = posts(page);
    await dialog.getByRole('radio', { name: label }).check();
    await dialog.getByRole('checkbox', { name: /Compressed/ }).uncheck();
    const pkcs12 = type === 'IIS' || type === 'TOMCAT';
    const password = type === 'APACHE' ? undefined : 'Export-pw-1';
    if (pkcs12) {
      // A PKCS#12 file needs a password: refused before anything is sent.
      await dialog.getByRole('button', { name: 'Export', exact: true }).click();
      await expect(dialog.getByText(/a PKCS#12 file needs a password/)).toBeVisible();
      expect(sent).toEqual([]);
    }
    if (password) await dialog.getByLabel('Key password (optional)').fill(password);
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const list = dialog.getByRole('list', { name: 'Exported files' });
    await expect(list).toBeVisible();

    const dir = tempDir();
    const grab = async (name: RegExp) => {
      const [d] = await Promise.all([page.waitForEvent('download'), list.getByRole('button', { name }).click()]);
      return saveDownload(d, dir);
    };
    const cert = await grab(/^Download certificate /);
    const chain = await grab(/^Download chain /);
    const full = await grab(/^Download full chain /);
    const key = await grab(/^Download private key /);
    expect(path.basename(cert)).toBe(`${cn}.crt.pem`);
    expect(path.basename(key)).toBe(`${cn}.key.pem`);
    const keyText = fs.readFileSync(key, 'utf8');
    if (password) expect(keyText).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    else expect(keyText).toMatch(/BEGIN (EC |RSA )?PRIVATE KEY/);
    checkPair(cert, key, fs.readFileSync(chain, 'utf8'), password);
    expect(fs.readFileSync(full, 'utf8')).toBe(fs.readFileSync(cert, 'utf8') + fs.readFileSync(chain, 'utf8'));

    const zip = unzip(await grab(/^Download all as ZIP /));
    expect(zip.files).toEqual([`${cn}.chain.pem`, `${cn}.crt.pem`, `${cn}.fullchain.pem`, `${cn}.key.pem`]);
    expect(fs.readFileSync(path.join(zip.dir, `${cn}.crt.pem`), 'utf8')).toBe(fs.readFileSync(cert, 'utf8'));

    if (pkcs12) {
      const p12 = await grab(/^Download PKCS#12 /);
      expect(path.basename(p12)).toBe(`${cn}.p12`);
      checkPkcs12(p12, password!);
    } else {
      await expect(list.getByRole('button', { name: /PKCS#12/ })).toHaveCount(0);
    }
    if (type === 'TOMCAT') await page.screenshot({ path: 'test-results/certs-export-dialog.png', fullPage: true });
  });
}

test('closing the dialog drops the exported files', async ({ page }) => {
  const dialog = await openExport(page);
  await dialog.getByRole('checkbox', { name: /Compressed/ }).uncheck();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByRole('button', { name: /^Download private key/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close export' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('list', { name: 'Exported files' })).toHaveCount(0);
  await expect(page.getByLabel('Key password (optional)')).toHaveValue('');
});

test('a certificate issued from a CSR exports without a key, and the dialog says so', async ({ page }) => {
  const api = await EmulatorApi.connect(BASE);
  const list = await api.call('GET', '/v1/private-certificates?name=db-primary&limit=10');
  const id = list.json.certificates[0].certificate_id;
  const dialog = await openExport(page, id);
  await expect(dialog.getByRole('note')).toContainText('issued from a CSR');
  await dialog.getByRole('radio', { name: 'Apache' }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const { dir, files } = unzip(await saveDownload(download, tempDir()));
  expect(files).toEqual(['chain.crt', 'server.crt']);
  expect(verifyToRoot(path.join(dir, 'server.crt'), fs.readFileSync(path.join(dir, 'chain.crt'), 'utf8'))).toContain(': OK');

  await dialog.getByRole('checkbox', { name: /Compressed/ }).uncheck();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const files2 = dialog.getByRole('list', { name: 'Exported files' });
  await expect(files2.getByRole('button', { name: /^Download certificate/ })).toBeVisible();
  await expect(files2.getByRole('button', { name: /private key/ })).toHaveCount(0);
});
