import { expect, test, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openConsole, signInToEmulator, watchErrors } from './helpers';
import { tempDir } from './fixtures/openssl';

// The SSL pages and the toolbox in Chinese: their own words come from the
// scm and tools locale files, data (names, domains, PEM) stays as it is,
// and the header's switch changes a page that is already open.
// Screenshots of each view go to test-results/ to be looked at.

const dir = tempDir('toolbox-zh-');
const file = (name: string) => path.join(dir, name);

test.beforeAll(() => {
  const ossl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  // A self-signed leaf (not a CA), its CN missing from its SANs; and a key that belongs to nothing.
  ossl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'self.key', '-out', 'self.pem',
    '-subj', '/CN=zh.example.com', '-days', '30', '-addext', 'subjectAltName=DNS:other.example.com',
    '-addext', 'basicConstraints=critical,CA:FALSE']);
  ossl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'stray.key']);
});

const shot = async (page: Page, name: string) => {
  await page.screenshot({ path: `test-results/zh-${name}.png`, fullPage: true });
};

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the toolbox names objects, problems and what could not be read in Chinese', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('http://127.0.0.1:8091/tools');
    await expect(page.getByRole('heading', { name: '证书工具箱' })).toBeVisible();
    const text = fs.readFileSync(file('self.pem'), 'utf8') + fs.readFileSync(file('stray.key'), 'utf8') +
      '-----BEGIN CERTIFICATE-----\nnot base64\n';
    await page.getByLabel('在此粘贴').fill(text);
    await expect(page.getByRole('status').filter({ hasText: '已读取 2 个对象' })).toContainText('1 个无法读取');
    const objects = page.getByRole('list', { name: '已读取的对象' });
    await expect(objects.getByRole('article', { name: '#1 证书： zh.example.com' })).toContainText('来源：粘贴的文本，第 1 块（第 1 行）');
    await expect(objects.getByRole('article', { name: /^#2 私钥：/ })).toContainText('所属对象：此处未提供');
    const problems = page.getByRole('list', { name: '发现的问题' });
    await expect(problems).toContainText('SAN 未包含 CN：#1 的通用名称“zh.example.com”不在其备用名称中');
    await expect(problems).toContainText('密钥不匹配：私钥 #2 与所给的证书和 CSR 均不匹配。');
    await expect(page.getByRole('list', { name: '无法读取' })).toContainText('粘贴的文本，第 3 块（第');
    await expect(page.getByRole('button', { name: '拆分为多个文件（.zip 压缩包）' })).toBeVisible();
    await shot(page, 'toolbox');
    expect(errors).toEqual([]);
  });
});

test.describe('switched to Chinese', () => {
  test.use({ baseURL: 'http://127.0.0.1:8097' });

  test('the SSL list, a certificate and its actions follow the switch', async ({ page }) => {
    const errors = watchErrors(page);
    await signInToEmulator(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
    // Other specs share this emulator and delete some: the count is not fixed.
    await expect(page.getByRole('status', { name: 'Shown' })).toHaveText(/^1–10 of \d+$/);
    await page.getByLabel('Language').selectOption('zh-CN');

    await expect(page.getByRole('heading', { name: 'SSL 证书', level: 1 })).toBeVisible();
    await expect(page.getByRole('status', { name: '显示' })).toHaveText(/^第 1–10 条，共 \d+ 条$/);
    const table = page.getByRole('table', { name: 'SSL 证书' });
    for (const header of ['名称', '域名', '附加域名', '类型', '品牌', '可部署']) {
      await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    }
    await expect(table.getByText('已签发').first()).toBeVisible();
    // The expiry badges count in Chinese too ("18 个月后", "已过期 58 天"), and say the date on hover.
    await expect(table.getByText(/^\d+ (小时|天|个月|年)后$/).first()).toBeVisible();
    await expect(table.getByText(/^已过期 \d+ (小时|天|个月|年)$/).first()).toHaveAttribute('title', /^\d{4}年\d{1,2}月\d{1,2}日 到期$/);
    await expect(table.getByText(/(ago|in \d+ (hour|day|month|year)s?)$/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: '下一页' })).toBeEnabled();
    await expect(page.getByLabel('状态', { exact: true })).toContainText('全部状态');
    await shot(page, 'scm-list');

    await table.getByRole('link', { name: 'cert-59' }).click();
    const details = page.getByRole('complementary', { name: '证书详情' });
    await expect(details.getByRole('heading', { name: 'cert-59' })).toBeVisible();
    await expect(details.getByText('证书 ID', { exact: true })).toBeVisible();
    await expect(details.getByRole('region', { name: '到期提醒' })).toBeVisible();
    await expect(details.getByRole('button', { name: '删除', exact: true })).toBeVisible();
    await shot(page, 'scm-details');

    await page.getByRole('link', { name: '上传证书' }).click();
    await expect(page.getByRole('heading', { name: '上传 SSL 证书' })).toBeVisible();
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByRole('alert', { name: '未提交' })).toContainText('证书名称：请输入证书名称');
    await shot(page, 'scm-import');
    expect(errors).toEqual([]);
  });
});
