// The documents of an agreement as people get them: issued ones exactly as issued (stored bytes, checked against
// the SHA-256 in the history), everything else a preview rendered on demand.
import { DomainError, notFound, sha256Hex, type Actor, type HistoryEntry } from '../domain';
import { documentFileName, type DocType, type Layout } from '../documents';
import type { AgreementService } from './agreement-service';
import {
  DOCX_CONTENT_TYPE,
  type DocumentRef,
  type DocumentRenderer,
  type RenderedFile,
  type VersionDocuments,
} from './document-renderer';
import { createLru } from './document-service-cache';
import { ISSUED_LAYOUT } from './issued-documents';
import type { AgreementRecord, IssuedFileStore } from './ports';

export { OFFERED_LAYOUTS } from './document-service-rules';
export {
  DOCX_CONTENT_TYPE,
  type DocumentRef,
  type RenderedFile,
  type VersionDocuments,
} from './document-renderer';

/** A document a step issued, as listed (its bytes are fetched with issuedFile). */
export interface IssuedListing {
  seq: number;
  event: string;
  versionNo: number;
  doc: DocType;
  layout: Layout;
  sha256: string;
  issuedAt: string;
  /** The name the file is downloaded under, e.g. MOU_ChiangMai-Sejong_v1_memo.docx. */
  fileName: string;
}

export interface ListedDocument extends DocumentRef {
  /** issued: downloading it returns the bytes a step issued; preview: it is rendered now. */
  status: 'issued' | 'preview';
}

export interface ListedVersion extends Omit<VersionDocuments, 'documents'> {
  documents: ListedDocument[];
}

export interface Download {
  file: RenderedFile;
  /** Set when the file is the one a step issued; otherwise it is a preview. */
  issued?: IssuedListing;
}

export interface DocumentService {
  /** Loads the agreement as `actor` (not-found when they may not see it) and downloads one document. */
  render(actor: Actor, id: string, versionNo: number, doc: DocType, layout?: Layout): Promise<RenderedFile>;
  /** A preview rendered from the record now (never the stored issued bytes). */
  renderRecord(
    record: AgreementRecord,
    versionNo: number,
    doc: DocType,
    layout?: Layout,
  ): Promise<RenderedFile>;
  /** The issued file when this version's document was issued in this layout (the latest issue), else a preview. */
  download(record: AgreementRecord, versionNo: number, doc: DocType, layout?: Layout): Promise<Download>;
  /** Every document that exists, per version (oldest first), with its file name and whether a step issued it. */
  list(record: AgreementRecord): ListedVersion[];
  /** The documents the steps issued, oldest first. */
  issued(record: AgreementRecord): IssuedListing[];
  /** The stored bytes of what entry `seq` issued, checked against the SHA-256 its history entry recorded. */
  issuedFile(record: AgreementRecord, seq: number): Promise<RenderedFile>;
}

export interface DocumentServiceDeps {
  agreements: Pick<AgreementService, 'get'>;
  renderer: DocumentRenderer;
  files: IssuedFileStore;
}

function listing(record: AgreementRecord, h: HistoryEntry): IssuedListing | undefined {
  if (h.documentSha256 === undefined || h.doc === undefined || h.versionNo === undefined) return undefined;
  const version = record.versions.find((v) => v.no === h.versionNo);
  if (!version) return undefined;
  const doc = h.doc as DocType;
  return {
    seq: h.seq,
    event: h.event,
    versionNo: h.versionNo,
    doc,
    layout: ISSUED_LAYOUT,
    sha256: h.documentSha256,
    issuedAt: h.at,
    fileName: documentFileName(version.content, h.versionNo, doc, ISSUED_LAYOUT),
  };
}

export function createDocumentService({ agreements, renderer, files }: DocumentServiceDeps): DocumentService {
  const issued = (record: AgreementRecord) =>
    record.history.flatMap((h) => {
      const l = listing(record, h);
      return l ? [l] : [];
    });

  // Files that were read and matched their SHA-256: they never change (their key is their hash), so a repeated
  // download is served from memory. `mou verify` and the verification endpoint always read the store itself.
  const verified = createLru<RenderedFile>(500, 64 * 1024 * 1024, (f) => f.buffer.length);

  async function issuedFile(record: AgreementRecord, seq: number): Promise<RenderedFile> {
    const entry = issued(record).find((l) => l.seq === seq);
    if (!entry) throw notFound({ th: `รายการ ${seq} ไม่ได้ออกเอกสาร`, en: `Entry ${seq} issued no document` });
    const key = `${record.id}\u0000${seq}\u0000${entry.sha256}`;
    const known = verified.get(key);
    if (known) return known;
    const stored = await files.get(record.id, seq, entry.sha256);
    const actual = stored ? sha256Hex(stored.bytes) : undefined;
    if (!stored || actual !== entry.sha256) {
      throw new DomainError('integrity-failure', {
        th: stored
          ? `แฟ้มที่จัดเก็บของเอกสารที่ออกในรายการ ${seq} ไม่ตรงกับค่า SHA-256 ที่บันทึกไว้ในประวัติ จึงไม่ส่งแฟ้มนี้`
          : `ไม่พบแฟ้มที่จัดเก็บของเอกสารที่ออกในรายการ ${seq}`,
        en: stored
          ? `The stored file of the document issued at entry ${seq} does not match the SHA-256 in the history, so it is not returned`
          : `The stored file of the document issued at entry ${seq} is missing`,
      });
    }
    const file: RenderedFile = {
      buffer: stored.bytes,
      sha256: actual,
      fileName: stored.fileName,
      contentType: DOCX_CONTENT_TYPE,
    };
    verified.set(key, file);
    return file;
  }

  async function download(
    record: AgreementRecord,
    versionNo: number,
    doc: DocType,
    layout: Layout = 'parallel',
  ): Promise<Download> {
    const entry = issued(record).findLast(
      (l) => l.versionNo === versionNo && l.doc === doc && l.layout === layout,
    );
    if (entry) return { file: await issuedFile(record, entry.seq), issued: entry };
    return { file: await renderer.renderRecord(record, versionNo, doc, layout) };
  }

  return {
    async render(actor, id, versionNo, doc, layout) {
      // The agreement service answers not-found to someone who may not see the agreement.
      const record = await agreements.get(actor, id);
      return (await download(record, versionNo, doc, layout)).file;
    },
    renderRecord: (record, versionNo, doc, layout) => renderer.renderRecord(record, versionNo, doc, layout),
    download,
    list(record) {
      const keys = new Set(issued(record).map((i) => `${i.versionNo}/${i.doc}/${i.layout}`));
      return renderer.list(record).map((v) => ({
        ...v,
        documents: v.documents.map((d) => ({
          ...d,
          status: keys.has(`${d.versionNo}/${d.doc}/${d.layout}`)
            ? ('issued' as const)
            : ('preview' as const),
        })),
      }));
    },
    issued,
    issuedFile,
  };
}
