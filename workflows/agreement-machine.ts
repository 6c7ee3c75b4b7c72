// The approval statechart of the 2018 MOI/MFA guidelines, as a pure XState v5 machine (no I/O, no timers).
import { assign, setup } from 'xstate';
import { isApproving } from '../src/domain/resolution';
import type { EffectParams, IssuedDoc, StepEffectType, StepRule } from './effects';
import type { AgreementEvent } from './events';

/** Stored next to every persisted snapshot; bump it when a change would misread old snapshots. */
export const AGREEMENT_MACHINE_VERSION = 1;

export interface AgreementMachineContext {
  /** MFA review round: 0 before the first review, +1 on each entry into MFA review. */
  round: number;
  /** True while an amendment of a signed agreement goes through review. */
  amending: boolean;
  needsCabinetApproval: boolean;
  needsFullPowers: boolean;
}

export const INITIAL_CONTEXT: AgreementMachineContext = {
  round: 0,
  amending: false,
  needsCabinetApproval: false,
  needsFullPowers: false,
};

/** Tags the application reads instead of listing state names. */
/** partnership: signed and not ended, so its activities and files may be recorded. */
export type AgreementTag = 'editable' | 'commentable' | 'answerable' | 'beforeSigning' | 'partnership';

// A step effect is a named action that does nothing in the machine: the application reads it from `transition()`
// and interprets it. Declared once per type, so xstate checks each use's params against the vocabulary.
const effect =
  <T extends StepEffectType>() =>
  (_args: unknown, _params: EffectParams<T>): void =>
    undefined;

// What each step does, named where the step is: its rules, the drafting gate, what it records and issues.
const rules = (...list: StepRule[]) => ({ type: 'checkRules', params: { rules: list } }) as const;
const gate = (staleBlocks: boolean) => ({ type: 'runDraftingGate', params: { staleBlocks } }) as const;
const issue = (doc: IssuedDoc, firstVersionDoc?: IssuedDoc) =>
  ({ type: 'issueDocument', params: firstVersionDoc ? { doc, firstVersionDoc } : { doc } }) as const;
/** Sends the draft to the committee: a version is frozen and the committee draft issued. */
const submitToCommittee = [rules('draft'), gate(false), 'freezeVersion', issue('mou')] as const;
/** Records the committee's resolution, whatever it decides. */
const recordResolution = [rules('resolution'), 'recordResolution'] as const;
const agreeFinalText = [rules('finalText')] as const;
/** The end of the term, recorded only once its expiry day (data on the agreement) has passed. */
const recordExpiry = { target: 'expired', actions: [rules('expiry')] } as const;

// Before signing, the province may withdraw the draft; during an amendment, withdrawing means
// abandoning the amendment and going back to the agreement in force.
const leaveBeforeSigning = {
  WITHDRAW: { guard: 'isNotAmending', target: 'withdrawn' },
  ABANDON_AMENDMENT: { guard: 'isAmending', target: 'inForce' },
} as const;

const backToProvince = [{ guard: 'isAmending', target: 'amendment' }, { target: 'drafting' }] as const;

