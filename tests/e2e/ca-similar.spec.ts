// "Create similar" on a CA's details: the create form starts as that CA
// (kind, issuer, subject, keys, validity, path length), says what changes
// as fields are edited, and the CA it creates carries the same subject
// (but the edited name) and key algorithm, checked with openssl.
import { expect, test } from '@playwright/test';
import { signInToEmulator, watchErrors } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { openssl } from './fixtures/openssl';

const BASE = 'http://127.0.0.1:8107';
test.use({ baseURL: BASE });

test('create similar copies a subordinate CA; openssl finds its subject and key in the new one', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const rootId = await api.caId('Example Corp Root CA');
  const cn = uniqueName('Similar Source CA');
  const made = await api.call('POST', '/v1/private-certificate-authorities', {
    type: 'SUBORDINATE',
    issuer_id: rootId,
    key_algorithm: 'EC384',
    signature_algorithm: 'SHA384',
    distinguished_name: { common_name: cn, country: 'DE', state: 'Berlin', locality: 'Berlin', organization: 'Similar Org', organizational_unit: 'PKI' },
    validity: { type: 'YEAR', value: 3 },
    path_length: 0,
    key_usages: ['keyCertSign', 'cRLSign'],
  });
  expect(made.status).toBe(200);
  const sourceId = made.json.ca_id;

  await signInToEmulator(page);
  await page.goto(`/pca/cas?ca=${sourceId}`);
  const details = page.getByRole('complementary', { name: `Details of ${cn}` });
  // Once the CA's certificate is decoded, the link carries its key usages.
  const similar = details.getByRole('link', { name: 'Create similar' });
  await expect(similar).toHaveAttribute('href', `/pca/cas/new?similar=${sourceId}&ku=keyCertSign&ku=cRLSign`);
  await similar.click();
  await expect(page.getByRole('heading', { name: 'Create a similar CA' })).toBeVisible();
  const changes = page.getByRole('region', { name: 'What changes' });
  await expect(changes).toContainText('A new CA with its own key pair and serial number');

  // Every field starts as the CA's own, and each stays editable.
  await expect(page.getByLabel('Common name')).toHaveValue(cn);
  await expect(page.getByRole('radio', { name: 'Subordinate CA, signed now by a CA here' })).toBeChecked();
  await expect(page.getByLabel('Issuing CA')).toHaveValue(rootId);
  await expect(page.getByLabel('Organization', { exact: true })).toHaveValue('Similar Org');
  await expect(page.getByLabel('Organizational unit')).toHaveValue('PKI');
  await expect(page.getByLabel('Key algorithm')).toHaveValue('EC384');
  await expect(page.getByLabel('Signature algorithm')).toHaveValue('SHA384');
  await expect(page.getByLabel('Validity', { exact: true })).toHaveValue('3');
  await expect(page.getByLabel('Path length (0 to 6)')).toHaveValue('0');
  await expect(page.getByRole('checkbox', { name: 'keyCertSign' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'cRLSign' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'digitalSignature' })).not.toBeChecked();
  await expect(changes).not.toContainText('Common name:');

  const newCn = `${cn} 2`;
  await page.getByLabel('Common name').fill(newCn);
  await expect(changes).toContainText(`Common name: ${cn} → ${newCn}`);
  await page.getByLabel('Validity', { exact: true }).fill('2');
  await expect(changes).toContainText('Validity: 3 YEAR → 2 YEAR');
  await page.screenshot({ path: 'test-results/ca-similar.png', fullPage: true });

  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Create CA' }).click();
  await expect(page).toHaveURL(/\/pca\/cas\?ca=/);
  const newId = new URL(page.url()).searchParams.get('ca')!;
  expect(newId).not.toBe(sourceId);

  const created = (await api.call('GET', `/v1/private-certificate-authorities/${newId}`)).json;
  expect(created.type).toBe('SUBORDINATE');
  expect(created.issuer_id).toBe(rootId);
  expect(created.key_algorithm).toBe('EC384');
  expect(created.signature_algorithm).toBe('SHA384');
  expect(created.path_length).toBe(0);

  const pem = async (id: string) => (await api.call('POST', `/v1/private-certificate-authorities/${id}/export`)).json.certificate as string;
  const subject = (p: string) => openssl(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], p).trim();
  const keyAlg = (p: string) => openssl(['x509', '-noout', '-text'], p).match(/ASN1 OID: (\S+)/)?.[1];
  const [before, after] = [await pem(sourceId), await pem(newId)];
  expect(subject(after)).toBe(subject(before).replace(`CN=${cn}`, `CN=${newCn}`));
  expect(subject(after)).toContain('O=Similar Org');
  expect(keyAlg(after)).toBe('secp384r1');
  const usage = (p: string) => {
    const lines = openssl(['x509', '-noout', '-text'], p).split('\n');
    return lines[lines.findIndex((l) => l.includes('X509v3 Key Usage')) + 1].trim();
  };
  expect(usage(after)).toBe(usage(before));
  expect(usage(after)).toBe('Certificate Sign, CRL Sign');
  expect(keyAlg(after)).toBe(keyAlg(before));
  expect(openssl(['x509', '-noout', '-serial'], after)).not.toBe(openssl(['x509', '-noout', '-serial'], before));
  expect(errors).toEqual([]);
});

test('create similar from a CA that no longer exists says so and leaves the form usable', async ({ page }) => {
  const errors = watchErrors(page);
  await signInToEmulator(page);
  await page.goto('/pca/cas/new?similar=00000000-0000-4000-8000-000000000000');
  await expect(page.getByRole('heading', { name: 'Create a similar CA' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'The CA to start from was not found' })).toBeVisible();
  await expect(page.getByText('Reading the CA to start from…')).toHaveCount(0);
  await page.getByLabel('Common name').fill('Fresh CA');
  await expect(page.getByLabel('Common name')).toHaveValue('Fresh CA');
  expect(errors).toEqual([]);
});
