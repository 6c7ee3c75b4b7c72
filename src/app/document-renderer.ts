// Renders any document of any version of an agreement record, with an LRU of results (documents are
// deterministic). Knows no service: the agreement service issues with it, the document service previews with it.
import { createHash } from 'node:crypto';
import { notFound, stableStringify, type Bilingual } from '../domain';
import {
  DOC_TYPES,
  renderDocument,
  documentFileName,
  type DocType,
  type Layout,
  type RenderInput,
} from '../documents';
import { createLru } from './document-service-cache';
import { availability, findVersion, OFFERED_LAYOUTS } from './document-service-rules';
import type { AgreementRecord } from './ports';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface RenderedFile {
  readonly buffer: Buffer;
  /** Hex SHA-256 of `buffer`. */
  readonly sha256: string;
  /** e.g. MOU_ChiangMai-Sejong_v2_review.docx */
  readonly fileName: string;
  readonly contentType: typeof DOCX_CONTENT_TYPE;
}

export interface DocumentRef {
  versionNo: number;
  doc: DocType;
  layout: Layout;
  fileName: string;
}

export interface VersionDocuments {
  versionNo: number;
  createdAt: string;
  documents: DocumentRef[];
}

export interface DocumentRenderer {
  renderRecord(
    record: AgreementRecord,
    versionNo: number,
    doc: DocType,
    layout?: Layout,
  ): Promise<RenderedFile>;
  /** The render request for a document; throws not-found when the document does not exist. */
  inputFor(record: AgreementRecord, versionNo: number, doc: DocType, layout?: Layout): RenderInput;
  /** Renders a request built from `inputFor` and changed by the caller (the action plan from its records). */
  renderInput(input: RenderInput): Promise<RenderedFile>;
  /** Every document that exists, per version (oldest first), with its file name. Pure, no rendering. */
  list(record: AgreementRecord): VersionDocuments[];
}

export interface DocumentRendererOptions {
  /** Rendered files kept in memory (default 200 files or 64 MB, whichever comes first). */
  cache?: { maxEntries: number; maxBytes: number };
  /** The province's committee as the admins name it (the gazetteer), for the cover memo. */
  committee?: (province: string) => Bilingual | undefined;
  /** Replaces the renderer (tests count calls); defaults to the documents pipeline. */
  renderer?: (input: RenderInput) => Promise<{ buffer: Buffer; sha256: string; fileName: string }>;
}

const hashOf = (input: RenderInput) => createHash('sha256').update(stableStringify(input)).digest('hex');

export function createDocumentRenderer({
  cache,
  committee,
  renderer = renderDocument,
}: DocumentRendererOptions = {}): DocumentRenderer {
  const lru = createLru<RenderedFile>(
    cache?.maxEntries ?? 200,
    cache?.maxBytes ?? 64 * 1024 * 1024,
    (f) => f.buffer.length,
  );
  /** Concurrent requests for the same document share one render. */
  const inFlight = new Map<string, Promise<RenderedFile>>();
  /**
   * A stored agreement at one rev never changes, so its render request's hash is remembered by (id, rev, …)
   * and a repeated download skips serialising and hashing the content. The history length tells the
   * preview of a step (same rev, one entry more) from the stored agreement.
   */
  const inputHashes = new Map<string, string>();
  const MAX_INPUT_HASHES = 5000;

  function inputFor(record: AgreementRecord, versionNo: number, doc: DocType, layout: Layout = 'parallel') {
    const a = availability(record, versionNo, doc, layout);
    if (!a.ok) throw notFound(a.why);
    const name = doc === 'memo' ? committee?.(record.province) : undefined;
    return name ? { ...a.input, meta: { ...a.input.meta, committeeName: name } } : a.input;
  }

  async function renderInput(input: RenderInput): Promise<RenderedFile> {
    const key = hashOf(input);
    const hit = lru.get(key) ?? inFlight.get(key);
    if (hit) return hit;
    const job = renderer(input).then((r): RenderedFile => {
      const file = {
        buffer: r.buffer,
        sha256: r.sha256,
        fileName: r.fileName,
        contentType: DOCX_CONTENT_TYPE,
      } as const;
      lru.set(key, file);
      return file;
    });
    inFlight.set(key, job);
    try {
      return await job;
    } finally {
      inFlight.delete(key);
    }
  }

  async function renderRecord(
    record: AgreementRecord,
    versionNo: number,
    doc: DocType,
    layout: Layout = 'parallel',
  ): Promise<RenderedFile> {
    // The committee's name can change in the gazetteer while the agreement does not.
    const names = doc === 'memo' ? JSON.stringify(committee?.(record.province) ?? null) : '';
    const memo = [record.id, record.rev, record.history.length, versionNo, doc, layout, names].join('\u0000');
    const known = inputHashes.get(memo);
    const cached = known === undefined ? undefined : (lru.get(known) ?? inFlight.get(known));
    if (cached) return cached;
    const input = inputFor(record, versionNo, doc, layout);
    const key = hashOf(input);
    if (inputHashes.size >= MAX_INPUT_HASHES) inputHashes.clear();
    inputHashes.set(memo, key);
    return renderInput(input);
  }

  return {
    renderRecord,
    renderInput,
    inputFor,
    list(record) {
      return record.versions.map((v) => ({
        versionNo: v.no,
        createdAt: v.createdAt,
        documents: DOC_TYPES.flatMap((doc) =>
          OFFERED_LAYOUTS[doc]
            .filter((layout) => availability(record, v.no, doc, layout).ok)
            .map((layout) => ({
              versionNo: v.no,
              doc,
              layout,
              fileName: documentFileName(findVersion(record, v.no).content, v.no, doc, layout),
            })),
        ),
      }));
    },
  };
}
