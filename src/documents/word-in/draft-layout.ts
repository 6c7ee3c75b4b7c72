// How an imported MOU lays out its two languages: a parallel table (Thai | English, either order, decided by script),
// the Thai text then the English text (sequential), or two originals each with its own signatures (separate).
// The result is one section per language: the paragraphs to read that language's title, articles and closing from.
import type { Lang } from '../model';
import type { BodyPara } from './body';
import { clean, headingOf, isSignatureLine, scriptOf, type Script } from './draft-lines';

export interface Line {
  readonly p: BodyPara;
  readonly text: string;
  readonly script: Script;
  /** The paragraph is in a table that is not a parallel text (a signature table, as a rule). */
  readonly inOtherTable: boolean;
}

export interface Section {
  readonly lang: Lang;
  /** Paragraphs in document order; those of the other language are kept so they can be reported. */
  readonly lines: readonly Line[];
}

export type WordLayout = 'parallel' | 'sequential' | 'separate' | 'one-language';

export interface Sections {
  readonly layout: WordLayout;
  /** Parallel only: the column the Thai text stands in. */
  readonly thaiColumn?: 'left' | 'right';
  readonly sections: readonly Section[];
}

/** A column is a language's when at least four in five of its paragraphs with letters are written in it. */
function columnLang(paras: readonly Line[]): Lang | undefined {
  const th = paras.filter((l) => l.script === 'th').length;
  const en = paras.filter((l) => l.script === 'en').length;
  if (th >= 2 && th >= 4 * en) return 'th';
  if (en >= 2 && en >= 4 * th) return 'en';
  return undefined;
}

interface ParallelTable {
  readonly table: number;
  readonly cols: ReadonlyMap<number, Lang>;
}

/** Tables with a Thai column and an English column and at least one article heading in them. */
function parallelTables(lines: readonly Line[]): ParallelTable[] {
  const byTable = new Map<number, Line[]>();
  for (const l of lines)
    if (l.p.cell) byTable.set(l.p.cell.table, [...(byTable.get(l.p.cell.table) ?? []), l]);
  const out: ParallelTable[] = [];
  for (const [table, cells] of [...byTable].sort((a, b) => a[0] - b[0])) {
    const cols = new Map<number, Lang>();
    for (const col of new Set(cells.map((l) => l.p.cell?.col ?? 0))) {
      const lang = columnLang(cells.filter((l) => l.p.cell?.col === col));
      if (lang) cols.set(col, lang);
    }
    const langs = [...cols.values()];
    const headed = cells.some((l) => l.script !== 'none' && headingOf(l.p, l.text, l.script) !== undefined);
    if (langs.includes('th') && langs.includes('en') && headed) out.push({ table, cols });
  }
  return out;
}

function parallel(lines: readonly Line[], tables: readonly ParallelTable[]): Sections {
  const cols = new Map(tables.map((t) => [t.table, t.cols]));
  const langOf = (l: Line): Lang | 'both' => {
    const inTable = l.p.cell && cols.get(l.p.cell.table)?.get(l.p.cell.col);
    if (inTable) return inTable;
    return l.script === 'none' ? 'both' : l.script;
  };
  const section = (lang: Lang): Section => ({
    lang,
    lines: lines
      .filter((l) => !(l.p.cell && cols.has(l.p.cell.table) && !cols.get(l.p.cell.table)?.has(l.p.cell.col)))
      .filter((l) => [lang, 'both'].includes(langOf(l)))
      .map((l) => ({ ...l, inOtherTable: l.p.cell !== undefined && !cols.has(l.p.cell.table) })),
  });
  const first = tables[0];
  const thaiCol = first ? [...first.cols].find(([, lang]) => lang === 'th')?.[0] : undefined;
  const enCol = first ? [...first.cols].find(([, lang]) => lang === 'en')?.[0] : undefined;
  return {
    layout: 'parallel',
    thaiColumn: (thaiCol ?? 0) < (enCol ?? 1) ? 'left' : 'right',
    sections: [section('th'), section('en')],
  };
}

const isHeading = (l: Line, lang: Lang) => l.script === lang && headingOf(l.p, l.text, lang) !== undefined;

/**
 * Texts one after the other: the second language's text starts where, going back from its first article heading,
 * its title and preamble end — at a paragraph of the other language, a table or a signature line.
 */
function oneAfterOther(lines: readonly Line[]): Sections {
  const firstHeading = (lang: Lang) => lines.findIndex((l) => isHeading(l, lang));
  const th = firstHeading('th');
  const en = firstHeading('en');
  if (th < 0 || en < 0) {
    const lang: Lang = th < 0 && en >= 0 ? 'en' : 'th';
    return { layout: 'one-language', sections: [{ lang, lines }] };
  }
  const [a, b]: [Lang, Lang] = th < en ? ['th', 'en'] : ['en', 'th'];
  let start = Math.max(th, en);
  while (start > 0) {
    const prev = lines[start - 1];
    if (!prev || prev.script === a || prev.inOtherTable || isSignatureLine(prev.text)) break;
    start--;
  }
  const first = lines.slice(0, start);
  // Separate originals: the first text is signed before the second begins.
  const lastHeadingA = first.reduce((at, l, i) => (isHeading(l, a) ? i : at), -1);
  const signed = first.slice(lastHeadingA + 1).some((l) => l.inOtherTable || isSignatureLine(l.text));
  return {
    layout: signed ? 'separate' : 'sequential',
    sections: [
      { lang: a, lines: first },
      { lang: b, lines: lines.slice(start) },
    ],
  };
}

/** The paragraphs of the body (empty ones dropped) → one section per language and the layout they are in. */
export function sectionsOf(paras: readonly BodyPara[]): Sections {
  const lines: Line[] = paras
    .map((p) => ({ p, text: clean(p.text) }))
    .filter((l) => l.text !== '')
    .map((l) => ({ ...l, script: scriptOf(l.text), inOtherTable: l.p.cell !== undefined }));
  const tables = parallelTables(lines);
  return tables.length > 0 ? parallel(lines, tables) : oneAfterOther(lines);
}
