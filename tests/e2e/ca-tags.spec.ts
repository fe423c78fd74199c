import { expect, test } from '@playwright/test';
import { IDS } from './fixtures/ca-hierarchy.mjs';
import { signInToEmulator } from './helpers';

// The hierarchy the lifecycle tests change; tags are theirs alone.
test.use({ baseURL: 'http://127.0.0.1:8093' });
test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await signInToEmulator(page);
});

const details = (page, name: string) => page.getByRole('complementary', { name: `Details of ${name}` });
const tree = (page) => page.getByRole('tree', { name: 'CA hierarchy' });

async function addTag(page, ca: string, id: string, key: string, value: string) {
  await page.goto(`/pca/cas?ca=${id}`);
  const tags = details(page, ca).getByRole('region', { name: 'Tags' });
  await tags.getByLabel('Tag key').fill(key);
  await tags.getByLabel('Tag value').fill(value);
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByRole('listitem').filter({ hasText: `${key} = ${value}` })).toBeVisible();
  return tags;
}

test('tags are added, checked before sending, and removed', async ({ page }) => {
  const tags = await addTag(page, 'Acme Issuing CA 2', IDS.issuing2, 'env', 'prod');
  const posts: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/tags')) posts.push(`${r.method()} ${r.url()}`); });
  // Refused before any request: an empty key, a key over 128 characters,
  // a value over 255, the same tag twice. The input stays.
  await tags.getByLabel('Tag value').fill('x');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByLabel('Tag key')).toHaveAttribute('aria-invalid', 'true');
  await tags.getByLabel('Tag key').fill('k'.repeat(129));
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByLabel('Tag key')).toHaveValue('k'.repeat(129));
  await expect(tags.getByLabel('Tag key')).toHaveAttribute('aria-invalid', 'true');
  await tags.getByLabel('Tag key').fill('note');
  await tags.getByLabel('Tag value').fill('v'.repeat(256));
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByLabel('Tag value')).toHaveAttribute('aria-invalid', 'true');
  await tags.getByLabel('Tag key').fill('env');
  await tags.getByLabel('Tag value').fill('prod');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByText('this tag is already there')).toBeVisible();
  expect(posts).toEqual([]);

  await tags.getByLabel('Tag key').fill('owner');
  await tags.getByLabel('Tag value').fill('pki-team');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByRole('listitem')).toHaveText([/env = prod/, /owner = pki-team/]);
  await tags.getByRole('button', { name: 'Remove tag owner = pki-team' }).click();
  await expect(tags.getByRole('listitem')).toHaveText([/env = prod/]);
  // After a reload the service still has exactly that.
  await page.reload();
  await expect(details(page, 'Acme Issuing CA 2').getByRole('region', { name: 'Tags' }).getByRole('listitem')).toHaveText([/env = prod/]);
});

test('the hierarchy is filtered by tag, kept in the URL, with ancestors shown', async ({ page }) => {
  await addTag(page, 'Team Web CA', IDS.team, 'env', 'dev');
  await page.goto('/pca/cas');
  const filter = page.getByRole('search', { name: 'Filter CAs' });
  await filter.getByLabel('Tag').selectOption({ label: 'env = prod' });
  await expect(page).toHaveURL(/tag=env%3Dprod/);
  // The match and its root ancestor; nothing else.
  await expect(tree(page).getByRole('treeitem', { name: 'Acme Issuing CA 2', exact: true })).toBeVisible();
  await expect(tree(page).getByRole('treeitem', { name: 'Acme Root CA', exact: true })).toBeVisible();
  await expect(tree(page).getByRole('treeitem', { name: 'Team Web CA', exact: true })).toHaveCount(0);
  await expect(tree(page).getByRole('treeitem', { name: 'Orphan Lab CA', exact: true })).toHaveCount(0);

  await filter.getByLabel('Tag').selectOption({ label: 'env (any value)' });
  await expect(tree(page).getByRole('treeitem', { name: 'Team Web CA', exact: true })).toBeVisible();
  await expect(tree(page).getByRole('treeitem', { name: 'Acme Issuing CA 2', exact: true })).toBeVisible();

  // The table shows only the tagged CAs themselves; the link survives a reload.
  await page.goto('/pca/cas?tag=env%3Ddev&view=table');
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText('Team Web CA');
  await expect(page.getByRole('search', { name: 'Filter CAs' }).getByLabel('Tag')).toHaveValue('env=dev');
});
