// One place read for parity: its dates and numbers in each language, read once and shared by the parity rules.
import type { Lang } from '../bilingual';
import { datesIn, type DateToken } from './dates';
import { numbersIn, type NumberToken } from './numbers';
import { withoutPlaceholders, type Place } from './places';

export interface Reading {
  readonly dates: readonly DateToken[];
  readonly numbers: readonly NumberToken[];
}

const cache = new WeakMap<Place, Record<Lang, Reading>>();

function read(text: string, lang: Lang): Reading {
  const { dates, rest } = datesIn(withoutPlaceholders(text), lang);
  return { dates, numbers: numbersIn(rest, lang) };
}

export function readingOf(place: Place): Record<Lang, Reading> {
  let r = cache.get(place);
  if (!r) {
    r = { th: read(place.text.th, 'th'), en: read(place.text.en, 'en') };
    cache.set(place, r);
  }
  return r;
}

/** Items of one language that the other lacks, counting repeats ("5, 5" against "5" leaves one 5). */
export function unmatched<T>(
  th: readonly T[],
  en: readonly T[],
  same: (a: T, b: T) => boolean,
): { th: T[]; en: T[] } {
  const pool = [...en];
  const onlyTh: T[] = [];
  for (const t of th) {
    const i = pool.findIndex((e) => same(t, e));
    if (i >= 0) pool.splice(i, 1);
    else onlyTh.push(t);
  }
  return { th: onlyTh, en: pool };
}

/** A bare Buddhist-era year in the Thai text ("พ.ศ. 2565") matches its Gregorian year in the English ("2022"). */
export function sameNumber(th: NumberToken, en: NumberToken): boolean {
  if (th.value === en.value) return true;
  const y = Number(th.value);
  const e = Number(en.value);
  return Number.isInteger(y) && y >= 2400 && y <= 2800 && (y - 543 === e || y - 542 === e);
}
