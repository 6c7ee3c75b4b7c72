// Layout parts shared by every layout: laid paragraphs, grids, signature columns and comment anchors.
import type {
  ArticleBlock,
  BiParas,
  DocModel,
  Para,
  Slot,
  SignatureBlock,
  TableBlock,
  TextBlock,
} from './model';
import {
  anchorOfBlockKey,
  articleAnchorKey,
  bookmarkName,
  type AnchorPart,
  type AnchorRef,
} from './word-anchors';

/** What a paragraph is for; the writer maps it to typography (bold, alignment, keep-with-next). */
export type ParaRole = 'title' | 'heading' | 'body' | 'note' | 'cell-header' | 'cell' | 'signature';

export interface LaidPara {
  readonly lang: Slot;
  readonly para: Para;
  readonly role: ParaRole;
  /** Word comments whose range starts before / ends after this paragraph. */
  commentStarts: number[];
  commentEnds: number[];
  /** Our anchors' bookmarks (word-anchors.ts) starting in / ending after this paragraph. */
  bookmarkStarts: { readonly id: number; readonly name: string }[];
  bookmarkEnds: number[];
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

export const laid =
  (lang: Slot, role: ParaRole) =>
  (para: Para): LaidPara => ({
    lang,
    para,
    role,
    commentStarts: [],
    commentEnds: [],
    bookmarkStarts: [],
    bookmarkEnds: [],
  });

export function paras(bi: BiParas, lang: Slot, role: ParaRole): LaidPara[] {
  return (bi[lang] ?? []).map(laid(lang, role));
}

/** Both languages stacked: Thai first, then English (table cells, signature columns). */
export function stacked(bi: BiParas, role: ParaRole, langs: readonly Slot[] = ['th', 'en']): LaidPara[] {
  return langs.flatMap((l) => paras(bi, l, role));
}

export function textRole(b: TextBlock): ParaRole {
  return b.role;
}

/** Attaches comments to the first and last paragraph a block produced (once per anchor). */
export class Anchors {
  private readonly pending = new Map<string, number[]>();
  /** Our own bookmarks around identified blocks (the import's anchors), laid out alongside the comments. */
  readonly bookmarks: Bookmarks;
  constructor(notes: DocModel['notes'], versionNo?: number) {
    this.bookmarks = new Bookmarks(versionNo);
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

/**
 * Wraps what a block produced in our bookmarks, one per language (and per part of an article), named after the
 * block's key and the document's version. Without an identity (a model built by hand) nothing is marked.
 */
export class Bookmarks {
  private next = 1;
  constructor(private readonly versionNo: number | undefined) {}
  private wrap(name: string, emitted: readonly LaidPara[]): void {
    const first = emitted[0];
    const last = emitted[emitted.length - 1];
    if (!first || !last) return;
    const id = this.next++;
    first.bookmarkStarts.push({ id, name });
    last.bookmarkEnds.push(id);
  }
  private byLang(ref: AnchorRef, emitted: readonly LaidPara[]): void {
    if (this.versionNo === undefined) return;
    for (const lang of ['th', 'en', 'partner'] as const) {
      this.wrap(
        bookmarkName(ref, this.versionNo, lang),
        emitted.filter((p) => p.lang === lang),
      );
    }
  }
  text(b: TextBlock, emitted: readonly LaidPara[]): void {
    const ref = anchorOfBlockKey(b.key);
    if (ref) this.byLang(ref, emitted);
  }
  /** An article's heading and body, each given as the paragraphs that part produced. */
  article(b: ArticleBlock, part: AnchorPart, emitted: readonly LaidPara[]): void {
    const key = articleAnchorKey(b.key);
    if (key !== undefined) this.byLang({ kind: 'article', key, part }, emitted);
  }
}

export function firstPara(items: readonly LaidItem[]): LaidPara | undefined {
  for (const it of items) {
    if (it.t === 'para') return it.p;
    if (it.t === 'grid') return it.rows[0]?.cells[0]?.[0];
  }
  return undefined;
}

export function tableGrid(b: TableBlock, langs: readonly Slot[]): LaidItem {
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

export function signatureGrid(parties: SignatureBlock['parties']): LaidItem {
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

export function articleParts(b: ArticleBlock): { bi: BiParas; role: ParaRole; part: AnchorPart }[] {
  return [
    { bi: b.heading, role: 'heading', part: 'h' },
    { bi: b.body, role: 'body', part: 'b' },
  ];
}
