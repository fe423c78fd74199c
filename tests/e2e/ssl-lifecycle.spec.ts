import { expect, Page, request, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { signInToEmulator } from './helpers';
import { openssl, saveDownload, tempDir } from './fixtures/openssl';

// The SSL lifecycle against its own emulator (demo seed, fresh every run):
// order -> apply -> validate -> issued -> export -> deploy -> deployed.
const BASE = 'http://127.0.0.1:8106';
test.use({ baseURL: BASE });
test.setTimeout(90_000);

const details = (page: Page) => page.getByRole('complementary', { name: 'Certificate details' });

/** What a real service learns from DNS: the emulator's admin endpoint says the domains are validated. */
async function validateDomains(certificateId: string) {
  const ctx = await request.newContext();
  const r = await ctx.post(`${BASE}/__emulator/validate`, { data: { certificate_id: certificateId } });
  expect(r.status()).toBe(200);
  await ctx.dispose();
}

function csrFor(dir: string, name: string, cn: string) {
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
    '-keyout', path.join(dir, `${name}.key`), '-out', path.join(dir, `${name}.csr`), '-subj', `/CN=${cn}`]);
  return fs.readFileSync(path.join(dir, `${name}.csr`), 'utf8');
}

test('order, apply, validate, export, deploy and batch push a certificate', async ({ page }) => {
  const dir = tempDir('ssl-life-');
  const domain = 'lifecycle-e2e.example.com';
  const goodCsr = csrFor(dir, 'good', domain);
  const otherCsr = csrFor(dir, 'other', 'somewhere-else.example.com');
  await signInToEmulator(page);

  // Order: nothing is sent without the privacy consent.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Order a certificate' }).click();
  await page.getByLabel('Brand').selectOption('GEOTRUST');
  await page.getByLabel('Type', { exact: true }).selectOption('DV_SSL_CERT');
  await page.getByLabel('Domain type').selectOption('SINGLE_DOMAIN');
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByText(/privacy (consent|terms)/).first()).toBeVisible();
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await page.getByRole('button', { name: 'Review request' }).click();
  const preview = page.getByRole('region', { name: 'Request to send' });
  await expect(preview).toContainText('POST /v3/scm/certificates/buy');
  await page.screenshot({ path: 'test-results/ssl-order.png', fullPage: true });
  await preview.getByRole('button', { name: 'Place order' }).click();

  // Apply: the form opens for the new certificate.
  await expect(page.getByRole('heading', { name: 'Apply for an SSL certificate' })).toBeVisible();
  const certId = new URL(page.url()).searchParams.get('cert')!;
  expect(certId).toMatch(/^scs/);
  await expect(page.getByLabel('Ordered certificate')).toHaveValue(certId);
  await page.getByLabel('Domain', { exact: true }).fill(domain);
  await page.getByRole('radio', { name: 'Paste my own CSR' }).check();
  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill(otherCsr);
  await page.getByLabel('Applicant e-mail').fill('not-an-address');
  await page.getByRole('checkbox', { name: /I agree/ }).check();
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(page.getByText('Some fields need attention; nothing was sent.')).toBeVisible();
  await page.getByLabel('Applicant e-mail').fill('ops@example.com');
  await page.getByRole('button', { name: 'Review request' }).click();
  await expect(preview).toContainText(`POST /v3/scm/certificates/${certId}/apply`);
  await expect(preview).toContainText('"domain_method": "DNS"');
  await preview.getByRole('button', { name: 'Send application' }).click();
  // The service refuses a CSR for another name: its code and remedy show, the form keeps what was typed.
  const refusal = page.getByRole('alert').filter({ hasText: 'The application was not sent' });
  await expect(refusal).toContainText('SCM.');
  await expect(refusal).toContainText('somewhere-else.example.com');
  await expect(page.getByLabel('Domain', { exact: true })).toHaveValue(domain);
  await expect(page.getByLabel('Applicant e-mail')).toHaveValue('ops@example.com');
  await page.screenshot({ path: 'test-results/ssl-apply-refused.png', fullPage: true });
  await page.getByRole('textbox', { name: 'Certificate signing request (PEM)' }).fill(goodCsr);
  await page.getByRole('button', { name: 'Review request' }).click();
  await preview.getByRole('button', { name: 'Send application' }).click();

  // Domain validation: the record to publish, with copy buttons; the status is polled.
  const panel = details(page);
  await expect(panel).toBeVisible();
  const step = panel.getByRole('listitem', { name: `Validation of ${domain}` });
  await expect(step).toContainText(`_dnsauth.${domain}`);
  await expect(step).toContainText('TXT');
  await expect(step).toContainText('Waiting for validation');
  await expect(step.getByRole('button', { name: `Copy the value for ${domain}` })).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Status refresh' })).toBeVisible();
  await page.screenshot({ path: 'test-results/ssl-validation.png', fullPage: true });

  await validateDomains(certId);
  await expect(panel).toContainText('Issued', { timeout: 15_000 });
  await expect(panel.getByRole('status', { name: 'Status refresh' })).toHaveCount(0);

  // Export: the certificate belongs to the CSR's key (openssl).
  await panel.getByRole('button', { name: 'Export and decode' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download certificate (PEM)' }).click()]);
  const certFile = await saveDownload(download, dir);
  expect(openssl(['x509', '-in', certFile, '-noout', '-pubkey'])).toBe(openssl(['pkey', '-in', path.join(dir, 'good.key'), '-pubout']));
  expect(openssl(['x509', '-in', certFile, '-noout', '-subject'])).toContain(domain);

  // Deploy to an ELB listener of the seeded inventory; the details list it.
  const deploy = panel.getByRole('region', { name: 'Deploy', exact: true });
  await deploy.getByLabel('Service').selectOption('ELB');
  await deploy.getByLabel('Region').selectOption('ap-southeast-1');
  await deploy.getByLabel('Resources').fill('e1b00000-5eed-4000-8000-000000000002\nno-such-listener');
  await deploy.getByRole('button', { name: 'Deploy' }).click();
  const result = deploy.getByRole('status', { name: 'Deployment result' });
  await expect(result).toContainText('1 of 2 resources deployed.');
  await expect(result).toContainText('no-such-listener');
  const deployed = panel.getByRole('region', { name: 'Deployed to' });
  await expect(deployed.getByRole('row').filter({ hasText: 'api-https-443' })).toContainText('ELB');

  // Batch push: each region has its own result.
  const batch = panel.getByRole('region', { name: 'Push to several regions' });
  await batch.getByRole('checkbox', { name: 'ap-southeast-1' }).check();
  await batch.getByRole('checkbox', { name: 'eu-west-101' }).check();
  await batch.getByRole('button', { name: 'Push to 2 regions' }).click();
  const results = batch.getByRole('table', { name: 'Push results by region' });
  await expect(results.getByRole('row', { name: /^ap-southeast-1 / })).toContainText('Pushed');
  await expect(results.getByRole('row', { name: /^eu-west-101 / })).toContainText('Failed: SCM.0075');
  await page.screenshot({ path: 'test-results/ssl-deployed.png', fullPage: true });

  // Deleting a deployed certificate lists its resources first.
  await panel.getByRole('region', { name: 'Delete' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('list', { name: 'Resources using the certificate' })).toContainText('ELB in ap-southeast-1: api-https-443');
  await expect(dialog).toContainText('deployed to 1 resource');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('cancel a pending application and unsubscribe an order, each confirmed by name', async ({ page }) => {
  await signInToEmulator(page);
  await page.goto('/scm?q=pending-validation');
  await page.getByRole('link', { name: 'pending-validation', exact: true }).click();
  const panel = details(page);
  await expect(panel.getByRole('listitem', { name: 'Validation of docs.example.org' })).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel the application' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel the application for pending-validation' }).click();
  await expect(panel.getByRole('link', { name: 'Apply for this certificate' })).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Status refresh' })).toHaveCount(0);

  await page.goto('/scm?q=new-order');
  await page.getByRole('link', { name: 'new-order', exact: true }).click();
  await panel.getByRole('button', { name: 'Unsubscribe (refund)' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Unsubscribe new-order?');
  await dialog.getByRole('button', { name: 'Unsubscribe new-order' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'new-order', exact: true })).toHaveCount(0);
});
