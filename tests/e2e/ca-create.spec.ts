import { expect, test } from '@playwright/test';
import { fillCaSubject as fillSubject, signInToEmulator } from './helpers';

// The fixture hierarchy, read only here: the wizard lists its issuers.
test.use({ baseURL: 'http://127.0.0.1:8092' });

test.beforeEach(async ({ page }) => {
  await signInToEmulator(page);
  await page.goto('/pca/cas');
  await page.getByRole('link', { name: 'Create CA' }).click();
  await expect(page.getByRole('heading', { name: 'Create a CA' })).toBeVisible();
});

test('invalid input is refused field by field, kept, and nothing is sent', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/proxy/')) posts.push(r.url());
  });
  await page.getByLabel('Country (2 letters)').fill('DEU');
  await page.getByLabel('Validity', { exact: true }).fill('31');
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByText('Some fields need attention; nothing was sent.')).toBeVisible();
  await expect(page.getByLabel('Common name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Country (2 letters)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Validity', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Country (2 letters)')).toHaveValue('DEU');
  await expect(page.getByRole('region', { name: 'Request to send' })).toHaveCount(0);
  // Fixing a field clears its message as it is typed.
  await page.getByLabel('Country (2 letters)').fill('DE');
  await expect(page.getByLabel('Country (2 letters)')).toHaveAttribute('aria-invalid', 'false');
  expect(posts).toEqual([]);
});

test('the issuer picker lists only active CAs with room in their path length', async ({ page }) => {
  await page.getByRole('radio', { name: 'Subordinate CA, signed now by a CA here' }).check();
  const options = page.getByLabel('Issuing CA').getByRole('option');
  await expect(options).toHaveText([
    'Choose an active CA',
    /^Acme Issuing CA 1 \(path length 0 left/,
    /^Acme Root CA \(path length 6 left/,
  ]);
  await fillSubject(page, 'Team API CA');
  await page.getByLabel('Issuing CA').selectOption({ index: 1 });
  await page.getByLabel('Path length (0 to 6)').fill('1');
  // The issuer ends within the month: the default ten years are cut to what fits.
  await expect(page.getByLabel('Unit', { exact: true })).toHaveValue('DAY');
  await expect(page.getByText(/Validity set to \d+ days so that it ends before Acme Issuing CA 1 does\./)).toBeVisible();
  await page.getByLabel('Validity', { exact: true }).fill('2');
  await page.getByLabel('Unit', { exact: true }).selectOption('YEAR');
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByText('at most 0 under Acme Issuing CA 1')).toBeVisible();
  await expect(page.getByText(/ends after the issuer .* does/)).toBeVisible();
});

test('the exact request is shown before it is sent', async ({ page }) => {
  await page.getByRole('radio', { name: /Subordinate CA, left pending/ }).check();
  await fillSubject(page, 'Partner CA');
  await page.getByLabel('Key algorithm').selectOption('EC384');
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  await expect(preview).toContainText('POST /v1/private-certificate-authorities');
  await expect(preview).toContainText('"type": "SUBORDINATE"');
  await expect(preview).toContainText('"key_algorithm": "EC384"');
  await expect(preview).not.toContainText('issuer_id');
  // Editing after the review withdraws the preview.
  await page.getByLabel('Common name').fill('Partner CA 2');
  await expect(preview).toHaveCount(0);
});

test('a subordinate chooses its key usages; one that cannot sign is refused before sending', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
  await page.getByRole('radio', { name: /Subordinate CA, left pending/ }).check();
  await fillSubject(page, 'Usage CA');
  const usages = page.getByRole('group', { name: 'Key usages' });
  await expect(usages.getByRole('checkbox', { name: 'keyCertSign' })).toBeChecked();
  await usages.getByRole('checkbox', { name: 'keyCertSign' }).uncheck();
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(usages).toContainText('a CA needs keyCertSign');
  expect(posts).toEqual([]);
  await usages.getByRole('checkbox', { name: 'keyCertSign' }).check();
  await usages.getByRole('checkbox', { name: 'digitalSignature' }).uncheck();
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  const body = JSON.parse((await preview.locator('code').innerText()).split('\n\n')[1]);
  expect(body.key_usages.sort()).toEqual(['cRLSign', 'keyCertSign']);
});

test('a root names its CRL bucket after the OBS access check, with 7 to 30 days', async ({ page }) => {
  await page.getByRole('radio', { name: /^Root CA/ }).check();
  await fillSubject(page, 'CRL Root CA');
  await page.getByRole('checkbox', { name: 'Publish a CRL to OBS' }).check();
  const crl = page.getByRole('group', { name: 'Certificate revocation list' });
  await crl.getByRole('button', { name: 'Grant PCA access to OBS' }).click();
  await expect(crl.getByLabel('OBS bucket')).toHaveValue('pki-crl');
  await crl.getByLabel('Renew every (7 to 30 days)').fill('31');
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(crl.getByLabel('Renew every (7 to 30 days)')).toHaveAttribute('aria-invalid', 'true');
  await crl.getByLabel('Renew every (7 to 30 days)').fill('14');
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  await expect(preview).toContainText('"obs_bucket_name": "pki-crl"');
  await expect(preview).toContainText('"valid_days": 14');
});
