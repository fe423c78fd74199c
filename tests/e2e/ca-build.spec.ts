import { expect, test, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillCaSubject as fillSubject, signInToEmulator } from './helpers';

// An empty emulator: every CA here is made through the console.
test.use({ baseURL: 'http://127.0.0.1:8094' });
test.describe.configure({ mode: 'serial' });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ccm-ca-build-'));
const tree = (page: Page) => page.getByRole('tree', { name: 'CA hierarchy' });
const item = (page: Page, name: string) => tree(page).getByRole('treeitem', { name, exact: true });
const details = (page: Page, name: string) => page.getByRole('complementary', { name: `Details of ${name}` });

async function createCa(page: Page, cn: string, kind: RegExp, setup: () => Promise<void> = async () => {}) {
  await page.goto('/pca/cas/new');
  await page.getByRole('radio', { name: kind }).check();
  await fillSubject(page, cn);
  await page.getByLabel('Key algorithm').selectOption('EC256');
  await setup();
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Create CA' }).click();
  await expect(page.getByText(`CA ${cn} created`)).toBeVisible();
  await expect(details(page, cn)).toBeVisible();
}

async function save(page: Page, panel, button: string, file: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: button }).click()]);
  const target = path.join(work, file);
  await download.saveAs(target);
  return target;
}

test.beforeEach(async ({ page }) => {
  await signInToEmulator(page);
});

test('a three-level hierarchy is built through the console and verifies with openssl', async ({ page }) => {
  await createCa(page, 'Demo Root CA', /^Root CA/, async () => {
    await page.getByLabel('Validity', { exact: true }).fill('10');
  });
  await createCa(page, 'Demo Issuing CA', /signed now/, async () => {
    await page.getByLabel('Issuing CA').selectOption({ index: 1 });
    await page.getByLabel('Path length (0 to 6)').fill('1');
    await page.getByLabel('Validity', { exact: true }).fill('5');
  });
  await createCa(page, 'Demo Partner CA', /left pending/);
  await expect(item(page, 'Demo Partner CA')).toContainText('Pending activation');

  // Activate the pending CA under the issuing CA.
  const partner = details(page, 'Demo Partner CA');
  await partner.getByRole('button', { name: 'Activate' }).click();
  const dialog = partner.getByRole('alertdialog');
  await dialog.getByLabel('Issuing CA').selectOption({ label: 'Demo Issuing CA (path length 0 left)' });
  await dialog.getByLabel('Validity').fill('2');
  await dialog.getByRole('button', { name: 'Activate Demo Partner CA' }).click();
  await expect(page.getByText('Demo Partner CA: activated')).toBeVisible();
  await expect(item(page, 'Demo Root CA').getByRole('group').getByRole('treeitem', { name: 'Demo Issuing CA' })
    .getByRole('group').getByRole('treeitem', { name: 'Demo Partner CA' })).toBeVisible();

  // Export: the partner's full chain verifies up to the root.
  await tree(page).getByRole('link', { name: 'Demo Root CA', exact: true }).click();
  let panel = details(page, 'Demo Root CA');
  const root = await save(page, panel, 'Download certificate', 'root.pem');
  await tree(page).getByRole('link', { name: 'Demo Partner CA', exact: true }).click();
  panel = details(page, 'Demo Partner CA');
  const leaf = await save(page, panel, 'Download certificate', 'partner.pem');
  const chain = await save(page, panel, 'Download chain', 'partner-chain.pem');
  const out = execFileSync('openssl', ['verify', '-CAfile', root, '-untrusted', chain, leaf]).toString();
  expect(out).toContain('partner.pem: OK');
  const text = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-text']).toString();
  expect(text).toMatch(/CA:TRUE, pathlen:0/);

  // The panel shows the certificate as the browser decoded it: the same
  // serial and fingerprint openssl reads from the downloaded file.
  const cert = panel.getByRole('region', { name: 'CA certificate' });
  const serial = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-serial']).toString().trim().split('=')[1];
  const sha256 = execFileSync('openssl', ['x509', '-in', leaf, '-noout', '-fingerprint', '-sha256']).toString().trim().split('=')[1];
  await expect(cert).toContainText(serial.replace(/^0+/, ''));
  await expect(cert).toContainText(sha256);
  await expect(cert).toContainText('CA, up to 0 CA(s) below it');
  await expect(cert).toContainText('keyCertSign');
  await expect(cert.getByRole('list').getByText('Demo Root CA', { exact: true })).toBeVisible();

  // One ZIP built in the browser holds the same files.
  const zip = await save(page, panel, 'Download all as ZIP', 'partner.zip');
  const unzipped = path.join(work, 'partner-zip');
  execFileSync('unzip', ['-o', '-q', zip, '-d', unzipped]);
  expect(fs.readdirSync(unzipped).sort()).toEqual(['Demo_Partner_CA.chain.pem', 'Demo_Partner_CA.crt.pem', 'Demo_Partner_CA.fullchain.pem']);
  const zipOut = execFileSync('openssl', ['verify', '-CAfile', root, '-untrusted', path.join(unzipped, 'Demo_Partner_CA.chain.pem'),
    path.join(unzipped, 'Demo_Partner_CA.crt.pem')]).toString();
  expect(zipOut).toContain(': OK');
});

