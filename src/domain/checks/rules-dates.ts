// Parity of dates between the languages (BE in Thai, CE in English), dates that do not exist, and the wrong era.
import type { Lang } from '../bilingual';
import { englishDate, parseIsoDate, thaiDate } from '../thai-format';
import type { DateToken } from './dates';
import type { Rule } from './finding';
import { GUIDELINES } from './guidelines';
import { readingOf, unmatched } from './reading';
import { bothPresent, difference, eachPlace } from './rules-parity';

function showDate(t: DateToken, lang: Lang): string {
  const d = t.value ? parseIsoDate(t.value.length === 7 ? `${t.value}-01` : t.value) : undefined;
  if (!d) return `"${t.text}"`;
  const same = lang === 'th' ? englishDate(d) : thaiDate(d);
  return `"${t.text}" (= ${t.value?.length === 7 ? same.replace(/^1 /, '') : same})`;
}

const dates: Rule = {
  id: 'parity.dates',
  severity: 'error',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) => {
    if (!bothPresent(p)) return [];
    const r = readingOf(p);
    const real = (ds: readonly DateToken[]) => ds.filter((d) => d.value !== undefined);
    const extra = unmatched(real(r.th.dates), real(r.en.dates), (a, b) => a.value === b.value);
    return difference(p, extra, { th: 'วันที่', en: 'dates' }, showDate);
  }),
};

const invalidDates: Rule = {
  id: 'dates.invalid',
  severity: 'error',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) =>
    (['th', 'en'] as const).flatMap((lang) =>
      readingOf(p)
        [lang].dates.filter((d) => d.value === undefined)
        .map((d) => ({
          anchor: p.anchor,
          lang,
          excerpt: d.text,
          message: { th: `"${d.text}" ไม่ใช่วันที่ที่มีอยู่จริง`, en: `"${d.text}" is not a date that exists` },
        })),
    ),
  ),
};

const era: Rule = {
  id: 'dates.era',
  severity: 'warning',
  guideline: GUIDELINES.thaiStyle,
  check: eachPlace((p) =>
    (['th', 'en'] as const).flatMap((lang) =>
      readingOf(p)
        [lang].dates.filter((d) => d.otherEra)
        .map((d) => ({
          anchor: p.anchor,
          lang,
          excerpt: d.text,
          message:
            lang === 'th'
              ? {
                  th: `"${d.text}" ใช้ปีคริสต์ศักราช ฉบับภาษาไทยใช้ปีพุทธศักราช (ค.ศ. + 543) หรือระบุ "ค.ศ." ให้ชัด`,
                  en: `"${d.text}" has a Gregorian year; the Thai text uses Buddhist-era years (CE + 543), or says "ค.ศ."`,
                }
              : {
                  th: `"${d.text}" ดูเหมือนใช้ปีพุทธศักราช ฉบับภาษาอังกฤษใช้ปีคริสต์ศักราช (พ.ศ. − 543)`,
                  en: `"${d.text}" looks like a Buddhist-era year; the English text uses Gregorian years (BE − 543)`,
                },
        })),
    ),
  ),
};

export const DATE_RULES: readonly Rule[] = [dates, invalidDates, era];
