// "View CRL": a CA publishes its CRL (through the console), a certificate it
// issued is revoked in the same test, and the CRL fetched through the proxy
// and decoded in the browser lists its serial with the reason; the revoked
// certificate's details link to that entry.
import { expect, Page, test } from '@playwright/test';
import { signInToEmulator, watchErrors } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';

const BASE = 'http://127.0.0.1:8095';
test.use({ baseURL: BASE });

const CA = 'Example Corp Issuing CA';
const tree = (page: Page) => page.getByRole('tree', { name: 'CA hierarchy' });
const details = (page: Page) => page.getByRole('complementary', { name: `Details of ${CA}` });

async function publishCrl(page: Page) {
  await page.goto('/pca/cas');
  await tree(page).getByRole('link', { name: CA, exact: true }).click();
  const crl = details(page).getByRole('region', { name: 'Certificate revocation list' });
  if (await crl.getByRole('link', { name: 'View CRL' }).isVisible()) return;
  await crl.getByRole('button', { name: 'Publish a CRL' }).click();
  // The demo seed may already have granted PCA access to OBS.
  const grant = crl.getByRole('button', { name: 'Grant PCA access to OBS' });
  await expect(grant.or(crl.getByLabel('OBS bucket'))).toBeVisible();
  if (await grant.isVisible()) await grant.click();
  await expect(crl.getByLabel('OBS bucket')).not.toHaveValue('');
  await crl.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByText(`${CA}: CRL published`)).toBeVisible();
}

test('a certificate revoked here appears in its CA\'s CRL, reached from the CA and from the certificate', async ({ page }) => {
  const errors = watchErrors(page);
  await signInToEmulator(page);
  await publishCrl(page);

  const api = await EmulatorApi.connect(BASE);
  const cn = uniqueName('crl') + '.example.com';
  const id = await api.issue(await api.caId(CA), cn);
  const serial: string = (await api.certificate(id)).serial_number;

  await page.goto(`/pca/certs/${id}`);
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByLabel('Reason (RFC 5280)').selectOption('KEY_COMPROMISE');
  await confirm.getByRole('button', { name: `Revoke ${cn}` }).click();
  const record = page.getByRole('region', { name: 'Certificate record' });
  await expect(record).toContainText('Revoked');

  // From the certificate: the link names its entry.
  await record.getByRole('link', { name: "Its entry in the issuing CA's CRL" }).click();
  await expect(page.getByRole('heading', { name: `CRL of ${CA}` })).toBeVisible();
  const crl = page.getByRole('region', { name: 'Certificate revocation list' });
  await expect(crl.getByRole('status').first()).toContainText(`Certificate ${serial} is in this CRL`);
  await expect(crl.getByRole('status').first()).toContainText('(keyCompromise)');
  const row = crl.getByRole('table', { name: 'Revoked certificates' }).getByRole('row', { name: new RegExp(serial.replace(/^0+/, ''), 'i') });
  await expect(row).toContainText('keyCompromise');
  await expect(crl).toContainText('Next update');
  await expect(crl).not.toContainText('overdue');

  // From the CA: "View CRL" shows the same list.
  await page.goto('/pca/cas');
  await tree(page).getByRole('link', { name: CA, exact: true }).click();
  await details(page).getByRole('link', { name: 'View CRL' }).click();
  await expect(page.getByRole('table', { name: 'Revoked certificates' })).toContainText(serial.replace(/^0+/, '').toUpperCase());
  await page.screenshot({ path: 'test-results/crl-viewer.png', fullPage: true });
  expect(errors).toEqual([]);
});
