import { expect, Locator, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillCaSubject, openConsole, signInToEmulator } from './helpers';
import { EmulatorApi, uniqueName } from './fixtures/certs-api';

// The fault suite: the emulator on its own port (demo seed) is made slow,
// failing, garbling, dropping, throttling or expiring tokens through its
// admin endpoint, and the console must keep the user informed, lose no
// input, repeat only reads by itself and never send a change twice.
const BASE = 'http://127.0.0.1:8102';
test.use({ baseURL: BASE });
// The faults are global to the emulator: one test at a time, in order.
test.describe.configure({ mode: 'serial' });

let emulator: EmulatorApi;
test.beforeAll(async () => {
  emulator = await EmulatorApi.connect(BASE);
});
test.afterEach(async () => {
  await emulator.faults(null);
});

type Fault = Record<string, unknown>;
const setFaults = (f: Fault) => emulator.faults(f);

/** Every request the console sends through the proxy, as "METHOD path". */
function watchCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/proxy/')) calls.push(`${r.method()} ${url.pathname.replace(/^\/proxy\/[^/]+/, '')}`);
  });
  return calls;
}
const count = (calls: string[], path: string) => calls.filter((c) => c === path).length;

const indicator = (page: Page) => page.getByRole('status', { name: 'Requests in progress' });

// --- Reads: latency, 5xx, malformed JSON, dropped connections, 429 ---

