import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

// The language follows the browser, the header's switch overrides it and
// is remembered; English stays English.

test.describe('a browser set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('gets the console in Chinese, <html lang> says so', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: '主导航' });
    await expect(nav.getByRole('link', { name: '概览', exact: true })).toBeVisible();
    await expect(page.getByLabel('语言')).toHaveValue('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    expect(errors).toEqual([]);
  });

  test('switches to English with the header switch, and stays so after a reload', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('语言').selectOption('en');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
    await expect(page.getByLabel('Language')).toHaveValue('en');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(() => localStorage.getItem('ccm-console/locale'))).toBe('en');

    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview', exact: true })).toBeVisible();
    await expect(page.getByLabel('Language')).toHaveValue('en');
  });
});

test.describe('a browser set to English', () => {
  test.use({ locale: 'en-US' });

  test('stays English, and switching to Chinese is remembered', async ({ page }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Private CAs', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Skip to content' })).toHaveCount(1);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '私有 CA', exact: true })).toBeVisible();
    await expect(page.getByLabel('主题')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('语言')).toHaveValue('zh-CN');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.screenshot({ path: 'test-results/i18n-switch-zh.png' });
  });
});
