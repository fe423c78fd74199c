import { expect, Page, request, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { openConsole, signInToEmulator } from './helpers';

// The 60-certificate set (tests/e2e/fixtures/scm-state.mjs); this file runs
// after scm-list.spec.ts and changes the set (pushes, deletions).
const BASE = 'http://127.0.0.1:8097';
test.use({ baseURL: BASE });

const details = (page: Page) => page.getByRole('complementary', { name: 'Certificate details' });

/** Signs in with IAM user and password: the console then sends X-Auth-Token. */
async function signInWithPassword(page: Page) {
  await openConsole(page, '/settings');
  await page.getByLabel('Account name (for IAM password sign-in)').fill('demo');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel('IAM user name').fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('IAM token, valid until')).toBeVisible();
}

/** A token of the emulator's IAM, as a script would get one. */
async function emulatorToken(): Promise<string> {
  const ctx = await request.newContext();
  const r = await ctx.post(`${BASE}/v3/auth/tokens`, {
    data: { auth: { identity: { methods: ['password'], password: { user: { name: 'demo', password: 'demo-password', domain: { name: 'demo' } } } }, scope: { domain: { name: 'demo' } } } },
  });
  expect(r.status()).toBe(201);
  const token = r.headers()['x-subject-token'];
  await ctx.dispose();
  return token;
}

/** Runs a command shown by the console, as a user would paste it into a shell. */
function runShown(command: string, token: string): string {
  return execFileSync('bash', ['-c', command], { env: { ...process.env, HUAWEICLOUD_TOKEN: token }, encoding: 'utf8' });
}

async function openCertificate(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
  await page.getByLabel('Name or domain contains').fill(name);
  await expect(page.getByRole('status', { name: 'Shown' })).toHaveText('1–1 of 1');
  await page.getByRole('link', { name, exact: true }).click();
  await expect(details(page).getByRole('heading', { name })).toBeVisible();
}

test('pushes a certificate to CDN, WAF and ELB and shows each result', async ({ page }) => {
  await signInToEmulator(page);
  await openCertificate(page, 'cert-02');
  const push = details(page).getByRole('region', { name: 'Push cert-02' });
  await expect(push.getByLabel('Target region (project)')).toHaveValue('ap-southeast-1');
  for (const service of ['CDN', 'WAF', 'ELB']) {
    await push.getByLabel('Service').selectOption(service);
    await push.getByRole('button', { name: 'Push', exact: true }).click();
    await expect(push.getByRole('status', { name: 'Push results' })).toContainText(`Pushed to ${service} in ap-southeast-1.`);
  }
  await push.getByLabel('Target region (project)').selectOption('eu-west-101');
  await push.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(push.getByRole('status', { name: 'Push results' })).toContainText('Pushed to ELB in eu-west-101.');
  await page.screenshot({ path: 'test-results/scm-push.png', fullPage: true });

  // The activity log saw four pushes, each answered 204.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  const pushes = page.getByRole('row').filter({ hasText: 'push_certificate' });
  await expect(pushes).toHaveCount(4);
  for (const row of await pushes.all()) await expect(row).toContainText('204');
});

test('a certificate that cannot be pushed says why', async ({ page }) => {
  await signInToEmulator(page);
  // cert-06: its type cannot be pushed; cert-03: expired.
  await openCertificate(page, 'cert-06');
  await expect(details(page).getByText('This certificate type cannot be pushed to other services.')).toBeVisible();
  await openCertificate(page, 'cert-03');
  await expect(details(page).getByText(/Only issued or uploaded certificates can be pushed; this one is "Expired"/)).toBeVisible();
});

test('delete asks for a confirmation naming the certificate; a refusal is shown with its code', async ({ page }) => {
  await signInToEmulator(page);
  // Under review: the service refuses to delete it.
  await openCertificate(page, 'cert-05');
  await details(page).getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Delete cert-05?');
  await dialog.getByRole('button', { name: 'Delete cert-05' }).click();
  await expect(details(page).getByRole('alert')).toContainText('SCM.0010');

  await openCertificate(page, 'cert-10');
  await details(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await details(page).getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete cert-10' }).click();
  await expect(page.getByText('cert-10 deleted')).toBeVisible();
  await expect(details(page)).toHaveCount(0);
  await expect(page.getByRole('status', { name: 'Shown' })).toHaveText('No certificates');
  await page.getByLabel('Name or domain contains').fill('');
  await expect(page.getByRole('status', { name: 'Shown' })).toHaveText('1–10 of 59');
});

test('the curl shown before a delete, run against the emulator, deletes the certificate', async ({ page }) => {
  await signInWithPassword(page);
  await openCertificate(page, 'cert-16');
  await details(page).getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('alertdialog');
  await dialog.getByText('Show the request (curl, Python SDK)').click();
  await dialog.getByRole('button', { name: 'curl', exact: true }).click();
  const curl = (await dialog.getByLabel('curl command').textContent()) ?? '';
  expect(curl).toContain("-X DELETE 'http://127.0.0.1:8097/proxy/scm.ap-southeast-1.myhuaweicloud.com/v3/scm/certificates/scs1700000000016'");
  expect(curl).toContain('X-Auth-Token: $HUAWEICLOUD_TOKEN');
  expect(curl).not.toMatch(/MII[A-Za-z0-9]/);
  await dialog.getByRole('button', { name: 'Python SDK' }).click();
  await expect(dialog.getByLabel('Python SDK call')).toContainText('client.delete_certificate(DeleteCertificateRequest(');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // Nothing was sent by the console: the certificate is still there.
  await page.reload();
  await expect(details(page).getByRole('heading', { name: 'cert-16' })).toBeVisible();

  const output = runShown(curl, await emulatorToken());
  expect(output).toBe('');
  await page.reload();
  await expect(details(page).getByRole('alert')).toContainText('SCM.0094');
  await page.getByLabel('Name or domain contains').fill('cert-16');
  await expect(page.getByRole('status', { name: 'Shown' })).toHaveText('No certificates');
});

test('the curl of the list call returns what the page shows', async ({ page }) => {
  await signInWithPassword(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
  // The page keeps the previous list until the filtered one arrives: wait
  // for that answer, then for the page to show its total.
  const filtered = page.waitForResponse((r) => r.url().includes('/v3/scm/certificates?') && r.url().includes('status=UPLOAD'));
  await page.getByLabel('Status', { exact: true }).selectOption('UPLOAD');
  const total = (await (await filtered).json()).total_count;
  await expect(page.getByRole('status', { name: 'Shown' })).toHaveText(new RegExp(` of ${total}$`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  const row = page.getByRole('row').filter({ hasText: 'status=UPLOAD' }).first();
  await row.getByRole('button', { name: /^Inspect list_certificates/ }).click();
  await page.getByRole('button', { name: 'curl', exact: true }).click();
  const curl = (await page.getByLabel('curl command').textContent()) ?? '';
  expect(curl).toContain('-X GET');
  const answer = JSON.parse(runShown(curl, await emulatorToken()));
  expect(answer.total_count).toBe(total);
  expect(answer.certificates.every((c: any) => c.status === 'UPLOAD')).toBe(true);
});
