// What a pre-review check reports: one finding (rule, severity, where, which language, why, what to write instead).
import { z } from 'zod';
import type { AgreementContent } from '../agreement';
import { ArticleKey } from '../article-key';
import { Bilingual, PartialBilingual } from '../bilingual';
import type { Gazetteer } from './gazetteer';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

export const FindingAnchor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document') }).strict(),
  z.object({ kind: z.literal('title') }).strict(),
  z.object({ kind: z.literal('preamble') }).strict(),
  z.object({ kind: z.literal('article'), no: z.number().int().min(1), key: ArticleKey }).strict(),
  z.object({ kind: z.literal('closing') }).strict(),
]);
export type FindingAnchor = z.infer<typeof FindingAnchor>;

/**
 * Which text the finding is about: one language, or both (a difference between them, or missing in both), or the
 * partner's language (its tag is the agreement's `partnerText.lang`; the message names it).
 */
export const FindingLang = z.enum(['th', 'en', 'both', 'partner']);
export type FindingLang = z.infer<typeof FindingLang>;

export const Finding = z
  .object({
    rule: z.string(),
    severity: Severity,
    anchor: FindingAnchor,
    lang: FindingLang,
    /** What to change and why, ending with the guideline it comes from. */
    message: Bilingual,
    /** The text found, exactly as written (a replacement applies to every occurrence of it at the anchor). */
    excerpt: z.string().optional(),
    /** What to write instead of the excerpt, or the text to add when something is missing. */
    suggestion: PartialBilingual.optional(),
  })
  .strict();
export type Finding = z.infer<typeof Finding>;

export const FindingList = z.object({ findings: z.array(Finding) }).strict();

/** What a rule's check reports; the engine adds the rule's id, severity and guideline. */
export interface Hit {
  anchor: FindingAnchor;
  lang: FindingLang;
  message: Bilingual;
  excerpt?: string;
  suggestion?: { th?: string; en?: string };
}

export interface RuleContext {
  readonly content: AgreementContent;
  readonly gazetteer: Gazetteer;
  /** The content's places in reading order (src/domain/checks/places.ts), read once for every rule. */
  readonly places: readonly Place[];
}

/** A check as data: its id, how serious, the guideline it comes from, and the check itself (pure). */
export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly guideline: Bilingual;
  check(ctx: RuleContext): readonly Hit[];
}

export const DOCUMENT: FindingAnchor = { kind: 'document' };

const ANCHOR_RANK: Record<FindingAnchor['kind'], number> = {
  document: 0,
  title: 1,
  preamble: 2,
  article: 3,
  closing: 4,
};
const LANG_RANK: Record<FindingLang, number> = { th: 0, en: 1, both: 2, partner: 3 };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Document first, then title, preamble, articles by number, closing; within one anchor by rule, language, text. */
export function compareFindings(a: Finding, b: Finding): number {
  const no = (f: Finding) => (f.anchor.kind === 'article' ? f.anchor.no : 0);
  return (
    ANCHOR_RANK[a.anchor.kind] - ANCHOR_RANK[b.anchor.kind] ||
    no(a) - no(b) ||
    cmp(a.rule, b.rule) ||
    LANG_RANK[a.lang] - LANG_RANK[b.lang] ||
    cmp(a.excerpt ?? '', b.excerpt ?? '') ||
    cmp(a.message.en, b.message.en)
  );
}

export function sameAnchor(a: FindingAnchor, b: FindingAnchor): boolean {
  if (a.kind === 'article' || b.kind === 'article') {
    return a.kind === b.kind && a.kind === 'article' && b.kind === 'article' && a.key === b.key;
  }
  return a.kind === b.kind;
}

/** A part of an agreement's text that checks read (src/domain/checks/places.ts lists them in reading order). */
export type PlacePart = 'title' | 'preamble' | 'heading' | 'text' | 'closing';

export interface Place {
  readonly anchor: FindingAnchor;
  readonly part: PlacePart;
  readonly text: Bilingual;
}
