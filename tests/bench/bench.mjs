// The console's figures in headless Chromium against `ccm-serve --emulate
// --seed scale`, as one markdown table of medians with their targets.
// Run by scripts/bench.sh (make bench), not by make test.
//
//   node tests/bench/bench.mjs --url http://127.0.0.1:8099 --runs 5 \
//     --criterion target/criterion --dist dist --out docs/bench.md
//
// Every page load is a fresh browser context (empty cache): a first visit.
// A view that is still a "Not built yet" notice is reported as such; the
// same code measures it once it lists rows.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const BASE = args.url ?? 'http://127.0.0.1:8099';
const RUNS = Number(args.runs ?? 5);
const DIST = args.dist ?? 'dist';
const CRITERION = args.criterion ?? 'target/criterion';
const OUT = args.out;

// Targets of issue 8.
const FIRST_LOAD_KB = 300;
const FIRST_ROW_MS = 300;
const KEYSTROKE_MS = 50;
const TABLE_RATIO = 1.15;

// What counts as a row in a list view: table body rows, tree items, or
// rows of an ARIA grid or list. A row the filters hide (`hidden`) is not one.
const ROWS = 'main tbody tr, main [role="treeitem"]:not([hidden]), main [role="row"]:not(:has(th)), main [role="listitem"]';

const LIST_VIEWS = [
  { name: 'CA tree (1,000 CAs)', path: '/pca/cas' },
  { name: 'CA table (1,000 CAs)', path: '/pca/cas?view=table' },
  { name: 'Private certificates (10,000)', path: '/pca/certs' },
  { name: 'SSL certificates (500)', path: '/scm' },
];

// ---------------------------------------------------------------- helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${Math.round(x)} ms`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const verdict = (ok, gap) => (ok ? 'met' : `**missed** (${gap})`);

