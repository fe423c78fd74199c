import { expect, test } from '@playwright/test';
import { signInToEmulator } from './helpers';

// 1,000 CAs (the scale seed): the tree and the table draw their rows in
// steps (components/render_steps.rs), the first ones before the rest.
test.use({ baseURL: 'http://127.0.0.1:8096' });

/** Records the number of `selector` elements each time the page changes. */
async function countSteps(page: import('@playwright/test').Page, selector: string) {
  await page.addInitScript((sel) => {
    const w = window as unknown as { __counts: number[] };
    w.__counts = [];
    new MutationObserver(() => {
      const n = document.querySelectorAll(sel).length;
      if (n > 0 && w.__counts[w.__counts.length - 1] !== n) w.__counts.push(n);
    }).observe(document, { childList: true, subtree: true });
  }, selector);
}

test('the CA tree of 1,000 CAs shows its first rows first, then every CA', async ({ page }) => {
  await signInToEmulator(page);
  await countSteps(page, '[role="treeitem"]');
  await page.goto('/pca/cas');
  const tree = page.getByRole('tree', { name: 'CA hierarchy' });
  await expect(tree.getByRole('treeitem')).toHaveCount(1000, { timeout: 20_000 });
  const counts: number[] = await page.evaluate(() => (window as unknown as { __counts: number[] }).__counts);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[0]).toBeLessThan(1000);
  expect(counts[counts.length - 1]).toBe(1000);

  // The rows drawn in later steps take the filter like the first ones.
  await page.getByLabel('Name contains').fill('Issuing CA 0999');
  await expect(tree.locator('[role="treeitem"]:not([hidden])')).toHaveCount(3);
  await expect(tree.getByRole('treeitem', { name: /Issuing CA 0999/ })).toBeVisible();
});

test('the CA table of 1,000 CAs shows its first rows first, then every CA', async ({ page }) => {
  await signInToEmulator(page);
  await countSteps(page, 'table.data-table tbody tr');
  await page.goto('/pca/cas?view=table');
  const rows = page.getByRole('table', { name: 'Private CAs' }).locator('tbody tr');
  await expect(rows).toHaveCount(1000, { timeout: 20_000 });
  const counts: number[] = await page.evaluate(() => (window as unknown as { __counts: number[] }).__counts);
  expect(counts[0]).toBeGreaterThan(0);
  expect(counts[0]).toBeLessThan(1000);
});
