// The editor's drafting aids: findings beside each field, taking a suggestion, resetting an article to its standard
// clause, inserting a clause, and the parity locks' confirmations. All work on the form as typed, unsaved.
import { createHash } from 'node:crypto';
import { anchorPath } from '../../app/drafting-gate';
import {
  AgreementContentInput,
  CLAUSES,
  compareWithStandard,
  DEFAULT_VARIABLES,
  findClause,
  keyContent,
  seededArticleKeys,
  type AgreementContent,
  type Bilingual,
  type StaleMark,
} from '../../domain';
import type { Finding } from '../../domain/checks';
import { scriptRuns } from '../../domain/script';
import type { Locale } from '../../i18n/catalogue';
import { contentFromForm, type ContentForm } from './content-form';

/** The form's content with every article keyed (unsaved articles get keys of the moment), or none if it is not valid yet. */
export function contentOfForm(form: ContentForm, current?: AgreementContent): AgreementContent | undefined {
  const r = AgreementContentInput.safeParse(contentFromForm(form, current));
  return r.success ? keyContent(r.data, current, seededArticleKeys('unsaved')) : undefined;
}

/** A finding's token in a "take the suggestion" button: the finding must still be there, unchanged, when it is taken. */
export function fixToken(f: Finding): string {
  return createHash('sha256')
    .update(JSON.stringify([f.rule, f.anchor, f.lang, f.excerpt ?? '', f.suggestion ?? {}]))
    .digest('base64url')
    .slice(0, 16);
}

/** The clause a "missing clause" finding offers, by rule. */
const CLAUSE_OF_RULE: Record<string, string> = {
  'clause.laws-and-regulations': 'objective',
  'clause.own-costs': 'financial',
  'clause.non-binding': 'non-binding',
  'clause.duration-termination': 'duration',
  'clause.settlement': 'settlement',
  'clause.amendment': 'amendment',
};

const LANGS = ['th', 'en'] as const;

function replaceIn(b: Bilingual, lang: 'th' | 'en', from: string, to: string): Bilingual {
  return { ...b, [lang]: b[lang].split(from).join(to) };
}

/** Whether a finding's suggestion can be taken by the editor (a replacement, a missing clause, the closing). */
export function canTake(f: Finding): boolean {
  if (!f.suggestion) return false;
  if (f.anchor.kind === 'document') return CLAUSE_OF_RULE[f.rule] !== undefined;
  return f.excerpt !== undefined || f.anchor.kind === 'closing';
}

function newArticle(clauseId: string, content: AgreementContent | undefined) {
  const clause = findClause(clauseId);
  if (!clause) return undefined;
  const v = {
    ...DEFAULT_VARIABLES,
    ...(content && content.areas.length > 0 ? { areas: content.areas } : {}),
  };
  return { key: '', heading: clause.heading, text: clause.text(v) };
}

/** The form with the finding's suggestion taken: the excerpt replaced everywhere at its anchor, or the clause added. */
export function takeSuggestion(form: ContentForm, f: Finding): ContentForm {
  const s = f.suggestion;
  if (!s) return form;
  const langs = LANGS.filter((l) => s[l] !== undefined && (f.lang === l || f.lang === 'both'));
  const swap = (b: Bilingual): Bilingual =>
    langs.reduce((acc, l) => (f.excerpt !== undefined ? replaceIn(acc, l, f.excerpt, s[l] ?? '') : acc), b);
  switch (f.anchor.kind) {
    case 'title':
      return { ...form, title: swap(form.title) };
    case 'preamble':
      return { ...form, preamble: swap(form.preamble) };
    case 'closing':
      if (f.excerpt !== undefined) return { ...form, closing: swap(form.closing) };
      return { ...form, closing: langs.reduce((acc, l) => ({ ...acc, [l]: s[l] ?? '' }), form.closing) };
    case 'article': {
      const i = f.anchor.no - 1;
      return {
        ...form,
        articles: form.articles.map((a, j) =>
          j === i ? { ...a, heading: swap(a.heading), text: swap(a.text) } : a,
        ),
      };
    }
    case 'document': {
      const clause = CLAUSE_OF_RULE[f.rule];
      const added = clause ? newArticle(clause, undefined) : undefined;
      return added ? { ...form, articles: [...form.articles, added] } : form;
    }
  }
}

/** The form with a standard clause added as the last article. */
export function insertClause(form: ContentForm, clauseId: string, content?: AgreementContent): ContentForm {
  const added = newArticle(clauseId, content);
  return added ? { ...form, articles: [...form.articles, added] } : form;
}

/** The form with article `i` back to the text of its standard clause (keeping its key, heading and variables). */
export function resetArticle(
  form: ContentForm,
  i: number,
  content: AgreementContent | undefined,
): ContentForm {
  const a = content?.articles[i];
  const cmp = a && content ? compareWithStandard(a, content) : undefined;
  if (!cmp) return form;
  return { ...form, articles: form.articles.map((x, j) => (j === i ? { ...x, text: cmp.standard } : x)) };
}

