// The vanilla-JS baseline of make bench: no framework, no build step.
// Lists what the console's list views list, through the same ccm-serve
// proxy, and builds the same rows with plain DOM calls, so that
// tests/bench/bench.mjs can time both from navigation start to the first
// row in the DOM.
//
//   /baseline/index.html?view=tree|table|certs|scm
//
// Credential: an IAM token in localStorage['ccm-bench/token'] (bench.mjs
// signs in once and puts it there); without one the page signs in to the
// emulator's demo user itself.
'use strict';

const CCM = '/proxy/ccm.ap-southeast-3.myhuaweicloud.com';
const SCM = '/proxy/scm.ap-southeast-1.myhuaweicloud.com';
const IAM = '/proxy/iam.ap-southeast-3.myhuaweicloud.com';

async function token() {
  const kept = localStorage.getItem('ccm-bench/token');
  if (kept) return kept;
  const body = { auth: { identity: { methods: ['password'], password: { user: { name: 'demo', password: 'demo-password', domain: { name: 'demo' } } } } } };
  const r = await fetch(`${IAM}/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`sign-in: HTTP ${r.status}`);
  const t = r.headers.get('X-Subject-Token');
  localStorage.setItem('ccm-bench/token', t);
  return t;
}

async function get(auth, url) {
  const r = await fetch(url, { headers: { 'Content-Type': 'application/json', 'X-Auth-Token': auth } });
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

/** Every CA, a page of 1,000 at a time. */
async function allCas(auth) {
  const cas = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await get(auth, `${CCM}/v1/private-certificate-authorities?limit=1000&offset=${offset}`);
    cas.push(...page.certificate_authorities);
    if (page.certificate_authorities.length === 0 || cas.length >= page.total) return cas;
  }
}

// ---------------------------------------------------------------- cells

/** `el('td', {class: 'x'}, child, ...)`: children are nodes or strings. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const k in attrs) e.setAttribute(k, attrs[k]);
  for (const c of children) e.append(c);
  return e;
}

const CA_STATUS = { ACTIVED: ['Active', 'ok'], DISABLED: ['Disabled', 'muted'], PENDING: ['Pending', 'info'], DELETED: ['Scheduled for deletion', 'warn'], EXPIRED: ['Expired', 'bad'] };
const CERT_STATUS = { ISSUED: ['Issued', 'ok'], REVOKED: ['Revoked', 'bad'], EXPIRED: ['Expired', 'bad'] };
const pill = (table, code) => {
  const [text, tone] = table[code] ?? [code, 'muted'];
  return el('span', { class: `pill pill-${tone}` }, text);
};
const day = (ms) => (Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '—');

/** "in 3 years", "in 40 days", "expired" with the expiry class the console uses. */
function expiry(ms) {
  if (!Number.isFinite(ms)) return el('span', {}, '—');
  const days = Math.floor((ms - Date.now()) / 86_400_000);
  const text = days < 0 ? 'expired' : days >= 730 ? `in ${Math.floor(days / 365)} years` : days >= 60 ? `in ${Math.floor(days / 30)} months` : `in ${days} days`;
  const tone = days < 0 ? 'expired' : days < 30 ? 'soon' : days < 90 ? 'upcoming' : 'fine';
  return el('span', { class: `expiry expiry-${tone}`, title: `Expires ${day(ms)}` }, text);
}
const caType = (ca) => (ca.type === 'ROOT' ? 'Root CA' : 'Subordinate CA');
const pathLength = (ca) => (ca.path_length == null ? 'unlimited' : String(ca.path_length));

function table(caption, columns, rows) {
  return el(
    'table',
    { class: 'data-table' },
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c)))),
    el('tbody', {}, ...rows),
  );
}

// ---------------------------------------------------------------- views

function caTree(cas) {
  const children = new Map();
  for (const ca of cas) {
    const parent = ca.type === 'ROOT' ? '' : ca.issuer_id ?? '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(ca);
  }
  const byName = (a, b) => a.distinguished_name.common_name.localeCompare(b.distinguished_name.common_name);
  const item = (ca) => {
    const name = ca.distinguished_name.common_name;
    const kids = (children.get(ca.ca_id) ?? []).sort(byName);
    const li = el('li', { class: 'tree-item', role: 'treeitem', 'aria-label': name, 'aria-selected': 'false' });
    if (kids.length) li.setAttribute('aria-expanded', 'true');
    li.append(
      el(
        'div',
        { class: 'tree-row' },
        kids.length ? el('button', { class: 'tree-toggle', 'aria-label': `Collapse ${name}` }, '▾') : el('span', { class: 'tree-toggle-space', 'aria-hidden': 'true' }),
        el('a', { class: 'tree-name', href: `/pca/cas?ca=${ca.ca_id}` }, name),
        el('span', { class: 'pill pill-muted' }, caType(ca)),
        pill(CA_STATUS, ca.status),
        el('span', { class: 'tree-meta' }, `${ca.key_algorithm} · ${ca.signature_algorithm ?? "—"} · path length ${pathLength(ca)}`),
        expiry(ca.not_after),
      ),
    );
    if (kids.length) li.append(el('ul', { class: 'tree-group', role: 'group' }, ...kids.map(item)));
    return li;
  };
  // A CA whose issuer is not in the list is shown as a root.
  const known = new Set(cas.map((c) => c.ca_id));
  const roots = cas.filter((c) => c.type === 'ROOT' || !known.has(c.issuer_id)).sort(byName);
  return el('ul', { class: 'ca-tree', role: 'tree', 'aria-label': 'CA hierarchy' }, ...roots.map(item));
}

function caTable(cas) {
  const rows = [...cas]
    .sort((a, b) => a.create_time - b.create_time)
    .map((ca) =>
      el(
        'tr',
        {},
        el('td', {}, el('a', { href: `/pca/cas?view=table&ca=${ca.ca_id}` }, ca.distinguished_name.common_name)),
        el('td', {}, caType(ca)),
        el('td', {}, pill(CA_STATUS, ca.status)),
        el('td', {}, ca.issuer_name ?? '—'),
        el('td', {}, ca.key_algorithm),
        el('td', {}, ca.signature_algorithm ?? '—'),
        el('td', {}, pathLength(ca)),
        el('td', {}, expiry(ca.not_after)),
        el('td', {}, day(ca.create_time)),
      ),
    );
  return table('Private CAs', ['Name', 'Type', 'Status', 'Issuer', 'Key', 'Signature', 'Path length', 'Expires', 'Created'], rows);
}

function certTable(certs) {
  const rows = certs.map((c) => {
    const cn = c.distinguished_name.common_name;
    return el(
      'tr',
      {},
      el('td', {}, el('input', { type: 'checkbox', 'aria-label': `Select ${cn}` })),
      el('td', {}, el('a', { href: `/pca/certs/${c.certificate_id}` }, cn)),
      el('td', {}, el('a', { href: `/pca/cas?ca=${c.issuer_id}` }, c.issuer_name)),
      el('td', {}, pill(CERT_STATUS, c.status)),
      el('td', {}, c.key_algorithm),
      el('td', {}, `${day(c.not_after)} `, expiry(c.not_after)),
      el('td', {}, el('code', {}, c.serial_number)),
      el('td', {}, day(c.create_time)),
    );
  });
  return table('Private certificates', ['', 'Common name', 'Issuer CA', 'Status', 'Key algorithm', 'Expires', 'Serial number', 'Created'], rows);
}

function sslTable(certs) {
  const rows = certs.map((c) => {
    const expires = Date.parse(c.expire_time?.replace(' ', 'T') ?? '');
    return el(
      'tr',
      {},
      el('td', { class: 'name-cell' }, el('a', { href: `/scm?cert=${c.id}` }, c.name)),
      el('td', {}, c.domain),
      el('td', { class: 'sans-cell' }, c.sans || '—'),
      el('td', {}, c.type ?? '—'),
      el('td', {}, c.brand ?? '—'),
      el('td', {}, el('span', { class: 'pill pill-ok', title: c.status }, c.status)),
      el('td', {}, Number.isNaN(expires) ? el('span', {}, 'Not issued') : el('span', { class: 'expiry-cell' }, `${c.expire_time.slice(0, 10)} `, expiry(expires))),
      el('td', {}, c.deploy_support ? 'Yes' : 'No'),
    );
  });
  return table('SSL certificates', ['Name', 'Domain', 'Additional names', 'Type', 'Brand', 'Status', 'Expires', 'Deployable'], rows);
}

const VIEWS = {
  tree: ['CA hierarchy', async (auth) => caTree(await allCas(auth))],
  table: ['Private CAs', async (auth) => caTable(await allCas(auth))],
  certs: ['Private certificates', async (auth) => certTable((await get(auth, `${CCM}/v1/private-certificates?limit=20&offset=0&sort_dir=DESC&sort_key=create_time`)).certificates)],
  scm: ['SSL certificates', async (auth) => sslTable((await get(auth, `${SCM}/v3/scm/certificates?limit=10&offset=0&sort_dir=DESC&sort_key=certUpdateTime&status=ALL`)).certificates)],
};

async function main() {
  const name = new URLSearchParams(location.search).get('view') ?? 'tree';
  const [title, build] = VIEWS[name] ?? VIEWS.tree;
  document.getElementById('title').textContent = title;
  const section = document.getElementById('view');
  section.setAttribute('aria-label', title);
  try {
    section.replaceChildren(await build(await token()));
  } catch (e) {
    section.replaceChildren(el('p', { role: 'alert' }, String(e)));
  }
}

main();
