import { expect, Page, test } from '@playwright/test';
import { openConsole, signInToEmulator, storageDump, watchErrors } from './helpers';

// The radar set (tests/e2e/fixtures/scm-state.mjs); nothing here changes it.
test.use({ baseURL: 'http://127.0.0.1:8098' });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
const log = (page: Page) => page.getByRole('table', { name: 'Requests sent by this tab' });

test('every request of the tab is listed, newest first, with secrets masked', async ({ page }) => {
  const errors = watchErrors(page);
  await signInToEmulator(page);
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('table', { name: 'Expiring within 30 days' })).toBeVisible();
  // A failing call: a certificate that does not exist.
  await nav(page).getByRole('link', { name: 'SSL certificates' }).click();
  await page.getByRole('link', { name: 'radar-ssl-3d' }).click();
  await expect(page.getByRole('complementary', { name: 'Certificate details' })).toBeVisible();
  await page.evaluate(() => history.pushState({}, '', '/scm?cert=scs0000000000000'));
  await page.evaluate(() => dispatchEvent(new PopStateEvent('popstate')));
  await expect(page.getByRole('alert').filter({ hasText: 'Could not load the certificate' })).toContainText('SCM.0094');

  await nav(page).getByRole('link', { name: 'Activity' }).click();
  for (const header of ['Time (UTC)', 'Operation', 'Method', 'Path', 'Status', 'Duration', 'Error code']) {
    await expect(log(page).getByRole('columnheader', { name: header })).toBeVisible();
  }
  const rows = log(page).getByRole('row').filter({ has: page.getByRole('cell') });
  // Newest first: the failed details call is on top.
  const top = rows.first();
  await expect(top).toContainText('show_certificate');
  await expect(top).toContainText('GET');
  await expect(top).toContainText('/v3/scm/certificates/scs0000000000000');
  await expect(top).toContainText('404');
  await expect(top).toContainText('SCM.0094');
  for (const op of ['list_certificates', 'list_certificate_authority', 'list_certificate', 'show_certificate_authority_quota', 'show_certificate_quota']) {
    await expect(rows.filter({ hasText: op }).first()).toBeVisible();
  }
  const times = await rows.evaluateAll((trs) => trs.map((tr) => (tr.querySelector('td') as HTMLElement).innerText));
  expect([...times].sort().reverse()).toEqual(times);

  // The exact request, masked: no secret key, no signature, no full access key.
  await rows.filter({ hasText: 'list_certificate_authority' }).first().getByRole('button', { name: /^Inspect/ }).click();
  const http = page.getByLabel('HTTP request');
  await expect(http).toContainText('GET /v1/private-certificate-authorities?limit=1000&offset=0');
  await expect(http).toContainText('Host: ccm.ap-southeast-3.myhuaweicloud.com');
  await expect(http).toContainText('Signature=<hidden>');
  await page.getByRole('button', { name: 'curl', exact: true }).click();
  await expect(page.getByLabel('curl command')).toContainText('X-Auth-Token: $HUAWEICLOUD_TOKEN');
  await expect(page.getByText(/curl cannot compute that signature/)).toBeVisible();
  await page.getByRole('button', { name: 'Python SDK' }).click();
  const py = page.getByLabel('Python SDK call');
  await expect(py).toContainText('from huaweicloudsdkccm.v1 import CcmClient, ListCertificateAuthorityRequest');
  await expect(py).toContainText('client.list_certificate_authority(ListCertificateAuthorityRequest(');
  await expect(py).toContainText('limit=1000');
  await page.screenshot({ path: 'test-results/activity.png', fullPage: true });

  const text = await page.locator('body').innerText();
  expect(text).not.toContain('emulatorSecretKey');
  expect(text).not.toContain('EMULATORAK0000000001');
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('the log lives in memory only', async ({ page }) => {
  await signInToEmulator(page);
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('table', { name: 'Expiring within 30 days' })).toBeVisible();
  await nav(page).getByRole('link', { name: 'Activity' }).click();
  await expect(log(page).getByRole('row').filter({ hasText: 'list_certificates' }).first()).toBeVisible();
  const dump = await storageDump(page);
  expect(dump.local + dump.session).not.toContain('list_certificates');
  await page.getByRole('button', { name: 'Clear the log' }).click();
  await expect(page.getByText('No request yet.')).toBeVisible();
  await nav(page).getByRole('link', { name: 'SSL certificates' }).click();
  await expect(page.getByRole('status', { name: 'Shown' })).toBeVisible();
  await page.reload();
  await openConsole(page, '/activity');
  await expect(page.getByText('No request yet.')).toBeVisible();
});

test('a form shows its request before it is sent', async ({ page }) => {
  await signInToEmulator(page);
  await nav(page).getByRole('link', { name: 'SSL certificates' }).click();
  await page.getByRole('link', { name: 'radar-ssl-3d' }).click();
  const push = page.getByRole('region', { name: 'Push radar-ssl-3d' });
  await push.getByLabel('Service').selectOption('WAF');
  await push.getByText('Show the request (curl, Python SDK)').click();
  await expect(push.getByLabel('HTTP request')).toContainText('POST /v3/scm/certificates/scs1710000000000/push');
  await expect(push.getByLabel('HTTP request')).toContainText('"target_service": "WAF"');
  await push.getByRole('button', { name: 'Python SDK' }).click();
  await expect(push.getByLabel('Python SDK call')).toContainText('body=PushCertificateRequestBody(');
  await expect(push.getByLabel('Python SDK call')).toContainText('target_service="WAF"');
  await nav(page).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'push_certificate' })).toHaveCount(0);
});
