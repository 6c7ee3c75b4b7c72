// The typed document model: what templates mean, independent of Word. Blocks of bilingual paragraphs.
import type { Lang } from '../domain/bilingual';
import type { TextSlot } from '../domain/text-lang';
import type { DocIdentity } from './word-anchors';

export type { Lang };

/** Where a paragraph's text belongs: Thai, English, or the partner's language (its tag is the model's `partner`). */
export type Slot = TextSlot;

/** A run of text with one style. `change` marks tracked insertions/deletions (redline only). */
export interface Span {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points (half points allowed); absent: the paragraph's size, else 16 pt. */
  readonly sizePt?: number;
  /** A tab character (its `text` is empty): moves to the paragraph's tab stop. */
  readonly tab?: boolean;
  readonly change?: 'ins' | 'del';
}

export type Align = 'left' | 'center' | 'right' | 'justify';

/** One paragraph in one language. */
export interface Para {
  readonly spans: readonly Span[];
  readonly align?: Align;
  /** Indent of the first line, in millimetres (Thai official style indents body paragraphs). */
  readonly indentMm?: number;
  /** Font size in points of every span that sets none (the memo's 29 pt heading). */
  readonly sizePt?: number;
  /** A left tab stop, in millimetres from the margin; `leader: 'dot'` draws a dotted line up to it (a form's blank). */
  readonly tabStop?: { readonly mm: number; readonly leader?: 'dot' };
  /** Space after the paragraph, in points; absent: the role's (the memo's field lines are set tight, as on the form). */
  readonly spaceAfterPt?: number;
  /** Keep on the same page as what follows (the memo's last paragraph goes with the signature). */
  readonly keepNext?: boolean;
}

/** Text in one or both languages: a memo is Thai-only, most blocks carry both. */
export interface BiParas {
  readonly th?: readonly Para[];
  readonly en?: readonly Para[];
  readonly partner?: readonly Para[];
}

/** A run of paragraphs; `key` identifies it across versions (redline), `anchor` where comments attach. */
export interface TextBlock extends BiParas {
  readonly kind: 'text';
  readonly role: 'title' | 'heading' | 'body' | 'note';
  readonly key?: string;
  readonly anchor?: string;
}

export interface ArticleBlock {
  readonly kind: 'article';
  readonly no: number;
  readonly key: string;
  readonly anchor: string;
  readonly heading: BiParas;
  readonly body: BiParas;
}

export interface TableCell extends BiParas {
  readonly header?: boolean;
}

export interface TableBlock {
  readonly kind: 'table';
  /** Relative column widths. */
  readonly widths: readonly number[];
  readonly rows: readonly (readonly TableCell[])[];
}

/** A paragraph tagged with its language, where Thai and English lines interleave (signature columns, notes). */
export interface LangPara {
  readonly lang: Slot;
  readonly para: Para;
}

/** One signature column per party, lines in the order written (Thai and English interleaved). */
export interface SignatureBlock {
  readonly kind: 'signatures';
  readonly parties: readonly (readonly LangPara[])[];
}

export interface PageBreakBlock {
  readonly kind: 'pagebreak';
}

export type Block = TextBlock | ArticleBlock | TableBlock | SignatureBlock | PageBreakBlock;

/** A Word comment: attached to the block whose `anchor` equals `anchor`. */
export interface Note {
  readonly id: number;
  readonly anchor: string;
  readonly author: string;
  readonly initials: string;
  /** ISO timestamp. */
  readonly date: string;
  readonly paras: readonly LangPara[];
}

export interface DocModel {
  readonly title: string;
  /** ISO timestamp written as the file's created/modified date (never the clock). */
  readonly created: string;
  /** The DRAFT mark shown in the header of non-final documents. */
  readonly mark?: BiParas;
  /** Page numbers in Thai digits ("- ๒ -"). */
  readonly thaiNumerals: boolean;
  readonly landscape?: boolean;
  readonly blocks: readonly Block[];
  /**
   * Layout `separate` only: the same document composed with the partner named first (default titles,
   * signature columns); its English text is the English original. Absent: the English text comes from `blocks`.
   */
  readonly counterpart?: readonly Block[];
  readonly notes: readonly Note[];
  /** Which document of which agreement and version this is: custom properties and bookmark names (word-anchors.ts). */
  readonly identity?: DocIdentity;
  /**
   * The partner's language, when the text carries it: its BCP 47 tag, the font its runs use, and the order the
   * closing names the languages in (sequential and separate layouts follow it).
   */
  readonly partner?: { readonly tag: string; readonly font: string; readonly order: readonly Slot[] };
  /** Author and date of tracked changes (redline). */
  readonly revision?: { readonly author: string; readonly date: string };
}
