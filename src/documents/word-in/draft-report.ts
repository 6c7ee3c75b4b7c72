// The report of a new draft read from a Word file: what was recognised and what was not, as data with a message in
// both languages (like the domain's field issues), so the page and the API word it in the reader's language.
import type { Bilingual, Lang } from '../../domain/bilingual';
import type { WordLayout } from './draft-layout';

export type DraftNoteCode =
  | 'unplaced'
  | 'one-language'
  | 'numbering-gap'
  | 'duplicate-article'
  | 'missing-part'
  | 'anchor-unrecognised';

export interface DraftNote {
  readonly code: DraftNoteCode;
  readonly message: Bilingual;
  readonly lang?: Lang;
  /** The article number the note is about. */
  readonly no?: number;
  /** Paragraph positions in the body (from 0), for paragraphs not placed. */
  readonly paragraphs?: readonly number[];
}

export interface LanguageFound {
  readonly title: boolean;
  readonly preamble: boolean;
  readonly closing: boolean;
  /** Article numbers found, in document order. */
  readonly articles: readonly number[];
}

export interface DraftReport {
  readonly layout: WordLayout;
  /** Parallel layout: the column the Thai text stood in. */
  readonly thaiColumn?: 'left' | 'right';
  readonly found: Readonly<Record<Lang, LanguageFound>>;
  /** Article headings that also carried MOU Engine's own bookmark (a file this program wrote). */
  readonly anchoredHeadings: number;
  /** Paragraphs of signature blocks (read as such, not taken into the text). */
  readonly signatureParagraphs: number;
  readonly notes: readonly DraftNote[];
}

const LANG_NAME: Record<Lang, Bilingual> = {
  th: { th: 'ภาษาไทย', en: 'Thai' },
  en: { th: 'ภาษาอังกฤษ', en: 'English' },
};

const PART_NAME = {
  title: { th: 'ชื่อบันทึกความเข้าใจ', en: 'the title' },
  preamble: { th: 'อารัมภบท', en: 'the preamble' },
  closing: { th: 'ข้อความปิดท้าย (ทำขึ้นเป็นคู่ฉบับ…)', en: 'the closing ("Done in duplicate…")' },
} as const;

const EXCERPT = 60;
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

export const note = {
  unplaced: (index: number, text: string): DraftNote => ({
    code: 'unplaced',
    paragraphs: [index],
    message: {
      th: `ไม่ได้นำย่อหน้าที่ ${index + 1} เข้าร่าง: “${excerpt(text)}”`,
      en: `Paragraph ${index + 1} was not placed in the draft: “${excerpt(text)}”`,
    },
  }),
  oneLanguage: (no: number, has: Lang): DraftNote => {
    const missing: Lang = has === 'th' ? 'en' : 'th';
    return {
      code: 'one-language',
      no,
      lang: has,
      message: {
        th: `ข้อ ${no} พบเฉพาะ${LANG_NAME[has].th} ไม่พบ${LANG_NAME[missing].th}`,
        en: `Article ${no} was found in ${LANG_NAME[has].en} only, not in ${LANG_NAME[missing].en}`,
      },
    };
  },
  gap: (lang: Lang, missing: readonly number[]): DraftNote => ({
    code: 'numbering-gap',
    lang,
    message: {
      th: `เลขข้อใน${LANG_NAME[lang].th}ข้ามไป: ไม่พบข้อ ${missing.join(', ')}`,
      en: `The ${LANG_NAME[lang].en} article numbers skip: no article ${missing.join(', ')}`,
    },
  }),
  duplicate: (lang: Lang, no: number): DraftNote => ({
    code: 'duplicate-article',
    lang,
    no,
    message: {
      th: `ข้อ ${no} ใน${LANG_NAME[lang].th}มีซ้ำ จึงนำเฉพาะข้อแรกเข้าร่าง`,
      en: `Article ${no} stands twice in the ${LANG_NAME[lang].en} text; only the first was taken`,
    },
  }),
  missing: (lang: Lang, part: keyof typeof PART_NAME): DraftNote => ({
    code: 'missing-part',
    lang,
    message: {
      th: `ไม่พบ${PART_NAME[part].th}ใน${LANG_NAME[lang].th}`,
      en: `No ${PART_NAME[part].en.replace(/^the /, '')} was found in the ${LANG_NAME[lang].en} text`,
    },
  }),
  anchorMissed: (lang: Lang, count: number): DraftNote => ({
    code: 'anchor-unrecognised',
    lang,
    message: {
      th: `พบที่คั่นหัวข้อของ MOU Engine ${count} แห่งใน${LANG_NAME[lang].th}บนบรรทัดที่ไม่ใช่หัวข้อ "ข้อ ..." (ไฟล์ถูกแก้ไข) กรุณาตรวจสอบข้อเหล่านั้น`,
      en: `${count} of MOU Engine's heading bookmarks in the ${LANG_NAME[lang].en} text stand on lines that are no longer "Article …" headings (the file was edited); check those articles`,
    },
  }),
};
