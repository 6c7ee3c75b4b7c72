// What an attached file is, judged by its bytes alone (never its name or declared type), against an allow-list.
import type { Bilingual } from '../bilingual';

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  png: 'image/png',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[AttachmentType];

export const ATTACHMENT_KINDS = ['signed-scan', 'minutes', 'letter', 'photo', 'programme', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export type Sniffed =
  { ok: true; type: AttachmentType; contentType: AttachmentContentType } | { ok: false; why: Bilingual };

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_END = [...ascii('IEND'), 0xae, 0x42, 0x60, 0x82];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Markup a browser would run if it ever took the file for a page: no allowed image or PDF head carries it. */
const MARKUP = /<\s*(?:script|html|body|iframe|svg|object|embed|meta|!doctype\s+html)\b|javascript:/i;

function hasMarkup(b: Uint8Array, limit = b.length): boolean {
  // latin1 keeps one character per byte, so the pattern sees the bytes as they are.
  return MARKUP.test(Buffer.from(b.buffer, b.byteOffset, Math.min(limit, b.length)).toString('latin1'));
}

function endsWithTrimmed(b: Uint8Array, sig: readonly number[]): boolean {
  let end = b.length;
  while (end > 0 && (b[end - 1] === 0x00 || b[end - 1] === 0x0a || b[end - 1] === 0x0d)) end--;
  return end >= sig.length && startsWith(b, sig, end - sig.length);
}

const refuse = (th: string, en: string): Sniffed => ({ ok: false, why: { th, en } });
const NOT_ALLOWED = refuse(
  'รับเฉพาะไฟล์ PDF, Word (.docx), JPEG หรือ PNG ซึ่งตรวจจากเนื้อไฟล์ ไม่ใช่จากชื่อไฟล์',
  'Only PDF, Word (.docx), JPEG and PNG files are accepted, judged by their content, not their name',
);
const POLYGLOT = refuse(
  'ไฟล์นี้มีโค้ดหน้าเว็บ (HTML/สคริปต์) ปนอยู่ จึงไม่รับ',
  'The file carries web-page code (HTML or script) inside it and is refused',
);
const ok = (type: AttachmentType): Sniffed => ({ ok: true, type, contentType: ATTACHMENT_TYPES[type] });

/** The file's type by its content: signature, structure (a JPEG/PNG ends as one, a .docx is a Word package), no markup. */
export function sniffAttachment(b: Uint8Array): Sniffed {
  if (b.length === 0) return refuse('ไฟล์ว่าง (ขนาด 0 ไบต์)', 'The file is empty (0 bytes)');
  if (startsWith(b, ascii('%PDF-'))) {
    // Browsers sniff the first kilobyte or so; a PDF's own head never holds markup.
    return hasMarkup(b, 1024) ? POLYGLOT : ok('pdf');
  }
  if (startsWith(b, JPEG)) {
    if (!endsWithTrimmed(b, [0xff, 0xd9])) return refuse('ไฟล์ JPEG ไม่สมบูรณ์', 'The JPEG file is incomplete');
    return hasMarkup(b) ? POLYGLOT : ok('jpeg');
  }
  if (startsWith(b, PNG)) {
    if (!endsWithTrimmed(b, PNG_END)) return refuse('ไฟล์ PNG ไม่สมบูรณ์', 'The PNG file is incomplete');
    return hasMarkup(b) ? POLYGLOT : ok('png');
  }
  if (startsWith(b, ZIP)) {
    // A Word package names its main part in the zip's entries (stored uncompressed in the headers).
    const names = Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
    const word = names.includes('[Content_Types].xml') && names.includes('word/document.xml');
    if (!word || names.includes('vbaProject.bin')) return NOT_ALLOWED;
    return ok('docx');
  }
  return NOT_ALLOWED;
}

/** "image/…" types are shown scaled on the activity page. */
export const isImage = (contentType: string): boolean => contentType.startsWith('image/');
