// The partner's language in a document: its template context (text, closing with place and date), font and order.
import type { AgreementContent, Article } from '../domain/agreement';
import type { PartnerText } from '../domain/partner-text';
import { parseIsoDate } from '../domain/thai-format';
import { articleLabel, dateInLang, scriptOfLang } from '../domain/text-lang';
import type { ValidRenderInput } from './input';
import type { DocModel, Slot } from './model';

const EMPTY = '……………………';

/** The font of a partner language's runs when the request names none: Noto Serif CJK in the script's variant. */
export function defaultPartnerFont(tag: string): string {
  const t = tag.toLowerCase();
  switch (scriptOfLang(tag)) {
    case 'hangul':
      return 'Noto Serif CJK KR';
    case 'kana':
      return 'Noto Serif CJK JP';
    case 'han':
      return t === 'zh-hant' || t.endsWith('-tw') || t.endsWith('-hk')
        ? 'Noto Serif CJK TC'
        : 'Noto Serif CJK SC';
    case 'thai':
    case 'latin':
    case undefined:
      return 'Noto Serif';
  }
}

/** Fill the partner closing's {{place.<tag>}} and {{date.<tag>}} (the language's own date format); others stay. */
export function fillPartnerClosing(
  text: string,
  tag: string,
  place: string | undefined,
  isoDate: string | undefined,
): string {
  const d = isoDate !== undefined ? parseIsoDate(isoDate) : undefined;
  const date = d ? dateInLang(tag, d.year, d.month, d.day) : undefined;
  return text.replace(/\{\{\s*(place|date)\.([A-Za-z0-9-]+)\s*\}\}/g, (m, what: string, l: string) => {
    if (l !== tag) return m;
    return (what === 'place' ? place : date) ?? EMPTY;
  });
}

export interface PartnerCtx {
  readonly title: string;
  readonly preamble: string;
  readonly closing: string | null;
  readonly language: PartnerText['language'];
}

/** The document-wide partner context, or null when the text has no partner language. */
export function partnerCtx(content: AgreementContent, input: ValidRenderInput): PartnerCtx | null {
  const p = content.partnerText;
  if (!p) return null;
  const s = input.meta?.signing;
  return {
    title: p.title,
    preamble: p.preamble,
    closing: p.closing !== undefined ? fillPartnerClosing(p.closing, p.lang, s?.partnerPlace, s?.date) : null,
    language: p.language,
  };
}

/** An article's partner text (label, heading, text), or null when the partner's text does not have it. */
export function partnerArticleCtx(content: AgreementContent, a: Article) {
  const p = content.partnerText;
  const pa = p?.articles.find((x) => x.key === a.key);
  return p && pa ? { label: articleLabel(p.lang, a.no), heading: pa.heading, text: pa.text } : null;
}

/** A signature column's partner lines: the party's name and the signatory's office in the partner's language. */
export function partnerSignatureCtx(content: AgreementContent, side: 'thai' | 'partner') {
  const p = content.partnerText?.parties[side];
  return p ? { name: p.name, office: p.signatory } : null;
}

/**
 * The order the closing names the languages in ("in the Thai, Korean and English languages": th, partner, en), read
 * from the English closing; Thai, English, then the partner's when the closing does not say.
 */
export function languageOrder(content: AgreementContent): Slot[] {
  const p = content.partnerText;
  if (!p) return ['th', 'en'];
  const en = content.closing?.en ?? '';
  const at: [Slot, number][] = [
    ['th', en.indexOf('Thai')],
    ['en', en.indexOf('English')],
    ['partner', en.indexOf(p.language.en)],
  ];
  if (at.some(([, i]) => i < 0)) return ['th', 'en', 'partner'];
  return at.sort((a, b) => a[1] - b[1]).map(([s]) => s);
}

/** The model's partner field: tag, font (the request's, else the script's default) and language order. */
export function partnerOfModel(content: AgreementContent, input: ValidRenderInput): DocModel['partner'] {
  const p = content.partnerText;
  if (!p) return undefined;
  return {
    tag: p.lang,
    font: input.meta?.partnerFont ?? defaultPartnerFont(p.lang),
    order: languageOrder(content),
  };
}
