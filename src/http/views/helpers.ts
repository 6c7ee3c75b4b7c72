// Handlebars helpers every view can use: t (translate), bi (pick a language), dates, role and province names.
import type { HelperDelegate, HelperOptions } from 'handlebars';
import { findProvince } from '../../domain/catalogue/provinces';
import { countryNameIn } from '../../domain/checks/gazetteer';
import { DEFAULT_LOCALE, isLocale, type Catalogue, type Locale, type Params } from '../../i18n/catalogue';
import { formatDate, formatDateTime, toDate } from '../format';

export type ViewHelpers = Readonly<Record<string, HelperDelegate>>;

function isOptions(x: unknown): x is HelperOptions {
  return typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
}

/** The page's language, from the render data's root (res.locals.locale). */
export function localeOf(options: unknown): Locale {
  if (!isOptions(options)) return DEFAULT_LOCALE;
  const data: unknown = options.data;
  const root: unknown =
    typeof data === 'object' && data !== null ? (data as { root?: unknown }).root : undefined;
  const l = typeof root === 'object' && root !== null ? (root as { locale?: unknown }).locale : undefined;
  return isLocale(l) ? l : DEFAULT_LOCALE;
}

function hashParams(options: unknown): Params {
  if (!isOptions(options)) return {};
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(options.hash as Record<string, unknown>)) {
    if (typeof v === 'string' || typeof v === 'number') out[k] = v;
    else if (v !== undefined && v !== null) out[k] = String(v);
  }
  return out;
}

function objectParams(v: unknown): Params {
  if (typeof v !== 'object' || v === null) return {};
  const out: Record<string, string | number> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  return out;
}

/** Every helper's last argument is Handlebars' options object; the ones before it are the template's arguments. */
function args(all: unknown[]): { values: unknown[]; options: unknown } {
  return { values: all.slice(0, -1), options: all[all.length - 1] };
}

export function coreHelpers(catalogue: Catalogue): ViewHelpers {
  return {
    /** {{t "nav.queue"}}, {{t "tokens.created" name=token.name}} or {{t flash.key flash.params}}. */
    t: (...all: unknown[]) => {
      const { values, options } = args(all);
      return catalogue.t(localeOf(options), String(values[0] ?? ''), {
        ...objectParams(values[1]),
        ...hashParams(options),
      });
    },
    /** {{bi party.name}}: the page language's side of a { th, en } value. */
    bi: (...all: unknown[]) => {
      const { values, options } = args(all);
      const v = values[0];
      if (typeof v !== 'object' || v === null) return '';
      const side = (v as Record<string, unknown>)[localeOf(options)];
      return typeof side === 'string' ? side : '';
    },
    date: (...all: unknown[]) => {
      const { values, options } = args(all);
      const d = toDate(values[0]);
      return d ? formatDate(d, localeOf(options)) : '';
    },
    dateTime: (...all: unknown[]) => {
      const { values, options } = args(all);
      const d = toDate(values[0]);
      return d ? formatDateTime(d, localeOf(options)) : '';
    },
    roleName: (...all: unknown[]) => {
      const { values, options } = args(all);
      return catalogue.t(localeOf(options), `roles.${String(values[0])}`);
    },
    provinceName: (...all: unknown[]) => {
      const { values, options } = args(all);
      const p = typeof values[0] === 'string' ? findProvince(values[0]) : undefined;
      return p ? p.name[localeOf(options)] : '';
    },
    /** A partner country stored by its English name, in the page's language (the gazetteer's official name). */
    countryName: (...all: unknown[]) => {
      const { values, options } = args(all);
      return typeof values[0] === 'string' ? countryNameIn(values[0], localeOf(options)) : '';
    },
    eq: (...all: unknown[]) => {
      const { values } = args(all);
      return values[0] === values[1];
    },
    not: (...all: unknown[]) => !args(all).values[0],
    /** {{navCurrent "/admin"}} → aria-current="page" when the page is under that path. */
    navCurrent: (...all: unknown[]) => {
      const { values, options } = args(all);
      const prefix = String(values[0] ?? '');
      const data: unknown = isOptions(options) ? options.data : undefined;
      const root =
        typeof data === 'object' && data !== null
          ? (data as { root?: { currentPath?: unknown } }).root
          : undefined;
      const path = typeof root?.currentPath === 'string' ? root.currentPath : '';
      return path === prefix || path.startsWith(`${prefix}/`) ? 'page' : 'false';
    },
  };
}
