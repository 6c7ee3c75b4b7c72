// What an actor may do on an agreement now, and which states wait for a role: the permission table read together
// with the statechart. The service asks these questions; pages only turn the answers into labels.
import type { Actor, Role } from '../src/domain/roles';
import type { AgreementTag } from './agreement-machine';
import { availableEvents, type AgreementSnapshot } from './available';
import { isEventType, type AgreementEventType } from './events';
import { mayPerform, PERMISSIONS, type EditAction } from './permissions';
import { machineStructure } from './structure';

/** Changes that are not steps, each allowed only in states carrying its tag (and only to the roles the table names). */
export type ChangeAction = Exclude<EditAction, 'VIEW' | 'CREATE_DRAFT'>;

export const CHANGE_TAGS: { readonly [A in ChangeAction]: AgreementTag } = {
  EDIT_CONTENT: 'editable',
  ADD_COMMENT: 'commentable',
  ANSWER_COMMENT: 'answerable',
  WITHDRAW_COMMENT: 'commentable',
  RECORD_ACTIVITY: 'partnership',
  ATTACH_FILE: 'partnership',
};

export interface Capabilities {
  /** Edit the working draft now. */
  editContent: boolean;
  /** Comment on the version under review now. */
  addComment: boolean;
  /** Answer the comments of the current round now. */
  answerComment: boolean;
  /** Withdraw a comment of the current round now (the service also checks that it is the actor's own). */
  withdrawComment: boolean;
  /** The state lets the province edit the draft, whoever is asking (a reader is told who may). */
  draftEditable: boolean;
  /** The workflow steps the actor may take now, in the machine's event order. */
  events: AgreementEventType[];
}

export function mayChange(
  snapshot: AgreementSnapshot,
  actor: Pick<Actor, 'role' | 'province'>,
  agreement: { province: string },
  action: ChangeAction,
): boolean {
  return snapshot.hasTag(CHANGE_TAGS[action]) && mayPerform(actor, action, agreement.province);
}

export function capabilities(
  snapshot: AgreementSnapshot,
  actor: Pick<Actor, 'role' | 'province'>,
  agreement: { province: string },
): Capabilities {
  const may = (action: ChangeAction) => mayChange(snapshot, actor, agreement, action);
  return {
    editContent: may('EDIT_CONTENT'),
    addComment: may('ADD_COMMENT'),
    answerComment: may('ANSWER_COMMENT'),
    withdrawComment: may('WITHDRAW_COMMENT'),
    draftEditable: snapshot.hasTag('editable'),
    events: availableEvents(snapshot, actor, agreement),
  };
}

/** Leaving the path is always possible and waits for no one. */
const SIDE_EXITS: ReadonlySet<string> = new Set(['WITHDRAW', 'ABANDON_AMENDMENT']);
/** A signed agreement in force is not waiting for anyone, though its province may act on it. */
const AT_REST: ReadonlySet<string> = new Set(['inForce']);

/** The states in which `role` has a next step to take (its queue): read from the machine and the permission table. */
export function waitingStates(role: Role): string[] {
  const { states, edges } = machineStructure();
  return states
    .filter((s) => !s.final && !AT_REST.has(s.name))
    .filter((s) =>
      edges.some(
        (e) =>
          e.from === s.name &&
          !SIDE_EXITS.has(e.event) &&
          isEventType(e.event) &&
          PERMISSIONS[e.event][role] !== 'none',
      ),
    )
    .map((s) => s.name);
}