/** Runs in the page before its own scripts: records when rows appear and when the DOM last changed. */
function observer(rowsSelector) {
  const b = (window.__bench = { changes: [], lastMutation: 0, inputAt: 0, expect: 0, reachedAt: 0, shellAt: 0, layout: false });
  let last = -1;
  new MutationObserver(() => {
    // With `layout` set (the keystroke measure), a change counts once its
    // style and layout are done, whether rows were replaced or hidden.
    if (b.layout) document.body.getBoundingClientRect();
    const now = performance.now();
    b.lastMutation = now;
    // The app has started (wasm fetched, compiled and the frame rendered).
    if (!b.shellAt && document.querySelector('nav')) b.shellAt = now;
    const n = document.querySelectorAll(rowsSelector).length;
    if (b.expect && n >= b.expect && !b.reachedAt) {
      // Style and layout of the new rows count too: force them.
      document.body.getBoundingClientRect();
      b.reachedAt = performance.now();
    }
    if (n === last) return;
    last = n;
    b.changes.push([now, n]);
    // Attributes too: a filter may hide rows rather than remove them.
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  for (const type of ['keydown', 'click']) {
    document.addEventListener(type, () => (b.inputAt = performance.now()), true);
  }
}

/** Waits until the DOM has not changed for `quietMs`. */
async function settle(page, quietMs = 800, timeoutMs = 60_000) {
  const start = Date.now();
  for (;;) {
    const idle = await page.evaluate(() => performance.now() - window.__bench.lastMutation);
    if (idle >= quietMs) return;
    if (Date.now() - start > timeoutMs) throw new Error(`page still changing after ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

async function signedInState(browser) {
  const ctx = await browser.newContext({ baseURL: BASE });
  const page = await ctx.newPage();
  await page.goto('/settings');
  await page.getByRole('radio', { name: 'Access key (AK/SK)' }).check();
  await page.getByLabel('Access key ID').fill('EMULATORAK0000000001');
  await page.getByLabel('Secret access key').fill('emulatorSecretKey0000000000000000000000');
  // Kept in localStorage so that every fresh context starts signed in.
  await page.getByRole('checkbox', { name: 'Remember on this device' }).check();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByText('Signed in to').waitFor();
  const state = await ctx.storageState();
  await ctx.close();
  return state;
}

/** A fresh context (empty cache), signed in, with the observer installed. */
async function freshPage(browser, state) {
  const ctx = await browser.newContext({ baseURL: BASE, storageState: state, viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(observer, ROWS);
  const page = await ctx.newPage();
  return { ctx, page };
}

/** Classifies an API call: per-item detail calls are GETs of one resource by id. */
function classify(url, method) {
  const p = new URL(url).pathname.replace(/^\/proxy\/[^/]+/, '');
  if (/quotas/.test(p)) return 'quota';
  const id = /\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|scs\d+)(\/|$)/.test(p);
  if (method === 'GET' && id) return 'detail';
  if (method === 'GET') return 'list';
  return 'other';
}

// ---------------------------------------------------------------- measures

async function listView(browser, state, view) {
  const firstRows = [];
  const wholes = [];
  const shells = [];
  const lists = [];
  const warmRows = [];
  let count = 0;
  let requests = null;
  let notBuilt = false;
  for (let run = 0; run < RUNS; run++) {
    const { ctx, page } = await freshPage(browser, state);
    const calls = [];
    page.on('request', (r) => {
      if (r.url().includes('/proxy/')) calls.push(classify(r.url(), r.method()));
    });
    await page.goto(view.path, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
    await settle(page);
    const changes = await page.evaluate(() => window.__bench.changes);
    const withRows = changes.filter(([, n]) => n > 0);
    if (withRows.length === 0) {
      notBuilt = (await page.getByText('Not built yet.').count()) > 0;
      await ctx.close();
      if (notBuilt) break;
      throw new Error(`${view.name}: no rows and no "Not built yet" notice`);
    }
    firstRows.push(withRows[0][0]);
    const { shellAt } = await page.evaluate(() => window.__bench);
    shells.push(shellAt);
    // When the last list call's answer had arrived (Resource Timing).
    lists.push(
      await page.evaluate(() =>
        Math.max(0, ...performance.getEntriesByType('resource').filter((e) => e.name.includes('/proxy/') && !e.name.includes('quotas')).map((e) => e.responseEnd)),
      ),
    );
    wholes.push(changes[changes.length - 1][0]);
    count = changes[changes.length - 1][1];
    const tally = calls.reduce((t, c) => ({ ...t, [c]: (t[c] ?? 0) + 1 }), {});
    requests = { total: calls.length, ...tally };
    // A repeat visit: the same context, the build now in the HTTP cache.
    const again = await ctx.newPage();
    await again.goto(view.path, { waitUntil: 'commit' });
    await again.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
    await settle(again);
    const first = (await again.evaluate(() => window.__bench.changes)).find(([, n]) => n > 0);
    if (first) warmRows.push(first[0]);
    await ctx.close();
  }
  if (notBuilt) return { notBuilt: true };
  return {
    firstRow: median(firstRows),
    whole: median(wholes),
    shell: median(shells),
    listDone: median(lists),
    warmRow: median(warmRows),
    count,
    requests,
  };
}

/** Keystroke in the view's filter field to the last DOM change it causes. */
async function filterKeystroke(browser, state, viewPath, key) {
  const { ctx, page } = await freshPage(browser, state);
  await page.goto(viewPath);
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 60_000 });
  await settle(page);
  if ((await page.evaluate((sel) => document.querySelectorAll(sel).length, ROWS)) === 0) {
    const notBuilt = (await page.getByText('Not built yet.').count()) > 0;
    await ctx.close();
    if (notBuilt) return { notBuilt: true };
    throw new Error(`${viewPath}: no rows to filter`);
  }
  const field = page.locator('main input[type="search"], main input[type="text"]').first();
  await page.evaluate(() => (window.__bench.layout = true));
  const times = [];
  const rows = [];
  for (let run = 0; run < RUNS; run++) {
    await field.fill('');
    await settle(page, 500);
    await field.focus();
    await page.keyboard.press(key);
    await settle(page, 500);
    const { inputAt, lastMutation } = await page.evaluate(() => window.__bench);
    times.push(lastMutation - inputAt);
    rows.push(await page.evaluate((sel) => document.querySelectorAll(sel).length, ROWS));
  }
  await ctx.close();
  return { keystroke: median(times), rowsAfter: median(rows) };
}

/** Describes an element tree so that plain DOM calls can build it again. */
function describe(node) {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType === Node.COMMENT_NODE) return { comment: node.textContent };
  const attrs = {};
  for (const a of node.attributes) attrs[a.name] = a.value;
  return { tag: node.tagName.toLowerCase(), attrs, children: [...node.childNodes].map(describe) };
}

/**
 * The console's 1,000-row CA table against plain JavaScript building the
 * same table (same elements, attributes and text, same page and CSS): both
 * replace the CA tree in the same section of a freshly loaded page, and
 * both are timed to the rows in the DOM with style and layout done. The two
 * take turns going first.
 */
async function tableRatio(browser, state) {
  /** A fresh page showing the whole CA tree; returns it and its row count. */
  const treePage = async () => {
    const { ctx, page } = await freshPage(browser, state);
    await page.goto('/pca/cas');
    await page.getByRole('tree', { name: 'CA hierarchy' }).waitFor({ timeout: 60_000 });
    await settle(page);
    const rows = await page.evaluate(() => window.__bench.changes.at(-1)[1]);
    return { ctx, page, rows };
  };

  // The console: from the click on "Table" to its rows laid out.
  let table = null;
  const consoleRun = async () => {
    const { ctx, page, rows } = await treePage();
    await page.evaluate((n) => Object.assign(window.__bench, { expect: n, reachedAt: 0 }), rows);
    await page.getByRole('radio', { name: 'Table' }).check();
    await page.waitForFunction(() => window.__bench.reachedAt > 0);
    const took = await page.evaluate(() => window.__bench.reachedAt - window.__bench.inputAt);
    if (!table) {
      await settle(page, 300);
      table = await page.evaluate(
        (describeSrc) => new Function(`return (${describeSrc})`)()(document.querySelector('main table.data-table')),
        describe.toString(),
      );
    }
    await ctx.close();
    return { took, rows };
  };

  // Plain DOM calls build the table the console built, in place of the tree.
  const vanillaRun = async () => {
    const { ctx, page, rows } = await treePage();
    await page.evaluate(
      ({ table, n }) => {
        const build = (d) => {
          if (typeof d === 'string') return document.createTextNode(d);
          if ('comment' in d) return document.createComment(d.comment);
          const el = document.createElement(d.tag);
          for (const [k, v] of Object.entries(d.attrs)) el.setAttribute(k, v);
          for (const c of d.children) el.appendChild(build(c));
          return el;
        };
        Object.assign(window.__bench, { expect: n, reachedAt: 0, inputAt: performance.now() });
        document.querySelector('main section[aria-label="CA hierarchy"]').replaceChildren(build(table));
      },
      { table, n: rows },
    );
    await page.waitForFunction(() => window.__bench.reachedAt > 0);
    const took = await page.evaluate(() => window.__bench.reachedAt - window.__bench.inputAt);
    await ctx.close();
    return took;
  };

  const consoleTimes = [];
  const vanillaTimes = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0 || !table) {
      const c = await consoleRun();
      consoleTimes.push(c.took);
      rows = c.rows;
      vanillaTimes.push(await vanillaRun());
    } else {
      vanillaTimes.push(await vanillaRun());
      consoleTimes.push((await consoleRun()).took);
    }
  }
  const c = median(consoleTimes);
  const v = median(vanillaTimes);
  return { console: c, vanilla: v, ratio: c / v, rows };
}

/** Sizes of what the first load fetches, from dist/, and as served. */
async function transfer(browser, state) {
  // Not the .br/.gz copies scripts/compress-dist.sh writes: they are measured below.
  const files = fs.readdirSync(DIST).filter((f) => !f.startsWith('.') && !/\.(br|gz)$/.test(f));
  const kinds = { wasm: /\.wasm$/, js: /\.js$/, css: /\.css$/, html: /\.html$/, other: /./ };
  const sizes = {};
  for (const f of files) {
    const data = fs.readFileSync(path.join(DIST, f));
    const kind = Object.keys(kinds).find((k) => kinds[k].test(f));
    const s = (sizes[kind] ??= { raw: 0, gzip: 0, brotli: 0 });
    s.raw += data.length;
    s.gzip += zlib.gzipSync(data, { level: 9 }).length;
    s.brotli += zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  // What ccm-serve actually sent on a first visit (body bytes, as encoded).
  const { ctx, page } = await freshPage(browser, state);
  const responses = [];
  page.on('response', (r) => {
    if (!r.url().includes('/proxy/')) responses.push(r);
  });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  await settle(page, 300);
  let wire = 0;
  for (const r of responses) wire += (await r.request().sizes()).responseBodySize;
  const encodings = new Set(responses.map((r) => r.headers()['content-encoding'] ?? 'none'));
  await ctx.close();
  return { sizes, wire, encodings: [...encodings].join(', ') };
}

/** Medians of the emulator's criterion benchmarks (cargo bench). */
function criterion() {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'estimates.json' && path.basename(dir) === 'new') {
        const meta = JSON.parse(fs.readFileSync(path.join(dir, 'benchmark.json'), 'utf8'));
        const est = JSON.parse(fs.readFileSync(p, 'utf8'));
        found.push({ id: meta.full_id, ns: est.median.point_estimate });
      }
    }
  };
  walk(CRITERION);
  return found.sort((a, b) => a.id.localeCompare(b.id));
}

// ---------------------------------------------------------------- report

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const state = await signedInState(browser);

const rows = [];
const row = (measure, value, target, result) => rows.push(`| ${measure} | ${value} | ${target} | ${result} |`);

const t = await transfer(browser, state);
const total = { raw: 0, gzip: 0, brotli: 0 };
const order = ['wasm', 'js', 'css', 'html', 'other'];
for (const [kind, s] of Object.entries(t.sizes).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))) {
  for (const k of Object.keys(total)) total[k] += s[k];
  row(`First load: ${kind === 'other' ? 'favicon' : kind}`, `${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`, '', '');
}
row(
  'First load: everything, compressed (brotli / gzip)',
  `${kb(total.brotli)} / ${kb(total.gzip)}`,
  `<= ${FIRST_LOAD_KB} kB`,
  verdict(total.brotli <= FIRST_LOAD_KB * 1024, `${kb(total.brotli - FIRST_LOAD_KB * 1024)} over with brotli`),
);
row('First load as ccm-serve sends it', `${kb(t.wire)} (content-encoding: ${t.encodings})`, '', 'ccm-serve does not compress; a CDN or nginx with gzip would');

const requestRows = [];
for (const view of LIST_VIEWS) {
  const r = await listView(browser, state, view);
  if (r.notBuilt) {
    row(`${view.name}: navigation to first row`, 'not built yet', `<= ${FIRST_ROW_MS} ms`, 'not built yet');
    requestRows.push([view.name, 'not built yet', 'not built yet']);
    continue;
  }
  row(`${view.name}: navigation to first row`, ms(r.firstRow), `<= ${FIRST_ROW_MS} ms`, verdict(r.firstRow <= FIRST_ROW_MS, `${ms(r.firstRow - FIRST_ROW_MS)} over`));
  row(`${view.name}: navigation to all ${r.count} rows`, ms(r.whole), '', '');
  row(`${view.name}: repeat visit (build cached), navigation to first row`, ms(r.warmRow), `<= ${FIRST_ROW_MS} ms`, verdict(r.warmRow <= FIRST_ROW_MS, `${ms(r.warmRow - FIRST_ROW_MS)} over`));
  row(`${view.name}: of which app started / list answers in`, `${ms(r.shell)} / ${ms(r.listDone)}`, '', 'where the time goes');
  const { total: n, detail = 0, ...kinds } = r.requests;
  const parts = Object.entries(kinds).map(([k, v]) => `${v} ${k}`).join(', ');
  requestRows.push([view.name, `${n} (${parts}${detail ? `, ${detail} detail` : ''})`, detail === 0 ? 'met' : `**missed** (${detail} per-item calls)`]);
}

const certsFilter = await filterKeystroke(browser, state, '/pca/certs', '7');
if (certsFilter.notBuilt) {
  row('Filter keystroke to updated DOM, private certificates (10,000)', 'not built yet', `<= ${KEYSTROKE_MS} ms`, 'not built yet');
} else {
  row('Filter keystroke to updated DOM, private certificates (10,000)', ms(certsFilter.keystroke), `<= ${KEYSTROKE_MS} ms`, verdict(certsFilter.keystroke <= KEYSTROKE_MS, `${ms(certsFilter.keystroke - KEYSTROKE_MS)} over`));
}
const caFilter = await filterKeystroke(browser, state, '/pca/cas', '9');
row(`Filter keystroke to updated DOM, CA tree (1,000; ${caFilter.rowsAfter} shown after)`, ms(caFilter.keystroke), `<= ${KEYSTROKE_MS} ms`, verdict(caFilter.keystroke <= KEYSTROKE_MS, `${ms(caFilter.keystroke - KEYSTROKE_MS)} over`));

const table = await tableRatio(browser, state);
row(
  `${table.rows}-row table: console vs plain DOM calls, same rows and page`,
  `${ms(table.console)} vs ${ms(table.vanilla)} = ${table.ratio.toFixed(2)}x`,
  `<= ${TABLE_RATIO}x`,
  verdict(table.ratio <= TABLE_RATIO, `${table.ratio.toFixed(2)}x`),
);

for (const [name, value, result] of requestRows) row(`Requests to load ${name}`, value, 'no per-item detail calls', result);

for (const c of criterion()) {
  const value = c.ns >= 1e6 ? `${(c.ns / 1e6).toFixed(2)} ms` : `${(c.ns / 1e3).toFixed(1)} µs`;
  row(`Emulator (criterion): ${c.id}`, value, '', '');
}
const chromiumVersion = browser.version();
await browser.close();

const commit = (() => {
  try {
    return execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const table_md = [`| Measure | Median of ${RUNS} | Target | Result |`, '|---|---|---|---|', ...rows].join('\n');
console.log(table_md);
if (OUT) {
  const doc = `# Benchmarks

\`make bench\` output: the release console in headless Chromium ${chromiumVersion} against
\`ccm-serve --emulate --seed scale\` (1,000 CAs, 10,000 private certificates, 500 SSL
certificates) on the same machine (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}),
commit ${commit}. Every page load is a first visit (fresh browser context, empty
cache, signed in with a remembered access key). Times are from navigation start
(or from the keystroke or click) to the rows in the DOM; the table comparison
includes style and layout on both sides. A view that is still a "Not built yet"
notice is reported as such.

${table_md}
`;
  fs.writeFileSync(OUT, doc);
}
