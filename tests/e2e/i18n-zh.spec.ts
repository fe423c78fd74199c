import { expect, test, Page } from '@playwright/test';
import { EmulatorApi } from './fixtures/certs-api';
import { watchErrors } from './helpers';
import { englishLeft, L, signIn, ZH } from './zh-check';

// A full workflow with the browser in Simplified Chinese. On every view it
// visits, no English UI text may be left: visible text plus aria-label,
// title and placeholder, leaving out data (translate="no", <code>, <pre>,
// <kbd>, input values) and the allowed technical terms (i18n-allowed.ts).
// Locators use the Chinese text, looked up in the locale files by the
// English text the other specs use: a label that is not converted yet
// fails with its English text named.
const BASE = 'http://127.0.0.1:8108'; // demo seed, its own emulator
test.use({ baseURL: BASE, locale: 'zh-CN' });
test.describe.configure({ mode: 'serial' });

async function expectChinese(page: Page, view: string, scope?: string) {
  await page.waitForLoadState('networkidle');
  const left = await englishLeft(page, scope);
  // Soft: one run names the English left on every view it visits.
  expect.soft(left, `English left on ${view}`).toEqual([]);
}


test('the console in zh-CN from sign-in to the toolbox, with no English left on any view', async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const cn = `zh-${Date.now()}.example.com`;

  // Settings, signed in.
  await signIn(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.screenshot({ path: 'test-results/i18n-zh-settings.png', fullPage: true });
  await expectChinese(page, 'settings');

  // Overview.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(L('Overview'));
  await expectChinese(page, 'overview');

  // A root CA through the create form.
  await page.goto('/pca/cas/new');
  await expectChinese(page, 'create CA form');
  await page.getByLabel(L('Common name')).fill('I18n Root CA');
  await page.getByLabel(L('Country (2 letters)')).fill('CN');
  await page.getByLabel(L('State or province')).fill('Beijing');
  await page.getByLabel(L('Locality')).fill('Beijing');
  await page.getByLabel(L('Organization'), { exact: true }).fill('Acme');
  await page.getByLabel(L('Organizational unit')).fill('PKI');
  await page.getByRole('button', { name: L('Review request') }).click();
  await expectChinese(page, 'create CA review');
  await page.getByRole('button', { name: L('Create CA') }).click();
  await expect(page.getByRole('tree').getByText('I18n Root CA', { exact: true })).toBeVisible();
  await expectChinese(page, 'CA hierarchy');

  // A certificate from it.
  await page.goto('/pca/certs/new');
  const issuer = page.getByLabel(L('Issuing CA'));
  const option = issuer.getByRole('option', { name: /^I18n Root CA/ });
  await issuer.selectOption((await option.getAttribute('value'))!);
  await page.getByLabel(L('Common name')).fill(cn);
  await expectChinese(page, 'apply for a certificate');
  await page.getByRole('button', { name: L('Review request') }).click();
  await page.getByRole('button', { name: L('Apply'), exact: true }).click();
  await expect(page.getByRole('heading', { name: cn })).toBeVisible({ timeout: 30_000 });
  await expectChinese(page, 'certificate details');

  // The certificate list, the SSL list, the toolbox.
  await page.goto('/pca/certs');
  await expect(page.getByRole('table').getByText(cn)).toBeVisible();
  await expectChinese(page, 'private certificates');
  await page.goto('/scm');
  await expect(page.getByRole('table')).toBeVisible();
  await expectChinese(page, 'SSL certificates');
  await page.goto('/tools');
  await expectChinese(page, 'toolbox');
  expect(errors).toEqual([]);
});

test('an API error shows its code, and the remedy in Chinese', async ({ page }) => {
  const api = await EmulatorApi.connect(BASE);
  await signIn(page);
  await api.faults({ error_rate: { list_certificate_authority: 1.0 } });
  try {
    await page.goto('/pca/cas');
    const alert = page.getByRole('alert').filter({ hasText: L('What to do') });
    await expect(alert).toContainText('PCA.00000001', { timeout: 30_000 });
    await expect(alert.getByRole('button', { name: L('Try again') })).toBeVisible();
    await page.screenshot({ path: 'test-results/i18n-zh-error.png', fullPage: true });
    await expectChinese(page, 'the CA list failing');
  } finally {
    await api.faults(null);
  }
});

