import { expect, Page, request } from '@playwright/test';

export const FAKE = 'http://127.0.0.1:9301';
export const GOOD_TOKEN = 'MIIgood-token-for-tests';

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Loads the console and waits until the wasm app has rendered. */
export async function openConsole(page: Page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** What the fake upstream received since the last reset. */
export async function upstreamRequests(): Promise<any[]> {
  const ctx = await request.newContext();
  const r = await ctx.get(`${FAKE}/__requests`);
  const list = await r.json();
  await ctx.dispose();
  return list;
}

export async function resetUpstream() {
  const ctx = await request.newContext();
  await ctx.get(`${FAKE}/__reset`);
  await ctx.dispose();
}

/** Every localStorage and sessionStorage value, joined. */
export async function storageDump(page: Page) {
  return page.evaluate(() => {
    const dump = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
    return { local: dump(localStorage), session: dump(sessionStorage) };
  });
}

export async function signInWithToken(page: Page, token: string, remember = false) {
  await openConsole(page, '/settings');
  await page.getByRole('radio', { name: 'Paste a token' }).check();
  await page.getByLabel('IAM token').fill(token);
  if (remember) await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Signed in to')).toBeVisible();
}

/** Signs in to `ccm-serve --emulate` with its default access key. */
export async function signInToEmulator(page: Page) {
  await openConsole(page, '/settings');
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
  await page.getByLabel('Access key ID').fill('EMULATORAK0000000001');
  await page.getByLabel('Secret access key').fill('emulatorSecretKey0000000000000000000000');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Signed in to')).toBeVisible();
}

/** Fills a CA's subject on the create-CA form: a CA needs every part. */
export async function fillCaSubject(page: Page, cn: string) {
  await page.getByLabel('Common name').fill(cn);
  await page.getByLabel('Country (2 letters)').fill('DE');
  await page.getByLabel('State or province').fill('Berlin');
  await page.getByLabel('Locality').fill('Berlin');
  await page.getByLabel('Organization', { exact: true }).fill('Acme');
  await page.getByLabel('Organizational unit').fill('PKI');
}