test('a pending CA hands out its CSR, which openssl accepts', async ({ page }) => {
  await createCa(page, 'Demo External CA', /left pending/);
  const panel = details(page, 'Demo External CA');
  await panel.getByRole('button', { name: 'Export CSR' }).click();
  await expect(panel.getByRole('group', { name: 'CSR' })).toContainText('BEGIN CERTIFICATE REQUEST');
  const csr = await save(page, panel, 'Download .csr', 'external.csr');
  const out = execFileSync('openssl', ['req', '-in', csr, '-noout', '-verify', '-subject'], { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  // execFileSync throws unless the self-signature verifies.
  expect(out).toMatch(/CN ?= ?Demo External CA/);
});

test('a subordinate CA is revoked with a reason; a root cannot be', async ({ page }) => {
  await page.goto('/pca/cas');
  await tree(page).getByRole('link', { name: 'Demo Root CA', exact: true }).click();
  await expect(details(page, 'Demo Root CA').getByRole('button', { name: 'Revoke' })).toBeDisabled();
  await tree(page).getByRole('link', { name: 'Demo Partner CA', exact: true }).click();
  const panel = details(page, 'Demo Partner CA');
  await panel.getByRole('button', { name: 'Revoke' }).click();
  const dialog = panel.getByRole('alertdialog');
  await dialog.getByLabel('Reason (RFC 5280)').selectOption('KEY_COMPROMISE');
  await dialog.getByRole('button', { name: 'Revoke Demo Partner CA' }).click();
  await expect(page.getByText('Demo Partner CA: revoked')).toBeVisible();
});

test('a CA publishes its CRL after PCA is granted access to OBS, and stops again', async ({ page }) => {
  await page.goto('/pca/cas');
  await tree(page).getByRole('link', { name: 'Demo Issuing CA', exact: true }).click();
  const crl = details(page, 'Demo Issuing CA').getByRole('region', { name: 'Certificate revocation list' });
  await expect(crl).toContainText('Not published');
  await crl.getByRole('button', { name: 'Publish a CRL' }).click();
  await crl.getByRole('button', { name: 'Grant PCA access to OBS' }).click();
  await expect(crl.getByLabel('OBS bucket')).toHaveValue('pki-crl');
  await crl.getByLabel('Renew every (7 to 30 days)').fill('3');
  await crl.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(crl.getByLabel('Renew every (7 to 30 days)')).toHaveAttribute('aria-invalid', 'true');
  await crl.getByLabel('Renew every (7 to 30 days)').fill('10');
  await crl.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText('Demo Issuing CA: CRL published')).toBeVisible();
  const published = details(page, 'Demo Issuing CA').getByRole('region', { name: 'Certificate revocation list' });
  await expect(published).toContainText('Published to OBS bucket pki-crl, renewed every 10 days');
  await expect(published).toContainText('Distribution point');
  await published.getByRole('button', { name: 'Stop publishing the CRL' }).click();
  await expect(page.getByText('Demo Issuing CA: CRL no longer published')).toBeVisible();
  await expect(details(page, 'Demo Issuing CA').getByRole('region', { name: 'Certificate revocation list' })).toContainText('Not published');
});

test('a pending CA imports the certificate an outside CA signed from its CSR', async ({ page }) => {
  await createCa(page, 'Demo Imported CA', /left pending/);
  const panel = details(page, 'Demo Imported CA');
  await panel.getByRole('button', { name: 'Export CSR' }).click();
  const csr = await save(page, panel, 'Download .csr', 'imported.csr');

  // An outside root made with openssl signs the CSR as a CA certificate.
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=Outside Root',
    '-days', '30', '-keyout', 'outside.key', '-out', 'outside.pem',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  fs.writeFileSync(path.join(work, 'ca.ext'), 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign,digitalSignature\n');
  run(['x509', '-req', '-in', csr, '-CA', 'outside.pem', '-CAkey', 'outside.key', '-CAcreateserial', '-days', '10',
    '-extfile', 'ca.ext', '-out', 'imported.pem']);
  const outsideRoot = fs.readFileSync(path.join(work, 'outside.pem'), 'utf8');

  // Another key, another chain: an unrelated CA made the same way.
  run(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=Unrelated Root',
    '-days', '30', '-keyout', 'unrelated.key', '-out', 'unrelated.pem',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const unrelated = fs.readFileSync(path.join(work, 'unrelated.pem'), 'utf8');

  const form = panel.getByRole('region', { name: 'Import a signed certificate' });
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/import')) posts.push(r.url()); });
  // Refused in the browser, nothing sent, the input kept: not a certificate,
  // a certificate for another key than the CSR's, a chain that does not link.
  await form.getByLabel('Signed certificate (PEM)', { exact: true }).fill('not a certificate');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByText('paste the signed certificate as PEM')).toBeVisible();
  await form.getByLabel('Signed certificate (PEM)', { exact: true }).fill(outsideRoot);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert')).toContainText('this certificate is for another key');
  await expect(form.getByLabel('Signed certificate (PEM)', { exact: true })).toHaveValue(outsideRoot);
  // The signed certificate comes from a file (DER, converted to PEM in the field).
  run(['x509', '-in', 'imported.pem', '-outform', 'DER', '-out', 'imported.der']);
  await form.getByLabel('File for Signed certificate (PEM)').setInputFiles(path.join(work, 'imported.der'));
  await expect(form.getByLabel('Signed certificate (PEM)', { exact: true })).toHaveValue(/^-----BEGIN CERTIFICATE-----/);
  await form.getByLabel('Chain up to the root (PEM, optional)', { exact: true }).fill(unrelated);
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(form.getByRole('alert')).toContainText('the chain does not link the certificate to a root');
  expect(posts).toEqual([]);

  // The decoded preview, then the import.
  await form.getByLabel('File for Chain up to the root (PEM, optional)').setInputFiles(path.join(work, 'outside.pem'));
  const preview = form.getByRole('group', { name: 'Decoded in the browser' });
  await expect(preview).toContainText('CN=Demo Imported CA');
  await expect(preview).toContainText('Chain verified: CN=Demo Imported CA');
  await expect(preview).toContainText('CN=Outside Root');
  await form.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByText('Demo Imported CA: certificate imported')).toBeVisible();
  expect(posts.length).toBe(1);
  await expect(item(page, 'Demo Imported CA')).toContainText('Active');
});

test('a root created with a CRL configuration publishes it from the start', async ({ page }) => {
  await createCa(page, 'Demo CRL Root CA', /^Root CA/, async () => {
    await page.getByRole('checkbox', { name: 'Publish a CRL to OBS' }).check();
    // PCA was granted access to OBS by the CRL test above: the buckets are listed at once.
    await expect(page.getByLabel('OBS bucket')).toHaveValue('pki-crl');
    await page.getByLabel('Renew every (7 to 30 days)').fill('14');
  });
  const crl = details(page, 'Demo CRL Root CA').getByRole('region', { name: 'Certificate revocation list' });
  await expect(crl).toContainText('Published to OBS bucket pki-crl, renewed every 14 days');
});
