import { expect, Page, test } from '@playwright/test';
import { signInToEmulator } from './helpers';

// Tags, reminders and the list's new filters on the demo seed (its own emulator).
const BASE = 'http://127.0.0.1:8106';
test.use({ baseURL: BASE });

const details = (page: Page) => page.getByRole('complementary', { name: 'Certificate details' });
const list = (page: Page) => page.getByRole('region', { name: 'SSL certificate list' });

test('tags on a certificate, the tag filter and reminders', async ({ page }) => {
  await signInToEmulator(page);
  await page.goto('/scm?q=shop-example-com');
  await list(page).getByRole('link', { name: 'shop-example-com', exact: true }).click();
  const tags = details(page).getByRole('region', { name: 'Tags' });
  await expect(tags).toContainText('env = prod');
  await expect(tags).toContainText('team = web');
  await tags.getByLabel('Tag key').fill('owner');
  await tags.getByLabel('Tag value').fill('e2e');
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags).toContainText('owner = e2e');
  // A value over 255 characters is refused before sending.
  await tags.getByLabel('Tag key').fill('long');
  await tags.getByLabel('Tag value').fill('v'.repeat(256));
  await tags.getByRole('button', { name: 'Add tag' }).click();
  await expect(tags.getByLabel('Tag value')).toHaveAttribute('aria-invalid', 'true');
  await tags.getByRole('button', { name: 'Remove tag team = web' }).click();
  await expect(tags).not.toContainText('team = web');

  // Reminders: the seed has them on for this certificate.
  const reminders = details(page).getByRole('region', { name: 'Expiry reminders' });
  await expect(reminders).toContainText('On:');
  await reminders.getByRole('button', { name: 'Turn reminders off' }).click();
  await expect(reminders).toContainText('Off:');
  await page.screenshot({ path: 'test-results/ssl-tags.png', fullPage: true });

  // The tag filter lists by tag and lives in the URL.
  await page.goto('/scm');
  await page.getByLabel('Tag').selectOption({ label: 'env = prod' });
  await expect(page).toHaveURL(/tag=env%3Dprod/);
  await expect(list(page).getByRole('link', { name: 'shop-example-com', exact: true })).toBeVisible();
  await expect(list(page).getByRole('link', { name: 'wildcard-example', exact: true })).toBeVisible();
  await expect(list(page).getByRole('link', { name: 'api-gateway', exact: true })).toHaveCount(0);
  await page.getByLabel('Tag').selectOption({ label: 'owner = e2e' });
  await expect(list(page).getByRole('link')).toHaveCount(1);
  await page.reload();
  await expect(page.getByLabel('Tag')).toHaveValue('owner=e2e');
});

test('deployable, own and expired filters are kept in the URL', async ({ page }) => {
  await signInToEmulator(page);
  await page.goto('/scm');
  // legacy-portal expired 15 days ago in the seed: kept within 30 days, left out within 7.
  await page.getByLabel('Expired certificates').selectOption('30');
  await expect(page).toHaveURL(/expired_within=30/);
  await expect(list(page).getByRole('link', { name: 'legacy-portal', exact: true })).toBeVisible();
  await page.getByLabel('Expired certificates').selectOption('7');
  await expect(list(page).getByRole('link', { name: 'legacy-portal', exact: true })).toHaveCount(0);
  await expect(list(page).getByRole('link', { name: 'wildcard-example', exact: true })).toBeVisible();
  // partner-shared is shared with the account, not its own.
  await expect(list(page).getByRole('link', { name: 'partner-shared', exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Owned by this account only' }).check();
  await expect(page).toHaveURL(/own=1/);
  await expect(list(page).getByRole('link', { name: 'partner-shared', exact: true })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Deployable only' }).check();
  await expect(page).toHaveURL(/deployable=1/);
  await expect(list(page).getByRole('link', { name: 'wildcard-example', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/ssl-filters.png', fullPage: true });
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Deployable only' })).toBeChecked();
  await expect(page.getByLabel('Expired certificates')).toHaveValue('7');
  await page.getByLabel('Expired certificates').selectOption('');
  await expect(page).not.toHaveURL(/expired_within=/);
});
