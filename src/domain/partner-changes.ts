// The partner's returned text against the text MFA cleared: which articles changed, and whether each change is
// substantive (numbers, dates, names, the parties' commitments, an article added or removed — it must go back to MFA,
// SUBMIT_PARTNER_CHANGES) or editorial (wording, punctuation — the cleared text can be agreed, AGREE_FINAL_TEXT).
// A proposal only: the secretary decides.
import type { AgreementContent, Article } from './agreement';
import { pairArticles } from './article-alignment';
import type { Bilingual, Lang } from './bilingual';
import { datesIn } from './checks/dates';
import { numbersIn } from './checks/numbers';
import { partnerDatesIn, partnerNumbersIn } from './checks/partner-numbers';
import type { TextSlot } from './text-lang';

export const CHANGE_REASONS = [
  'numbers',
  'dates',
  'names',
  'commitments',
  'added',
  'removed',
  'wording',
] as const;
export type ChangeReason = (typeof CHANGE_REASONS)[number];
const SUBSTANTIVE: ReadonlySet<ChangeReason> = new Set([
  'numbers',
  'dates',
  'names',
  'commitments',
  'added',
  'removed',
]);

export interface TextChange {
  /** Thai, English, or the partner's language (whose tag is `tag`). */
  readonly lang: TextSlot;
  readonly tag?: string;
  readonly before: string;
  readonly after: string;
  readonly reasons: readonly ChangeReason[];
}

export interface PartChange {
  /** An article (its number in the cleared text, and in the returned one), or a text block. */
  readonly part: 'title' | 'preamble' | 'closing' | 'article';
  readonly key?: string;
  readonly no?: number;
  readonly newNo?: number;
  readonly status: 'changed' | 'added' | 'removed';
  readonly substantive: boolean;
  readonly reasons: readonly ChangeReason[];
  readonly changes: readonly TextChange[];
}

export interface PartnerChanges {
  readonly parts: readonly PartChange[];
  readonly substantive: boolean;
  readonly proposal: 'SUBMIT_PARTNER_CHANGES' | 'AGREE_FINAL_TEXT';
}

/** The partner's-language text a file gave under our anchors: its articles by the cleared text's keys. */
export interface ReturnedPartnerText {
  readonly title?: string;
  readonly preamble?: string;
  readonly closing?: string;
  readonly articles: readonly { readonly key: string; readonly heading: string; readonly text: string }[];
}

/** The returned text: what a file gave, articles in its order (keys where the file's anchors named them). */
export interface ReturnedText {
  readonly title?: Bilingual;
  readonly preamble?: Bilingual;
  readonly closing?: Bilingual;
  readonly articles: readonly (Pick<Article, 'no' | 'heading' | 'text'> & { readonly key?: string })[];
  /** The partner's own text, when the cleared one had it and the file kept its anchors. */
  readonly partner?: ReturnedPartnerText;
}

