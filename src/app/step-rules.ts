// The domain rules a step's `checkRules` effect names, each interpreted once, and the refusal when they fail.
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
import {
  resolutionOf,
  signingOf,
  type AgreementEvent,
  type AgreementMachineContext,
  type StepRule,
} from '../../workflows';
import { expiryIssues } from './term';

/** What a rule reads: the agreement before the step, the event, and the machine's context before it. */
export interface RuleInput {
  record: Agreement;
  event: AgreementEvent;
  context: AgreementMachineContext;
  /** When the step is taken (ISO instant): the rules that depend on the day read it. */
  at?: string;
}

export function ruleIssues(rule: StepRule, { record: a, event, context, at }: RuleInput): FieldIssue[] {
  switch (rule) {
    case 'draft':
      return draftIssues(a.workingDraft);
    case 'resolution':
      return resolutionIssues(resolutionOf(event));
    case 'moiSubmission':
      return moiSubmissionIssues(a);
    case 'returnWithComments':
      return returnWithCommentsIssues(a, context.round);
    case 'noObjection':
      return noObjectionIssues(a, context.round);
    case 'resubmit':
      return resubmitIssues(a, context.round);
    case 'finalText':
      return finalTextIssues(a);
    case 'partnerChanges':
      return partnerChangeIssues(a);
    case 'signing':
      return signingIssues(signingOf(event), a.flags);
    case 'expiry':
      return expiryIssues(a, at);
  }
}

/** Throws validation-failed, with every issue in both languages, when the step's rules are not met. */
export function assertStepRules(issues: readonly FieldIssue[]): void {
  assertNoIssues(issues, {
    th: 'ยังดำเนินขั้นตอนนี้ไม่ได้ กรุณาแก้ไขรายการต่อไปนี้',
    en: 'This step cannot be taken yet; fix the items listed',
  });
}
