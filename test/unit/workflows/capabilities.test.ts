// What each person may do on an agreement now: the permission table read together with the state's tags and steps.
import { createActor } from 'xstate';
import { agreementMachine, capabilities, type AgreementEvent } from '../../../workflows';
import type { Actor, Role } from '../../../src/domain';

const cm = { province: 'chiang-mai' };
const actorOf = (role: Role, province?: string): Pick<Actor, 'role' | 'province'> => ({
  role,
  ...(province ? { province } : {}),
});
const secretary = actorOf('secretary', 'chiang-mai');
const foreign = actorOf('secretary', 'lampang');

function inState(...events: AgreementEvent[]) {
  const a = createActor(agreementMachine).start();
  for (const e of events) a.send(e);
  return a.getSnapshot();
}
const TO_MFA: AgreementEvent[] = [
  { type: 'SUBMIT_TO_COMMITTEE' },
  {
    type: 'RECORD_RESOLUTION',
    resolution: { meeting: '1/2565', date: '2022-03-14', outcome: 'approved', text: { th: 'ก', en: 'a' } },
  },
  { type: 'SUBMIT_TO_MOI' },
  { type: 'FORWARD_TO_MFA' },
];
const drafting = inState();
const mfaReview = inState(...TO_MFA);

const NOTHING = {
  editContent: false,
  addComment: false,
  answerComment: false,
  withdrawComment: false,
};

describe('capabilities', () => {
  it('the province edits its draft and may submit or withdraw it; nobody comments on it', () => {
    expect(capabilities(drafting, secretary, cm)).toEqual({
      ...NOTHING,
      editContent: true,
      draftEditable: true,
      events: ['SUBMIT_TO_COMMITTEE', 'WITHDRAW'],
    });
  });

  it('MOI and MFA read a draft the province may edit, and may do nothing with it', () => {
    for (const who of [actorOf('moi'), actorOf('mfa'), foreign]) {
      expect(capabilities(drafting, who, cm)).toEqual({ ...NOTHING, draftEditable: true, events: [] });
    }
  });

  it('under MFA review MFA comments (and withdraws its comments) and clears or returns it; the text is frozen', () => {
    expect(capabilities(mfaReview, actorOf('mfa'), cm)).toEqual({
      ...NOTHING,
      addComment: true,
      withdrawComment: true,
      draftEditable: false,
      events: ['GIVE_NO_OBJECTION', 'RETURN_WITH_COMMENTS'],
    });
    expect(capabilities(mfaReview, secretary, cm)).toEqual({
      ...NOTHING,
      draftEditable: false,
      events: ['WITHDRAW'],
    });
  });

  it('returned with comments, the province answers them and edits the draft', () => {
    const revision = inState(...TO_MFA, { type: 'RETURN_WITH_COMMENTS' });
    expect(capabilities(revision, secretary, cm)).toMatchObject({
      ...NOTHING,
      editContent: true,
      answerComment: true,
      draftEditable: true,
    });
    expect(capabilities(revision, actorOf('mfa'), cm)).toMatchObject({ ...NOTHING, events: [] });
  });
});