const spaces = (s: string) => s.replace(/[\s\u00A0\u200B]+/g, ' ').trim();
const bare = (s: string) =>
  spaces(s)
    .replace(/[\p{P}\p{S}]/gu, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
const bag = (xs: readonly string[]) => [...xs].sort().join('\u0001');

/** Words that carry what a party undertakes (or does not): a change in them changes the commitment. */
const COMMITMENT: Readonly<Record<Lang, RegExp>> = {
  en: /\b(will|shall|must|may|undertake[sn]?|agree[sd]?|ensure|provide[sd]?|bear|funds?|funding|costs?|expenses?|obligations?|binding|responsib\w*|commit\w*|not|no|exclusive\w*|each|both|all)\b/gi,
  th: /(จะ|ต้อง|อาจ|ตกลง|รับผิดชอบ|ค่าใช้จ่าย|งบประมาณ|พันธกรณี|ผูกพัน|ไม่|ทั้งสองฝ่าย|แต่ละฝ่าย|ให้การสนับสนุน|สนับสนุน)/g,
};

function commitments(text: string, lang: Lang): string[] {
  return [...text.matchAll(COMMITMENT[lang])].map((m) => m[0].toLowerCase());
}

/** Proper names: English capitalised words not opening a sentence; Thai, the parties' names as the text gives them. */
function names(text: string, lang: Lang, known: readonly string[]): string[] {
  if (lang === 'th')
    return known.filter((n) => n !== '').flatMap((n) => Array(text.split(n).length - 1).fill(n) as string[]);
  const out: string[] = [];
  for (const m of text.matchAll(/(^|[.!?:;]\s+|\s)(\p{Lu}[\p{L}'-]*)/gu)) {
    const opensSentence = m.index === 0 || /[.!?:;]/.test(m[1] ?? '');
    if (!opensSentence) out.push(m[2] ?? '');
  }
  return out;
}

export function classifyText(
  before: string,
  after: string,
  lang: Lang,
  known: readonly string[] = [],
): ChangeReason[] {
  if (spaces(before) === spaces(after)) return [];
  const reasons: ChangeReason[] = [];
  const d0 = datesIn(before, lang);
  const d1 = datesIn(after, lang);
  if (bag(d0.dates.map((d) => d.value ?? d.text)) !== bag(d1.dates.map((d) => d.value ?? d.text)))
    reasons.push('dates');
  if (bag(numbersIn(d0.rest, lang).map((n) => n.value)) !== bag(numbersIn(d1.rest, lang).map((n) => n.value)))
    reasons.push('numbers');
  if (bag(names(before, lang, known)) !== bag(names(after, lang, known))) reasons.push('names');
  if (bag(commitments(before, lang)) !== bag(commitments(after, lang))) reasons.push('commitments');
  if (reasons.length === 0 && bare(before) !== bare(after)) reasons.push('wording');
  // Only punctuation or letter case differs: editorial all the same.
  if (reasons.length === 0) reasons.push('wording');
  return reasons;
}

/**
 * A change in the partner's-language text: its dates (2026년 3월 1일, 2026年3月1日), numbers (digits, 五年) and the
 * parties' names as that text gives them are compared; any other change is wording. No list of commitment words is
 * kept for the partner's languages, so a changed undertaking written only there reads as wording: a proposal, which
 * the secretary checks against the Thai and English.
 */
export function classifyPartnerText(
  before: string,
  after: string,
  known: readonly string[] = [],
): ChangeReason[] {
  if (spaces(before) === spaces(after)) return [];
  const reasons: ChangeReason[] = [];
  const d0 = partnerDatesIn(before);
  const d1 = partnerDatesIn(after);
  if (bag(d0.dates.map((d) => d.value ?? d.text)) !== bag(d1.dates.map((d) => d.value ?? d.text)))
    reasons.push('dates');
  if (
    bag(partnerNumbersIn(d0.rest).map((n) => n.value)) !== bag(partnerNumbersIn(d1.rest).map((n) => n.value))
  )
    reasons.push('numbers');
  const named = (t: string) =>
    known.filter((n) => n !== '').flatMap((n) => Array(t.split(n).length - 1).fill(n) as string[]);
  if (bag(named(before)) !== bag(named(after))) reasons.push('names');
  if (reasons.length === 0) reasons.push('wording');
  return reasons;
}

function withChange(part: PartChange, change: TextChange): PartChange {
  const reasons = [...new Set([...part.reasons, ...change.reasons])];
  return {
    ...part,
    reasons,
    substantive: reasons.some((r) => SUBSTANTIVE.has(r)),
    changes: [...part.changes, change],
  };
}

/** The partner-language changes, each added to its part's entry (or a new entry when only that text changed). */
function partnerParts(
  parts: readonly PartChange[],
  cleared: AgreementContent,
  returned: ReturnedPartnerText | undefined,
): PartChange[] {
  const p = cleared.partnerText;
  if (!p || !returned) return [...parts];
  const known = [p.parties.thai.name, p.parties.partner.name];
  const out = [...parts];
  const add = (where: Pick<PartChange, 'part' | 'key' | 'no'>, before: string, after: string | undefined) => {
    if (after === undefined) return;
    const reasons = classifyPartnerText(before, after, known);
    if (reasons.length === 0) return;
    const change: TextChange = { lang: 'partner', tag: p.lang, before, after, reasons };
    const i = out.findIndex((x) => x.part === where.part && x.key === where.key && x.status === 'changed');
    const had = out[i];
    if (had) out[i] = withChange(had, change);
    else
      out.push(
        withChange(
          {
            ...where,
            ...(where.no ? { newNo: where.no } : {}),
            status: 'changed',
            substantive: false,
            reasons: [],
            changes: [],
          },
          change,
        ),
      );
  };
  add({ part: 'title' }, p.title, returned.title);
  add({ part: 'preamble' }, p.preamble, returned.preamble);
  const back = new Map(returned.articles.map((a) => [a.key, a]));
  for (const a of p.articles) {
    const r = back.get(a.key);
    const no = cleared.articles.find((x) => x.key === a.key)?.no;
    if (r)
      add(
        { part: 'article', key: a.key, ...(no ? { no } : {}) },
        `${a.heading}\n${a.text}`,
        `${r.heading}\n${r.text}`,
      );
  }
  if (p.closing !== undefined) add({ part: 'closing' }, p.closing, returned.closing);
  return out;
}

function compare(
  part: PartChange['part'],
  before: Bilingual | undefined,
  after: Bilingual | undefined,
  known: readonly string[],
  extra: Pick<PartChange, 'key' | 'no' | 'newNo'> = {},
): PartChange | undefined {
  if (!before || !after) return undefined;
  const changes: TextChange[] = [];
  for (const lang of ['th', 'en'] as const) {
    const reasons = classifyText(before[lang], after[lang], lang, known);
    if (reasons.length > 0) changes.push({ lang, before: before[lang], after: after[lang], reasons });
  }
  if (changes.length === 0) return undefined;
  const reasons = [...new Set(changes.flatMap((c) => c.reasons))];
  return {
    part,
    ...extra,
    status: 'changed',
    substantive: reasons.some((r) => SUBSTANTIVE.has(r)),
    reasons,
    changes,
  };
}

const articleText = (a: Pick<Article, 'heading' | 'text'>): Bilingual => ({
  th: `${a.heading.th}\n${a.text.th}`,
  en: `${a.heading.en}\n${a.text.en}`,
});

/** What changed between the cleared text and the partner's, part by part, and what to propose. */
export function classifyPartnerChanges(cleared: AgreementContent, returned: ReturnedText): PartnerChanges {
  const p = cleared.parties;
  const known = [p.thai.name.th, p.partner.name.th, p.thai.name.en, p.partner.name.en];
  const parts: PartChange[] = [];
  const title = compare('title', cleared.title, returned.title, known);
  if (title) parts.push(title);
  const preamble = compare('preamble', cleared.preamble, returned.preamble, known);
  if (preamble) parts.push(preamble);
  const keyed = returned.articles;
  const pairs = pairArticles(cleared.articles, keyed);
  const taken = new Set(pairs.values());
  cleared.articles.forEach((a, i) => {
    const ci = pairs.get(i);
    const r = ci === undefined ? undefined : keyed[ci];
    if (!r) {
      parts.push({
        part: 'article',
        key: a.key,
        no: a.no,
        status: 'removed',
        substantive: true,
        reasons: ['removed'],
        changes: [],
      });
      return;
    }
    const c = compare('article', articleText(a), articleText(r), known, {
      key: a.key,
      no: a.no,
      newNo: r.no,
    });
    if (c) parts.push(c);
  });
  keyed.forEach((r, i) => {
    if (!taken.has(i))
      parts.push({
        part: 'article',
        newNo: r.no,
        status: 'added',
        substantive: true,
        reasons: ['added'],
        changes: (['th', 'en'] as const).map((lang) => ({
          lang,
          before: '',
          after: articleText(r)[lang],
          reasons: ['added'],
        })),
      });
  });
  const closing = compare('closing', cleared.closing, returned.closing, known);
  if (closing) parts.push(closing);
  const all = partnerParts(parts, cleared, returned.partner);
  const substantive = all.some((x) => x.substantive);
  return { parts: all, substantive, proposal: substantive ? 'SUBMIT_PARTNER_CHANGES' : 'AGREE_FINAL_TEXT' };
}
