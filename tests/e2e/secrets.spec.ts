import { expect, Page, test } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openConsole, storageDump } from './helpers';
import { uniqueName } from './fixtures/certs-api';
import { makeSslPair, openssl, tempDir } from './fixtures/openssl';

// A full workflow run against a ccm-serve of this spec's own, logging at
// the most verbose level it has (RUST_LOG=trace): nothing secret may reach
// localStorage, a URL, the console log or the server's log.
const PORT = 8103;
const BASE = `http://127.0.0.1:${PORT}`;
test.use({ baseURL: BASE });

const SK = 'emulatorSecretKey0000000000000000000000';
const PASSWORD = 'demo-password';
const KEY_PASSWORD = 'Kx9-export-passphrase-q7';

let server: ChildProcess;
let serverLog = '';

test.beforeAll(async () => {
  server = spawn('target/release/ccm-serve', ['--listen', `127.0.0.1:${PORT}`, '--dist', 'dist', '--emulate', '--seed', 'demo'], {
    env: { ...process.env, RUST_LOG: 'trace' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => { serverLog += d.toString(); });
  server.stderr!.on('data', (d) => { serverLog += d.toString(); });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`ccm-serve did not answer on ${BASE}:\n${serverLog}`);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
});

/** Everything the run leaves where a secret must not go. */
type Sinks = { urls: string[]; console: string[]; navigations: string[]; storage: string[] };

function watch(page: Page): Sinks {
  const sinks: Sinks = { urls: [], console: [], navigations: [], storage: [] };
  page.on('request', (r) => sinks.urls.push(r.url()));
  page.on('console', (m) => sinks.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => sinks.console.push(`pageerror: ${e.stack ?? e}`));
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) sinks.navigations.push(f.url()); });
  return sinks;
}

