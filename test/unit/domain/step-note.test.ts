// Step notes are data: new entries carry a detail (hashed with the entry); older English notes are read back into one.
import { chainEntry, readStepNote, verifyHistoryChain, type HistoryEntryInput } from '../../../src/domain';

const base: HistoryEntryInput = {
  at: '2025-01-06T03:10:00.000Z',
  actor: { userId: 'u1', name: 'สมศรี', role: 'secretary' },
  event: 'RECORD_RESOLUTION',
  from: 'committeeReview',
  to: 'committeeApproved',
};

describe('step notes', () => {
  it('a new entry keeps its detail as data, covered by the hash', () => {
    const e = chainEntry('a1', [], {
      ...base,
      detail: { code: 'resolution', meeting: '1/2568', outcome: 'approved' },
    });
    expect(verifyHistoryChain('a1', [e]).ok).toBe(true);
    const forged = {
      ...e,
      detail: { code: 'resolution' as const, meeting: '2/2568', outcome: 'approved' as const },
    };
    expect(verifyHistoryChain('a1', [forged]).ok).toBe(false);
    expect(readStepNote(e)).toEqual({
      detail: { code: 'resolution', meeting: '1/2568', outcome: 'approved' },
    });
  });

  it('an older entry with the English note still verifies and reads as the same detail, the person’s note apart', () => {
    const old = chainEntry('a1', [], { ...base, note: '1/2568 approved — urgent' });
    expect(verifyHistoryChain('a1', [old]).ok).toBe(true);
    expect(readStepNote(old)).toEqual({
      detail: { code: 'resolution', meeting: '1/2568', outcome: 'approved' },
      note: 'urgent',
    });
    expect(
      readStepNote({ event: 'GIVE_NO_OBJECTION', note: 'needsCabinetApproval=false needsFullPowers=true' }),
    ).toEqual({ detail: { code: 'no-objection', needsCabinetApproval: false, needsFullPowers: true } });
    const place = { th: 'จังหวัดเชียงใหม่', en: 'Chiang Mai Province' };
    expect(readStepNote({ event: 'RECORD_SIGNING', note: '2024-03-31 Chiang Mai Province' }, place)).toEqual({
      detail: { code: 'signing', date: '2024-03-31', place },
    });
    expect(readStepNote({ event: 'ANSWER_COMMENT', note: 'accepted' })).toEqual({
      detail: { code: 'answer', status: 'accepted' },
    });
    expect(readStepNote({ event: 'WITHDRAW', note: 'partner declined' })).toEqual({
      note: 'partner declined',
    });
  });
});
