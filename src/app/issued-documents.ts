// Which document each workflow step issues: its SHA-256 goes into the step's history entry.
import type { AgreementEvent } from '../../workflows';
import type { DocType } from '../documents';
import type { AgreementRecord } from './ports';

export interface IssuedRef {
  versionNo: number;
  doc: DocType;
}

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
