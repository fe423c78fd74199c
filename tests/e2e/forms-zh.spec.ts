import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';
import { L, Lv, ZH, latinOutsideCode, signIn } from './zh-check';

// The form machinery in Chinese: a field's rule message (worded from
// ccm-api's Problem in the rules namespace), the data in it shown as
// <code>, the review panel (forms namespace), and a range message with its
// numbers in the CA delete dialog, where nothing is sent until it fits.
// The plain emulator (8091), with a CA of this test's own.
test.use({ baseURL: 'http://127.0.0.1:8091', locale: 'zh-CN' });

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The Chinese label of `english`, matched whole. */
function exactly(english: string): RegExp {
  return new RegExp(`^${esc(L(english))}$`);
}

test('a left field, the review panel and a range message in Chinese; nothing sent while the days are wrong', async ({ page }) => {
  test.setTimeout(60_000);
  const errors = watchErrors(page);
  const cn = `Forms Zh Root ${Date.now()}`;
  await signIn(page);

  // The country left empty: the required message, its example in <code>.
  await page.goto('/pca/cas/new');
  const country = page.getByLabel(exactly('Country (2 letters)'));
  await country.focus();
  await country.blur();
  const message = page.locator('#ca-country-error');
  await expect(message).toHaveText('必填：正好 2 个字符；两个字母的国家代码，例如 CN（仅限字母）');
  await expect(message.locator('code')).toHaveText('CN');
  expect(await latinOutsideCode(message)).toEqual([]);
  await page.screenshot({ path: 'test-results/forms-zh-required.png', fullPage: true });

  // Reviewing with fields missing says nothing was sent.
  await page.getByRole('button', { name: L('Review request') }).click();
  await expect(page.getByRole('alert').filter({ hasText: '有些字段需要修改；未发送任何内容。' })).toBeVisible();

  // A full subject: the review panel in Chinese, then the CA is created.
  await page.getByLabel(exactly('Common name')).fill(cn);
  await country.fill('CN');
  await expect(message).toBeEmpty();
  await page.getByLabel(exactly('State or province')).fill('Beijing');
  await page.getByLabel(exactly('Locality')).fill('Beijing');
  await page.getByLabel(exactly('Organization')).fill('Acme');
  await page.getByLabel(exactly('Organizational unit')).fill('PKI');
  await page.getByRole('button', { name: L('Review request') }).click();
  const review = page.getByRole('region', { name: '待发送的请求' });
  await expect(review.getByRole('heading', { name: '待发送的请求' })).toBeVisible();
  await expect(review.locator('code')).toContainText('POST /v1/private-certificate-authorities');
  await page.screenshot({ path: 'test-results/forms-zh-review.png', fullPage: true });
  await review.getByRole('button', { name: L('Create CA') }).click();
  await page.getByRole('tree').getByText(cn, { exact: true }).click();

  // Disabled, then the delete dialog: 40 days is refused in Chinese with
  // its numbers, and no DELETE goes out.
  const panel = page.getByRole('complementary', { name: new RegExp(cn) });
  await panel.getByRole('button', { name: L('Disable'), exact: true }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: new RegExp(cn) }).click();
  await expect(panel.getByRole('button', { name: L('Delete'), exact: true })).toBeEnabled();
  const deletes: string[] = [];
  page.on('request', (r) => { if (r.method() === 'DELETE') deletes.push(r.url()); });
  await panel.getByRole('button', { name: L('Delete'), exact: true }).click();
  const dialog = panel.getByRole('alertdialog');
  const days = dialog.getByLabel(L('Days before it is gone (7 to 30)'));
  await days.fill('40');
  await dialog.getByRole('button', { name: new RegExp(cn) }).click();
  await expect(days).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('为 40；允许：7 到 30 之间的整数')).toBeVisible();
  await page.screenshot({ path: 'test-results/forms-zh-delete-days.png', fullPage: true });
  expect(deletes).toEqual([]);
  await dialog.getByRole('button', { name: exactly('Cancel') }).click();
  expect(errors).toEqual([]);
});

test("the console's own checks in Chinese: a profile, the sign-in form and the apply form", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/settings');
  // A proxy that starts wrong and a bad account id: each field says why in
  // Chinese, the data in it as code.
  await page.getByLabel(L('Proxy base URL')).fill('ftp://proxy.example');
  await page.getByLabel(L('Account ID (domain id)')).fill('not-an-id');
  await page.getByRole('button', { name: L('Save profile') }).click();
  const proxyError = page.locator('#proxy-base-error');
  await expect(proxyError).toHaveText(Lv('start with {{ slash }} (same site) or {{ https }}', { slash: '/', https: 'https://' }));
  await expect(proxyError.locator('code')).toHaveText(['/', 'https://']);
  expect(await latinOutsideCode(proxyError)).toEqual([]);
  await expect(page.locator('#domain-id-error')).toHaveText(ZH.get('settings.p_domain_id')!);
  // What was typed stays.
  await expect(page.getByLabel(L('Proxy base URL'))).toHaveValue('ftp://proxy.example');
  await page.screenshot({ path: 'test-results/forms-zh-profile.png', fullPage: true });
  await page.reload();

  // Signing in with no access key says what is missing, and sends nothing.
  await page.getByRole('radio', { name: L('Access key (AK/SK)') }).check();
  await page.getByRole('button', { name: L('Sign in'), exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: ZH.get('forms.p_ak_missing')! })).toBeVisible();
  await signIn(page);

  // The apply form's own check: no issuing CA picked.
  await page.goto('/pca/certs/new');
  await expect(page.getByLabel(L('Issuing CA')).getByRole('option')).not.toHaveCount(1);
  await page.getByLabel(exactly('Common name')).fill(`own-${Date.now()}.example.com`);
  await page.getByRole('button', { name: L('Review request') }).click();
  await expect(page.getByText(ZH.get('forms.p_pick_active_ca')!, { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});
