// The draft editor's third column: the partner's-language text as the form holds it (every field as typed), its field
// names, the partner text it gives, and its own mistakes named by article in Thai and English.
import type { Bilingual } from '../../domain';
import type { PartnerText } from '../../domain/partner-text';
import { PartnerLang } from '../../domain/text-lang';
import { field } from '../validate';

/** A party as the partner's text names it. */
export interface PartnerPartyForm {
  name: string;
  country: string;
  signatory: string;
}

/** The partner's text as the editor's third column holds it, every field as typed. */
export interface PartnerForm {
  lang: string;
  language: Bilingual & { native: string };
  thai: PartnerPartyForm;
  partner: PartnerPartyForm;
  title: string;
  preamble: string;
  closing: string;
}

/** An article's heading and text in the partner's language (both blank: the article is not in the partner's text). */
export interface PartnerArticleForm {
  heading: string;
  text: string;
}

/** The articles as the column reads them: each with its partner heading and text, if the form had them. */
type Articles = readonly { partner?: PartnerArticleForm | undefined }[];

const NO_PARTY: PartnerPartyForm = { name: '', country: '', signatory: '' };
export const NO_PARTNER_TEXT: PartnerForm = {
  lang: '',
  language: { th: '', en: '', native: '' },
  thai: NO_PARTY,
  partner: NO_PARTY,
  title: '',
  preamble: '',
  closing: '',
};

export function partnerFormOf(p: PartnerText | undefined): PartnerForm {
  if (!p) return NO_PARTNER_TEXT;
  return {
    lang: p.lang,
    language: { ...p.language },
    thai: { ...p.parties.thai },
    partner: { ...p.parties.partner },
    title: p.title,
    preamble: p.preamble,
    closing: p.closing ?? '',
  };
}

const partyFromBody = (body: unknown, side: 'thai' | 'partner'): PartnerPartyForm => ({
  name: field(body, `pt.${side}.name`),
  country: field(body, `pt.${side}.country`),
  signatory: field(body, `pt.${side}.signatory`),
});

/** The column as posted; undefined when the form had none (its language field is always posted with it). */
export function partnerFromBody(body: unknown): PartnerForm | undefined {
  if (typeof body !== 'object' || body === null || !('pt.lang' in body)) return undefined;
  return {
    lang: field(body, 'pt.lang').trim(),
    language: {
      th: field(body, 'pt.language.th'),
      en: field(body, 'pt.language.en'),
      native: field(body, 'pt.language.native'),
    },
    thai: partyFromBody(body, 'thai'),
    partner: partyFromBody(body, 'partner'),
    title: field(body, 'pt.title'),
    preamble: field(body, 'pt.preamble'),
    closing: field(body, 'pt.closing'),
  };
}

/** Article i's partner heading and text as posted. */
export const partnerArticleFromBody = (body: unknown, i: number): PartnerArticleForm => ({
  heading: field(body, `articles.${i}.pt.heading`),
  text: field(body, `articles.${i}.pt.text`),
});

const blank = (s: string) => s.trim() === '';
const blankParty = (p: PartnerPartyForm) => blank(p.name) && blank(p.country) && blank(p.signatory);

/** Whether an article has nothing in the partner's language (it is not in the partner's text). */
export const partnerArticleBlank = (p: PartnerArticleForm | undefined): boolean =>
  !p || (blank(p.heading) && blank(p.text));

/** Whether the column holds nothing at all (then the agreement has no partner text). */
export function partnerColumnBlank(p: PartnerForm | undefined, articles: Articles): boolean {
  if (!p) return true;
  return (
    blank(p.lang) &&
    blank(p.language.th) &&
    blank(p.language.en) &&
    blank(p.language.native) &&
    blankParty(p.thai) &&
    blankParty(p.partner) &&
    blank(p.title) &&
    blank(p.preamble) &&
    blank(p.closing) &&
    articles.every((a) => partnerArticleBlank(a.partner))
  );
}

/**
 * The partner text the column gives (validated by the service; undefined when the column is blank). `keyOf` names
 * article i as the saved content will (an article added since the last save has a key derived from what it says).
 */
export function partnerTextOf(
  p: PartnerForm,
  articles: Articles,
  keyOf: (i: number) => string | undefined,
): unknown {
  if (partnerColumnBlank(p, articles)) return undefined;
  return {
    lang: p.lang,
    language: p.language,
    parties: { thai: p.thai, partner: p.partner },
    title: p.title,
    preamble: p.preamble,
    articles: articles.flatMap((a, i) => {
      const key = keyOf(i);
      const t = a.partner;
      if (!key || !t || partnerArticleBlank(t)) return []; // not in the partner's text
      return [{ key, heading: t.heading, text: t.text }];
    }),
    ...(blank(p.closing) ? {} : { closing: p.closing }),
  };
}

/**
 * The column's own mistakes, named by article as the form shows them: an article whose partner heading or text is
 * written without the other, and a column with text but no language. Each message in Thai and English.
 */
export function partnerColumnProblems(
  p: PartnerForm | undefined,
  articles: Articles,
): { path: string; message: Bilingual }[] {
  if (!p || partnerColumnBlank(p, articles)) return [];
  const out: { path: string; message: Bilingual }[] = [];
  if (blank(p.lang))
    out.push({
      path: 'pt.lang',
      message: {
        th: 'ระบุภาษาของคู่ภาคี (รหัสภาษา เช่น ko, zh-Hans, ja) หรือลบข้อความในคอลัมน์ภาษาของคู่ภาคีทั้งหมด',
        en: "Give the partner's language (a language tag such as ko, zh-Hans or ja), or clear the partner's column",
      },
    });
  else if (!PartnerLang.safeParse(p.lang).success)
    out.push({
      path: 'pt.lang',
      message: {
        th: `"${p.lang}" ไม่ใช่รหัสภาษาที่ใช้ได้: ใช้รหัส BCP 47 เช่น ko, zh-Hans, ja หรือ vi (ภาษาไทยและภาษาอังกฤษมีอยู่แล้วเสมอ)`,
        en: `"${p.lang}" is not a language tag that can be used: give a BCP 47 tag such as ko, zh-Hans, ja or vi (Thai and English are always there)`,
      },
    });
  articles.forEach((a, i) => {
    const t = a.partner;
    if (!t || blank(t.heading) === blank(t.text)) return;
    out.push({
      path: `articles.${i}`,
      message: blank(t.heading)
        ? {
            th: 'ข้อความภาษาของคู่ภาคีมีเนื้อความแต่ไม่มีหัวข้อ: ใส่ทั้งสองอย่าง หรือเว้นว่างทั้งสองอย่าง',
            en: "The partner's text has a text but no heading: give both, or leave both blank",
          }
        : {
            th: 'ข้อความภาษาของคู่ภาคีมีหัวข้อแต่ไม่มีเนื้อความ: ใส่ทั้งสองอย่าง หรือเว้นว่างทั้งสองอย่าง',
            en: "The partner's text has a heading but no text: give both, or leave both blank",
          },
    });
  });
  return out;
}
