// Parity of the Thai and English texts, place by place: both present, the same numbers, list items and names.
import type { Bilingual, Lang } from '../bilingual';
import type { Hit, Rule } from './finding';
import { GUIDELINES, LANG_NAME } from './guidelines';
import type { NumberToken } from './numbers';
import { placeLabel, type Place } from './places';
import { readingOf, sameNumber, unmatched } from './reading';

const blank = (s: string) => s.trim() === '';
const other = (l: Lang): Lang => (l === 'th' ? 'en' : 'th');
export const bothPresent = (p: Place) => !blank(p.text.th) && !blank(p.text.en);

export function eachPlace(check: (p: Place) => Hit[]): Rule['check'] {
  return ({ places }) => places.flatMap(check);
}

const missingLanguage: Rule = {
  id: 'parity.missing-language',
  severity: 'error',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) => {
    const lang = (['th', 'en'] as const).find((l) => blank(p.text[l]) && !blank(p.text[other(l)]));
    if (!lang) return [];
    const label = placeLabel(p);
    const has = LANG_NAME[other(lang)];
    return [
      {
        anchor: p.anchor,
        lang,
        message: {
          th: `${label.th}ยังไม่มี${LANG_NAME[lang].th} (${has.th}มีแล้ว)`,
          en: `${capital(label.en)} is missing in ${LANG_NAME[lang].en} (${has.en} has it)`,
        },
      },
    ];
  }),
};

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One finding for a place whose languages differ: each language's extra items listed, excerpt when one-sided. */
export function difference<T extends { text: string }>(
  p: Place,
  extra: { th: T[]; en: T[] },
  what: Bilingual,
  show: (t: T, lang: Lang) => string,
): Hit[] {
  if (extra.th.length === 0 && extra.en.length === 0) return [];
  const label = placeLabel(p);
  const part = (l: Lang, x: T[], ui: Lang) =>
    x.length === 0
      ? ''
      : `${LANG_NAME[l][ui]}${ui === 'th' ? 'มี ' : ' has '}${x.map((t) => show(t, l)).join(', ')}`;
  const parts = (ui: Lang) =>
    [part('th', extra.th, ui), part('en', extra.en, ui)]
      .filter((s) => s !== '')
      .join(ui === 'th' ? ' แต่' : '; ');
  const lang = extra.th.length > 0 && extra.en.length > 0 ? 'both' : extra.th.length > 0 ? 'th' : 'en';
  const first = lang === 'both' ? undefined : extra[lang][0];
  return [
    {
      anchor: p.anchor,
      lang,
      message: {
        th: `${what.th}ใน${label.th} ไม่ตรงกันระหว่างสองภาษา: ${parts('th')} ซึ่งอีกภาษาหนึ่งไม่มี`,
        en: `The ${what.en} of ${label.en} differ between the languages: ${parts('en')}, which the other lacks`,
      },
      ...(first ? { excerpt: first.text } : {}),
    },
  ];
}

/** Numbers of one language the other lacks: those written with digits, and those in words alone ("six months"). */
function numberDifference(p: Place): {
  digits: { th: NumberToken[]; en: NumberToken[] };
  words: { th: NumberToken[]; en: NumberToken[] };
} {
  const r = readingOf(p);
  const extra = unmatched<NumberToken>(r.th.numbers, r.en.numbers, sameNumber);
  const split = (words: boolean) => ({
    th: extra.th.filter((t) => (t.wordsOnly === true) === words),
    en: extra.en.filter((t) => (t.wordsOnly === true) === words),
  });
  return { digits: split(false), words: split(true) };
}

const numbers: Rule = {
  id: 'parity.numbers',
  severity: 'error',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) =>
    bothPresent(p)
      ? difference(p, numberDifference(p).digits, { th: 'ตัวเลข', en: 'numbers' }, (t) => `"${t.text.trim()}"`)
      : [],
  ),
};

// A number in words alone may stand for a word of the other language that is no number ("once a year" beside
// "ปีละครั้ง", "both" beside "ทั้งสอง"), so a difference there is a warning; digits leave no such doubt.
const numberWords: Rule = {
  id: 'parity.number-words',
  severity: 'warning',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) =>
    bothPresent(p)
      ? difference(
          p,
          numberDifference(p).words,
          { th: 'จำนวนที่เขียนเป็นคำ', en: 'numbers in words' },
          (t) => `"${t.text.trim()}"`,
        )
      : [],
  ),
};

const wordDigits: Rule = {
  id: 'numbers.word-digits',
  severity: 'error',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) =>
    (['th', 'en'] as const).flatMap((lang) =>
      readingOf(p)
        [lang].numbers.filter((t) => t.digitsSay !== undefined)
        .map((t) => ({
          anchor: p.anchor,
          lang,
          excerpt: t.text,
          message: {
            th: `"${t.text}": ตัวเลขในวงเล็บ (${t.digitsSay ?? ''}) ไม่ตรงกับจำนวนที่เขียนเป็นคำ (${t.value})`,
            en: `"${t.text}": the digits in brackets (${t.digitsSay ?? ''}) do not match the number in words (${t.value})`,
          },
        })),
    ),
  ),
};

const ITEM: Record<Lang, RegExp> = { th: /\([ก-ฮ]\)/g, en: /\((?:[a-z]|[ivx]{2,4})\)/g };

const listItems: Rule = {
  id: 'parity.list-items',
  severity: 'error',
  guideline: GUIDELINES.parity,
  check: eachPlace((p) => {
    if (!bothPresent(p)) return [];
    const items = (l: Lang) => p.text[l].match(ITEM[l]) ?? [];
    const [th, en] = [items('th'), items('en')];
    if (th.length === en.length) return [];
    const span = (xs: string[]) => (xs.length === 0 ? '' : ` ${xs[0]}–${xs[xs.length - 1]}`);
    const label = placeLabel(p);
    return [
      {
        anchor: p.anchor,
        lang: 'both',
        message: {
          th: `${label.th}: ฉบับภาษาไทยมี ${th.length} รายการ${span(th)} แต่ฉบับภาษาอังกฤษมี ${en.length} รายการ${span(en)} ขอให้ตรวจสอบให้สอดคล้องกัน`,
          en: `${capital(label.en)}: the Thai text lists ${th.length} items${span(th)}, the English ${en.length}${span(en)}; make them match`,
        },
      },
    ];
  }),
};

const partyNames: Rule = {
  id: 'parity.party-names',
  severity: 'warning',
  guideline: GUIDELINES.parity,
  check: ({ places, content }) =>
    places.filter(bothPresent).flatMap((p) =>
      [content.parties.thai, content.parties.partner].flatMap((party): Hit[] => {
        const has = (l: Lang) => party.name[l].trim() !== '' && p.text[l].includes(party.name[l]);
        if (has('th') === has('en')) return [];
        const lacking: Lang = has('th') ? 'en' : 'th';
        const label = placeLabel(p);
        return [
          {
            anchor: p.anchor,
            lang: lacking,
            message: {
              th: `${label.th}: ${LANG_NAME[other(lacking)].th}ระบุชื่อ "${party.name[other(lacking)]}" แต่${LANG_NAME[lacking].th}ไม่มี "${party.name[lacking]}"`,
              en: `${capital(label.en)}: ${LANG_NAME[other(lacking)].en} names "${party.name[other(lacking)]}" but ${LANG_NAME[lacking].en} has no "${party.name[lacking]}"`,
            },
          },
        ];
      }),
    ),
};

export const PARITY_RULES: readonly Rule[] = [
  missingLanguage,
  numbers,
  numberWords,
  wordDigits,
  listItems,
  partyNames,
];
