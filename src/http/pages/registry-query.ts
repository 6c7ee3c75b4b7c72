// Reads the registry's search, filters, sort and page from the query string; anything unknown is ignored.
import { AGREEMENT_KINDS, findProvince, type AgreementKind } from '../../domain';
import { machineStructure } from '../../../workflows';
import { SORT_KEYS, type AgreementFilter, type SortKey } from '../../app/ports';
import type { Locale } from '../../i18n/catalogue';
import { queryValue } from './shared';

export const PAGE_SIZE = 20;

export interface RegistryQuery {
  q: string;
  province: string;
  country: string;
  kind: string;
  state: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
  page: number;
}

const STATE_NAMES = new Set(machineStructure().states.map((s) => s.name));

function oneOf<T extends string>(list: readonly T[], v: string): T | undefined {
  return (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function parseRegistryQuery(query: unknown): RegistryQuery {
  const v = (n: string) => queryValue(query, n).trim();
  const page = Number(v('page'));
  return {
    q: v('q').slice(0, 100),
    province: findProvince(v('province')) ? v('province') : '',
    country: v('country').slice(0, 100),
    kind: oneOf(AGREEMENT_KINDS, v('kind')) ?? '',
    state: STATE_NAMES.has(v('state')) ? v('state') : '',
    sort: oneOf(SORT_KEYS, v('sort')) ?? 'updatedAt',
    dir: v('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export function filterOf(q: RegistryQuery): AgreementFilter {
  const kind: AgreementKind | undefined = oneOf(AGREEMENT_KINDS, q.kind);
  return {
    ...(q.q ? { text: q.q } : {}),
    ...(q.province ? { province: q.province } : {}),
    ...(q.country ? { partnerCountryEn: q.country } : {}),
    ...(kind ? { kind } : {}),
    ...(q.state ? { state: q.state } : {}),
  };
}

export function sortOf(q: RegistryQuery, locale: Locale) {
  return { key: q.sort, dir: q.dir, lang: locale };
}

/** The query string for the same search with some values changed (empty values are left out). */
export function queryString(q: RegistryQuery, change: Partial<RegistryQuery> = {}): string {
  const all: Record<string, string | number> = { ...q, ...change };
  const params = new URLSearchParams();
  for (const [k, val] of Object.entries(all)) {
    if (
      val === '' ||
      (k === 'page' && val === 1) ||
      (k === 'sort' && val === 'updatedAt') ||
      (k === 'dir' && val === 'desc')
    )
      continue;
    params.set(k, String(val));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
