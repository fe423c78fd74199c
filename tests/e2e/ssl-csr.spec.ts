import { expect, Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { signInToEmulator, watchErrors } from './helpers';
import { openssl, tempDir } from './fixtures/openssl';

// The CSR manager against its own emulator (demo seed, fresh every run).
const BASE = 'http://127.0.0.1:8105';
test.use({ baseURL: BASE });

const details = (page: Page) => page.getByRole('complementary', { name: 'CSR details' });

async function openCsrManager(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'CSRs' }).click();
  await expect(page.getByRole('heading', { name: 'Certificate signing requests' })).toBeVisible();
}

test('creates a CSR the service keeps the key of, decodes it, and the fetched key matches it', async ({ page }) => {
  const errors = watchErrors(page);
  await signInToEmulator(page);
  await openCsrManager(page);
  await page.getByRole('link', { name: 'Create a CSR' }).click();

  // Checked before anything is sent: a name over 63 characters and a bad domain.
  await page.getByLabel('Name', { exact: true }).fill('n'.repeat(64));
  await page.getByLabel('Domain', { exact: true }).fill('not a domain');
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByText('Some fields need attention; nothing was sent.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Request to send' })).toHaveCount(0);

  await page.getByLabel('Name', { exact: true }).fill('e2e-csr');
  await page.getByLabel('Domain', { exact: true }).fill('csr-e2e.example.com');
  await page.getByLabel('Additional domains').fill('www.csr-e2e.example.com');
  await page.getByLabel('Key algorithm').selectOption('EC_P256');
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  await expect(preview).toContainText('POST /v3/scm/csr');
  await expect(preview).toContainText('"private_key_algo": "EC_P256"');
  await page.screenshot({ path: 'test-results/ssl-csr-create.png', fullPage: true });
  await preview.getByRole('button', { name: 'Create CSR' }).click();

  // The new CSR opens in the manager, decoded in the browser.
  const panel = details(page);
  await expect(panel.getByRole('heading', { name: 'e2e-csr' })).toBeVisible();
  await expect(panel).toContainText('csr-e2e.example.com');
  const decoded = panel.getByRole('region', { name: 'Decoded CSR' });
  await expect(decoded).toContainText('P-256');
  await expect(decoded).toContainText('DNS:www.csr-e2e.example.com');
  await expect(decoded).toContainText('verifies');
  await page.getByRole('region', { name: 'CSR list' }).getByRole('link', { name: 'e2e-csr' }).waitFor();

  // The key: shown after a warning, copied out of the page, never in the activity log.
  await panel.getByRole('button', { name: 'Show the private key' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Show the key' }).click();
  const keyText = await panel.getByLabel('Private key of e2e-csr', { exact: true }).textContent();
  expect(keyText).toContain('PRIVATE KEY');
  await expect(panel.getByRole('alert').filter({ hasText: 'Anyone with this key' })).toBeVisible();
  await page.screenshot({ path: 'test-results/ssl-csr-key.png', fullPage: true });
  await decoded.getByText('PEM', { exact: true }).click();
  const csrText = await decoded.getByLabel('CSR (PEM)').textContent();
  const dir = tempDir('csr-');
  fs.writeFileSync(path.join(dir, 'key.pem'), keyText!);
  fs.writeFileSync(path.join(dir, 'req.pem'), csrText!);
  expect(openssl(['req', '-in', path.join(dir, 'req.pem'), '-noout', '-verify'])).toBeDefined();
  expect(openssl(['pkey', '-in', path.join(dir, 'key.pem'), '-pubout'])).toBe(openssl(['req', '-in', path.join(dir, 'req.pem'), '-noout', '-pubkey']));
  await panel.getByRole('button', { name: 'Hide the key' }).click();
  await expect(panel.getByLabel('Private key of e2e-csr', { exact: true })).toHaveCount(0);

  // Rename, search and the algorithm filter in the URL.
  await panel.getByLabel('New name').fill('e2e-csr-renamed');
  await panel.getByRole('button', { name: 'Rename' }).click();
  await expect(panel.getByRole('heading', { name: 'e2e-csr-renamed' })).toBeVisible();
  await page.getByLabel('Name contains').fill('renamed');
  await page.getByLabel('Name contains').press('Enter');
  await page.getByRole('search', { name: 'Filter CSRs' }).getByLabel('Key algorithm').selectOption('EC_P256');
  await expect(page).toHaveURL(/name=renamed/);
  await expect(page).toHaveURL(/algo=EC_P256/);
  const list = page.getByRole('region', { name: 'CSR list' });
  await expect(list.getByRole('link', { name: 'e2e-csr-renamed' })).toBeVisible();
  await page.getByRole('search', { name: 'Filter CSRs' }).getByLabel('Key algorithm').selectOption('RSA_4096');
  await expect(list.getByText('No CSR matches these filters.')).toBeVisible();

  // The activity log recorded the key fetch but never the key.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'show_csr_private_key' })).toHaveCount(1);
  const body = await page.getByRole('main').textContent();
  expect(body).not.toContain(keyText!.split('\n')[1]);
  expect(errors).toEqual([]);
});

test('uploads a CSR made with openssl; a key of another CSR is refused in the browser; delete names it', async ({ page }) => {
  const dir = tempDir('csr-up-');
  const file = (n: string) => path.join(dir, n);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', file('k.pem'), '-out', file('r.pem'), '-subj', '/CN=upload-e2e.example.com']);
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file('other.pem')]);
  await signInToEmulator(page);
  await openCsrManager(page);
  await page.getByRole('link', { name: 'Upload a CSR' }).click();
  await page.getByLabel('Name', { exact: true }).fill('e2e-upload');
  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill(fs.readFileSync(file('r.pem'), 'utf8'));
  await page.getByRole('textbox', { name: 'Private key (optional, PEM)' }).fill(fs.readFileSync(file('other.pem'), 'utf8'));
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByText('does not belong to this CSR')).toBeVisible();
  await page.getByRole('textbox', { name: 'Private key (optional, PEM)' }).fill(fs.readFileSync(file('k.pem'), 'utf8'));
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('region', { name: 'Request to send' }).getByRole('button', { name: 'Upload CSR' }).click();

  const panel = details(page);
  await expect(panel.getByRole('heading', { name: 'e2e-upload' })).toBeVisible();
  await expect(panel.getByRole('region', { name: 'Decoded CSR' })).toContainText('upload-e2e.example.com');
  // Start an application from it.
  await expect(panel.getByRole('link', { name: 'Apply for a certificate with e2e-upload' })).toHaveAttribute('href', /\/scm\/apply\?csr=/);
  await page.screenshot({ path: 'test-results/ssl-csr-details.png', fullPage: true });

  await panel.getByRole('button', { name: 'Delete CSR' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Delete the CSR e2e-upload?');
  await dialog.getByRole('button', { name: 'Delete e2e-upload' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'CSR list' }).getByRole('link', { name: 'e2e-upload' })).toHaveCount(0);
});