const OTHER_RUN: Record<Locale, RegExp> = {
  // On a Thai page: English words quoted in a Thai message ("shall", "Kingdom of Thailand").
  th: /[A-Za-z][A-Za-z0-9]*(?:[\s'’\-.,()]+[A-Za-z0-9]+)*/g,
  // On an English page: Thai words quoted in an English message ("ภาคี").
  en: scriptRuns('thai'),
};

/** `text` in runs: the page's language unmarked, each run of the other language marked with its language. */
export function languageParts(text: string, locale: Locale): { text: string; lang?: 'th' | 'en' }[] {
  const other = locale === 'th' ? 'en' : 'th';
  const out: { text: string; lang?: 'th' | 'en' }[] = [];
  let at = 0;
  for (const m of text.matchAll(OTHER_RUN[locale])) {
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ text: m[0], lang: other });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export interface FindingView {
  severity: string;
  /** "Error", "Warning", "Note" in the reader's language. */
  label: string;
  error: boolean;
  warning: boolean;
  message: string;
  /** The message in runs, each run of the other language marked with its language (WCAG: language of parts). */
  parts: { text: string; lang?: 'th' | 'en' }[];
  excerpt?: string;
  /** The excerpt's language, when the finding is about one (the page marks it, for readers and screen readers). */
  excerptLang?: 'th' | 'en';
  suggestion?: { th?: SuggestionPart[]; en?: SuggestionPart[] };
  /** The button's value when the suggestion can be taken. */
  take?: string;
}

/** A run of a suggestion: text, or a placeholder such as {{place.th}} (a code, shown as one). */
export interface SuggestionPart {
  text: string;
  code?: boolean;
}

/** The suggestion's text with its {{…}} placeholders apart, so the page shows them as codes and not as words. */
function suggestionParts(text: string | undefined): SuggestionPart[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(/(\{\{[^{}]*\}\})/)
    .filter((t) => t !== '')
    .map((t) => (/^\{\{[^{}]*\}\}$/.test(t) ? { text: t, code: true } : { text: t }));
}

export interface DraftingView {
  /** Findings by the form field they belong to: content (the whole document), title, preamble, articles.<i>, closing. */
  at: Record<string, FindingView[]>;
  counts: { error: number; warning: number; info: number };
  /** Per article index: how it compares with its standard clause, and which language is stale. */
  articles: {
    standard?: { text: string; reset: boolean };
    stale?: { lang: 'th' | 'en'; text: string; confirm: string };
  }[];
  clauses: { id: string; label: string }[];
}

/** The findings by the form field they belong to, and their counts; `take`: with the editor's "take it" buttons. */
export function findingsView(
  findings: readonly Finding[],
  locale: Locale,
  t: (key: string, params?: Record<string, string>) => string,
  take: boolean,
): Pick<DraftingView, 'at' | 'counts'> {
  const at: Record<string, FindingView[]> = {};
  const counts = { error: 0, warning: 0, info: 0 };
  findings.forEach((f, n) => {
    counts[f.severity]++;
    const s = f.suggestion;
    const suggestion =
      s && (s.th !== undefined || s.en !== undefined)
        ? { th: suggestionParts(s.th), en: suggestionParts(s.en) }
        : undefined;
    (at[anchorPath(f.anchor)] ??= []).push({
      severity: f.severity,
      label: t(`agreement.drafting.${f.severity}`),
      error: f.severity === 'error',
      warning: f.severity === 'warning',
      message: f.message[locale],
      parts: languageParts(f.message[locale], locale),
      ...(f.excerpt !== undefined ? { excerpt: f.excerpt } : {}),
      ...(suggestion ? { suggestion } : {}),
      ...(take && canTake(f) ? { take: `fix:${n}:${fixToken(f)}` } : {}),
    });
  });
  return { at, counts };
}

export function draftingView(
  content: AgreementContent | undefined,
  findings: readonly Finding[],
  stale: readonly StaleMark[],
  locale: Locale,
  t: (key: string, params?: Record<string, string>) => string,
): DraftingView {
  const langName = (l: 'th' | 'en') => t(`agreement.lang.${l}`);
  const { at, counts } = findingsView(findings, locale, t, true);
  const staleBy = new Map(stale.map((m) => [m.key, m.lang]));
  const articles = (content?.articles ?? []).map((a) => {
    const cmp = content ? compareWithStandard(a, content) : undefined;
    const lang = staleBy.get(a.key);
    const standard = cmp && {
      text: `${t('agreement.drafting.standard', { clause: cmp.clause.heading[locale] })} · ${
        cmp.differs.length === 0
          ? t('agreement.drafting.standardSame')
          : t('agreement.drafting.standardDiffers', { langs: cmp.differs.map(langName).join(', ') })
      }`,
      reset: cmp.differs.length > 0,
    };
    const other = lang === 'th' ? 'en' : 'th';
    const names = lang ? { changed: langName(other), stale: langName(lang) } : undefined;
    return {
      ...(standard ? { standard } : {}),
      ...(lang && names
        ? {
            stale: {
              lang,
              text: t('agreement.drafting.stale', names),
              confirm: t('agreement.drafting.confirm', names),
            },
          }
        : {}),
    };
  });
  const clauses = CLAUSES.map((c) => ({ id: c.id, label: c.heading[locale] }));
  return { at, counts, articles, clauses };
}

/** Parses "fix:<n>:<token>" into the finding it names, if that finding is still there unchanged. */
export function findingToTake(value: string, findings: readonly Finding[]): Finding | undefined {
  const m = /^fix:(\d{1,4}):([A-Za-z0-9_-]{16})$/.exec(value);
  const f = m ? findings[Number(m[1])] : undefined;
  return f && m && fixToken(f) === m[2] ? f : undefined;
}