test('a network failure, the activity log and the curl notes in Chinese', async ({ page }) => {
  const api = await EmulatorApi.connect(BASE);
  await signIn(page);
  await api.faults({ drop: ['list_certificate'] });
  try {
    // In-app navigation: the activity log lives in this tab's memory.
    await page.getByRole('link', { name: L('Private certificates'), exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: L('What to do') });
    // Our words for what happened; the browser's reason is data, in its own row.
    await expect(alert).toContainText(L('network error'), { timeout: 30_000 });
    await expect(alert.getByRole('term').filter({ hasText: L('Details') })).toBeVisible();
    await expect(alert).toContainText(ZH.get('errors.remedy_network')!);
    await page.screenshot({ path: 'test-results/i18n-zh-network-error.png', fullPage: true });
    // The browser's reason is English: only translate="no" lets this pass.
    await expectChinese(page, 'a network failure', '[role="alert"]');
  } finally {
    await api.faults(null);
  }

  await page.getByRole('link', { name: L('Activity'), exact: true }).click();
  const log = page.getByRole('table', { name: L('Requests sent by this tab') });
  for (const header of ['Time (UTC)', 'Operation', 'Method', 'Path', 'Status', 'Duration', 'Error code']) {
    await expect(log.getByRole('columnheader', { name: L(header) })).toBeVisible();
  }
  // The failed read: three tries, each named as a network error.
  const failed = log.getByRole('row').filter({ hasText: 'list_certificate' }).filter({ hasText: L('network error') });
  await expect(failed).toHaveCount(3);
  await expect(failed.first()).toContainText(ZH.get('errors.activity_try')!.replace('{{ attempt }}', '3'));
  await failed.first().getByRole('button', { name: new RegExp(`^${L('Inspect')}`) }).click();
  await page.getByRole('button', { name: 'curl', exact: true }).click();
  // Signed in with an access key: the note says why curl needs a token, in Chinese.
  await expect(page.getByText(ZH.get('errors.inspect_access_key')!)).toBeVisible();
  await page.screenshot({ path: 'test-results/i18n-zh-activity.png', fullPage: true });
  await expect(page.getByRole('button', { name: L('Clear the log') })).toBeVisible();
});

test('every route and the details panels in zh-CN, with no English left', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  await signIn(page);
  const routes = [
    '/', '/activity', '/pca/cas', '/pca/cas?layout=table', '/pca/cas/new', '/pca/certs', '/pca/certs/new',
    '/pca/certs/csr', '/pca/certs/renew', '/scm', '/scm/apply', '/scm/csr', '/scm/csr/new', '/scm/csr/upload',
    '/scm/import', '/scm/order', '/settings', '/tools', '/no-such-page',
  ];
  for (const route of routes) {
    await page.goto(route);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectChinese(page, route);
  }
  // A CA's panel, a private certificate's details, an SSL certificate's details.
  await page.goto('/pca/cas');
  await page.getByRole('tree').getByText('Example Corp Issuing CA', { exact: true }).click();
  await expect(page.getByRole('complementary', { name: /Example Corp Issuing CA/ })).toBeVisible();
  await expectChinese(page, 'a CA panel');
  await page.goto('/pca/certs');
  await page.getByRole('table').locator('tbody tr a').first().click();
  await expect(page).toHaveURL(/\/pca\/certs\/[0-9a-f-]{36}$/);
  await expectChinese(page, 'a certificate');
  // Its dialogs: the revoke confirmation (cancelled) and the export dialog.
  await page.getByRole('button', { name: L('Revoke'), exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toBeVisible();
  await expectChinese(page, 'the revoke confirmation', '[role="alertdialog"]');
  await confirm.getByRole('button', { name: L('Cancel'), exact: true }).click();
  await page.getByRole('button', { name: L('Export…') }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectChinese(page, 'the export dialog', '[role="dialog"]');
  await page.keyboard.press('Escape');
  await page.goto('/scm');
  await page.getByRole('table').locator('tbody tr a').first().click();
  await expect(page).toHaveURL(/[?&]cert=/);
  await expectChinese(page, 'an SSL certificate');
  expect(errors).toEqual([]);
});
