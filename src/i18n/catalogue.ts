// The UI's words in Thai and English, read from locales/<lang>.json and locales/<lang>/<namespace>.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Bilingual } from '../domain/bilingual';
import { findProjectRoot } from '../project-root';

export const LOCALES = ['th', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'th';

export function isLocale(x: unknown): x is Locale {
  return x === 'th' || x === 'en';
}

export type Params = Readonly<Record<string, string | number>>;

export interface Catalogue {
  /** The text for `key` in `locale`, with `{name}` placeholders filled; the key itself when missing. */
  t(locale: Locale, key: string, params?: Params): string;
  /** The text in both languages (for DomainError messages). */
  bilingual(key: string, params?: Params): Bilingual;
  has(locale: Locale, key: string): boolean;
  keys(locale: Locale): string[];
}

type Flat = Map<string, string>;

function flatten(prefix: string, value: unknown, into: Flat, file: string): void {
  if (typeof value === 'string') {
    into.set(prefix, value);
  } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, into, file);
  } else {
    throw new Error(`${file}: "${prefix}" must be a string or an object of strings`);
  }
}

function readLocale(dir: string, locale: Locale): Flat {
  const flat: Flat = new Map();
  const main = join(dir, `${locale}.json`);
  if (existsSync(main)) flatten('', JSON.parse(readFileSync(main, 'utf8')), flat, main);
  // One file per area (locales/th/agreement.json → "agreement.*") so engineers do not edit one big file.
  const sub = join(dir, locale);
  if (existsSync(sub)) {
    for (const f of readdirSync(sub)
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(sub, f);
      flatten(basename(f, '.json'), JSON.parse(readFileSync(file, 'utf8')), flat, file);
    }
  }
  return flat;
}

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export function loadCatalogue(dir: string): Catalogue {
  const tables = new Map<Locale, Flat>(LOCALES.map((l) => [l, readLocale(dir, l)]));
  const lookup = (locale: Locale, key: string) => tables.get(locale)?.get(key);
  const t = (locale: Locale, key: string, params?: Params) => fill(lookup(locale, key) ?? key, params);
  return {
    t,
    bilingual: (key, params) => ({ th: t('th', key, params), en: t('en', key, params) }),
    has: (locale, key) => lookup(locale, key) !== undefined,
    keys: (locale) => [...(tables.get(locale)?.keys() ?? [])].sort(),
  };
}

const cache = new Map<string, Catalogue>();

/** The catalogue under the project's locales/ folder, read once per process. */
export function projectCatalogue(root: string = findProjectRoot()): Catalogue {
  let c = cache.get(root);
  if (!c) {
    c = loadCatalogue(join(root, 'locales'));
    cache.set(root, c);
  }
  return c;
}
