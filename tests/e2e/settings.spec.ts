import { expect, test } from '@playwright/test';
import {
  GOOD_TOKEN,
  openConsole,
  resetUpstream,
  signInWithToken,
  storageDump,
  upstreamRequests,
} from './helpers';

test.beforeEach(async () => {
  await resetUpstream();
});

test('a profile saved in Settings survives a reload', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByRole('button', { name: 'New profile' }).click();
  await expect(page.getByRole('heading', { name: 'New profile' })).toBeVisible();
  await page.getByLabel('Profile name').fill('Lab account');
  await page.getByLabel('CCM region (private CA)').selectOption('eu-west-101');
  await page.getByLabel('Account ID (domain id)').fill('0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('Profile Lab account saved')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Lab account' })).toBeChecked();
  await expect(page.getByLabel('Profile name')).toHaveValue('Lab account');
  await expect(page.getByLabel('CCM region (private CA)')).toHaveValue('eu-west-101');
  await expect(page.getByText('iam.eu-west-101.myhuaweicloud.eu')).toBeVisible();
});

test('invalid profile input is refused field by field and kept', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByLabel('Profile name').fill('');
  await page.getByLabel('Account ID (domain id)').fill('not-an-id');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByText('give the profile a name')).toBeVisible();
  await expect(page.getByText('an account id is 32 hexadecimal characters')).toBeVisible();
  await expect(page.getByLabel('Account ID (domain id)')).toHaveValue('not-an-id');
  await expect(page.getByLabel('Account ID (domain id)')).toHaveAttribute('aria-invalid', 'true');
});

test('sign-in by pasted token reaches the upstream through the proxy with X-Auth-Token', async ({ page }) => {
  await signInWithToken(page, GOOD_TOKEN);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Connected to ccm.ap-southeast-3.myhuaweicloud.com. Private CAs: 25 of 100 used')).toBeVisible();

  const seen = (await upstreamRequests()).filter((r) => r.path === '/v1/private-certificate-authorities/quotas');
  expect(seen).toHaveLength(1);
  expect(seen[0].method).toBe('GET');
  expect(seen[0].headers['x-auth-token']).toBe(GOOD_TOKEN);
  expect(seen[0].headers['host']).toBe('ccm.ap-southeast-3.myhuaweicloud.com');
  expect(seen[0].headers['cookie']).toBeUndefined();
  await page.screenshot({ path: 'docs/screenshots/settings.png', fullPage: true });
});

test('a refused token shows the error code, message and what to do', async ({ page }) => {
  await signInWithToken(page, 'MIIwrong');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Connection test failed' });
  await expect(alert).toContainText('APIGW.0301');
  await expect(alert).toContainText('Incorrect IAM authentication information');
  await expect(alert).toContainText('401');
  await expect(alert).toContainText('sign in again');
});

test('the overview shows quotas and warns near the limit', async ({ page }) => {
  await signInWithToken(page, GOOD_TOKEN);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  const quotas = page.getByRole('region', { name: 'Quotas' });
  await expect(quotas.getByText('25 / 100')).toBeVisible();
  await expect(quotas.getByText('99990 / 100000')).toBeVisible();
  await expect(quotas.getByText('Near the limit')).toHaveCount(1);
  await page.screenshot({ path: 'docs/screenshots/overview.png', fullPage: true });
});

test('password sign-in takes the token from X-Subject-Token and fills the account id', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByLabel('Account name (for IAM password sign-in)').fill('acme');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel('IAM user name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('wrong');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Sign-in failed' })).toContainText('IAM.401');
  // The input is still there after the failure.
  await expect(page.getByLabel('IAM user name')).toHaveValue('alice');

  await page.getByLabel('Password', { exact: true }).fill('correct horse');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('IAM token, valid until 2030-01-01T00:00:00.000000Z')).toBeVisible();
  await expect(page.getByLabel('Account ID (domain id)')).toHaveValue('0123456789abcdef0123456789abcdef');
  const tokenCalls = (await upstreamRequests()).filter((r) => r.path === '/v3/auth/tokens');
  expect(tokenCalls).toHaveLength(2);
  expect(tokenCalls[1].headers['host']).toBe('iam.ap-southeast-3.myhuaweicloud.com');

  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Private CAs: 25 of 100 used')).toBeVisible();
  const dump = await storageDump(page);
  expect(dump.local + dump.session).not.toContain('correct horse');
});