/** localStorage, all keys and values, with the location at that moment. */
async function snapshot(page: Page, sinks: Sinks) {
  sinks.navigations.push(page.url());
  const local = await page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`).join('\n'));
  sinks.storage.push(local);
}

/** A distinctive slice of a PEM's base64 body (40+ characters). */
function keySlice(pem: string): string {
  const body = pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  expect(body.length).toBeGreaterThan(120);
  return body.slice(60, 120);
}

/** The first line of a PEM body too: logs may cut at a line. */
function keyLine(pem: string): string {
  return pem.split('\n').filter((l) => l && !l.startsWith('-----'))[1];
}


async function readDownload(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: fs.readFileSync((await download.path())!, 'utf8') };
}

test('a full workflow leaves no token, secret key, password or private key in storage, URLs, the console or the server log', async ({ page }) => {
  test.setTimeout(120_000);
  // The emulator's start-up banner prints its own demo credentials (the
  // same account, password and SK this run types): the scan covers what
  // the server logs from here on, while the console is used.
  expect(serverLog).toContain('Sign in with account demo');
  const logFrom = serverLog.length;
  const sinks = watch(page);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // 1. IAM password sign-in, remember unticked; the token comes back in X-Subject-Token.
  await openConsole(page, '/settings');
  await page.getByLabel('Account name (for IAM password sign-in)').fill('demo');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByRole('radio', { name: 'IAM user and password' }).check();
  await page.getByLabel('IAM user name').fill('demo');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await expect(page.getByRole('checkbox', { name: 'Remember on this device' })).not.toBeChecked();
  const [tokenResponse] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/v3/auth/tokens') && r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Sign in', exact: true }).click(),
  ]);
  const token = (await tokenResponse.headerValue('x-subject-token')) ?? '';
  expect(token.length).toBeGreaterThan(40);
  await expect(page.getByText('IAM token, valid until')).toBeVisible();

  // Unticked: the token is in this tab's sessionStorage only; sign-out wipes it.
  let dump = await storageDump(page);
  expect(dump.session, 'the token is kept in sessionStorage').toContain(token);
  expect(dump.local, 'the token is not in localStorage').not.toContain(token);
  await snapshot(page, sinks);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Not signed in' })).toBeVisible();
  dump = await storageDump(page);
  expect(dump.local + dump.session, 'sign-out removes the token').not.toContain(token);

  // 2. Access-key sign-in, remember unticked.
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
  await page.getByLabel('Access key ID').fill('EMULATORAK0000000001');
  await page.getByLabel('Secret access key').fill(SK);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Signed in to')).toBeVisible();
  dump = await storageDump(page);
  expect(dump.session, 'the secret key is kept in sessionStorage').toContain(SK);
  expect(dump.local).not.toContain(SK);
  await snapshot(page, sinks);

  // 3. A root CA through the wizard.
  const caName = uniqueName('Secrets Root CA');
  await nav.getByRole('link', { name: 'Private CAs' }).click();
  await page.getByRole('link', { name: 'Create CA' }).click();
  await page.getByRole('radio', { name: /^Root CA/ }).check();
  await page.getByLabel('Common name').fill(caName);
  await page.getByLabel('Country (2 letters)').fill('DE');
  await page.getByLabel('State or province').fill('Berlin');
  await page.getByLabel('Locality').fill('Berlin');
  await page.getByLabel('Organization', { exact: true }).fill('Acme');
  await page.getByLabel('Organizational unit').fill('PKI');
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Create CA' }).click();
  await expect(page.getByRole('complementary', { name: `Details of ${caName}` })).toBeVisible({ timeout: 20_000 });
  await snapshot(page, sinks);

  // 4. A private certificate, exported with a key password.
  const cn = uniqueName('secrets') + '.example.com';
  await nav.getByRole('link', { name: 'Private certificates' }).click();
  await page.getByRole('link', { name: 'Apply for a certificate' }).click();
  await expect(page.getByLabel('Issuing CA').getByRole('option')).toHaveCount(4);
  await page.getByLabel('Issuing CA').selectOption({ label: (await page.getByLabel('Issuing CA').getByRole('option').filter({ hasText: 'Example Corp Issuing CA' }).textContent())! });
  await page.getByLabel('Common name').fill(cn);
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.getByRole('heading', { name: cn })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: `Export ${cn}` });
  await dialog.getByRole('radio', { name: 'PEM files' }).check();
  await dialog.getByRole('checkbox', { name: /Compressed/ }).uncheck();
  await dialog.getByLabel('Key password (optional)').fill(KEY_PASSWORD);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const pcaKey = await readDownload(page, () => dialog.getByRole('list', { name: 'Exported files' }).getByRole('button', { name: /^Download private key/ }).click());
  expect(pcaKey.text).toContain('BEGIN ENCRYPTED PRIVATE KEY');
  // The password really protects it.
  const keyFile = path.join(tempDir('secrets-key-'), 'k.pem');
  fs.writeFileSync(keyFile, pcaKey.text);
  expect(openssl(['pkey', '-in', keyFile, '-passin', `pass:${KEY_PASSWORD}`, '-noout', '-text'])).toContain('Private-Key');
  await snapshot(page, sinks);
  await dialog.getByRole('button', { name: 'Close export' }).click();

  // 5. An SSL certificate imported with its key, then exported.
  const sslName = uniqueName('secrets-ssl');
  const ssl = makeSslPair(`${sslName}.example.com`);
  await nav.getByRole('link', { name: 'SSL certificates' }).click();
  await page.getByRole('link', { name: 'Import certificate' }).click();
  const form = page.getByRole('form', { name: 'Import certificate' });
  await form.getByLabel('Name', { exact: true }).fill(sslName);
  await form.getByLabel('Certificate', { exact: true }).fill(ssl.cert);
  await form.getByLabel('Certificate chain', { exact: true }).fill(ssl.chain);
  await form.getByLabel('Private key', { exact: true }).fill(ssl.key);
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Certificate details' });
  await expect(details.getByRole('heading', { name: sslName })).toBeVisible({ timeout: 20_000 });
  await details.getByRole('button', { name: 'Export and decode' }).click();
  const sslKey = await readDownload(page, () => details.getByRole('button', { name: 'Download private key (PEM)' }).click());
  expect(sslKey.text).toContain('PRIVATE KEY');
  await snapshot(page, sinks);

  // 6. The activity log, with the curl and SDK panels of the import and the sign-in.
  await nav.getByRole('link', { name: 'Activity' }).click();
  const log = page.getByRole('table', { name: 'Requests sent by this tab' });
  const panelsText: string[] = [];
  for (const op of ['import_certificate', 'export_certificate', 'list_certificate_authority']) {
    const row = log.getByRole('row').filter({ hasText: op }).first();
    await expect(row).toBeVisible();
    await row.getByRole('button', { name: /^Inspect/ }).click();
    panelsText.push(await page.getByLabel('HTTP request').innerText());
    await page.getByRole('button', { name: 'curl', exact: true }).click();
    panelsText.push(await page.getByLabel('curl command').innerText());
    await page.getByRole('button', { name: 'Python SDK' }).click();
    panelsText.push(await page.getByLabel('Python SDK call').innerText());
  }
  await snapshot(page, sinks);

  // Signing out wipes the access key's secret too.
  await nav.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Not signed in' })).toBeVisible();
  dump = await storageDump(page);
  expect(dump.local + dump.session, 'sign-out removes the secret key').not.toContain(SK);
  await snapshot(page, sinks);

  // The end: the server's log, and everything gathered.
  await page.waitForTimeout(300);
  const secrets: [string, string][] = [
    ['the IAM token', token],
    ['a slice of the IAM token', token.slice(20, 80)],
    ['the secret access key', SK],
    ['the IAM password', PASSWORD],
    ['the export key password', KEY_PASSWORD],
    ['the exported private key (body slice)', keySlice(pcaKey.text)],
    ['the exported private key (a line)', keyLine(pcaKey.text)],
    ['the imported SSL private key (body slice)', keySlice(ssl.key)],
    ['the exported SSL private key (body slice)', keySlice(sslKey.text)],
  ];
  const places: [string, string][] = [
    ['request URLs', sinks.urls.join('\n')],
    ['console messages', sinks.console.join('\n')],
    ['locations after navigation', sinks.navigations.join('\n')],
    ['localStorage snapshots', sinks.storage.join('\n')],
    ['the server log (during the run)', serverLog.slice(logFrom)],
    ['the activity panels (curl, SDK, HTTP)', panelsText.join('\n')],
  ];
  // Something was gathered everywhere.
  expect(sinks.urls.length).toBeGreaterThan(20);
  expect(sinks.navigations.length).toBeGreaterThan(5);
  expect(serverLog.slice(logFrom)).toContain('proxy');
  expect(serverLog.slice(logFrom)).toMatch(/TRACE|DEBUG/);
  // Kept for a look after the run (test-results/ is not committed).
  fs.mkdirSync('test-results', { recursive: true });
  fs.writeFileSync('test-results/secrets-server.log', serverLog);
  let checks = 0;
  for (const [what, secret] of secrets) {
    expect(secret.length, `${what} is long enough to search for`).toBeGreaterThanOrEqual(PASSWORD.length);
    for (const [where, text] of places) {
      expect.soft(text.includes(secret), `${what} found in ${where}`).toBe(false);
      checks++;
    }
  }
  expect(checks).toBe(secrets.length * places.length);
  console.log(`secrets.spec: ${checks} checks (${secrets.length} secrets x ${places.length} places); server log ${serverLog.length} bytes`);
});
