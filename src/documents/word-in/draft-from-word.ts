// A new draft from an existing Word file: the title, preamble, articles (by their "ข้อ ๑" / "Article 1" headings)
// and closing in both languages, from a parallel table, sequential texts or separate originals, with a report of
// what was recognised and what was not. Reads the body only through the one body walk (body.ts).
import type { ArticleInput } from '../../domain/agreement';
import type { Bilingual, Lang } from '../../domain/bilingual';
import { DomainError } from '../../domain/errors';
import { bodyOf, readBody, type BodyPara } from './body';
import { sectionsOf } from './draft-layout';
import { note, type DraftNote, type DraftReport, type LanguageFound } from './draft-report';
import { readSection, type SectionText } from './draft-section';
import { notWordFile, type WordPackage } from './package';
import { parseXml } from './xml';

export type { DraftNote, DraftReport } from './draft-report';
export type { WordLayout } from './draft-layout';

/** The part of an agreement's content a Word file gives; parties, kind and areas come from elsewhere. */
export interface DraftText {
  readonly title: Bilingual;
  readonly preamble: Bilingual;
  readonly articles: ArticleInput[];
  readonly closing?: Bilingual;
}

export interface DraftFromWord {
  readonly content: DraftText;
  readonly report: DraftReport;
}

const noArticles = () =>
  new DomainError('validation-failed', {
    th: 'ไม่พบข้อของบันทึกความเข้าใจในไฟล์นี้ (หัวข้อเช่น "ข้อ ๑" หรือ "Article 1") จึงสร้างร่างไม่ได้',
    en: 'No articles were found in this file (headings such as "ข้อ ๑" or "Article 1"), so no draft was made.',
  });

export async function readDraftFromWord(pkg: WordPackage): Promise<DraftFromWord> {
  const xml = await pkg.part('word/document.xml');
  const body = xml ? bodyOf(parseXml(xml, 'word/document.xml')) : undefined;
  if (!body) throw notWordFile();
  return draftFromParagraphs(readBody(body));
}

const numbersSkipped = (nos: readonly number[]): number[] => {
  const max = Math.max(0, ...nos);
  const have = new Set(nos);
  return Array.from({ length: max }, (_, i) => i + 1).filter((n) => !have.has(n));
};

function found(t: SectionText | undefined): LanguageFound {
  return {
    title: t?.title !== undefined,
    preamble: t?.preamble !== undefined,
    closing: t?.closing !== undefined,
    articles: t?.articles.map((a) => a.no) ?? [],
  };
}

function languageNotes(t: SectionText | undefined, lang: Lang): DraftNote[] {
  const notes: DraftNote[] = [];
  for (const part of ['title', 'preamble', 'closing'] as const)
    if (t?.[part] === undefined) notes.push(note.missing(lang, part));
  if (!t) return notes;
  const skipped = numbersSkipped(t.articles.map((a) => a.no));
  if (t.articles.length > 0 && skipped.length > 0) notes.push(note.gap(lang, skipped));
  for (const no of t.duplicates) notes.push(note.duplicate(lang, no));
  if (t.anchorsMissed > 0) notes.push(note.anchorMissed(lang, t.anchorsMissed));
  return notes;
}

/** The paragraphs of a body walk → the draft's text and the report. Throws when no article heading is found. */
export function draftFromParagraphs(paras: readonly BodyPara[]): DraftFromWord {
  const { layout, thaiColumn, sections } = sectionsOf(paras);
  const texts = sections.map(readSection);
  const of = (lang: Lang) => texts.find((t) => t.lang === lang);
  const th = of('th');
  const en = of('en');
  if ((th?.articles.length ?? 0) + (en?.articles.length ?? 0) === 0) throw noArticles();

  const nos = [...new Set([...(th?.articles ?? []), ...(en?.articles ?? [])].map((a) => a.no))].sort(
    (a, b) => a - b,
  );
  const notes: DraftNote[] = [...languageNotes(th, 'th'), ...languageNotes(en, 'en')];
  const articles: ArticleInput[] = nos.map((no) => {
    const t = th?.articles.find((a) => a.no === no);
    const e = en?.articles.find((a) => a.no === no);
    if (!t || !e) notes.push(note.oneLanguage(no, t ? 'th' : 'en'));
    return {
      no,
      heading: { th: t?.heading ?? '', en: e?.heading ?? '' },
      text: { th: t?.text ?? '', en: e?.text ?? '' },
    };
  });

  const placed = new Set(texts.flatMap((t) => [...t.placed]));
  const signature = new Set(texts.flatMap((t) => [...t.signature].filter((i) => !placed.has(i))));
  for (const p of paras) {
    const text = p.text.trim();
    if (text !== '' && !placed.has(p.index) && !signature.has(p.index))
      notes.push(note.unplaced(p.index, text));
  }

  const bi = (f: (t: SectionText) => string | undefined): Bilingual => ({
    th: (th && f(th)) ?? '',
    en: (en && f(en)) ?? '',
  });
  const hasClosing = th?.closing !== undefined || en?.closing !== undefined;
  return {
    content: {
      title: bi((t) => t.title),
      preamble: bi((t) => t.preamble),
      articles,
      ...(hasClosing ? { closing: bi((t) => t.closing) } : {}),
    },
    report: {
      layout,
      ...(thaiColumn ? { thaiColumn } : {}),
      found: { th: found(th), en: found(en) },
      anchoredHeadings: texts.reduce((n, t) => n + t.articles.filter((a) => a.anchored).length, 0),
      signatureParagraphs: signature.size,
      notes,
    },
  };
}
