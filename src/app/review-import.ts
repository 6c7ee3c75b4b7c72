// Importing a reviewer's annotated Word file: the preview (what the file holds, placed on the version under review)
// and the comments it becomes once the person confirms what to take. Nothing is stored by the preview.
import { sha256Hex, DomainError, type Agreement, type Bilingual, type Lang } from '../domain';
import { openWordPackage } from '../documents/word-in/package';
import {
  readReviewImport,
  type ImportAnchor,
  type ImportedComment,
  type ImportedSuggestion,
  type ReviewImport,
} from '../documents/word-in/review-import';
import type { FileIdentity } from '../documents/word-in/identity';
import type { NewComment } from './comments';

export interface ImportPreview extends ReviewImport {
  readonly agreementId: string;
  readonly versionNo: number;
  readonly fileSha256: string;
  /** Item ids (c1…, s1…) taken when the person does not choose: all but the comments resolved in the file. */
  readonly proposed: readonly string[];
}

const conflict = (th: string, en: string) => new DomainError('conflict', { th, en });

/**
 * Refuses a file whose properties or anchors name another agreement, or a version other than `expected` (the file
 * may name none: then it is read by its text).
 */
export function refuseForeignFile(
  id: FileIdentity,
  agreementId: string,
  expected: number,
  shown = expected,
): void {
  if (id.agreement !== undefined && id.agreement !== agreementId)
    throw conflict(
      'ไฟล์นี้เป็นเอกสารของบันทึกความเข้าใจฉบับอื่น ไม่ใช่ฉบับนี้ จึงไม่นำเข้า',
      'This file is a document of another agreement, not this one, so it was not imported.',
    );
  const fileVersion = id.versionNo ?? (id.bookmarkVersions.length === 1 ? id.bookmarkVersions[0] : undefined);
  if (fileVersion !== undefined && fileVersion !== expected)
    throw conflict(
      `ไฟล์นี้เป็นร่างฉบับที่ ${fileVersion} ไม่ใช่ร่างฉบับที่ ${shown} จึงไม่นำเข้า`,
      `This file is version ${fileVersion}, not version ${shown}, so it was not imported.`,
    );
}

/** Reads `bytes` as an annotated copy of version `versionNo` of `record`; refuses a file of another agreement/version. */
export async function previewImport(
  record: Agreement & { readonly id: string },
  versionNo: number,
  bytes: Buffer,
): Promise<ImportPreview> {
  const version = record.versions.find((v) => v.no === versionNo);
  if (!version)
    throw new DomainError('not-found', {
      th: `ไม่มีร่างฉบับที่ ${versionNo}`,
      en: `There is no version ${versionNo}`,
    });
  const pkg = await openWordPackage(bytes);
  const result = await readReviewImport(pkg, {
    content: version.content,
    versionNo,
    recorded: record.comments.flatMap((c) => [c.text.th, c.text.en]),
  });
  refuseForeignFile(result.identity, record.id, versionNo, versionNo);
  const proposed = [
    ...result.comments.flatMap((c, i) => (c.resolved ? [] : [`c${i + 1}`])),
    ...result.suggestions.map((_s, i) => `s${i + 1}`),
  ];
  return { ...result, agreementId: record.id, versionNo, fileSha256: sha256Hex(bytes), proposed };
}

function commentAnchor(a: ImportAnchor): NewComment['anchor'] {
  switch (a.kind) {
    case 'article':
      return { kind: 'article', no: a.no, key: a.key };
    case 'preamble':
      return { kind: 'preamble' };
    default:
      return { kind: 'document' };
  }
}

/** The reviewer's words as they wrote them, with the thread's replies after them. */
function commentText(c: ImportedComment): string {
  const replies = (c.replies ?? []).map((r) => `— ${r.author}: ${r.text}`);
  return [c.text, ...replies].join('\n');
}

const LANG_NAME: Record<Lang, Bilingual> = {
  th: { th: 'ภาษาไทย', en: 'Thai' },
  en: { th: 'ภาษาอังกฤษ', en: 'English' },
};

/** A suggestion said in words: "Suggested wording (English): replace “shall” with “will”." */
export function suggestionText(s: ImportedSuggestion): Bilingual {
  const th = LANG_NAME[s.lang].th;
  const en = LANG_NAME[s.lang].en;
  const q = (x: string | undefined) => `“${x ?? ''}”`;
  const untracked = s.kind === 'untracked';
  const what: Bilingual =
    s.kind === 'insert'
      ? { th: `เพิ่ม ${q(s.after)}`, en: `insert ${q(s.after)}` }
      : s.kind === 'delete'
        ? { th: `ตัด ${q(s.before)}`, en: `delete ${q(s.before)}` }
        : !s.before
          ? { th: `เพิ่ม ${q(s.after)}`, en: `insert ${q(s.after)}` }
          : !s.after
            ? { th: `ตัด ${q(s.before)}`, en: `delete ${q(s.before)}` }
            : { th: `แทน ${q(s.before)} ด้วย ${q(s.after)}`, en: `replace ${q(s.before)} with ${q(s.after)}` };
  return {
    th: `เสนอแก้ถ้อยคำ (${th})${untracked ? ' — แก้ไขโดยไม่ได้ติดตามการแก้ไข' : ''}: ${what.th}`,
    en: `Suggested wording (${en})${untracked ? ', not tracked' : ''}: ${what.en}`,
  };
}

/** The comments to add for the items taken (`take` ids, or the preview's proposal). */
export function commentsToAdd(preview: ImportPreview, take?: readonly string[]): NewComment[] {
  const chosen = new Set(take ?? preview.proposed);
  const known = new Set([
    ...preview.comments.map((_c, i) => `c${i + 1}`),
    ...preview.suggestions.map((_s, i) => `s${i + 1}`),
  ]);
  const unknown = [...chosen].filter((x) => !known.has(x));
  if (unknown.length > 0)
    throw new DomainError('invalid-input', {
      th: `ไม่มีรายการ ${unknown.join(', ')} ในไฟล์นี้`,
      en: `The file has no item ${unknown.join(', ')}`,
    });
  const out: NewComment[] = [];
  preview.comments.forEach((c, i) => {
    if (!chosen.has(`c${i + 1}`)) return;
    const text = commentText(c);
    const lang = c.lang;
    out.push({
      anchor: commentAnchor(c.anchor),
      // A reviewer writes a comment in one language; it is kept as written, in both fields.
      text: { th: text, en: text },
      ...(c.quote && lang ? { quote: { [lang]: c.quote } } : {}),
    });
  });
  preview.suggestions.forEach((s, i) => {
    if (!chosen.has(`s${i + 1}`)) return;
    out.push({
      anchor: commentAnchor(s.anchor),
      text: suggestionText(s),
      ...(s.before ? { quote: { [s.lang]: s.before } } : {}),
      suggestion: { [s.lang]: s.wording },
    });
  });
  return out;
}
