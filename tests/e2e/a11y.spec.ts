import { expect, Page, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { IDS } from './fixtures/ca-hierarchy.mjs';
import { openConsole, signInToEmulator } from './helpers';

// axe-core (pinned in package.json) injected into the page; every view in
// both themes must have no serious or critical violation.
// Playwright runs from the repository root.
const AXE_SOURCE = fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

// The emulator with the fixture CA hierarchy (read only here).
test.use({ baseURL: 'http://127.0.0.1:8092' });

type View = {
  name: string;
  path: string;
  /** Sign in to the emulator first. */
  signedIn: boolean;
  /** Waits until the view shows what should be scanned. */
  ready: (page: Page) => Promise<void>;
};

const heading = (name: string) => async (page: Page) => {
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
};

// Add a view here when it lands; each runs in the light and the dark theme.
const VIEWS: View[] = [
  {
    name: 'certificate toolbox with a certificate',
    path: '/tools',
    signedIn: false,
    ready: async (page) => {
      const pem = execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes',
        '-keyout', '/dev/null', '-subj', '/CN=a11y.example.com', '-days', '30'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
      await page.getByLabel('Paste here').fill(pem);
      await expect(page.getByRole('list', { name: 'Objects read' })).toBeVisible();
    },
  },
  { name: 'overview (shell)', path: '/', signedIn: false, ready: heading('Overview') },
  { name: 'overview signed in', path: '/', signedIn: true, ready: heading('Overview') },
  { name: 'settings', path: '/settings', signedIn: false, ready: heading('Settings') },
  {
    name: 'settings signed in',
    path: '/settings',
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByText('Signed in to')).toBeVisible();
    },
  },
  {
    name: 'CA tree',
    path: '/pca/cas',
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByRole('tree', { name: 'CA hierarchy' }).getByRole('treeitem')).toHaveCount(6);
    },
  },
  {
    name: 'CA table',
    path: '/pca/cas?view=table',
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByRole('table').getByRole('row')).toHaveCount(7);
    },
  },
  {
    name: 'CA details panel',
    path: `/pca/cas?ca=${IDS.issuing1}`,
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByRole('complementary', { name: 'Details of Acme Issuing CA 1' })).toContainText('ECDSA P-256');
    },
  },
  { name: 'CA create wizard', path: '/pca/cas/new', signedIn: true, ready: heading('Create a CA') },
  {
    name: 'CA create similar',
    path: `/pca/cas/new?similar=${IDS.issuing1}`,
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByRole('region', { name: 'What changes' }).getByRole('listitem').first()).toContainText('A new CA');
    },
  },
  {
    name: 'certificate renewal (one that cannot be read)',
    path: '/pca/certs/renew?id=00000000-0000-4000-8000-000000000000',
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByRole('table', { name: 'What will be issued' })).toContainText('Cannot be renewed');
    },
  },
  { name: 'private certificates', path: '/pca/certs', signedIn: true, ready: heading('Private certificates') },
  { name: 'certificate apply form', path: '/pca/certs/new', signedIn: true, ready: heading('Apply for a certificate') },
  { name: 'certificate from a CSR', path: '/pca/certs/csr', signedIn: true, ready: heading('Issue a certificate from a CSR') },
  { name: 'SSL certificates', path: '/scm', signedIn: true, ready: heading('SSL certificates') },
  { name: 'SSL import', path: '/scm/import', signedIn: true, ready: heading('Import an SSL certificate') },
  { name: 'SSL order form', path: '/scm/order', signedIn: true, ready: heading('Order a certificate') },
  { name: 'SSL apply form', path: '/scm/apply', signedIn: true, ready: heading('Apply for an SSL certificate') },
  { name: 'CSR manager', path: '/scm/csr', signedIn: true, ready: heading('Certificate signing requests') },
  { name: 'CSR create form', path: '/scm/csr/new', signedIn: true, ready: heading('Create a CSR') },
  { name: 'CSR upload form', path: '/scm/csr/upload', signedIn: true, ready: heading('Upload a CSR') },
  { name: 'activity log', path: '/activity', signedIn: true, ready: heading('Activity') },
  { name: 'page not found', path: '/no/such/view', signedIn: false, ready: heading('Page not found') },
];

/**
 * Findings that are reviewed and accepted, each with its reason. Keep this
 * list short: a finding only matches when every flagged element matches.
 */
const ACCEPTED: { rule: string; role: string; why: string }[] = [
  {
    // A tree item holds its CA's row (name, kind, status, key, expiry) and
    // the group of its subordinates; its accessible name is the CA's name,
    // which is the row's visible label and comes first (WCAG 2.5.3 is met).
    // axe's heuristic compares the name with every word shown inside the
    // item, subordinates included, which no short name can contain.
    rule: 'label-content-name-mismatch',
    role: 'treeitem',
    why: 'tree items are named by their CA name',
  },
];

const accepted = (v: Violation) =>
  ACCEPTED.some((a) => a.rule === v.id && v.nodes.every((n) => n.role === a.role));

type Violation = {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; role: string | null; failureSummary: string }[];
};

async function axeScan(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n: any) => ({
        target: n.target,
        role: document.querySelector(n.target[0])?.getAttribute('role') ?? null,
        failureSummary: n.failureSummary,
      })),
    }));
  });
}

/** Opens `path` in the SPA (client-side, so a sign-in in sessionStorage stays). */
async function open(page: Page, view: View) {
  if (view.signedIn) {
    await signInToEmulator(page);
    await page.goto(view.path);
  } else {
    await openConsole(page, view.path);
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await view.ready(page);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    for (const view of VIEWS) {
      test(`axe: ${view.name} has no serious or critical violation`, async ({ page }) => {
        await open(page, view);
        const slug = view.name.replace(/\W+/g, '-');
        await page.screenshot({ path: `test-results/a11y-${slug}-${theme}.png`, fullPage: true });
        const blocking = (await axeScan(page)).filter(
          (v) => (v.impact === 'serious' || v.impact === 'critical') && !accepted(v),
        );
        expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
      });
    }
  });
}

test.describe('theme toggle', () => {
  test.use({ colorScheme: 'light' });

  const rootBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

  test('follows the system, can be forced either way, and is remembered', async ({ page }) => {
    await openConsole(page);
    const toggle = page.getByRole('combobox', { name: 'Theme' });
    await expect(toggle).toHaveValue('system');
    const light = await rootBackground(page);

    await toggle.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await rootBackground(page);
    expect(dark).not.toBe(light);
    expect(await page.evaluate(() => localStorage.getItem('ccm-console/theme'))).toBe('dark');

    // Kept across a reload, before and after the app starts.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    expect(await rootBackground(page)).toBe(dark);

    // "System" follows the operating system's setting again.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
    expect(await rootBackground(page)).toBe(light);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await rootBackground(page)).toBe(dark);
    expect(await page.evaluate(() => localStorage.getItem('ccm-console/theme'))).toBeNull();

    // A forced light theme wins over a dark system.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    expect(await rootBackground(page)).toBe(light);
  });

  test('can be changed with the keyboard alone', async ({ page }) => {
    await openConsole(page);
    const toggle = page.getByRole('combobox', { name: 'Theme' });
    await toggle.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(toggle).toHaveValue('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });
});
