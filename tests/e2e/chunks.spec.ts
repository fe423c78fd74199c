import { expect, test } from '@playwright/test';
import { openConsole, signInToEmulator } from './helpers';

// The console ships as a main module plus a wasm chunk per lazily loaded
// page (scripts/build-console.sh). These tests check the split build as a
// browser gets it: what the first visit fetches, and what a chunk that
// cannot be fetched does to the page.

/** The wasm files the page fetched, by file name. */
function wasmFetches(page: import('@playwright/test').Page): string[] {
  const names: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('.wasm')) names.push(url.pathname.split('/').pop()!);
  });
  return names;
}

test('the first visit fetches the main module only; a page chunk comes with its page', async ({ page }) => {
  const fetched = wasmFetches(page);
  await openConsole(page);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  expect(fetched).toEqual(['ccm_console_bg.wasm']);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
  expect(fetched).toContain('split_activity.wasm');
});

test('a page chunk that fails to load says so and offers Reload, which recovers', async ({ page }) => {
  await page.route('**/split_activity.wasm', (route) => route.abort('connectionreset'));
  await openConsole(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();
  // The frame still works: the navigation is there and another page opens.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

  // Back on the broken page, the network is back: Reload brings it up.
  await page.goBack();
  await expect(alert).toBeVisible();
  await page.unroute('**/split_activity.wasm');
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('heading', { name: 'Activity', level: 1 })).toBeVisible();
});

test.describe('signed in to the emulator', () => {
  test.use({ baseURL: 'http://127.0.0.1:8092' });

test('a list page sends its first read while its chunks are still loading, and only once', async ({ page }) => {
  await signInToEmulator(page);
  // Hold back every chunk the hierarchy page needs until the CA list has
  // been asked for (or 5 s have passed); note which came first.
  const lists: number[] = [];
  let firstChunkReleased = Infinity;
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/\/v1\/private-certificate-authorities$/.test(url.pathname) && r.method() === 'GET') lists.push(Date.now());
  });
  await page.route(/\/wasm-[0-9a-f]+\/(?!ccm_console_bg)[^/]+\.wasm$/, async (route) => {
    await expect.poll(() => lists.length, { timeout: 5_000 }).toBeGreaterThan(0).catch(() => {});
    firstChunkReleased = Math.min(firstChunkReleased, Date.now());
    await route.continue();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  await expect(page.getByRole('tree', { name: 'CA hierarchy' })).toContainText('Acme Root CA');
  expect(lists.length).toBeGreaterThan(0);
  expect(lists[0]).toBeLessThan(firstChunkReleased);
  // The page took the answer already on its way instead of asking again.
  expect(lists).toHaveLength(1);
});

test('pages of one area share their code: from the CA hierarchy to "Create CA" fetches no more wasm', async ({ page }) => {
  await signInToEmulator(page);
  const fetched = wasmFetches(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  await expect(page.getByRole('tree', { name: 'CA hierarchy' })).toContainText('Acme Root CA');
  expect(fetched).toContain('split_ca.wasm');
  // The splitter's shared files come with the area's module, a handful, not
  // one per combination of pages.
  expect(fetched.length).toBeLessThanOrEqual(12);
  const before = fetched.length;

  await page.getByRole('link', { name: 'Create CA' }).first().click();
  await expect(page.getByRole('heading', { name: 'Create a CA', level: 1 })).toBeVisible();
  expect(fetched.length).toBe(before);
});

test('the certificate code loads with the first panel that needs it, not with the list', async ({ page }) => {
  await signInToEmulator(page);
  const fetched = wasmFetches(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  const tree = page.getByRole('tree', { name: 'CA hierarchy' });
  await expect(tree).toContainText('Acme Root CA');
  expect(fetched).not.toContain('split_pki.wasm');

  await tree.getByRole('link', { name: 'Acme Root CA', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Details of Acme Root CA' });
  await expect(details.getByText('SHA-256 fingerprint').first()).toBeVisible();
  expect(fetched).toContain('split_pki.wasm');
});

test('a panel whose code cannot be fetched says so and offers Reload', async ({ page }) => {
  await signInToEmulator(page);
  await page.route('**/split_pki.wasm', (route) => route.abort('connectionreset'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  const tree = page.getByRole('tree', { name: 'CA hierarchy' });
  await tree.getByRole('link', { name: 'Acme Root CA', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
  await expect(alert).toBeVisible();

  await page.unroute('**/split_pki.wasm');
  await alert.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByRole('complementary', { name: 'Details of Acme Root CA' }).getByText('SHA-256 fingerprint').first()).toBeVisible();
});
});
