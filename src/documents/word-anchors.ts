// Stable anchors in the documents we write, read back by the Word import (src/documents/word-in).
//
// Every block with an identity (the title, the preamble, each article by its key, the closing) is wrapped, per
// language and part, in a hidden Word bookmark whose name says what it is and of which version:
//   _mou_title_v3_th   _mou_preamble_v3_en   _mou_closing_v3_th   _mou_a<key>_v3_en_h (heading) / _b (body)
// (the partner-language text, when there is one: _p in place of _th / _en)
// A name starting with "_" is a hidden bookmark in Word (not listed in its dialog); Word and LibreOffice keep it when
// the file is edited and saved. Word limits names to 40 characters of letters, digits and "_", so the article key
// ("a-" and 8–12 of [A-Za-z0-9_-]) is written without its "a-" and with "_" as "_0" and "-" as "_1" (at most 24
// characters, 40 in all). The document itself (agreement, version, kind, layout) is named in custom properties.
import type { TextSlot as Slot } from '../domain/text-lang';

export type AnchorPart = 'h' | 'b';

/** What a bookmark of ours marks: an article's heading or body, or a whole text block, in one language. */
export type AnchorRef =
  | { readonly kind: 'article'; readonly key: string; readonly part: AnchorPart }
  | { readonly kind: 'title' | 'preamble' | 'closing' };

export interface ParsedAnchor {
  readonly ref: AnchorRef;
  readonly versionNo: number;
  readonly lang: Slot;
}

const encodeKey = (key: string): string =>
  key.replace(/^a-/, '').replace(/[_-]/g, (c) => (c === '_' ? '_0' : '_1'));
const decodeKey = (enc: string): string =>
  `a-${enc.replace(/_([01])/g, (_m, d: string) => (d === '0' ? '_' : '-'))}`;

/** The block key templates give (`title`, `preamble`, `closing`, `article:<key>`) → what its bookmarks mark. */
export function anchorOfBlockKey(key: string | undefined): AnchorRef | undefined {
  if (key === 'title' || key === 'preamble' || key === 'closing') return { kind: key };
  return undefined;
}

export function articleAnchorKey(blockKey: string): string | undefined {
  const m = /^article:(a-[A-Za-z0-9_-]{8,12})$/.exec(blockKey);
  return m?.[1];
}

/** The partner's text is marked `_p` (its tag may hold "-", which a bookmark name cannot). */
export function bookmarkName(ref: AnchorRef, versionNo: number, lang: Slot): string {
  const head = ref.kind === 'article' ? `a${encodeKey(ref.key)}` : ref.kind;
  const tail = ref.kind === 'article' ? `_${ref.part}` : '';
  return `_mou_${head}_v${versionNo}_${lang === 'partner' ? 'p' : lang}${tail}`;
}

const NAME =
  /^_mou_(?:(title|preamble|closing)|a((?:[A-Za-z0-9]|_[01]){8,24}))_v(\d{1,3})_(th|en|p)(?:_(h|b))?$/;

/** A bookmark name of ours → what it marks; anything else (a reviewer's own bookmarks, _GoBack) → undefined. */
export function parseBookmarkName(name: string): ParsedAnchor | undefined {
  const m = NAME.exec(name);
  if (!m) return undefined;
  const [, block, enc, v, code, part] = m;
  const versionNo = Number(v);
  const lang: Slot | undefined = code === 'p' ? 'partner' : code === 'th' || code === 'en' ? code : undefined;
  if (lang === undefined) return undefined;
  if (block === 'title' || block === 'preamble' || block === 'closing') {
    return part === undefined ? { ref: { kind: block }, versionNo, lang } : undefined;
  }
  if (enc === undefined || (part !== 'h' && part !== 'b')) return undefined;
  return { ref: { kind: 'article', key: decodeKey(enc), part }, versionNo, lang };
}

/** The document a file is, written as custom properties (docProps/custom.xml) and read back on import. */
export interface DocIdentity {
  readonly doc: string;
  readonly layout: string;
  readonly versionNo: number;
  /** The agreement's id; absent when a document is rendered from a file (CLI) rather than a record. */
  readonly agreement?: string;
}

export const IDENTITY_PROPERTIES = {
  agreement: 'MOU Engine agreement',
  versionNo: 'MOU Engine version',
  doc: 'MOU Engine document',
  layout: 'MOU Engine layout',
} as const;
