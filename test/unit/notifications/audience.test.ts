// Who is told (pure): the step's next role, a secretary only of her own province, never admins or whoever acted;
// comments go to the province, answers to the comment's author; a time event kind added later (an expiry reminder)
// needs no code to reach the province.
import type { DoorEvent } from '../../../src/events/events';
import { occasionOf, recipients, TIME_AUDIENCES } from '../../../src/notifications/audience';
import type { Person } from '../../../src/notifications/ports';

const person = (id: string, o: Partial<Person>): Person => ({
  id,
  displayName: id,
  role: 'secretary',
  locale: 'th',
  notify: 'each',
  disabled: false,
  ...o,
});
const PEOPLE: Person[] = [
  person('cm1', { province: 'chiang-mai' }),
  person('cm2', { province: 'chiang-mai' }),
  person('lampang', { province: 'lampang' }),
  person('moi', { role: 'moi' }),
  person('mfa1', { role: 'mfa' }),
  person('mfa2', { role: 'mfa' }),
  person('mfa-off', { role: 'mfa', disabled: true }),
  person('admin', { role: 'admin' }),
];

function entry(event: string, to: string, actor: string, extra: object = {}): DoorEvent {
  return {
    kind: 'entry',
    id: `a1:${Math.floor(Math.random() * 1e6)}`,
    agreementId: 'a1',
    province: 'chiang-mai',
    state: to,
    entry: {
      seq: 3,
      at: '2026-03-01T00:00:00.000Z',
      actor: { userId: actor, name: actor, role: 'secretary' },
      event,
      from: 'x',
      to,
      prevHash: '0'.repeat(64),
      hash: '1'.repeat(64),
      ...extra,
    },
  };
}
const told = (e: DoorEvent, author?: string) => {
  const o = occasionOf(e);
  return o ? recipients(o, PEOPLE, author).map((p) => p.id) : [];
};

describe('who is told', () => {
  it('a step tells the role the state waits for; never whoever took it, an admin or a disabled account', () => {
    expect(told(entry('FORWARD_TO_MFA', 'mfaReview', 'moi'))).toEqual(['mfa1', 'mfa2']);
    expect(told(entry('SUBMIT_TO_MOI', 'moiReview', 'cm1'))).toEqual(['moi']);
  });

  it("a step waiting for the province tells only that province's secretaries, not another province's", () => {
    expect(told(entry('RETURN_WITH_COMMENTS', 'revision', 'mfa1'))).toEqual(['cm1', 'cm2']);
    expect(told(entry('SUBMIT_TO_COMMITTEE', 'committeeReview', 'cm1'))).toEqual(['cm2']);
  });

  it('edits, the creation and withdrawn comments tell no one; an agreement at rest or closed waits for no one', () => {
    expect(occasionOf(entry('EDIT_CONTENT', 'drafting', 'cm1'))).toBeUndefined();
    expect(occasionOf(entry('CREATE', 'drafting', 'cm1'))).toBeUndefined();
    expect(occasionOf(entry('WITHDRAW_COMMENT', 'mfaReview', 'mfa1'))).toBeUndefined();
    expect(told(entry('RECORD_SIGNING', 'inForce', 'cm1'))).toEqual([]);
    expect(told(entry('WITHDRAW', 'withdrawn', 'cm1'))).toEqual([]);
  });

  it("comments tell the province's secretaries; an answer tells only the comment's author", () => {
    expect(told(entry('ADD_COMMENT', 'mfaReview', 'mfa1', { commentId: 'c1' }))).toEqual(['cm1', 'cm2']);
    expect(told(entry('IMPORT_REVIEW', 'mfaReview', 'mfa1'))).toEqual(['cm1', 'cm2']);
    expect(told(entry('ANSWER_COMMENT', 'revision', 'cm1', { commentId: 'c1' }), 'mfa2')).toEqual(['mfa2']);
    expect(told(entry('ANSWER_COMMENT', 'revision', 'cm1', { commentId: 'c1' }))).toEqual([]);
  });

  it('overdue tells those the state waits for; a later time kind reaches the province without code', () => {
    const overdue: DoorEvent = {
      kind: 'overdue',
      id: 'a1:overdue:2026-01-01T00:00:00.000Z',
      agreementId: 'a1',
      province: 'chiang-mai',
      state: 'mfaReview',
      stateSince: '2026-01-01T00:00:00.000Z',
      limitDays: 30,
      dueAt: '2026-02-01T00:00:00.000Z',
    };
    expect(told(overdue)).toEqual(['mfa1', 'mfa2']);
    expect(occasionOf(overdue)).toMatchObject({ kind: 'overdue', at: '2026-02-01T00:00:00.000Z' });
    // The shape the door's events share; kind "expiring" is not in the union yet.
    const expiring = {
      kind: 'expiring',
      id: 'a1:expiring:2031-01-01',
      agreementId: 'a1',
      province: 'chiang-mai',
      state: 'inForce',
      dueAt: '2030-10-01T00:00:00.000Z',
    } as unknown as DoorEvent;
    expect(TIME_AUDIENCES.expiring).toBeUndefined();
    expect(told(expiring)).toEqual(['cm1', 'cm2']);
    expect(occasionOf(expiring)).toMatchObject({ kind: 'expiring', eventId: 'a1:expiring:2031-01-01' });
  });
});
