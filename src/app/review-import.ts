// Importing a reviewer's annotated Word file, for every door (page, API, CLI): the preview (what the file holds,
// placed on a version) and the comments it becomes once the person confirms what to take. The preview stores nothing.
import { sha256Hex, DomainError, type AgreementContent, type Bilingual, type Lang } from '../domain';
import { openWordPackage } from '../documents/word-in/package';
import {
  placeReviewFile,
  withItemIds,
  type ImportAnchor,
  type ImportedComment,
  type ImportedSuggestion,
  type ItemIds,
} from '../documents/word-in/review-import';
import type { FileIdentity } from '../documents/word-in/identity';
import { namedVersion, readReviewFile, type ReviewFile } from '../documents/word-in/review-file';
import { matchVersion, type VersionMatch } from '../documents/word-in/version-match';
import type { NewComment } from './comments';

export interface ImportPreview extends ItemIds {
  readonly agreementId?: string;
  readonly versionNo: number;
  readonly fileSha256: string;
  /** Item ids (c1…, s1…) taken when the person does not choose: all but the comments resolved in the file. */
  readonly proposed: readonly string[];
  /**
   * For a file without our anchors: the version its wording matches best, how sure (share of its article texts
   * matched, and the runner-up). The file is placed on `versionNo`, which may differ when the caller named it.
   */
  readonly match?: VersionMatch;
}

/** What the preview reads of an agreement: its id (none for a file outside the database), versions and comments. */
export interface ImportTarget {
  readonly id?: string;
  readonly versions: readonly { readonly no: number; readonly content: AgreementContent }[];
  readonly comments: readonly { readonly text: Bilingual }[];
}

/** An uploaded file, read once: the preview and any later placing work on this. */
export interface ReviewUpload {
  readonly file: ReviewFile;
  readonly sha256: string;
}

export async function readReviewUpload(bytes: Buffer): Promise<ReviewUpload> {
  return { file: await readReviewFile(await openWordPackage(bytes)), sha256: sha256Hex(bytes) };
}

const conflict = (th: string, en: string) => new DomainError('conflict', { th, en });

/**
 * Refuses a file whose properties or anchors name another agreement (when the agreement has an id), or a version
 * other than `expected` (the file may name none: then it is read by its text).
 */
export function refuseForeignFile(
  id: FileIdentity,
  agreementId: string | undefined,
  expected: number,
  shown = expected,
): void {
  if (agreementId !== undefined && id.agreement !== undefined && id.agreement !== agreementId)
    throw conflict(
      'ไฟล์นี้เป็นเอกสารของบันทึกความเข้าใจฉบับอื่น ไม่ใช่ฉบับนี้ จึงไม่นำเข้า',
      'This file is a document of another agreement, not this one, so it was not imported.',
    );
  const fileVersion = namedVersion(id);
  if (fileVersion !== undefined && fileVersion !== expected)
    throw conflict(
      `ไฟล์นี้เป็นร่างฉบับที่ ${fileVersion} ไม่ใช่ร่างฉบับที่ ${shown} จึงไม่นำเข้า`,
      `This file is version ${fileVersion}, not version ${shown}, so it was not imported.`,
    );
}

/**
 * Reads an upload as an annotated copy of a version of `target`: `versionNo` when given (the page's, the API's),
 * else the one the file names, else the one its wording matches best. Refuses a file of another agreement/version.
 */
export function previewImport(
  target: ImportTarget,
  versionNo: number | undefined,
  upload: ReviewUpload,
): ImportPreview {
  const { file } = upload;
  const named = namedVersion(file.identity);
  const match = named === undefined ? matchVersion(file.paras, target.versions) : undefined;
  const chosen = versionNo ?? named ?? match?.best.versionNo ?? 1;
  const version = target.versions.find((v) => v.no === chosen);
  if (!version)
    throw new DomainError('not-found', {
      th: `ไม่มีร่างฉบับที่ ${chosen}`,
      en: `There is no version ${chosen}`,
    });
  const result = placeReviewFile(file, {
    content: version.content,
    versionNo: chosen,
    recorded: target.comments.flatMap((c) => [c.text.th, c.text.en]),
  });
  refuseForeignFile(result.identity, target.id, chosen);
  const items = withItemIds(result);
  const proposed = [
    ...items.comments.flatMap((c) => (c.resolved ? [] : [c.id])),
    ...items.suggestions.map((s) => s.id),
  ];
  return {
    ...items,
    ...(target.id !== undefined ? { agreementId: target.id } : {}),
    versionNo: chosen,
    fileSha256: upload.sha256,
    proposed,
    ...(match ? { match } : {}),
  };
}

function commentAnchor(a: ImportAnchor): NewComment['anchor'] {
  switch (a.kind) {
    case 'article':
      return { kind: 'article', no: a.no, key: a.key, ...(a.lang ? { lang: a.lang } : {}) };
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
  const known = new Set([...preview.comments.map((c) => c.id), ...preview.suggestions.map((s) => s.id)]);
  const unknown = [...chosen].filter((x) => !known.has(x));
  if (unknown.length > 0)
    throw new DomainError('invalid-input', {
      th: `ไม่มีรายการ ${unknown.join(', ')} ในไฟล์นี้`,
      en: `The file has no item ${unknown.join(', ')}`,
    });
  const out: NewComment[] = [];
  for (const c of preview.comments) {
    if (!chosen.has(c.id)) continue;
    const text = commentText(c);
    const lang = c.lang;
    out.push({
      anchor: commentAnchor(c.anchor),
      // A reviewer writes a comment in one language; it is kept as written, in both fields.
      text: { th: text, en: text },
      ...(c.quote && lang ? { quote: { [lang]: c.quote } } : {}),
    });
  }
  for (const s of preview.suggestions) {
    if (!chosen.has(s.id)) continue;
    out.push({
      anchor: commentAnchor(s.anchor),
      text: suggestionText(s),
      ...(s.before ? { quote: { [s.lang]: s.before } } : {}),
      suggestion: { [s.lang]: s.wording },
    });
  }
  return out;
}
