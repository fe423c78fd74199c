import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { openConsole, watchErrors } from './helpers';

test('the shell loads without console errors', async ({ page }) => {
  const errors = watchErrors(page);
  await openConsole(page);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Not signed in' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('navigation works by role and name and marks the current page', async ({ page }) => {
  const errors = watchErrors(page);
  await openConsole(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const views: [string, string, string][] = [
    ['SSL certificates', '/scm', 'SSL certificates'],
    ['Private CAs', '/pca/cas', 'Private CAs'],
    ['Private certificates', '/pca/certs', 'Private certificates'],
    ['Activity', '/activity', 'Activity'],
    ['Settings', '/settings', 'Settings'],
    ['Overview', '/', 'Overview'],
  ];
  for (const [link, path, heading] of views) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
  }
  // Every view is built now: none says "Not built yet".
  await expect(page.getByText('Not built yet.')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('deep links load the app and unknown paths say so', async ({ page }) => {
  await openConsole(page, '/pca/certs?status=ISSUED');
  await expect(page.getByRole('heading', { name: 'Private certificates', level: 1 })).toBeVisible();
  await openConsole(page, '/no/such/view');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test('the app runs under the CSP that ccm-serve sends, which blocks injected inline scripts', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  expect(response!.headers()['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) violations.push(m.text());
  });
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
  });
  expect(await page.evaluate(() => (window as any).__injected === true)).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});

test('ccm-serve sends the build\'s brotli and gzip copies, hashed files cached for good', async ({ request }) => {
  const index = await request.get('/', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
  expect(index.headers()['cache-control']).toBe('no-cache');
  const wasm = (await index.text()).match(/href="\/([^"]+\.wasm)"/)?.[1];
  expect(wasm).toBeTruthy();
  // [Accept-Encoding, the Content-Encoding sent, the file sent]
  const cases: [string, string | undefined, string][] = [
    ['gzip, deflate, br, zstd', 'br', `dist/${wasm}.br`],
    ['gzip', 'gzip', `dist/${wasm}.gz`],
    ['identity', undefined, `dist/${wasm}`],
  ];
  for (const [accept, encoding, file] of cases) {
    const r = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': accept } });
    expect(r.status(), accept).toBe(200);
    expect(r.headers()['content-type'], accept).toBe('application/wasm');
    expect(r.headers()['content-encoding'], accept).toBe(encoding);
    expect(Number(r.headers()['content-length']), accept).toBe(fs.statSync(file).size);
    expect(r.headers()['vary'], accept).toMatch(/accept-encoding/i);
    expect(r.headers()['cache-control'], accept).toBe('public, max-age=31536000, immutable');
  }
  const deep = await request.get('/pca/cas');
  expect(deep.headers()['cache-control']).toBe('no-cache');
});