test('a 10 s answer shows a spinner and a Cancel button, the page stays usable, and Try again loads it', async ({ page }) => {
  test.setTimeout(45_000);
  await signInToEmulator(page);
  await setFaults({ latency_ms: 10_000 });
  const calls = watchCalls(page);
  const started = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private certificates' }).click();
  const waiting = indicator(page).locator('.pending-request').filter({ hasText: 'list_certificate' });
  await expect(waiting).toContainText('waiting for the service');
  await expect(waiting.locator('.spinner')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading certificates…' })).toBeVisible();
  // The page answers while the request waits: the theme changes, the
  // filter takes text, and the waiting time counts up.
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Theme').selectOption('system');
  const firstText = await waiting.textContent();
  await expect(waiting).not.toHaveText(firstText ?? '');
  await page.screenshot({ path: 'test-results/faults-waiting.png' });

  await waiting.getByRole('button', { name: 'Cancel list_certificate' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the certificates' });
  await expect(alert).toContainText('you cancelled the request');
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(waiting).toHaveCount(0);

  await emulator.faults(null);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('table', { name: 'Private certificates' }).getByRole('row').nth(1)).toBeVisible();
  expect(count(calls, 'GET /v1/private-certificates')).toBe(2);
});

test('a 5xx answer to a read is tried three times with backoff, then shown with its code and Try again', async ({ page }) => {
  await signInToEmulator(page);
  await setFaults({ error_rate: { list_certificate_authority: 1.0 } });
  const calls = watchCalls(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  // The wait before the next attempt is shown.
  await expect(indicator(page)).toContainText(/HTTP 500; attempt [23] of 3 in/);
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the CAs' });
  await expect(alert).toContainText('PCA.00000001');
  await expect(alert).toContainText('500');
  await expect(alert).toContainText('What to do');
  expect(count(calls, 'GET /v1/private-certificate-authorities')).toBe(3);

  await emulator.faults(null);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('tree', { name: 'CA hierarchy' })).toContainText('Example Corp Root CA');
  expect(count(calls, 'GET /v1/private-certificate-authorities')).toBe(4);
});

test('a malformed JSON answer to a read is named as such once, with Try again', async ({ page }) => {
  await signInToEmulator(page);
  await setFaults({ malformed: ['list_certificates'] });
  const calls = watchCalls(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the SSL certificates' });
  await expect(alert).toContainText('unexpected response (HTTP 200)');
  await expect(alert).toContainText('could not be read');
  // An unreadable answer is not a passing hiccup: no automatic repeat.
  expect(count(calls, 'GET /v3/scm/certificates')).toBe(1);

  await emulator.faults(null);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
});

test('a dropped connection on a read is retried, then shown as a network error with Try again', async ({ page }) => {
  await signInToEmulator(page);
  await setFaults({ drop: ['list_certificate'] });
  const calls = watchCalls(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private certificates' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the certificates' });
  await expect(alert).toContainText('network error');
  await expect(alert).toContainText('The connection failed before the answer was complete');
  expect(count(calls, 'GET /v1/private-certificates')).toBe(3);

  await emulator.faults(null);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('table', { name: 'Private certificates' }).getByRole('row').nth(1)).toBeVisible();
});

test('throttled reads (429) back off as Retry-After asks and get through without the user doing anything', async ({ page }) => {
  await signInToEmulator(page);
  await setFaults({ throttle: { list_certificate_authority: 2 } });
  const calls = watchCalls(page);
  const started = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  await expect(indicator(page)).toContainText(/throttling requests \(HTTP 429\); attempt [23] of 5 in/);
  await expect(page.getByRole('tree', { name: 'CA hierarchy' })).toContainText('Example Corp Root CA', { timeout: 15_000 });
  // Two refusals, two waits of at least a second each, one success.
  expect(Date.now() - started).toBeGreaterThan(2_000);
  expect(count(calls, 'GET /v1/private-certificate-authorities')).toBe(3);
  // The activity log shows each attempt.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'APIGW.0308' })).toHaveCount(2);
});

// --- Forms: every failure keeps the input, and one click sends one POST ---

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faults-'));
const file = (name: string) => path.join(dir, name);
const read = (name: string) => fs.readFileSync(file(name), 'utf8');
function makeSslCertificate() {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  fs.writeFileSync(file('leaf.ext'), 'basicConstraints=critical,CA:FALSE\nsubjectAltName=DNS:faults.example.com\n');
  openssl('req', '-x509', ...ec, '-keyout', 'root.key', '-out', 'root.pem', '-subj', '/CN=Faults Root CA', '-days', '3650',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl('req', ...ec, '-keyout', 'leaf.key', '-out', 'leaf.csr', '-subj', '/CN=faults.example.com');
  openssl('x509', '-req', '-in', 'leaf.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'leaf.pem', '-days', '90', '-extfile', 'leaf.ext');
}
makeSslCertificate();

/** One form of the console, driven the same way for every fault. */
interface FormCase {
  name: string;
  /** The emulator route of its POST, and the "POST path" the browser sends. */
  route: string;
  post: string;
  /** Opens the form and fills it; returns the fields whose values must survive. */
  open(page: Page): Promise<Array<[Locator, string]>>;
  /** The button that sends, once the form is ready. */
  send(page: Page): Locator;
  /** The alert that reports the failure. */
  alert(page: Page): Locator;
  /** Waits for the success the form shows once the fault is gone. */
  done(page: Page, fields: Array<[Locator, string]>): Promise<void>;
  /** A change answered with 204 has no body to garble: no malformed case. */
  noBody?: boolean;
}

async function fillQuickCa(page: Page, cn: string) {
  await fillCaSubject(page, cn);
  // A quick key: the emulator makes RSA 4096 keys for real, which takes seconds.
  await page.getByLabel('Key algorithm').selectOption('EC256');
}

const FORMS: FormCase[] = [
  {
    name: 'create a root CA',
    route: 'POST /v1/private-certificate-authorities',
    post: 'POST /v1/private-certificate-authorities',
    async open(page) {
      await signInToEmulator(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
      await page.getByRole('link', { name: 'Create CA' }).click();
      const cn = uniqueName('Faults Root');
      await fillQuickCa(page, cn);
      await page.getByRole('button', { name: 'Review request' }).click();
      return [[page.getByLabel('Common name'), cn], [page.getByLabel('Organization', { exact: true }), 'Acme']];
    },
    send: (page) => page.getByRole('button', { name: 'Create CA', exact: true }),
    alert: (page) => page.getByRole('alert').filter({ hasText: /the CA (was not|may have been) created/i }),
    done: (page) => expect(page).toHaveURL(/\/pca\/cas\?.*ca=/),
  },
  {
    name: 'apply for a private certificate',
    route: 'POST /v1/private-certificates',
    post: 'POST /v1/private-certificates',
    async open(page) {
      await signInToEmulator(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private certificates' }).click();
      await page.getByRole('link', { name: 'Apply for a certificate' }).click();
      // Earlier tests add roots: pick the seed's issuing CA by name.
      const issuer = page.getByLabel('Issuing CA').getByRole('option', { name: /^Example Corp Issuing CA/ });
      await expect(issuer).toHaveCount(1);
      await page.getByLabel('Issuing CA').selectOption((await issuer.getAttribute('value')) ?? '');
      const cn = uniqueName('faults') + '.example.com';
      await page.getByLabel('Common name').fill(cn);
      await page.getByRole('button', { name: 'Review request' }).click();
      return [[page.getByLabel('Common name'), cn]];
    },
    send: (page) => page.getByRole('button', { name: 'Apply', exact: true }),
    alert: (page) => page.getByRole('alert').filter({ hasText: /the certificate (was not|may have been) issued/i }),
    done: (page) => expect(page).toHaveURL(/\/pca\/certs\/[^/?]+$/),
  },
  {
    name: 'import an SSL certificate',
    route: 'import_certificate',
    post: 'POST /v3/scm/certificates/import',
    async open(page) {
      await signInToEmulator(page);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SSL certificates' }).click();
      await page.getByRole('link', { name: 'Import certificate' }).click();
      const form = page.getByRole('form', { name: 'Import certificate' });
      const name = uniqueName('faults').slice(0, 40);
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Certificate', { exact: true }).fill(read('leaf.pem'));
      await form.getByLabel('Certificate chain', { exact: true }).fill(read('root.pem'));
      await form.getByLabel('Private key', { exact: true }).fill(read('leaf.key'));
      return [
        [form.getByLabel('Name', { exact: true }), name],
        [form.getByLabel('Private key', { exact: true }), read('leaf.key')],
      ];
    },
    send: (page) => page.getByRole('form', { name: 'Import certificate' }).getByRole('button', { name: 'Import', exact: true }),
    alert: (page) => page.getByRole('alert').filter({ hasText: /the certificate (was not|may have been) imported/i }),
    done: (page) => expect(page).toHaveURL(/\/scm\?.*cert=/),
  },
  {
    name: 'add a tag to a CA',
    noBody: true,
    route: 'create_ca_tag',
    post: 'POST /v1/private-certificate-authorities/{id}/tags',
    async open(page) {
      await signInToEmulator(page);
      const id = await emulator.caId('Example Corp Root CA');
      await page.goto(`/pca/cas?ca=${id}`);
      const tags = page.getByRole('complementary', { name: 'Details of Example Corp Root CA' }).getByRole('region', { name: 'Tags' });
      await expect(tags.getByLabel('Tag key')).toBeVisible();
      const key = uniqueName('k').replace(/[^A-Za-z0-9]/g, '').slice(0, 30);
      await tags.getByLabel('Tag key').fill(key);
      await tags.getByLabel('Tag value').fill('faults');
      return [[tags.getByLabel('Tag key'), key], [tags.getByLabel('Tag value'), 'faults']];
    },
    send: (page) => page.getByRole('button', { name: 'Add tag' }),
    alert: (page) => page.getByRole('alert').filter({ hasText: /the tags (were not|may have been) changed/i }),
    done: (page, fields) =>
      expect(page.getByRole('region', { name: 'Tags' }).getByRole('listitem').filter({ hasText: `${fields[0][1]} = faults` })).toBeVisible(),
  },
];

const FAULTS: Array<{ kind: string; faults: (route: string) => Fault; shows: RegExp; unsure: boolean }> = [
  { kind: 'a 5xx answer', faults: (r) => ({ error_rate: { [r]: 1.0 } }), shows: /HTTP status\s*500/, unsure: false },
  { kind: 'throttling (429)', faults: (r) => ({ throttle: { [r]: 1 } }), shows: /APIGW\.0308[\s\S]*Wait a few seconds/, unsure: false },
  { kind: 'a malformed answer', faults: (r) => ({ malformed: [r] }), shows: /unexpected response \(HTTP 20\d\)/, unsure: true },
  { kind: 'a dropped connection', faults: (r) => ({ drop: [r] }), shows: /network error/, unsure: true },
];

/** The POSTs of a form, with ids folded so tag calls compare. */
const postsOf = (calls: string[], post: string) =>
  calls.filter((c) => c.replace(/\/private-certificate-authorities\/[^/]+\/tags$/, '/private-certificate-authorities/{id}/tags') === post);

for (const form of FORMS) {
  for (const fault of FAULTS.filter((f) => !(form.noBody && f.kind === 'a malformed answer'))) {
    test(`${form.name}: ${fault.kind} keeps the input, sends one POST for a double click and never repeats it`, async ({ page }) => {
      test.setTimeout(45_000);
      const fields = await form.open(page);
      const calls = watchCalls(page);
      await setFaults(fault.faults(form.route));
      await form.send(page).dblclick();
      const alert = form.alert(page);
      await expect(alert).toContainText(fault.shows);
      await expect(alert).toContainText(fault.unsure ? 'No confirmation from the service' : 'What to do');
      if (fault.unsure) await expect(alert).toContainText('check before sending it again');
      // Nothing is repeated by itself: wait past every backoff of a read.
      await page.waitForTimeout(2_000);
      expect(postsOf(calls, form.post)).toHaveLength(1);
      for (const [field, value] of fields) await expect(field).toHaveValue(value);

      if (!fault.unsure) {
        // The service refused it, so sending again (the user's choice) succeeds.
        await emulator.faults(null);
        await form.send(page).click();
        await form.done(page, fields);
        expect(postsOf(calls, form.post)).toHaveLength(2);
      }
    });
  }
}

// --- The token expires mid-session ---

async function signInWithPassword(page: Page) {
  await openConsole(page, '/settings');
  await page.getByLabel('Account name (for IAM password sign-in)').fill('demo');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel('IAM user name').fill('demo');
  await page.getByLabel('Password', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Signed in to')).toBeVisible();
}

async function signInAgain(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible();
  // The user name of this tab's sign-in is filled in; only the password is asked.
  await expect(dialog.getByLabel('IAM user name')).toHaveValue('demo');
  await expect(dialog.getByLabel('Password', { exact: true })).toBeFocused();
  await dialog.getByLabel('Password', { exact: true }).fill('demo-password');
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('an expired token opens the sign-in dialog where the user is; after signing in, Try again repeats the read', async ({ page }) => {
  test.setTimeout(45_000);
  await setFaults({ token_ttl_secs: 2 });
  await signInWithPassword(page);
  await emulator.faults(null); // the next token lives 24 hours
  await page.waitForTimeout(2_500);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not load the CAs' });
  await expect(alert).toContainText('401');
  await page.screenshot({ path: 'test-results/faults-sign-in-again.png' });
  await signInAgain(page);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('tree', { name: 'CA hierarchy' })).toContainText('Example Corp Root CA');
});

test('a second refused call, arriving late, keeps what the user typed in the sign-in dialog', async ({ page }) => {
  test.setTimeout(45_000);
  await setFaults({ token_ttl_secs: 2 });
  await signInWithPassword(page);
  await emulator.faults(null);
  await page.waitForTimeout(2_500);
  // The page sends more than one call; hold back every refusal but
  // the first, so the later ones land while the user is typing.
  let refusals = 0;
  let late = 0;
  await page.route('**/proxy/**', async (route) => {
    const response = await route.fetch();
    if (response.status() === 401 && ++refusals > 1) {
      await new Promise((r) => setTimeout(r, 1_200));
      late++;
    }
    await route.fulfill({ response });
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await expect(dialog).toBeVisible();
  const password = dialog.getByLabel('Password', { exact: true });
  await expect(password).toBeFocused();
  await password.pressSequentially('demo-pass');
  await expect.poll(() => late).toBeGreaterThan(0);
  await expect(password).toHaveValue('demo-pass');
  await expect(password).toBeFocused();
  await password.pressSequentially('word');
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(dialog).toBeHidden();
});

test('a token that expires while a form is filled: the input stays and the create is repeated after signing in', async ({ page }) => {
  test.setTimeout(45_000);
  await setFaults({ token_ttl_secs: 3 });
  await signInWithPassword(page);
  await emulator.faults(null);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Private CAs' }).click();
  await page.getByRole('link', { name: 'Create CA' }).click();
  const cn = uniqueName('Expired Root');
  await fillQuickCa(page, cn);
  await page.getByRole('button', { name: 'Review request' }).click();
  await page.waitForTimeout(3_000);
  const calls = watchCalls(page);
  await page.getByRole('button', { name: 'Create CA', exact: true }).click();
  await signInAgain(page);
  await expect(page.getByRole('alert').filter({ hasText: 'The CA was not created' })).toContainText('401');
  await expect(page.getByLabel('Common name')).toHaveValue(cn);
  await page.getByRole('button', { name: 'Create CA', exact: true }).click();
  await expect(page).toHaveURL(/\/pca\/cas\?.*ca=/);
  await expect(page.getByRole('tree', { name: 'CA hierarchy' })).toContainText(cn);
  expect(postsOf(calls, 'POST /v1/private-certificate-authorities')).toHaveLength(2);
});
