// Who may do what: the ONE role × action table that the service, the UI, the API and the tests all read.
import type { Actor, Role } from '../src/domain/roles';
import type { AgreementEventType } from './events';

/** Actions on an agreement that are not workflow transitions. */
export type EditAction =
  | 'VIEW'
  | 'CREATE_DRAFT'
  | 'EDIT_CONTENT'
  | 'ADD_COMMENT'
  | 'ANSWER_COMMENT'
  | 'WITHDRAW_COMMENT'
  /** After signing: the action plan's activities and their reports. */
  | 'RECORD_ACTIVITY'
  /** After signing: a file attached to the agreement, a version or an activity. */
  | 'ATTACH_FILE';
export type AgreementAction = AgreementEventType | EditAction;

/**
 * any: on every agreement; own-province: only on agreements of the actor's own province;
 * none: never.
 */
export type Scope = 'any' | 'own-province' | 'none';

const SECRETARY = { secretary: 'own-province', moi: 'none', mfa: 'none', admin: 'any' } as const;
const MOI = { secretary: 'none', moi: 'any', mfa: 'none', admin: 'any' } as const;
const MFA = { secretary: 'none', moi: 'none', mfa: 'any', admin: 'any' } as const;
/** The partnership's own records: its province's secretaries only (everyone who may view it reads them). */
const PROVINCE_ONLY = { secretary: 'own-province', moi: 'none', mfa: 'none', admin: 'none' } as const;

export const PERMISSIONS: { readonly [A in AgreementAction]: { readonly [R in Role]: Scope } } = {
  VIEW: { secretary: 'own-province', moi: 'any', mfa: 'any', admin: 'any' },
  CREATE_DRAFT: SECRETARY,
  EDIT_CONTENT: SECRETARY,
  ADD_COMMENT: MFA,
  ANSWER_COMMENT: SECRETARY,
  /** Only the comment's own author, which the service checks. */
  WITHDRAW_COMMENT: MFA,
  RECORD_ACTIVITY: PROVINCE_ONLY,
  ATTACH_FILE: PROVINCE_ONLY,
  SUBMIT_TO_COMMITTEE: SECRETARY,
  RECORD_RESOLUTION: SECRETARY,
  SUBMIT_TO_MOI: SECRETARY,
  FORWARD_TO_MFA: MOI,
  RETURN_TO_PROVINCE: MOI,
  GIVE_NO_OBJECTION: MFA,
  RETURN_WITH_COMMENTS: MFA,
  RESUBMIT: SECRETARY,
  AGREE_FINAL_TEXT: SECRETARY,
  SUBMIT_PARTNER_CHANGES: SECRETARY,
  RECORD_CABINET_APPROVAL: MOI,
  RECORD_SIGNING: SECRETARY,
  PROPOSE_AMENDMENT: SECRETARY,
  ABANDON_AMENDMENT: SECRETARY,
  PROPOSE_RENEWAL: SECRETARY,
  RECORD_RENEWAL: SECRETARY,
  RECORD_EXPIRY: SECRETARY,
  TERMINATE: SECRETARY,
  WITHDRAW: SECRETARY,
};

export const ACTIONS = Object.keys(PERMISSIONS) as AgreementAction[];

/** May this actor perform this action on an agreement of this province? */
export function mayPerform(
  actor: Pick<Actor, 'role' | 'province'>,
  action: AgreementAction,
  province: string,
): boolean {
  const scope = PERMISSIONS[action][actor.role];
  switch (scope) {
    case 'any':
      return true;
    case 'own-province':
      return actor.province !== undefined && actor.province === province;
    case 'none':
      return false;
  }
}
