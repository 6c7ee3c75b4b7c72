// Agreement content: parties, kind, areas, title, preamble, numbered articles — all bilingual, all pure data.
import { z } from 'zod';
import { ArticleKey } from './article-key';
import { Bilingual, PartialBilingual, Text } from './bilingual';
import { PartnerText } from './partner-text';

export const AGREEMENT_KINDS = ['sister', 'friendship', 'partnership'] as const;
export const AgreementKind = z.enum(AGREEMENT_KINDS);
export type AgreementKind = z.infer<typeof AgreementKind>;

export const Signatory = z
  .object({
    /** Personal name, when known (often only at signing). */
    name: PartialBilingual.optional(),
    /** Office held, e.g. "Governor of Chiang Mai Province". */
    title: Bilingual,
  })
  .strict();
export type Signatory = z.infer<typeof Signatory>;

export const Party = z
  .object({
    name: Bilingual,
    country: Bilingual,
    signatory: Signatory,
    /** The partner's own language, when the MOU is also signed in it (e.g. Korean). */
    language: Bilingual.optional(),
    /** Official name in the partner's own language, when it has one. */
    nativeName: Text.optional(),
  })
  .strict();
export type Party = z.infer<typeof Party>;

export const Article = z
  .object({
    no: z.number().int().min(1).max(999),
    /** The article's identity across renumbering and versions (src/domain/article-key.ts); never printed. */
    key: ArticleKey,
    heading: Bilingual,
    text: Bilingual,
  })
  .strict();
export type Article = z.infer<typeof Article>;

/** An article as old clients and stored data before keys send it: the key may be missing (it is then assigned). */
export const ArticleInput = Article.extend({ key: ArticleKey.optional() }).strict();
export type ArticleInput = z.infer<typeof ArticleInput>;

export const ActionPlanItem = z
  .object({
    area: z.string().max(64),
    activity: Bilingual,
    timeline: Bilingual,
    responsible: Bilingual,
  })
  .strict();
export type ActionPlanItem = z.infer<typeof ActionPlanItem>;

/** The editable content of one version of an agreement. A version is an immutable copy of this. */
export const AgreementContent = z
  .object({
    kind: AgreementKind,
    parties: z.object({ thai: Party, partner: Party }).strict(),
    /** Ids from the areas catalogue (src/domain/catalogue). */
    areas: z.array(z.string().min(1).max(64)).max(50),
    title: Bilingual,
    preamble: Bilingual,
    articles: z.array(Article).max(200),
    /** Final clause; may hold {{place.th}}, {{date.en}}… placeholders filled at signing. */
    closing: Bilingual.optional(),
    actionPlan: z.array(ActionPlanItem).max(200).optional(),
    /** The text in the partner's language, when the MOU is also signed in it (src/domain/partner-text.ts). */
    partnerText: PartnerText.optional(),
  })
  .strict();
export type AgreementContent = z.infer<typeof AgreementContent>;

/** Content whose articles may lack keys: what the API, the forms, render requests and old stored data carry. */
export const AgreementContentInput = AgreementContent.extend({
  articles: z.array(ArticleInput).max(200),
}).strict();
export type AgreementContentInput = z.infer<typeof AgreementContentInput>;

export function findArticle(content: AgreementContent, no: number): Article | undefined {
  return content.articles.find((a) => a.no === no);
}