test('access-key sign-in signs requests in the browser and never sends the secret', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByLabel('Account ID (domain id)').fill('0123456789abcdef0123456789abcdef');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
  await page.getByLabel('Access key ID').fill('HPUAEXAMPLEAK0000001');
  await page.getByLabel('Secret access key').fill('exampleSecretKey0123456789abcdefghijKLMN');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Private CAs: 25 of 100 used')).toBeVisible();

  const [call] = (await upstreamRequests()).filter((r) => r.path === '/v1/private-certificate-authorities/quotas');
  expect(call.headers['authorization']).toMatch(
    /^SDK-HMAC-SHA256 Access=HPUAEXAMPLEAK0000001, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=[0-9a-f]{64}$/,
  );
  expect(call.headers['x-sdk-date']).toMatch(/^\d{8}T\d{6}Z$/);
  expect(call.headers['x-domain-id']).toBe('0123456789abcdef0123456789abcdef');
  expect(JSON.stringify(call)).not.toContain('exampleSecretKey');
});

test('secrets stay out of localStorage unless "remember" is ticked; sign out wipes them', async ({ page }) => {
  await signInWithToken(page, GOOD_TOKEN);
  let dump = await storageDump(page);
  expect(dump.local).not.toContain(GOOD_TOKEN);
  expect(dump.session).toContain(GOOD_TOKEN);
  await expect(page.getByText("Kept in this tab's session storage").first()).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  dump = await storageDump(page);
  expect(dump.local + dump.session).not.toContain(GOOD_TOKEN);

  await page.getByRole('radio', { name: 'Paste a token' }).check();
  await page.getByLabel('IAM token').fill(GOOD_TOKEN);
  await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await expect(page.getByText("Kept in this browser's local storage")).toBeVisible();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  dump = await storageDump(page);
  expect(dump.local).toContain(GOOD_TOKEN);
  expect(dump.session).not.toContain(GOOD_TOKEN);

  await page.getByRole('button', { name: 'Sign out' }).click();
  dump = await storageDump(page);
  expect(dump.local + dump.session).not.toContain(GOOD_TOKEN);
  await expect(page.getByRole('link', { name: 'Not signed in' })).toBeVisible();
});

test('a double click on sign-in sends one POST', async ({ page }) => {
  await openConsole(page, '/settings');
  await page.getByLabel('Account name (for IAM password sign-in)').fill('acme');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel('IAM user name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('correct horse');
  // The fake answers token requests after 300 ms, so the second click lands while the first is pending.
  await page.getByRole('button', { name: 'Sign in', exact: true }).dblclick();
  await expect(page.getByText('IAM token, valid until')).toBeVisible();
  const posts = (await upstreamRequests()).filter((r) => r.path === '/v3/auth/tokens');
  expect(posts).toHaveLength(1);
});

test('leaving a view aborts its pending requests', async ({ page }) => {
  await signInWithToken(page, 'MIIslow-token-for-tests');
  const aborted: string[] = [];
  page.on('requestfailed', (r) => {
    if (r.url().includes('/quotas')) aborted.push(r.failure()?.errorText ?? '');
  });
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByText('Loading quotas…')).toBeVisible();
  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect.poll(() => aborted.length).toBe(1);
  expect(aborted[0]).toContain('ERR_ABORTED');
});

test('a sign-in on a fresh browser survives a reload', async ({ page }) => {
  await signInWithToken(page, GOOD_TOKEN);
  await page.reload();
  await expect(page.getByText('Signed in to')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Not signed in' })).toHaveCount(0);
});
