// Which domain rule guards which workflow step: one exhaustive switch over the events.
import {
  assertNoIssues,
  draftIssues,
  finalTextIssues,
  moiSubmissionIssues,
  noObjectionIssues,
  partnerChangeIssues,
  resolutionIssues,
  resubmitIssues,
  returnWithCommentsIssues,
  signingIssues,
  type Agreement,
  type FieldIssue,
} from '../domain';
import type { AgreementEvent, AgreementMachineContext } from '../../workflows';

function issuesFor(event: AgreementEvent, a: Agreement, ctx: AgreementMachineContext): FieldIssue[] {
  switch (event.type) {
    case 'SUBMIT_TO_COMMITTEE':
      return draftIssues(a.workingDraft);
    case 'RECORD_RESOLUTION':
      return resolutionIssues(event.resolution);
    case 'SUBMIT_TO_MOI':
      return [...moiSubmissionIssues(a), ...draftIssues(a.workingDraft)];
    case 'RETURN_WITH_COMMENTS':
      return returnWithCommentsIssues(a, ctx.round);
    case 'GIVE_NO_OBJECTION':
      return noObjectionIssues(a, ctx.round);
    case 'RESUBMIT':
      return [...resubmitIssues(a, ctx.round), ...draftIssues(a.workingDraft)];
    case 'AGREE_FINAL_TEXT':
      return finalTextIssues(a);
    case 'SUBMIT_PARTNER_CHANGES':
      return [...partnerChangeIssues(a), ...draftIssues(a.workingDraft)];
    case 'RECORD_SIGNING':
      return signingIssues(event.signing, a.flags);
    case 'FORWARD_TO_MFA':
    case 'RETURN_TO_PROVINCE':
    case 'RECORD_CABINET_APPROVAL':
    case 'PROPOSE_AMENDMENT':
    case 'ABANDON_AMENDMENT':
    case 'PROPOSE_RENEWAL':
    case 'RECORD_RENEWAL':
    case 'RECORD_EXPIRY':
    case 'TERMINATE':
    case 'WITHDRAW':
      return [];
  }
}

/** Throws validation-failed, with every issue in both languages, when the step's rules are not met. */
export function validateStep(event: AgreementEvent, a: Agreement, ctx: AgreementMachineContext): void {
  assertNoIssues(issuesFor(event, a, ctx), {
    th: 'ยังดำเนินขั้นตอนนี้ไม่ได้ กรุณาแก้ไขรายการต่อไปนี้',
    en: 'This step cannot be taken yet; fix the items listed',
  });
}