export const agreementMachine = setup({
  types: {
    context: {} as AgreementMachineContext,
    events: {} as AgreementEvent,
    tags: {} as AgreementTag,
  },
  guards: {
    resolutionApproves: ({ event }) =>
      event.type === 'RECORD_RESOLUTION' && isApproving(event.resolution.outcome),
    isAmending: ({ context }) => context.amending,
    isNotAmending: ({ context }) => !context.amending,
    needsCabinetApproval: ({ context }) => context.needsCabinetApproval,
  },
  actions: {
    startReviewRound: assign({ round: ({ context }) => context.round + 1 }),
    setReviewFlags: assign(({ event, context }) =>
      event.type === 'GIVE_NO_OBJECTION'
        ? { needsCabinetApproval: event.needsCabinetApproval, needsFullPowers: event.needsFullPowers }
        : context,
    ),
    startAmendment: assign({ amending: true }),
    endAmendment: assign({ amending: false }),
    checkRules: effect<'checkRules'>(),
    runDraftingGate: effect<'runDraftingGate'>(),
    freezeVersion: effect<'freezeVersion'>(),
    recordResolution: effect<'recordResolution'>(),
    recordSigning: effect<'recordSigning'>(),
    recordTerm: effect<'recordTerm'>(),
    renewTerm: effect<'renewTerm'>(),
    recordNoObjection: effect<'recordNoObjection'>(),
    issueDocument: effect<'issueDocument'>(),
  },
}).createMachine({
  id: 'agreement',
  initial: 'drafting',
  context: INITIAL_CONTEXT,
  states: {
    drafting: {
      description: 'The province prepares the draft MOU, action plan, budget and staff.',
      tags: ['editable', 'beforeSigning'],
      on: {
        ...leaveBeforeSigning,
        SUBMIT_TO_COMMITTEE: { target: 'committeeReview', actions: submitToCommittee },
      },
    },
    committeeReview: {
      description: 'The provincial committee considers the draft and records a resolution.',
      tags: ['beforeSigning'],
      on: {
        ...leaveBeforeSigning,
        RECORD_RESOLUTION: [
          { guard: 'resolutionApproves', target: 'committeeApproved', actions: recordResolution },
          ...backToProvince.map((t) => ({ ...t, actions: recordResolution })),
        ],
      },
    },
    committeeApproved: {
      description:
        'Approved by the committee (amendments may still be made); the governor’s office submits it to MOI.',
      tags: ['editable', 'beforeSigning'],
      on: {
        ...leaveBeforeSigning,
        SUBMIT_TO_MOI: {
          target: 'moiReview',
          actions: [rules('moiSubmission', 'draft'), gate(true), 'freezeVersion', issue('memo')],
        },
      },
    },
    moiReview: {
      description: 'MOI checks the draft against the guidelines.',
      tags: ['beforeSigning'],
      on: { ...leaveBeforeSigning, FORWARD_TO_MFA: 'mfaReview', RETURN_TO_PROVINCE: backToProvince },
    },
    mfaReview: {
      description: 'MFA (Department of Treaties and Legal Affairs) reviews the text.',
      tags: ['commentable', 'beforeSigning'],
      entry: 'startReviewRound',
      on: {
        ...leaveBeforeSigning,
        GIVE_NO_OBJECTION: {
          target: 'partnerAgreement',
          actions: [rules('noObjection'), 'setReviewFlags', 'recordNoObjection'],
        },
        RETURN_WITH_COMMENTS: { target: 'revision', actions: [rules('returnWithComments'), issue('review')] },
      },
    },
    revision: {
      description: 'The province revises per the comments and answers each one.',
      tags: ['editable', 'answerable', 'beforeSigning'],
      on: {
        ...leaveBeforeSigning,
        RESUBMIT: {
          target: 'mfaReview',
          actions: [rules('resubmit', 'draft'), gate(true), 'freezeVersion', issue('redline', 'mou')],
        },
      },
    },
    partnerAgreement: {
      description: 'The cleared text is agreed with the partner; a substantive change goes back to MFA.',
      tags: ['editable', 'beforeSigning'],
      on: {
        ...leaveBeforeSigning,
        SUBMIT_PARTNER_CHANGES: {
          target: 'mfaReview',
          actions: [rules('partnerChanges', 'draft'), 'freezeVersion', issue('redline', 'mou')],
        },
        AGREE_FINAL_TEXT: [
          { guard: 'needsCabinetApproval', target: 'cabinetApproval', actions: agreeFinalText },
          { target: 'readyToSign', actions: agreeFinalText },
        ],
      },
    },
    cabinetApproval: {
      description: 'Only for a text that would bind Thailand: cabinet approval.',
      tags: ['beforeSigning'],
      on: { ...leaveBeforeSigning, RECORD_CABINET_APPROVAL: 'readyToSign' },
    },
    readyToSign: {
      description: 'Waiting for the signing (full powers first when needed).',
      tags: ['beforeSigning'],
      on: {
        ...leaveBeforeSigning,
        RECORD_SIGNING: {
          target: 'inForce',
          actions: [rules('signing'), 'recordSigning', 'recordTerm', issue('signing')],
        },
      },
    },
    inForce: {
      description: 'Signed and in force: action plan, reports, monitoring.',
      tags: ['partnership'],
      entry: 'endAmendment',
      on: {
        PROPOSE_AMENDMENT: { target: 'amendment', actions: 'startAmendment' },
        PROPOSE_RENEWAL: 'renewal',
        TERMINATE: 'terminated',
        RECORD_EXPIRY: recordExpiry,
      },
    },
    amendment: {
      description: 'An amendment of the signed agreement is drafted; it goes back through review.',
      tags: ['editable', 'partnership'],
      on: {
        ABANDON_AMENDMENT: 'inForce',
        SUBMIT_TO_COMMITTEE: { target: 'committeeReview', actions: submitToCommittee },
      },
    },
    renewal: {
      description: 'Renewal for a further term is being arranged with the partner.',
      tags: ['partnership'],
      on: {
        RECORD_RENEWAL: { target: 'inForce', actions: ['renewTerm', issue('renewal')] },
        RECORD_EXPIRY: recordExpiry,
      },
    },
    terminated: { description: 'Terminated by written notice.', type: 'final' },
    expired: { description: 'Expired at the end of its term.', type: 'final' },
    withdrawn: { description: 'Withdrawn by the province before signing.', type: 'final' },
  },
});

export type AgreementMachine = typeof agreementMachine;
export const FINAL_STATES = ['terminated', 'expired', 'withdrawn'] as const;
