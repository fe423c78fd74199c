import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { signInToEmulator } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';

// The demo seed: an active root and issuing CA, a disabled and a pending one.
const BASE = 'http://127.0.0.1:8095';
test.use({ baseURL: BASE });

/** Every POST the console sends through the proxy. */
function watchPosts(page: Page): string[] {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/proxy/')) posts.push(r.url());
  });
  return posts;
}

async function openForm(page: Page) {
  await signInToEmulator(page);
  await page.goto('/pca/certs');
  await page.getByRole('link', { name: 'Apply for a certificate' }).click();
  await expect(page.getByRole('heading', { name: 'Apply for a certificate' })).toBeVisible();
  // The issuers have arrived.
  await expect(page.getByLabel('Issuing CA').getByRole('option')).toHaveCount(3);
}

function openssl(args: string[], input?: string): string {
  return execFileSync('openssl', args, { input, encoding: 'utf8' });
}

test('the issuer picker offers only active CAs, and an empty subject part shows what it inherits', async ({ page }) => {
  await openForm(page);
  await expect(page.getByLabel('Issuing CA').getByRole('option')).toHaveText([
    'Choose an active CA',
    /^Example Corp Issuing CA \(valid until /,
    /^Example Corp Root CA \(valid until /,
  ]);
  await page.getByLabel('Issuing CA').selectOption({ index: 1 });
  await expect(page.getByLabel('Organization', { exact: true })).toHaveAttribute('placeholder', 'inherited: Example Corp');
  await expect(page.getByLabel('Organizational unit')).toHaveAttribute('placeholder', 'inherited: Platform');
});

for (const key of ['RSA2048', 'RSA4096', 'EC256', 'EC384']) {
  test(`applies for a ${key} certificate and opens its details`, async ({ page }) => {
    test.setTimeout(60_000);
    const cn = uniqueName(`apply-${key.toLowerCase()}`) + '.example.com';
    await openForm(page);
    await page.getByLabel('Issuing CA').selectOption({ index: 1 });
    await page.getByLabel('Common name').fill(cn);
    await page.getByLabel('Key algorithm').selectOption(key);
    await page.getByLabel('Signature algorithm').selectOption('SHA384');
    await page.getByRole('button', { name: 'Review request' }).click();
    const preview = page.getByRole('region', { name: 'Request to send' });
    await expect(preview).toContainText('POST /v1/private-certificates');
    await expect(preview).toContainText(`"key_algorithm": "${key}"`);
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByRole('heading', { name: cn })).toBeVisible({ timeout: 30_000 });
    const record = page.getByRole('region', { name: 'Certificate record' });
    await expect(record).toContainText(key.startsWith('RSA') ? `RSA ${key.slice(3)}` : key === 'EC256' ? 'ECDSA P-256' : 'ECDSA P-384');
    await expect(record).toContainText('Example Corp Issuing CA');

    // The issued certificate carries that key and signature.
    const api = await EmulatorApi.connect(BASE);
    const id = page.url().split('/').pop()!;
    const text = openssl(['x509', '-noout', '-text'], (await api.pems(id)).certificate);
    expect(text).toContain(key.startsWith('RSA') ? `Public-Key: (${key.slice(3)} bit)` : key === 'EC256' ? 'prime256v1' : 'secp384r1');
    expect(text).toContain('ecdsa-with-SHA384');
  });
}

test('a template, names, usages and a custom extension reach the certificate as shown in the request', async ({ page }) => {
  const cn = uniqueName('tls') + '.example.com';
  await openForm(page);
  await page.getByLabel('Issuing CA').selectOption({ index: 2 });
  await page.getByLabel('Common name').fill(cn);
  await page.getByLabel('Organizational unit').fill('Web Team');
  await page.getByRole('button', { name: 'Use the TLS server template' }).click();
  await expect(page.getByRole('checkbox', { name: 'Server authentication' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Key encipherment' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Client authentication' }).check();
  const names: [string, string][] = [['DNS', cn], ['IP', '192.0.2.10'], ['EMAIL', 'ops@example.com'], ['URI', 'https://example.com/app']];
  for (const [i, [type, value]] of names.entries()) {
    await page.getByRole('button', { name: 'Add a name' }).click();
    await page.getByLabel(`Name ${i + 1} type`).selectOption(type);
    await page.getByLabel(`Name ${i + 1} value`).fill(value);
  }
  await page.getByLabel('Object identifier').fill('1.3.6.1.4.1.2011.4.99');
  await page.getByLabel('Extension value').fill('team-web');
  await page.getByLabel('Validity', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Review request' }).click();

  const preview = page.getByRole('region', { name: 'Request to send' });
  const shown = await preview.locator('code').textContent();
  const body = JSON.parse(shown!.slice(shown!.indexOf('{')));
  expect(body).toMatchObject({
    distinguished_name: { common_name: cn, organizational_unit: 'Web Team' },
    validity: { type: 'DAY', value: 30 },
    key_usages: ['digitalSignature', 'keyEncipherment'],
    extended_key_usage: { server_auth: true, client_auth: true },
    subject_alternative_names: names.map(([type, value]) => ({ type, value })),
    customized_extension: { object_identifier: '1.3.6.1.4.1.2011.4.99', value: 'team-web' },
  });
  expect(body.distinguished_name.country).toBeUndefined();
  await page.screenshot({ path: 'test-results/certs-apply-form.png', fullPage: true });

  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('heading', { name: cn })).toBeVisible();
  const id = page.url().split('/').pop()!;
  const api = await EmulatorApi.connect(BASE);
  const text = openssl(['x509', '-noout', '-text', '-nameopt', 'RFC2253'], (await api.pems(id)).certificate);
  expect(text).toContain(`DNS:${cn}`);
  expect(text).toContain('IP Address:192.0.2.10');
  expect(text).toContain('email:ops@example.com');
  expect(text).toContain('URI:https://example.com/app');
  expect(text).toContain('TLS Web Server Authentication, TLS Web Client Authentication');
  expect(text).toContain('1.3.6.1.4.1.2011.4.99');
  // Parts left empty came from the issuer.
  expect(text).toMatch(/Subject: CN=[^\n]*OU=Web Team,O=Example Corp/);
});

test('every invalid input is refused with a message, kept, and nothing is sent', async ({ page }) => {
  await openForm(page);
  const posts = watchPosts(page);
  const review = () => page.getByRole('button', { name: 'Review request' }).click();
  const invalid = (label: string | RegExp, exact = false) => expect(page.getByLabel(label, { exact })).toHaveAttribute('aria-invalid', 'true');

  // Nothing filled in: issuer and common name.
  await review();
  await expect(page.getByText('Some fields need attention; nothing was sent.')).toBeVisible();
  await expect(page.getByText('pick an active CA')).toBeVisible();
  await invalid('Common name');

  await page.getByLabel('Issuing CA').selectOption({ index: 1 });
  await page.getByLabel('Common name').fill('x'.repeat(65));
  await page.getByLabel('Country (2 letters)').fill('Germany');
  await page.getByLabel('Organization', { exact: true }).fill('o'.repeat(65));
  await page.getByLabel('Validity', { exact: true }).fill('ten');
  await page.getByLabel('Start (optional)').fill('2020-01-01');
  const bad: [string, string][] = [['DNS', 'bad_name!.example.com'], ['IP', '300.1.2.3'], ['EMAIL', 'not-an-address'], ['URI', 'no scheme here'], ['DNS', '']];
  for (const [i, [type, value]] of bad.entries()) {
    await page.getByRole('button', { name: 'Add a name' }).click();
    await page.getByLabel(`Name ${i + 1} type`).selectOption(type);
    await page.getByLabel(`Name ${i + 1} value`).fill(value);
  }
  await page.getByLabel('Object identifier').fill('1.3.x');
  await expect(page.getByText('enter a whole number')).toBeVisible();
  await invalid('Common name');
  await invalid('Country (2 letters)');
  await invalid('Organization', true);
  await invalid('Validity', true);
  await expect(page.getByText('enter a date as YYYY-MM-DD').or(page.getByText(/lies more than 5 minutes in the past/))).toBeVisible();
  await expect(page.getByText(/'bad_name!.example.com' is not valid for DNS/)).toBeVisible();
  await expect(page.getByText(/'300.1.2.3' is not valid for IP/)).toBeVisible();
  await expect(page.getByText(/'not-an-address' is not valid for EMAIL/)).toBeVisible();
  await expect(page.getByText(/'no scheme here' is not valid for URI/)).toBeVisible();
  await expect(page.getByText('enter a value or remove this name')).toBeVisible();
  await expect(page.getByText(/give the extension's value too/)).toBeVisible();
  // What was typed is kept.
  await expect(page.getByLabel('Name 2 value')).toHaveValue('300.1.2.3');

  // The custom extension's identifier must be dot-decimal.
  await page.getByLabel('Extension value').fill('v');
  await expect(page.getByLabel('Object identifier')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/'1.3.x' is not valid; allowed: an object identifier/)).toBeVisible();

  // Longer than the issuer, and longer than 20 years.
  await page.getByLabel('Start (optional)').fill('');
  await page.getByLabel('Unit', { exact: true }).selectOption('YEAR');
  await page.getByLabel('Validity', { exact: true }).fill('6');
  await expect(page.getByText(/ends after the issuer Example Corp Issuing CA does/)).toBeVisible();
  await page.getByLabel('Issuing CA').selectOption({ index: 2 });
  await page.getByLabel('Validity', { exact: true }).fill('21');
  await invalid('Validity', true);
  await page.getByLabel('Unit', { exact: true }).selectOption('MONTH');
  await page.getByLabel('Validity', { exact: true }).fill('0');
  await expect(page.getByText(/is 0; allowed: a whole number of at least 1/)).toBeVisible();

  // At most 20 names: the add button stops there.
  for (let i = 5; i < 20; i++) await page.getByRole('button', { name: 'Add a name' }).click();
  await expect(page.getByRole('button', { name: 'Add a name' })).toBeDisabled();
  await expect(page.getByText('20 names is the most a certificate may carry.')).toBeVisible();

  await review();
  await expect(page.getByRole('region', { name: 'Request to send' })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/certs-apply-invalid.png', fullPage: true });
  expect(posts).toEqual([]);
});

test('editing after the review withdraws the request; a refused request keeps the input', async ({ page }) => {
  await openForm(page);
  const cn = uniqueName('refused') + '.example.com';
  await page.getByLabel('Issuing CA').selectOption({ index: 1 });
  await page.getByLabel('Common name').fill(cn);
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByRole('region', { name: 'Request to send' })).toBeVisible();
  await page.getByLabel('Common name').fill(cn + 'x');
  await expect(page.getByRole('region', { name: 'Request to send' })).toHaveCount(0);

  // The service refuses every issuance for a moment.
  const api = await EmulatorApi.connect(BASE);
  await api.faults({ error_rate: { 'POST /v1/private-certificates': 1.0 } });
  try {
    await page.getByRole('button', { name: 'Review request' }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'The certificate was not issued' });
    await expect(alert).toContainText('PCA.00000001');
    await expect(alert).toContainText('What to do');
    await expect(page.getByLabel('Common name')).toHaveValue(cn + 'x');
  } finally {
    await api.faults(null);
  }
});
