import fs from 'node:fs';
import path from 'node:path';
import { expect, Locator, Page } from '@playwright/test';
import { ALLOWED_TERMS } from './i18n-allowed';

// What the zh-CN specs share: the locale files' strings (to find a Chinese
// text by the English one the other specs use) and the scan for English
// left on a page (visible text plus aria-label, title and placeholder,
// leaving out data: translate="no", <code>, <pre>, <kbd>, input values,
// and the allowed technical terms of i18n-allowed.ts).

type Strings = Map<string, string>;
export function localeStrings(locale: string): Map<string, string> {
  const dir = path.join('locales', locale);
  const out = new Map<string, string>();
  for (const file of fs.readdirSync(dir).sort()) {
    const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const [k, v] of Object.entries(json)) out.set(`${file.replace(/\.json$/, '')}.${k}`, String(v));
  }
  return out;
}
export const EN: Strings = localeStrings('en');
export const ZH: Strings = localeStrings('zh-CN');

/** The Chinese text of the key whose English text is `english`. */
export function L(english: string): string {
  for (const [key, value] of EN) if (value === english) return ZH.get(key)!;
  throw new Error(`not in the locale files yet (not converted): "${english}"`);
}

/** The Latin-letter words left on the page, with where they were found. */
export async function englishLeft(page: Page, scope?: string): Promise<string[]> {
  const found = await page.evaluate((scopeSelector) => {
    const root = scopeSelector ? document.querySelector(scopeSelector) : document.body;
    if (!root) return [] as string[];
    const skipped = (el: Element | null): boolean =>
      !!el?.closest('[translate="no"], code, pre, kbd, script, style, noscript, textarea');
    const visible = (el: Element | null): boolean =>
      !!el && (el as HTMLElement).checkVisibility?.({ checkOpacity: false, checkVisibilityCSS: true }) !== false &&
      !el.closest('[hidden], [aria-hidden="true"]');
    // Data the page shows as data (names, ids, values): an attribute that
    // repeats it (a tree item's aria-label is its CA's name) is not English.
    const data = new Set<string>();
    for (const el of document.querySelectorAll('[translate="no"], code, pre, kbd')) {
      const t = el.textContent?.trim();
      if (t) data.add(t);
    }
    for (const el of document.querySelectorAll('input, textarea')) {
      const v = (el as HTMLInputElement).value?.trim();
      if (v) data.add(v);
    }
    // What an element declares as data where a span cannot go (an
    // option's text, a placeholder): `data-untranslated`, one per line.
    for (const el of document.querySelectorAll('[data-untranslated]')) {
      for (const d of el.getAttribute('data-untranslated')!.split('\n')) if (d.trim()) data.add(d.trim());
    }
    const dataFirst = [...data].sort((a, b) => b.length - a.length);
    const withoutData = (v: string) => dataFirst.reduce((rest, d) => rest.split(d).join(' '), v);
    const out: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = n.parentElement;
      const text = n.textContent?.trim();
      if (!text || skipped(parent)) continue;
      // Option text counts though a closed <select> hides it.
      if (!(parent?.closest('select') || visible(parent))) continue;
      // An option cannot hold a span: its declared data is left out.
      const shown = parent!.closest('option[data-untranslated]') ? withoutData(text) : text;
      if (!/[A-Za-z]/.test(shown)) continue;
      out.push(`text "${shown}" in <${parent!.tagName.toLowerCase()}>`);
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skipped(el) || !visible(el)) continue;
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(attr)?.trim();
        if (v && /[A-Za-z]/.test(withoutData(v))) out.push(`${attr} "${withoutData(v)}" on <${el.tagName.toLowerCase()}>`);
      }
    }
    return out;
  }, scope);
  const terms = [...ALLOWED_TERMS].sort((a, b) => b.length - a.length);
  const left: string[] = [];
  for (const entry of found) {
    const [, value] = entry.match(/"(.*)"/s) ?? [];
    let rest = value ?? '';
    for (const t of terms) rest = rest.split(t).join(' ');
    const words = rest.match(/[A-Za-z][A-Za-z'-]*/g);
    if (words) left.push(`${entry}: ${words.join(' ')}`);
  }
  return left;
}

/** `L` for a text with `{{ variables }}`, filled in. */
export function Lv(english: string, vars: Record<string, string | number>): string {
  let text = L(english);
  for (const [k, v] of Object.entries(vars)) text = text.split(`{{ ${k} }}`).join(String(v));
  return text;
}

/** Latin words in an element's text outside <code>, allowed terms left out. */
export async function latinOutsideCode(el: Locator): Promise<string[]> {
  let text = await el.evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('code').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });
  for (const t of [...ALLOWED_TERMS].sort((a, b) => b.length - a.length)) text = text.split(t).join(' ');
  return text.match(/[A-Za-z][A-Za-z'-]*/g) ?? [];
}


/** Signs in on Settings with the emulator's access key, by the Chinese labels. */
export async function signIn(page: Page) {
  await page.goto('/settings');
  await expect(page.getByRole('heading', { name: L('Settings'), level: 1 })).toBeVisible();
  await page.getByRole('radio', { name: L('Access key (AK/SK)') }).check();
  await page.getByLabel(L('Access key ID')).fill('EMULATORAK0000000001');
  await page.getByLabel(L('Secret access key')).fill('emulatorSecretKey0000000000000000000000');
  await page.getByRole('button', { name: L('Sign in'), exact: true }).click();
  await expect(page.getByText(L('Sign out'), { exact: true })).toBeVisible();
}
