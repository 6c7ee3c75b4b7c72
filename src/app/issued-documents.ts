// Which document each workflow step issues, rendered once from the agreement as it will be after the step; its
// bytes are stored as issued and its SHA-256 goes into the step's history entry.
import type { AgreementEvent } from '../../workflows';
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

/** The document a step hands to the next body (committee, MOI, MFA, the partner, the signatories). */
export function documentIssuedBy(event: AgreementEvent, after: AgreementRecord): IssuedRef | undefined {
  const latest = after.versions.at(-1)?.no;
  if (latest === undefined) return undefined;
  switch (event.type) {
    case 'SUBMIT_TO_COMMITTEE':
      return { versionNo: latest, doc: 'mou' };
    case 'SUBMIT_TO_MOI':
      return { versionNo: latest, doc: 'memo' };
    case 'RETURN_WITH_COMMENTS':
      return { versionNo: latest, doc: 'review' };
    case 'RESUBMIT':
    case 'SUBMIT_PARTNER_CHANGES':
      return { versionNo: latest, doc: latest > 1 ? 'redline' : 'mou' };
    case 'RECORD_SIGNING':
      return { versionNo: latest, doc: 'signing' };
    default:
      return undefined;
  }
}

/** What a step issues, before it knows its place in the history. */
export type IssuedDraft = Omit<IssuedFile, 'agreementId' | 'seq' | 'event' | 'issuedAt'>;

export type Issuer = (after: AgreementRecord, event: AgreementEvent) => Promise<IssuedDraft | undefined>;

export function createIssuer(renderer: DocumentRenderer): Issuer {
  return async (after, event) => {
    const ref = documentIssuedBy(event, after);
    if (!ref || !availability(after, ref.versionNo, ref.doc, ISSUED_LAYOUT).ok) return undefined;
    const f = await renderer.renderRecord(after, ref.versionNo, ref.doc, ISSUED_LAYOUT);
    return { ...ref, layout: ISSUED_LAYOUT, fileName: f.fileName, sha256: f.sha256, bytes: f.buffer };
  };
}
