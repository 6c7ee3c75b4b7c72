// The workflow's events, named after what people do, with the data each one carries.
import type { Renewal, Resolution, Signing } from '../src/domain';

export type AgreementEvent =
  | { type: 'SUBMIT_TO_COMMITTEE' }
  | { type: 'RECORD_RESOLUTION'; resolution: Resolution }
  | { type: 'SUBMIT_TO_MOI' }
  | { type: 'FORWARD_TO_MFA' }
  | { type: 'RETURN_TO_PROVINCE' }
  | { type: 'GIVE_NO_OBJECTION'; needsCabinetApproval: boolean; needsFullPowers: boolean }
  | { type: 'RETURN_WITH_COMMENTS' }
  | { type: 'RESUBMIT' }
  | { type: 'AGREE_FINAL_TEXT' }
  | { type: 'SUBMIT_PARTNER_CHANGES' }
  | { type: 'RECORD_CABINET_APPROVAL' }
  | { type: 'RECORD_SIGNING'; signing: Signing }
  | { type: 'PROPOSE_AMENDMENT' }
  | { type: 'ABANDON_AMENDMENT' }
  | { type: 'PROPOSE_RENEWAL' }
  /** Without `renewal`: for the term's own years, from the day the step is taken. */
  | { type: 'RECORD_RENEWAL'; renewal?: Renewal }
  | { type: 'RECORD_EXPIRY' }
  | { type: 'TERMINATE' }
  | { type: 'WITHDRAW' };

export type AgreementEventType = AgreementEvent['type'];
export type EventOf<T extends AgreementEventType> = Extract<AgreementEvent, { type: T }>;

export const EVENT_TYPES = [
  'SUBMIT_TO_COMMITTEE',
  'RECORD_RESOLUTION',
  'SUBMIT_TO_MOI',
  'FORWARD_TO_MFA',
  'RETURN_TO_PROVINCE',
  'GIVE_NO_OBJECTION',
  'RETURN_WITH_COMMENTS',
  'RESUBMIT',
  'AGREE_FINAL_TEXT',
  'SUBMIT_PARTNER_CHANGES',
  'RECORD_CABINET_APPROVAL',
  'RECORD_SIGNING',
  'PROPOSE_AMENDMENT',
  'ABANDON_AMENDMENT',
  'PROPOSE_RENEWAL',
  'RECORD_RENEWAL',
  'RECORD_EXPIRY',
  'TERMINATE',
  'WITHDRAW',
] as const satisfies readonly AgreementEventType[];

// Compile-time check that EVENT_TYPES lists every event type.
type Missing = Exclude<AgreementEventType, (typeof EVENT_TYPES)[number]>;
const allListed: Missing extends never ? true : never = true;
void allListed;

export function isEventType(s: string): s is AgreementEventType {
  return (EVENT_TYPES as readonly string[]).includes(s);
}

const SAMPLE_RESOLUTION = (outcome: Resolution['outcome']): Resolution => ({
  meeting: '1/2565',
  date: '2022-03-14',
  outcome,
  text: { th: 'มติ', en: 'Resolution' },
});

const SAMPLE_SIGNING: Signing = {
  date: '2022-06-01',
  place: { th: 'เชียงใหม่', en: 'Chiang Mai' },
  signatories: {
    thai: {
      name: { th: 'ก', en: 'A' },
      title: { th: 'ผู้ว่าราชการจังหวัด', en: 'Governor' },
      capacity: 'principal',
    },
    partner: { name: { th: 'ข', en: 'B' }, title: { th: 'นายกเทศมนตรี', en: 'Mayor' }, capacity: 'principal' },
  },
};

/**
 * Representative events per type, one per guard branch. Used to ask a snapshot "would any form of this
 * event be accepted?" (for buttons) and to walk the graph in tests. The data is a placeholder.
 */
export const PROBE_EVENTS: { readonly [T in AgreementEventType]: readonly EventOf<T>[] } = {
  SUBMIT_TO_COMMITTEE: [{ type: 'SUBMIT_TO_COMMITTEE' }],
  RECORD_RESOLUTION: [
    { type: 'RECORD_RESOLUTION', resolution: SAMPLE_RESOLUTION('approved') },
    { type: 'RECORD_RESOLUTION', resolution: SAMPLE_RESOLUTION('sent-back') },
  ],
  SUBMIT_TO_MOI: [{ type: 'SUBMIT_TO_MOI' }],
  FORWARD_TO_MFA: [{ type: 'FORWARD_TO_MFA' }],
  RETURN_TO_PROVINCE: [{ type: 'RETURN_TO_PROVINCE' }],
  GIVE_NO_OBJECTION: [
    { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false },
    { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: true, needsFullPowers: true },
  ],
  RETURN_WITH_COMMENTS: [{ type: 'RETURN_WITH_COMMENTS' }],
  RESUBMIT: [{ type: 'RESUBMIT' }],
  AGREE_FINAL_TEXT: [{ type: 'AGREE_FINAL_TEXT' }],
  SUBMIT_PARTNER_CHANGES: [{ type: 'SUBMIT_PARTNER_CHANGES' }],
  RECORD_CABINET_APPROVAL: [{ type: 'RECORD_CABINET_APPROVAL' }],
  RECORD_SIGNING: [{ type: 'RECORD_SIGNING', signing: SAMPLE_SIGNING }],
  PROPOSE_AMENDMENT: [{ type: 'PROPOSE_AMENDMENT' }],
  ABANDON_AMENDMENT: [{ type: 'ABANDON_AMENDMENT' }],
  PROPOSE_RENEWAL: [{ type: 'PROPOSE_RENEWAL' }],
  RECORD_RENEWAL: [
    { type: 'RECORD_RENEWAL' },
    { type: 'RECORD_RENEWAL', renewal: { date: '2027-06-01', years: 5 } },
  ],
  RECORD_EXPIRY: [{ type: 'RECORD_EXPIRY' }],
  TERMINATE: [{ type: 'TERMINATE' }],
  WITHDRAW: [{ type: 'WITHDRAW' }],
};

export const ALL_PROBE_EVENTS: readonly AgreementEvent[] = EVENT_TYPES.flatMap(
  (t): readonly AgreementEvent[] => PROBE_EVENTS[t],
);
