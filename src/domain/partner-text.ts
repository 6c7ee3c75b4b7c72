// The partner-language text of an agreement: title, preamble, articles (each complete or absent), closing, party names.
import { z } from 'zod';
import { ArticleKey } from './article-key';
import { Bilingual, Text, type Bilingual as Bi } from './bilingual';
import { PartnerLang } from './text-lang';

const Filled = Text.refine((s) => s.trim() !== '', { message: 'must not be empty' });

/** A party as the partner's text names it. */
export const PartnerPartyText = z.object({ name: Filled, country: Filled, signatory: Filled }).strict();
export type PartnerPartyText = z.infer<typeof PartnerPartyText>;

/** One article of the partner's text: heading and text both, or the article is not in the partner's text at all. */
export const PartnerArticle = z.object({ key: ArticleKey, heading: Filled, text: Filled }).strict();
export type PartnerArticle = z.infer<typeof PartnerArticle>;

export const PartnerText = z
  .object({
    lang: PartnerLang,
    /** The language's name in Thai, English and itself ("ภาษาเกาหลี", "Korean", "한국어"). */
    language: Bilingual.extend({ native: Filled }).strict(),
    parties: z.object({ thai: PartnerPartyText, partner: PartnerPartyText }).strict(),
    title: Filled,
    preamble: Filled,
    articles: z.array(PartnerArticle).max(200),
    /** May hold {{place.<lang>}} and {{date.<lang>}}, filled at signing in the language's own date format. */
    closing: Text.optional(),
  })
  .strict();
export type PartnerText = z.infer<typeof PartnerText>;

/** What is wrong with a partner text against its agreement's articles: each message in Thai and English. */
export function partnerTextProblems(
  partner: PartnerText,
  articles: readonly { readonly key: string; readonly no: number }[],
): Bi[] {
  const problems: Bi[] = [];
  const keys = new Set(articles.map((a) => a.key));
  const seen = new Set<string>();
  for (const a of partner.articles) {
    if (!keys.has(a.key))
      problems.push({
        th: `ข้อความภาษาของคู่ภาคีมีข้อ (${a.key}) ที่ไม่มีในข้อความภาษาไทยและภาษาอังกฤษ`,
        en: `The partner's text has an article (${a.key}) that the Thai and English texts do not have`,
      });
    if (seen.has(a.key))
      problems.push({
        th: `ข้อความภาษาของคู่ภาคีมีข้อ (${a.key}) ซ้ำกัน`,
        en: `The partner's text has article ${a.key} twice`,
      });
    seen.add(a.key);
  }
  return problems;
}

/** Articles of the agreement the partner's text does not have yet (absent, not half-written: those are refused). */
export function articlesWithoutPartnerText<T extends { readonly key: string }>(
  partner: PartnerText,
  articles: readonly T[],
): T[] {
  const have = new Set(partner.articles.map((a) => a.key));
  return articles.filter((a) => !have.has(a.key));
}
