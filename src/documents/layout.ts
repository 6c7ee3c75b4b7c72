// Layout: turns the document model into a sheet of paragraphs and grids — parallel (two columns) or sequential.
import type { Layout } from './input';
import type {
  ArticleBlock,
  BiParas,
  Block,
  DocModel,
  Lang,
  Para,
  SignatureBlock,
  TableBlock,
  TextBlock,
} from './model';

/** What a paragraph is for; the writer maps it to typography (bold, alignment, keep-with-next). */
export type ParaRole = 'title' | 'heading' | 'body' | 'note' | 'cell-header' | 'cell' | 'signature';

export interface LaidPara {
  readonly lang: Lang;
  readonly para: Para;
  readonly role: ParaRole;
  /** Word comments whose range starts before / ends after this paragraph. */
  commentStarts: number[];
  commentEnds: number[];
}

export interface LaidRow {
  readonly cells: readonly (readonly LaidPara[])[];
  readonly header: boolean;
  readonly cantSplit: boolean;
}

export type LaidItem =
  | { readonly t: 'para'; readonly p: LaidPara }
  | {
      readonly t: 'grid';
      readonly style: 'parallel' | 'table' | 'signatures';
      readonly widths: readonly number[];
      readonly rows: LaidRow[];
    }
  | { readonly t: 'pagebreak' };

export interface Sheet extends Omit<DocModel, 'blocks'> {
  readonly items: readonly LaidItem[];
}

const laid =
  (lang: Lang, role: ParaRole) =>
  (para: Para): LaidPara => ({ lang, para, role, commentStarts: [], commentEnds: [] });

function paras(bi: BiParas, lang: Lang, role: ParaRole): LaidPara[] {
  return (bi[lang] ?? []).map(laid(lang, role));
}

/** Both languages stacked: Thai first, then English (table cells, signature columns). */
function stacked(bi: BiParas, role: ParaRole, langs: readonly Lang[] = ['th', 'en']): LaidPara[] {
  return langs.flatMap((l) => paras(bi, l, role));
}

function textRole(b: TextBlock): ParaRole {
  return b.role;
}

/** Attaches comments to the first and last paragraph a block produced (once per anchor). */
class Anchors {
  private readonly pending = new Map<string, number[]>();
  constructor(notes: DocModel['notes']) {
    for (const n of notes) this.pending.set(n.anchor, [...(this.pending.get(n.anchor) ?? []), n.id]);
  }
  attach(anchor: string | undefined, emitted: readonly LaidPara[]): void {
    if (anchor === undefined) return;
    const ids = this.pending.get(anchor);
    const first = emitted[0];
    const last = emitted[emitted.length - 1];
    if (!ids || !first || !last) return;
    first.commentStarts.push(...ids);
    last.commentEnds.push(...ids);
    this.pending.delete(anchor);
  }
  /** Comments whose anchor never appeared go on the first paragraph, so none is lost. */
  flush(items: readonly LaidItem[]): void {
    const first = firstPara(items);
    if (!first) return;
    for (const ids of this.pending.values()) {
      first.commentStarts.push(...ids);
      first.commentEnds.push(...ids);
    }
    this.pending.clear();
  }
}

function firstPara(items: readonly LaidItem[]): LaidPara | undefined {
  for (const it of items) {
    if (it.t === 'para') return it.p;
    if (it.t === 'grid') return it.rows[0]?.cells[0]?.[0];
  }
  return undefined;
}

function tableGrid(b: TableBlock, langs: readonly Lang[]): LaidItem {
  return {
    t: 'grid',
    style: 'table',
    widths: b.widths,
    rows: b.rows.map((cells) => {
      const header = cells.some((c) => c.header === true);
      return {
        header,
        cantSplit: header,
        cells: cells.map((c) => stacked(c, header ? 'cell-header' : 'cell', langs)),
      };
    }),
  };
}

function signatureGrid(parties: SignatureBlock['parties']): LaidItem {
  return {
    t: 'grid',
    style: 'signatures',
    widths: parties.map(() => 1),
    rows: [
      {
        header: false,
        cantSplit: true,
        cells: parties.map((lines) => lines.map(({ lang, para }) => laid(lang, 'signature')(para))),
      },
    ],
  };
}

