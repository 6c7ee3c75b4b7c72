// Agreement content: parties, kind, areas, title, preamble, numbered articles — all bilingual, all pure data.
import { z } from 'zod';
import { Bilingual, PartialBilingual, Text } from './bilingual';

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
    heading: Bilingual,
    text: Bilingual,
  })
  .strict();
export type Article = z.infer<typeof Article>;

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
  })
  .strict();
export type AgreementContent = z.infer<typeof AgreementContent>;

/** Renumber articles 1..n in their current order (after add, remove or reorder). */
export function renumberArticles(articles: readonly Article[]): Article[] {
  return articles.map((a, i) => ({ ...a, no: i + 1 }));
}

export function findArticle(content: AgreementContent, no: number): Article | undefined {
  return content.articles.find((a) => a.no === no);
}
