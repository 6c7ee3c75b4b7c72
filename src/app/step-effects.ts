// What a workflow step records besides the new state: a frozen version, a resolution, the signing.
import {
  latestVersion,
  makeVersion,
  sameContent,
  type Agreement,
  type Resolution,
  type Signing,
  type StepDetail,
  type Version,
  type VersionAuthor,
} from '../domain';
import type { AgreementEvent } from '../../workflows';

export interface StepEffects {
  version?: Version;
  resolution?: Resolution;
  signing?: Signing;
  /** The version the step concerned (recorded in the history entry). */
  versionNo?: number;
  detail?: StepDetail;
}

/** Leaving the province's hands freezes the working draft as a new, immutable version (if it changed). */
function freeze(a: Agreement, author: VersionAuthor, at: string): StepEffects {
  const last = latestVersion(a.versions);
  if (last && sameContent(last.content, a.workingDraft)) return { versionNo: last.no };
  const version = makeVersion(a.versions, a.workingDraft, author, at);
  return { version, versionNo: version.no };
}

export function effectsOf(
  event: AgreementEvent,
  a: Agreement,
  author: VersionAuthor,
  at: string,
): StepEffects {
  const current = latestVersion(a.versions)?.no;
  const base: StepEffects = current === undefined ? {} : { versionNo: current };
  switch (event.type) {
    case 'SUBMIT_TO_COMMITTEE':
    case 'SUBMIT_TO_MOI':
    case 'RESUBMIT':
    case 'SUBMIT_PARTNER_CHANGES':
      return freeze(a, author, at);
    case 'RECORD_RESOLUTION': {
      const resolution = { ...event.resolution, ...(current === undefined ? {} : { versionNo: current }) };
      return {
        ...base,
        resolution,
        detail: { code: 'resolution', meeting: resolution.meeting, outcome: resolution.outcome },
      };
    }
    case 'RECORD_SIGNING':
      return {
        ...base,
        signing: event.signing,
        detail: { code: 'signing', date: event.signing.date, place: event.signing.place },
      };
    case 'GIVE_NO_OBJECTION':
      return {
        ...base,
        detail: {
          code: 'no-objection',
          needsCabinetApproval: event.needsCabinetApproval,
          needsFullPowers: event.needsFullPowers,
        },
      };
    case 'FORWARD_TO_MFA':
    case 'RETURN_TO_PROVINCE':
    case 'RETURN_WITH_COMMENTS':
    case 'AGREE_FINAL_TEXT':
    case 'RECORD_CABINET_APPROVAL':
    case 'PROPOSE_AMENDMENT':
    case 'ABANDON_AMENDMENT':
    case 'PROPOSE_RENEWAL':
    case 'RECORD_RENEWAL':
    case 'RECORD_EXPIRY':
    case 'TERMINATE':
    case 'WITHDRAW':
      return base;
  }
}
