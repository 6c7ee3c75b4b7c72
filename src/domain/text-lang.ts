// The languages of an agreement's text (not the UI's locales): Thai and English always, a partner language when present.
import { z } from 'zod';
import type { Lang } from './bilingual';
import type { Script } from './script';

/** A BCP 47 tag in canonical form ("ko", "zh-Hans", "ja", "vi"); never Thai or English, which every text has. */
export const PartnerLang = z
  .string()
  .min(2)
  .max(35)
  .refine((s) => canonicalTag(s) === s, {
    message: 'must be a BCP 47 language tag in canonical form, such as ko, zh-Hans, zh-Hant, ja or vi',
  })
  .refine((s) => !['th', 'en'].includes(primary(s)), {
    message: 'Thai and English are always present; the partner language is a third one',
  });
export type PartnerLang = z.infer<typeof PartnerLang>;

/** A language an agreement's text is written in: one of the fixed pair, or the partner's tag. */
export type TextLang = Lang | PartnerLang;

/** Where a text of the agreement sits: Thai, English, or the partner's language (whose tag the text names). */
export type TextSlot = Lang | 'partner';

/** The canonical form of a tag, or undefined when it is not a well-formed BCP 47 tag. */
export function canonicalTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

const primary = (tag: string): string => tag.split('-')[0]?.toLowerCase() ?? '';

/** The script a partner language is written in, for fonts, line breaking and the checks; undefined when not CJK. */
export function scriptOfLang(tag: string): Script | undefined {
  switch (primary(tag)) {
    case 'ko':
      return 'hangul';
    case 'ja':
      return 'kana';
    case 'zh':
      return 'han';
    default:
      return undefined;
  }
}

/** Chinese, Japanese and Korean: runs use the East Asian font slot, paragraphs break lines by kinsoku rules. */
export const isCjk = (tag: string): boolean => scriptOfLang(tag) !== undefined;

/** The language value Word expects in `w:lang w:eastAsia` (a region for the ones Word knows by region). */
export function wordLangValue(tag: string): string {
  const t = tag.toLowerCase();
  if (t === 'ko') return 'ko-KR';
  if (t === 'ja') return 'ja-JP';
  if (t === 'zh-hant' || t === 'zh-tw' || t === 'zh-hant-tw') return 'zh-TW';
  if (t.startsWith('zh')) return 'zh-CN';
  if (t === 'vi') return 'vi-VN';
  return tag;
}

/** Formatters by tag: making one costs about as much as rendering a page, using one almost nothing. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as the language writes it (2026년 3월 1일, 2026年3月1日), from the ISO calendar date; UTC, never the clock. */
export function dateInLang(tag: string, y: number, m: number, d: number): string {
  let f = dateFormats.get(tag);
  if (f === undefined) {
    f = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(tag, f);
  }
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "제1조" (Korean), "第1条" (Chinese, Japanese), else "Article 1" in the partner's own words where known. */
export function articleLabel(tag: string, no: number): string {
  switch (primary(tag)) {
    case 'ko':
      return `제${no}조`;
    case 'zh':
    case 'ja':
      return `第${no}条`;
    case 'vi':
      return `Điều ${no}`;
    default:
      return `${no}.`;
  }
}

/** The languages a text is in, in a fixed order: Thai, English, then the partner's when it has one. */
export function textLangs(partner: PartnerLang | undefined): TextLang[] {
  return partner === undefined ? ['th', 'en'] : ['th', 'en', partner];
}
