import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { signInToEmulator, watchErrors } from './helpers';

// The nginx recipe (deploy/nginx/, rendered by scripts/run-nginx.sh) serving
// dist/ on 8100, with its /proxy routes sent to ccm-serve --emulate on 8101
// (the fixture CA hierarchy) in place of the cloud: see playwright.config.ts.
test.use({ baseURL: 'http://127.0.0.1:8100' });

const CCM = 'ccm.ap-southeast-3.myhuaweicloud.com';
const SCM = 'scm.ap-southeast-1.myhuaweicloud.com';
const IAM = 'iam.ap-southeast-3.myhuaweicloud.com';

test('nginx serves the build with the security headers, and deep links load the app', async ({ request }) => {
  for (const path of ['/', '/pca/cas?status=ACTIVED']) {
    const r = await request.get(path);
    expect(r.status()).toBe(200);
    expect(r.headers()['server']).toMatch(/^nginx/);
    expect(r.headers()['content-type']).toContain('text/html');
    const csp = r.headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(r.headers()['x-content-type-options']).toBe('nosniff');
    expect(r.headers()['referrer-policy']).toBe('no-referrer');
    expect(r.headers()['x-frame-options']).toBe('DENY');
  }
  const index = await (await request.get('/')).text();
  const wasm = index.match(/href="\/([^"]+\.wasm)"/)?.[1];
  expect(wasm).toBeTruthy();
  // gzip_static sends the build's .gz copy: its exact length, where
  // compressing on the fly would stream it without one.
  const w = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(w.headers()['content-type']).toBe('application/wasm');
  expect(w.headers()['content-encoding']).toBe('gzip');
  expect(w.headers()['vary']).toMatch(/accept-encoding/i);
  expect(Number(w.headers()['content-length'])).toBe(fs.statSync(`dist/${wasm}.gz`).size);
  // A client that takes no compression gets the plain file.
  const plain = await request.get(`/${wasm}`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
  expect(Number(plain.headers()['content-length'])).toBe(fs.statSync(`dist/${wasm}`).size);
});

test('the proxy routes reach the CCM, SCM and IAM hosts (here the emulator)', async ({ request }) => {
  // Unsigned calls: the emulator answers as each service would.
  const ccm = await request.get(`/proxy/${CCM}/v1/private-certificate-authorities/quotas`);
  expect(ccm.status()).toBe(401);
  expect((await ccm.json()).error_code).toMatch(/^PCA\./);
  const scm = await request.get(`/proxy/${SCM}/v3/scm/certificates?limit=1`);
  expect(scm.status()).toBe(401);
  expect((await scm.json()).error_code).toMatch(/^SCM\./);
  const iam = await request.post(`/proxy/${IAM}/v3/auth/tokens`, {
    data: {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'demo', password: 'demo-password', domain: { name: 'demo' } } },
        },
        scope: { project: { name: 'ap-southeast-3' } },
      },
    },
  });
  expect(iam.status()).toBe(201);
  expect(iam.headers()['x-subject-token']).toBeTruthy();
  // The token works through the same proxy.
  const quotas = await request.get(`/proxy/${CCM}/v1/private-certificate-authorities/quotas`, {
    headers: { 'X-Auth-Token': iam.headers()['x-subject-token'] },
  });
  expect(quotas.status()).toBe(200);
});

test('the proxy refuses hosts off the allowlist, IP literals and userinfo', async ({ request }) => {
  const refused = [
    'example.com/v1/x',
    '127.0.0.1/v1/x',
    '127.0.0.1:8101/v1/x',
    '2130706433/v1/x',
    '[::1]/v1/x',
    `user@${CCM}/v1/x`,
    `${CCM}:443/v1/x`,
    `${CCM}.evil.example/v1/x`,
    `ccm.myhuaweicloud.com.evil.example/v1/x`,
    `evil.example%2F${CCM}/v1/x`,
  ];
  for (const target of refused) {
    const r = await request.get(`/proxy/${target}`);
    expect(r.status(), target).toBe(403);
    expect((await r.json()).error_code, target).toBe('PROXY.HOST_NOT_ALLOWED');
  }
});

test('through nginx: sign in and list the CAs', async ({ page }) => {
  const errors = watchErrors(page);
  const proxied: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/proxy/')) proxied.push(new URL(r.url()).host);
  });
  await signInToEmulator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  const tree = page.getByRole('tree', { name: 'CA hierarchy' });
  await expect(tree.getByRole('treeitem', { name: 'Acme Root CA', exact: true })).toBeVisible();
  await expect(tree.getByRole('treeitem')).toHaveCount(6);
  await page.screenshot({ path: 'test-results/nginx-ca-tree.png', fullPage: true });
  // Every API call went to nginx's own origin.
  expect(proxied.length).toBeGreaterThan(0);
  expect(new Set(proxied)).toEqual(new Set(['127.0.0.1:8100']));
  expect(errors).toEqual([]);
});

test('the CSP nginx sends blocks an injected inline script while the app runs', async ({ page }) => {
  await page.goto('/');
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
  // The app is still alive after the refusal.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});
