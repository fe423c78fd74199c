import { expect, test, Page } from '@playwright/test';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';
import { watchErrors } from './helpers';
import { englishLeft, L, Lv, signIn } from './zh-check';

// The shared pieces in Simplified Chinese: the certificate list's bulk bar,
// selection boxes, sort buttons and pager (src/list), the renewal page, the
// create-similar changes, the CA delete dialog and the 404 page. Each is
// found by its Chinese text and scanned for English left (zh-check.ts).
const BASE = 'http://127.0.0.1:8107'; // demo seed, shared with renew and ca-similar
test.use({ baseURL: BASE, locale: 'zh-CN' });

async function noEnglishIn(page: Page, view: string, scope: string) {
  await page.waitForLoadState('networkidle');
  expect(await englishLeft(page, scope), `English left on ${view}`).toEqual([]);
}

/** A private certificate from the demo seed's issuing CA ending in `days` days. */
async function expiring(api: EmulatorApi, cn: string, days: number): Promise<string> {
  const r = await api.call('POST', '/v1/private-certificates', {
    issuer_id: await api.caId('Example Corp Issuing CA'),
    key_algorithm: 'EC256',
    signature_algorithm: 'SHA256',
    distinguished_name: { common_name: cn, organization: 'Zh Org' },
    validity: { type: 'DAY', value: days },
    subject_alternative_names: [{ type: 'DNS', value: cn }],
  });
  expect(r.status).toBe(200);
  return r.json.certificate_id;
}

/** A subordinate CA of the demo root, made through the API. */
async function subordinate(api: EmulatorApi, cn: string): Promise<string> {
  const made = await api.call('POST', '/v1/private-certificate-authorities', {
    type: 'SUBORDINATE',
    issuer_id: await api.caId('Example Corp Root CA'),
    key_algorithm: 'EC256',
    signature_algorithm: 'SHA256',
    distinguished_name: { common_name: cn, country: 'CN', state: 'Beijing', locality: 'Beijing', organization: 'Zh Org', organizational_unit: 'PKI' },
    validity: { type: 'YEAR', value: 3 },
    path_length: 0,
    key_usages: ['keyCertSign', 'cRLSign'],
  });
  expect(made.status).toBe(200);
  return made.json.ca_id;
}

test('the page not found speaks Chinese', async ({ page }) => {
  await page.goto('/no/such/view');
  await expect(page.getByRole('heading', { name: '页面不存在', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: L('Go to the overview') })).toHaveAttribute('href', '/');
  await noEnglishIn(page, 'the 404 page', 'main');
});

test('the certificate list: sort buttons, row boxes, bulk bar and pager in Chinese', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const cn = `${uniqueName('zh-list')}.example.com`;
  await expiring(api, cn, 200);
  await signIn(page);
  await page.goto(`/pca/certs?name=${encodeURIComponent(cn)}`);
  const table = page.getByRole('table', { name: L('Private certificates') });
  await expect(table.getByText(cn)).toBeVisible();
  await expect(table.getByRole('button', { name: Lv('Sort by {{ label }}', { label: L('Common name') }) })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: L('Select all on this page') })).toBeVisible();

  const pager = page.getByRole('navigation', { name: L('Certificate pages') });
  await expect(pager.getByRole('status')).toHaveText('第 1/1 页（第 1–1 条，共 1 条）');
  await expect(pager.getByRole('button', { name: '上一页' })).toBeDisabled();
  await expect(pager.getByLabel('每页条数')).toBeVisible();

  await page.getByRole('checkbox', { name: Lv('Select {{ name }}', { name: cn }) }).check();
  const bar = page.getByRole('region', { name: '批量操作' });
  await expect(bar).toContainText('已选择 1 个证书');
  await bar.getByRole('button', { name: '批量吊销' }).click();
  const dialog = bar.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: '吊销 1 个证书' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '取消' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shared-zh-bulk.png', fullPage: true });
  await noEnglishIn(page, 'the certificate list with its bulk confirmation', 'main');
  await dialog.getByRole('button', { name: '吊销 1 个证书' }).click();
  await expect(bar.getByRole('status')).toHaveText('已吊销 1/1', { timeout: 20_000 });
  await expect(bar.getByRole('progressbar', { name: '吊销进度' })).toBeVisible();
  await expect(bar.getByRole('list', { name: '每个证书的结果' })).toContainText(`${cn}：已吊销`);
  await noEnglishIn(page, 'the bulk results', 'main');
  expect(errors).toEqual([]);
});

