// The document a step's `issueDocument` effect names, rendered once from the agreement as it will be after the step;
// its bytes are stored as issued and its SHA-256 goes into the step's history entry.
import type { EffectParams, IssuedDoc } from '../../workflows';
import type { DocType, Layout } from '../documents';
import { availability } from './document-service-rules';
import type { DocumentRenderer } from './document-renderer';
import type { AgreementRecord, IssuedFile } from './ports';

export interface IssuedRef {
  versionNo: number;
  doc: DocType;
}

/** Issued documents are the bilingual parallel layout; other layouts of the same text are previews. */
export const ISSUED_LAYOUT: Layout = 'parallel';

// The machine's names of the documents a step issues are the renderer's document types.
const asDocType = (doc: IssuedDoc): DocType => doc;

/**
 * The document a step hands to the next body (committee, MOI, MFA, the partner, the signatories): the one its
 * effect names, of the latest version after the step (`firstVersionDoc` when that is version 1: a redline of the
 * first version would compare it with nothing).
 */
export function documentIssued(
  params: EffectParams<'issueDocument'> | undefined,
  after: AgreementRecord,
): IssuedRef | undefined {
  const latest = after.versions.at(-1)?.no;
  if (latest === undefined || !params) return undefined;
  const doc = latest === 1 && params.firstVersionDoc ? params.firstVersionDoc : params.doc;
  return { versionNo: latest, doc: asDocType(doc) };
}

/** What a step issues, before it knows its place in the history. */
export type IssuedDraft = Omit<IssuedFile, 'agreementId' | 'seq' | 'event' | 'issuedAt'>;

export type Issuer = (
  after: AgreementRecord,
  document: EffectParams<'issueDocument'> | undefined,
) => Promise<IssuedDraft | undefined>;

export function createIssuer(renderer: DocumentRenderer): Issuer {
  return async (after, document) => {
    const ref = documentIssued(document, after);
    if (!ref || !availability(after, ref.versionNo, ref.doc, ISSUED_LAYOUT).ok) return undefined;
    const f = await renderer.renderRecord(after, ref.versionNo, ref.doc, ISSUED_LAYOUT);
    return { ...ref, layout: ISSUED_LAYOUT, fileName: f.fileName, sha256: f.sha256, bytes: f.buffer };
  };
}
