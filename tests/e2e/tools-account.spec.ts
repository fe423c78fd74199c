// The toolbox against the account's CAs: a leaf issued in the emulator is
// pasted alone. Signed in, its chain is found among the account's CAs
// ("issued by your CA ...", complete to the root); signed out, the toolbox
// makes no request and says the issuer is missing.
import { expect, Page, test } from '@playwright/test';
import { openConsole, signInToEmulator, watchErrors } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';

const BASE = 'http://127.0.0.1:8107';
test.use({ baseURL: BASE });

const problems = (page: Page) => page.getByRole('list', { name: 'Problems found' });
const chains = (page: Page) => page.getByRole('list', { name: 'Chains built' });

async function leafPem(): Promise<{ cn: string; pem: string }> {
  const api = await EmulatorApi.connect(BASE);
  const cn = `${uniqueName('toolbox-leaf')}.example.com`;
  const id = await api.issue(await api.caId('Example Corp Issuing CA'), cn);
  return { cn, pem: (await api.pems(id)).certificate };
}

test('signed out: no request, and the pasted leaf has a missing issuer', async ({ page }) => {
  const errors = watchErrors(page);
  const { pem } = await leafPem();
  const calls: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/proxy') || p.startsWith('/v1') || p.startsWith('/v3')) calls.push(`${r.method()} ${p}`);
  });
  await openConsole(page, '/tools');
  await expect(page.getByRole('heading', { name: 'Certificate toolbox' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Your CAs' })).toHaveCount(0);
  await page.getByLabel('Paste here').fill(pem);
  await expect(problems(page)).toContainText('Missing intermediate: the issuer of #1');
  await expect(problems(page)).toContainText('Example Corp Issuing CA');
  await expect(chains(page)).toHaveCount(0);
  expect(calls).toEqual([]);
  expect(errors).toEqual([]);
});

test("signed in: the pasted leaf's chain resolves to the account's CA", async ({ page }) => {
  const errors = watchErrors(page);
  const { cn, pem } = await leafPem();
  await signInToEmulator(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Toolbox' }).click();
  await expect(page.getByRole('status', { name: 'Your CAs' })).toContainText(/Chains are also checked against your \d+ CA\(s\)\./);
  await page.getByLabel('Paste here').fill(pem);
  await expect(chains(page)).toContainText(
    `Issued by your CA Example Corp Issuing CA: #1 ${cn} → your CA Example Corp Issuing CA → your CA Example Corp Root CA (complete up to a self-signed root)`,
  );
  await expect(page.getByText(/^1 object read, 0 could not be read/)).toBeVisible();
  await expect(page.getByText(/Missing intermediate/)).toHaveCount(0);
  // The account's CAs complete chains; they are not listed as objects read.
  await expect(page.getByRole('list', { name: 'Objects read' }).locator(':scope > li')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/tools-account.png', fullPage: true });
  expect(errors).toEqual([]);
});