/** Rows short enough to move whole to the next page are kept in one piece; longer ones may split, or they leave a gap. */
const UNSPLIT_CHARS = 400;
function shortEnough(cells: readonly (readonly LaidPara[])[]): boolean {
  return cells.every(
    (ps) => ps.reduce((n, p) => n + p.para.spans.reduce((m, s) => m + s.text.length, 0), 0) <= UNSPLIT_CHARS,
  );
}

function articleParts(b: ArticleBlock): { bi: BiParas; role: ParaRole }[] {
  return [
    { bi: b.heading, role: 'heading' },
    { bi: b.body, role: 'body' },
  ];
}

/** Parallel: a borderless two-column table, Thai left, English right, one row per block (heading and body apart). */
function parallel(model: DocModel, anchors: Anchors): LaidItem[] {
  const items: LaidItem[] = [];
  let rows: LaidRow[] | undefined;
  const row = (bi: BiParas, role: ParaRole): LaidPara[] => {
    const th = paras(bi, 'th', role);
    const en = paras(bi, 'en', role);
    if (!rows) {
      rows = [];
      items.push({ t: 'grid', style: 'parallel', widths: [1, 1], rows });
    }
    rows.push({ header: false, cantSplit: shortEnough([th, en]), cells: [th, en] });
    return [...th, ...en];
  };
  const single = (bi: BiParas, role: ParaRole): LaidPara[] => {
    rows = undefined;
    const out = stacked(bi, role);
    items.push(...out.map((p): LaidItem => ({ t: 'para', p })));
    return out;
  };
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'text': {
        const bilingual = b.th !== undefined && b.en !== undefined;
        anchors.attach(b.anchor, bilingual ? row(b, textRole(b)) : single(b, textRole(b)));
        break;
      }
      case 'article':
        anchors.attach(
          b.anchor,
          articleParts(b).flatMap(({ bi, role }) => row(bi, role)),
        );
        break;
      case 'table':
        rows = undefined;
        items.push(tableGrid(b, ['th', 'en']));
        break;
      case 'signatures':
        rows = undefined;
        items.push(signatureGrid(b.parties));
        break;
      case 'pagebreak':
        rows = undefined;
        items.push({ t: 'pagebreak' });
        break;
    }
  }
  return items;
}

/** Sequential: the whole Thai text, a page break, the whole English text; signature blocks once at the end. */
function sequential(model: DocModel, anchors: Anchors): LaidItem[] {
  const items: LaidItem[] = [];
  const emit = (ps: LaidPara[]) => {
    items.push(...ps.map((p): LaidItem => ({ t: 'para', p })));
    return ps;
  };
  const pass = (lang: Lang) => {
    for (const b of model.blocks) {
      switch (b.kind) {
        case 'text':
          anchors.attach(b.anchor, emit(paras(b, lang, textRole(b))));
          break;
        case 'article':
          anchors.attach(b.anchor, emit(articleParts(b).flatMap(({ bi, role }) => paras(bi, lang, role))));
          break;
        case 'table':
          items.push(tableGrid(b, [lang]));
          break;
        case 'signatures':
          break;
        case 'pagebreak':
          items.push({ t: 'pagebreak' });
          break;
      }
    }
  };
  pass('th');
  if (model.blocks.some(hasEnglish)) {
    items.push({ t: 'pagebreak' });
    pass('en');
  }
  for (const b of model.blocks) if (b.kind === 'signatures') items.push(signatureGrid(b.parties));
  return items;
}

function hasEnglish(b: Block): boolean {
  switch (b.kind) {
    case 'text':
      return (b.en?.length ?? 0) > 0;
    case 'article':
      return b.heading.en !== undefined || b.body.en !== undefined;
    case 'table':
      return b.rows.some((r) => r.some((c) => c.en !== undefined));
    case 'signatures':
    case 'pagebreak':
      return false;
  }
}

export function layout(model: DocModel, kind: Layout): Sheet {
  const anchors = new Anchors(model.notes);
  const items = kind === 'parallel' ? parallel(model, anchors) : sequential(model, anchors);
  anchors.flush(items);
  const { blocks: _blocks, ...rest } = model;
  return { ...rest, items };
}
