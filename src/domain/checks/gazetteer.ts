// The gazetteer the name checks read: official names of countries and of the sides, with the forms MFA corrects.
import type { Bilingual, Lang } from '../bilingual';
import { PROVINCES } from '../catalogue/provinces';
import {
  COUNTRY_ROWS,
  PARTNER_ROWS,
  THAI_SIDE_VARIANTS,
  type Aliases,
  type NamingCare,
} from './gazetteer-data';

export type { Aliases, NamingCare };

export interface GazetteerCountry {
  readonly id: string;
  /** As MFA writes it, without the article ("Kingdom of Thailand"). */
  readonly name: Bilingual;
  /** In running English text the name takes "the" ("the Kingdom of Thailand", but "Japan"). */
  readonly takesThe: boolean;
  /** Short or informal forms that MFA replaces with the official name. */
  readonly aliases: Aliases;
}

export interface GazetteerSide {
  readonly id: string;
  readonly name: Bilingual;
  /** Other names that are also official (Bangkok / Bangkok Metropolitan Administration). */
  readonly variants: readonly Bilingual[];
  readonly country: string;
  readonly aliases: Aliases;
  readonly care?: NamingCare;
  /** The fuller name MFA prefers where one exists (Macao … of the People's Republic of China). */
  readonly preferred?: Bilingual;
  /** The office that signs for the side (a province's governor; a partner's mayor), when known. */
  readonly signatory?: Bilingual;
  /** The official name in the side's own script (세종특별자치시), when it has one. */
  readonly nativeName?: string;
  /** Level of government (province, prefecture, city, special administrative region…), when known. */
  readonly level?: Bilingual;
}

export interface Gazetteer {
  readonly countries: readonly GazetteerCountry[];
  readonly sides: readonly GazetteerSide[];
}

const none: Aliases = { th: [], en: [] };

/** Thai provinces from the catalogue: "Chiang Mai" and "เชียงใหม่" without "Province"/"จังหวัด" are aliases. */
function provinceSides(): GazetteerSide[] {
  return PROVINCES.map((p) => {
    const th = p.name.th.startsWith('จังหวัด') ? [p.name.th.slice('จังหวัด'.length)] : [];
    const en = p.name.en.endsWith(' Province') ? [p.name.en.slice(0, -' Province'.length)] : [];
    return {
      id: p.id,
      name: p.name,
      variants: THAI_SIDE_VARIANTS[p.id] ?? [],
      country: 'thailand',
      aliases: { th, en },
    };
  });
}

/** The gazetteer shipped with MOU Engine: the 77 provinces, the partners of fixtures/pairs.json, their countries. */
export const GAZETTEER: Gazetteer = {
  countries: COUNTRY_ROWS.map((r) => ({ ...r, aliases: r.aliases ?? none })),
  sides: [
    ...provinceSides(),
    ...PARTNER_ROWS.map((r) => ({ ...r, variants: [], aliases: r.aliases ?? none })),
  ],
};

/** Compare names as a reader would: case, a leading "the", curly apostrophes and extra spaces do not matter. */
export function nameKey(s: string): string {
  return s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().replace(/^the /i, '').toLowerCase();
}

function officialNames(x: { name: Bilingual; variants?: readonly Bilingual[] }, lang: Lang): string[] {
  return [x.name[lang], ...(x.variants ?? []).map((v) => v[lang])];
}

export type NameMatch<T> = { entry: T; official: boolean };

type Index<T> = Map<string, NameMatch<T>>;
const indexes = new WeakMap<readonly object[], Record<Lang, Index<object>>>();

/** Names by their key, per language (official names before aliases); built once per list of entries. */
function indexOf<T extends GazetteerCountry | GazetteerSide>(entries: readonly T[]): Record<Lang, Index<T>> {
  const known = indexes.get(entries);
  if (known) return known as Record<Lang, Index<T>>;
  const build = (lang: Lang): Index<T> => {
    const idx: Index<T> = new Map();
    for (const entry of entries) {
      for (const n of officialNames(entry, lang))
        if (!idx.has(nameKey(n))) idx.set(nameKey(n), { entry, official: true });
    }
    for (const entry of entries) {
      for (const a of entry.aliases[lang])
        if (!idx.has(nameKey(a))) idx.set(nameKey(a), { entry, official: false });
    }
    return idx;
  };
  const made = { th: build('th'), en: build('en') };
  indexes.set(entries, made);
  return made;
}

/** The entry whose official name or alias is `name` in `lang`. */
export function lookUp<T extends GazetteerCountry | GazetteerSide>(
  entries: readonly T[],
  name: string,
  lang: Lang,
): NameMatch<T> | undefined {
  const k = nameKey(name);
  return k === '' ? undefined : indexOf(entries)[lang].get(k);
}

/** Whether [at, at + len) lies inside one of `spans`. */
export const inSpans = (spans: readonly [number, number][], at: number, len: number): boolean =>
  spans.some(([s, e]) => at >= s && at + len <= e);

const officialLists = new WeakMap<Gazetteer, Record<Lang, string[]>>();

/** Every official name of a country or side in `lang`, apostrophes straightened; built once per gazetteer. */
export function allOfficialNames(g: Gazetteer, lang: Lang): string[] {
  let lists = officialLists.get(g);
  if (!lists) {
    const of = (l: Lang) =>
      [...g.countries, ...g.sides].flatMap((e) => officialNames(e, l)).map((n) => n.replace(/’/g, "'"));
    lists = { th: of('th'), en: of('en') };
    officialLists.set(g, lists);
  }
  return lists[lang];
}

/** A country's name in `lang`, from its English name as stored (official or alias); unknown names stay as given. */
export function countryNameIn(en: string, lang: Lang): string {
  const key = nameKey(en);
  const c = GAZETTEER.countries.find(
    (x) => nameKey(x.name.en) === key || x.aliases.en.some((a) => nameKey(a) === key),
  );
  return c ? c.name[lang] : en;
}
