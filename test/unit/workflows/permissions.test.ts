import { createActor } from 'xstate';
import {
  ACTIONS,
  agreementMachine,
  availableEvents,
  mayPerform,
  PERMISSIONS,
  type AgreementAction,
} from '../../../workflows';
import { ROLES, type Role } from '../../../src/domain';

// The rule, written out independently of the table: own = own province only, all = any, - = never.
const SPEC = `
action                   secretary moi  mfa  admin
VIEW                     own       all  all  all
CREATE_DRAFT             own       -    -    all
EDIT_CONTENT             own       -    -    all
ADD_COMMENT              -         -    all  all
ANSWER_COMMENT           own       -    -    all
WITHDRAW_COMMENT         -         -    all  all
RECORD_ACTIVITY          own       -    -    -
ATTACH_FILE              own       -    -    -
SUBMIT_TO_COMMITTEE      own       -    -    all
RECORD_RESOLUTION        own       -    -    all
SUBMIT_TO_MOI            own       -    -    all
FORWARD_TO_MFA           -         all  -    all
RETURN_TO_PROVINCE       -         all  -    all
GIVE_NO_OBJECTION        -         -    all  all
RETURN_WITH_COMMENTS     -         -    all  all
RESUBMIT                 own       -    -    all
AGREE_FINAL_TEXT         own       -    -    all
SUBMIT_PARTNER_CHANGES   own       -    -    all
RECORD_CABINET_APPROVAL  -         all  -    all
RECORD_SIGNING           own       -    -    all
PROPOSE_AMENDMENT        own       -    -    all
ABANDON_AMENDMENT        own       -    -    all
PROPOSE_RENEWAL          own       -    -    all
RECORD_RENEWAL           own       -    -    all
RECORD_EXPIRY            own       -    -    all
TERMINATE                own       -    -    all
WITHDRAW                 own       -    -    all
`;

const rows = SPEC.trim()
  .split('\n')
  .slice(1)
  .map((l) => l.trim().split(/\s+/));
const spec = new Map(rows.map(([action, ...cells]) => [action, cells]));

const actorOf = (role: Role, province?: string) => ({ role, ...(province ? { province } : {}) });

describe('the one permission table', () => {
  it('covers exactly the actions the spec lists', () => {
    expect([...spec.keys()].sort()).toEqual([...ACTIONS].sort());
  });

  const matrix: [AgreementAction, Role][] = ACTIONS.flatMap((a) =>
    ROLES.map((r): [AgreementAction, Role] => [a, r]),
  );
  it.each(matrix)('%s by %s follows the spec on own, other and no province', (action, role) => {
    const cell = spec.get(action)?.[ROLES.indexOf(role)];
    const own = mayPerform(actorOf(role, 'chiang-mai'), action, 'chiang-mai');
    const other = mayPerform(actorOf(role, 'lampang'), action, 'chiang-mai');
    const none = mayPerform(actorOf(role), action, 'chiang-mai');
    switch (cell) {
      case 'own':
        expect([own, other, none]).toEqual([true, false, false]);
        break;
      case 'all':
        expect([own, other, none]).toEqual([true, true, true]);
        break;
      case '-':
        expect([own, other, none]).toEqual([false, false, false]);
        break;
      default:
        throw new Error(`no spec cell for ${action}/${role}`);
    }
  });

  it('is a total table: every action has a scope for every role', () => {
    for (const a of ACTIONS) expect(Object.keys(PERMISSIONS[a]).sort()).toEqual([...ROLES].sort());
  });
});

describe('available events: allowed by role and accepted by the state', () => {
  const cm = { province: 'chiang-mai' };
  const inState = (
    ...events: Parameters<ReturnType<typeof createActor<typeof agreementMachine>>['send']>[0][]
  ) => {
    const a = createActor(agreementMachine).start();
    for (const e of events) a.send(e);
    return a.getSnapshot();
  };
  const drafting = inState();
  const mfaReview = inState(
    { type: 'SUBMIT_TO_COMMITTEE' },
    {
      type: 'RECORD_RESOLUTION',
      resolution: { meeting: '1/2565', date: '2022-03-14', outcome: 'approved', text: { th: 'ก', en: 'a' } },
    },
    { type: 'SUBMIT_TO_MOI' },
    { type: 'FORWARD_TO_MFA' },
  );

  it('a secretary of the province can submit or withdraw a draft', () => {
    expect(availableEvents(drafting, actorOf('secretary', 'chiang-mai'), cm)).toEqual([
      'SUBMIT_TO_COMMITTEE',
      'WITHDRAW',
    ]);
  });
  it('a secretary of another province can do nothing with it', () => {
    expect(availableEvents(drafting, actorOf('secretary', 'lampang'), cm)).toEqual([]);
  });
  it('MOI and MFA have nothing to do while the province drafts', () => {
    expect(availableEvents(drafting, actorOf('moi'), cm)).toEqual([]);
    expect(availableEvents(drafting, actorOf('mfa'), cm)).toEqual([]);
  });
  it('MFA can clear or return a draft under its review; the secretary can only withdraw it', () => {
    expect(availableEvents(mfaReview, actorOf('mfa'), cm)).toEqual([
      'GIVE_NO_OBJECTION',
      'RETURN_WITH_COMMENTS',
    ]);
    expect(availableEvents(mfaReview, actorOf('secretary', 'chiang-mai'), cm)).toEqual(['WITHDRAW']);
    expect(availableEvents(mfaReview, actorOf('admin'), cm)).toEqual([
      'GIVE_NO_OBJECTION',
      'RETURN_WITH_COMMENTS',
      'WITHDRAW',
    ]);
  });
});
