// "Issue again": a certificate with names and usages is issued again from
// its details; the form starts as that certificate and says what changes;
// openssl finds the same subject, names and usages in the new certificate.
import { expect, test } from '@playwright/test';
import { signInToEmulator, watchErrors } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { openssl } from './fixtures/openssl';

const BASE = 'http://127.0.0.1:8095';
test.use({ baseURL: BASE });

/** The parts of `openssl x509 -text` that must carry over. */
function carried(pem: string) {
  const text = openssl(['x509', '-noout', '-text', '-nameopt', 'RFC2253'], pem);
  const after = (label: string) => {
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes(label));
    return i < 0 ? '' : lines[i + 1].trim();
  };
  return {
    subject: openssl(['x509', '-noout', '-subject', '-nameopt', 'RFC2253'], pem).trim(),
    sans: after('X509v3 Subject Alternative Name'),
    keyUsage: after('X509v3 Key Usage'),
    extendedKeyUsage: after('X509v3 Extended Key Usage'),
    serial: openssl(['x509', '-noout', '-serial'], pem).trim(),
  };
}

test('issue again keeps subject, names and usages; the edits are listed; openssl agrees', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const cn = uniqueName('again') + '.example.com';
  const r = await api.call('POST', '/v1/private-certificates', {
    issuer_id: await api.caId('Example Corp Issuing CA'),
    key_algorithm: 'EC256',
    signature_algorithm: 'SHA256',
    distinguished_name: { common_name: cn, organization: 'Again Org' },
    validity: { type: 'DAY', value: 60 },
    subject_alternative_names: [{ type: 'DNS', value: cn }, { type: 'IP', value: '10.1.2.3' }],
    key_usages: ['digitalSignature', 'keyEncipherment'],
    extended_key_usage: { server_auth: true, client_auth: true },
  });
  expect(r.status).toBe(200);
  const oldId = r.json.certificate_id;
  const before = carried((await api.pems(oldId)).certificate);

  await signInToEmulator(page);
  await page.goto(`/pca/certs/${oldId}`);
  await page.getByRole('region', { name: 'Decoded certificate' }).getByRole('link', { name: 'Issue again' }).click();
  await expect(page.getByRole('heading', { name: 'Issue a certificate again' })).toBeVisible();
  await expect(page.getByLabel('Common name')).toHaveValue(cn);
  const changes = page.getByRole('region', { name: 'What changes' });
  await expect(changes).toContainText('A new key pair and a new serial number');
  await expect(changes).not.toContainText('Validity:');
  // The validity is editable, and the change is said.
  await page.getByLabel('Validity', { exact: true }).fill('30');
  await expect(changes).toContainText('Validity: 60 DAY → 30 DAY');

  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page).toHaveURL(/\/pca\/certs\/[^/?]+$/);
  const newId = new URL(page.url()).pathname.split('/').pop()!;
  expect(newId).not.toBe(oldId);
  const after = carried((await api.pems(newId)).certificate);
  expect(after.subject).toBe(before.subject);
  expect(after.sans).toBe(before.sans);
  expect(after.keyUsage).toBe(before.keyUsage);
  expect(after.extendedKeyUsage).toBe(before.extendedKeyUsage);
  expect(after.serial).not.toBe(before.serial);
  expect(before.sans).toContain('IP Address:10.1.2.3');
  expect(errors).toEqual([]);
});