test('renewal in Chinese: the plan, the run and its results', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const cn = `${uniqueName('zh-renew')}.example.com`;
  const id = await expiring(api, cn, 20);
  await signIn(page);
  await page.goto(`/pca/certs/renew?id=${id}`);
  await expect(page.getByRole('heading', { name: '续期证书', level: 1 })).toBeVisible();
  const plan = page.getByRole('table', { name: '将签发的证书' });
  await expect(plan.getByRole('row', { name: new RegExp(cn) })).toContainText('从现在起 20 天，与原证书相同');
  await noEnglishIn(page, 'the renewal plan', 'main');

  await page.getByRole('button', { name: '续期 1 个证书' }).click();
  const results = page.getByRole('region', { name: '续期结果' });
  await expect(results.getByRole('status')).toHaveText('已续期 1/1', { timeout: 20_000 });
  await expect(results.getByRole('heading', { name: '续期：已完成' })).toBeVisible();
  await expect(results.getByRole('link', { name: `${cn} 的新证书` })).toBeVisible();
  await expect(page.getByRole('button', { name: '下载新证书（压缩包）' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shared-zh-renew.png', fullPage: true });
  await noEnglishIn(page, 'the renewal results', 'main');
  expect(errors).toEqual([]);
});

test('create similar says what changes in Chinese, and the CA delete dialog asks for days', async ({ page }) => {
  const errors = watchErrors(page);
  const api = await EmulatorApi.connect(BASE);
  const cn = uniqueName('Zh Similar CA');
  const caId = await subordinate(api, cn);
  await signIn(page);

  await page.goto(`/pca/cas/new?similar=${caId}`);
  await expect(page.getByRole('heading', { name: L('Create a similar CA') })).toBeVisible();
  const changes = page.getByRole('region', { name: L('What changes') });
  await expect(changes).toContainText('新 CA 拥有自己的密钥对和序列号');
  await expect(page.getByLabel(L('Common name'))).toHaveValue(cn);
  await page.getByLabel(L('Common name')).fill(`${cn} 2`);
  await page.getByLabel(L('Validity'), { exact: true }).fill('2');
  await expect(changes).toContainText(`通用名称：${cn} → ${cn} 2`);
  await expect(changes).toContainText('有效期：3 年 → 2 年');
  await noEnglishIn(page, 'what changes', `[aria-label="${L('What changes')}"]`);

  expect((await api.call('POST', `/v1/private-certificate-authorities/${caId}/disable`)).status).toBe(204);
  await page.goto(`/pca/cas?ca=${caId}`);
  const panel = page.getByRole('complementary', { name: Lv('Details of {{ name }}', { name: cn }) });
  await panel.getByRole('button', { name: L('Delete'), exact: true }).click();
  const dialog = panel.getByRole('alertdialog');
  await expect(dialog.getByLabel('保留天数（7 至 30 天）')).toHaveValue('7');
  await expect(dialog).toContainText('在此期间可以恢复');
  await expect(dialog.getByRole('button', { name: '取消' })).toBeVisible();
  await page.screenshot({ path: 'test-results/shared-zh-delete.png', fullPage: true });
  await noEnglishIn(page, 'the CA delete dialog', '[role="alertdialog"]');
  await dialog.getByRole('button', { name: '取消' }).click();
  expect(errors).toEqual([]);
});
