// The partner-language text against the Thai and English ones: every article there, the same numbers and dates.
import type { AgreementContent } from '../agreement';
import type { Bilingual } from '../bilingual';
import type { PartnerText } from '../partner-text';
import type { Hit, Rule } from './finding';
import { GUIDELINES } from './guidelines';
import { partnerDatesIn, partnerNumbersIn } from './partner-numbers';
import { placeLabel, type Place } from './places';
import { readingOf, unmatched } from './reading';

/** "the Korean text (ko)", in both languages. */
function partnerName(p: PartnerText): Bilingual {
  return { th: `ฉบับ${p.language.th} (${p.lang})`, en: `the ${p.language.en} text (${p.lang})` };
}

/**
 * The partner's text of a place: title, preamble, an article's heading or text. The closing is left out: it says
 * "in duplicate" where Korean writes "2부" and Chinese "一式两份", so its numbers are no parity.
 */
function partnerTextOf(p: PartnerText, place: Place): string | undefined {
  switch (place.part) {
    case 'title':
      return p.title;
    case 'preamble':
      return p.preamble;
    case 'heading':
    case 'text': {
      const a = place.anchor;
      const pa = a.kind === 'article' ? p.articles.find((x) => x.key === a.key) : undefined;
      return place.part === 'heading' ? pa?.heading : pa?.text;
    }
    case 'closing':
      return undefined;
  }
}

const list = (xs: readonly { text: string }[]) => xs.map((x) => `"${x.text.trim()}"`).join(', ');

function eachPartnerPlace(check: (p: PartnerText, place: Place, text: string) => Hit[]): Rule['check'] {
  return ({ content, places }) => {
    const p = content.partnerText;
    if (!p) return [];
    return places.flatMap((place) => {
      const text = partnerTextOf(p, place);
      return text === undefined ? [] : check(p, place, text);
    });
  };
}

/** A number (digits or a CJK numeral before a unit) the partner's text has and the English lacks, or the reverse. */
const partnerNumbers: Rule = {
  id: 'parity.partner-numbers',
  severity: 'error',
  guideline: GUIDELINES.partnerParity,
  check: eachPartnerPlace((p, place, text) => {
    const en = readingOf(place).en.numbers;
    const own = partnerNumbersIn(partnerDatesIn(text).rest);
    const extra = unmatched(own, en, (a, b) => a.value === b.value);
    if (extra.th.length === 0 && extra.en.length === 0) return [];
    const name = partnerName(p);
    const label = placeLabel(place);
    const has =
      extra.th.length > 0 ? { th: ` มี ${list(extra.th)}`, en: ` has ${list(extra.th)}` } : { th: '', en: '' };
    const lacks =
      extra.en.length > 0
        ? {
            th: ` ไม่มี ${list(extra.en)} ที่ฉบับภาษาไทยและภาษาอังกฤษมี`,
            en: ` lacks ${list(extra.en)} of the Thai and English texts`,
          }
        : { th: '', en: '' };
    return [
      {
        anchor: place.anchor,
        lang: 'partner',
        message: {
          th: `ตัวเลขใน${label.th} ของ${name.th}ไม่ตรงกับฉบับภาษาไทยและภาษาอังกฤษ:${has.th}${lacks.th}`,
          en: `The numbers of ${label.en} in ${name.en} differ from the Thai and English texts: it${has.en}${extra.th.length > 0 && extra.en.length > 0 ? ' and' : ''}${lacks.en}`,
        },
        ...(extra.th[0] ? { excerpt: extra.th[0].text } : {}),
      },
    ];
  }),
};

/** A date the partner's text has and the English lacks, or the reverse. */
const partnerDates: Rule = {
  id: 'parity.partner-dates',
  severity: 'error',
  guideline: GUIDELINES.partnerParity,
  check: eachPartnerPlace((p, place, text) => {
    const en = readingOf(place).en.dates;
    const extra = unmatched(partnerDatesIn(text).dates, en, (a, b) => a.value === b.value);
    if (extra.th.length === 0 && extra.en.length === 0) return [];
    const name = partnerName(p);
    const label = placeLabel(place);
    const all = [...extra.th, ...extra.en];
    return [
      {
        anchor: place.anchor,
        lang: 'partner',
        message: {
          th: `วันที่ใน${label.th} ของ${name.th}ไม่ตรงกับฉบับภาษาไทยและภาษาอังกฤษ (${list(all)})`,
          en: `The dates of ${label.en} in ${name.en} differ from the Thai and English texts (${list(all)})`,
        },
        ...(extra.th[0] ? { excerpt: extra.th[0].text } : {}),
      },
    ];
  }),
};

/** An article the partner's text does not have yet: it is complete or absent, and absent is not ready to sign. */
const partnerMissing: Rule = {
  id: 'parity.partner-missing-article',
  severity: 'error',
  guideline: GUIDELINES.partnerParity,
  check: ({ content }) => missingArticles(content),
};

function missingArticles(content: AgreementContent): Hit[] {
  const p = content.partnerText;
  if (!p) return [];
  const name = partnerName(p);
  return content.articles
    .filter((a) => !p.articles.some((x) => x.key === a.key))
    .map((a) => ({
      anchor: { kind: 'article', no: a.no, key: a.key },
      lang: 'partner',
      message: {
        th: `ข้อ ${a.no} ยังไม่มีใน${name.th}`,
        en: `Article ${a.no} is not in ${name.en} yet`,
      },
    }));
}

export const PARTNER_RULES: readonly Rule[] = [partnerNumbers, partnerDates, partnerMissing];
