import { dueTimeEvents } from '../../../src/events/time-events';

const DAY = 24 * 60 * 60 * 1000;
const since = '2024-01-01T00:00:00.000Z';
const at = (days: number) => new Date(Date.parse(since) + days * DAY);
const row = (id: string, state: string) => ({ id, province: 'chiang-mai', state, stateSince: since });
const days = { default: 30, byState: { mfaReview: 60 } };

describe('time events: overdue as the queue counts it', () => {
  it('falls due when the whole days in the step exceed the limit, in the window (from, to] only', () => {
    const rows = [row('a', 'drafting')];
    expect(dueTimeEvents(rows, { from: at(0), to: new Date(at(31).getTime() - 1) }, days)).toEqual([]);
    expect(dueTimeEvents(rows, { from: at(0), to: at(31) }, days).map((e) => e.dueAt)).toEqual([
      at(31).toISOString(),
    ]);
    expect(dueTimeEvents(rows, { from: at(31), to: at(90) }, days)).toEqual([]);
  });

  it('uses the per-step limit, and never names a final state or an agreement in force', () => {
    const rows = [row('m', 'mfaReview'), row('f', 'inForce'), row('w', 'withdrawn'), row('d', 'drafting')];
    const events = dueTimeEvents(rows, { from: at(0), to: at(100) }, days);
    expect(events.map((e) => [e.agreementId, e.kind === 'overdue' ? e.limitDays : e.kind])).toEqual([
      ['d', 30],
      ['m', 60],
    ]);
  });

  it('gives the same ids for the same stay, whatever window finds it', () => {
    const rows = [row('a', 'drafting')];
    const one = dueTimeEvents(rows, { from: at(0), to: at(40) }, days);
    const two = dueTimeEvents(rows, { from: at(30), to: at(31) }, days);
    expect(one).toEqual(two);
    expect(one[0]?.id).toBe(`a:overdue:${since}`);
  });
});

describe('time events: the end of a term (the queue\'s "expires within 6 months" and "expired")', () => {
  // Signed 2021-03-01 for five years: the last day is 2026-03-01, counted in Bangkok (UTC+7).
  const inForce = {
    id: 'bs',
    province: 'bangkok',
    state: 'inForce',
    stateSince: since,
    expiresOn: '2026-03-01',
  };
  const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });

  it('"expiring" when the last six months begin, "expired" the day after the last day, each once', () => {
    const all = dueTimeEvents([inForce], window('2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), days);
    expect(all.map((e) => [e.kind, e.id, e.dueAt])).toEqual([
      ['expiring', 'bs:expiring:2026-03-01', '2025-09-01T17:00:00.000Z'],
      ['expired', 'bs:expired:2026-03-01', '2026-03-01T17:00:00.000Z'],
    ]);
    // 2025-09-02 00:00 in Bangkok is the first day of "expires within 6 months": just before it, nothing.
    expect(dueTimeEvents([inForce], window('2025-01-01T00:00:00Z', '2025-09-01T16:59:59Z'), days)).toEqual(
      [],
    );
    // Read again over later windows: never again.
    expect(dueTimeEvents([inForce], window('2026-03-01T17:00:00Z', '2030-01-01T00:00:00Z'), days)).toEqual(
      [],
    );
  });

  it('a renewal (a new expiry) gives new events; an agreement not in force or without a term gives none', () => {
    const renewed = { ...inForce, expiresOn: '2031-03-01' };
    const later = window('2030-01-01T00:00:00Z', '2031-12-31T00:00:00Z');
    expect(dueTimeEvents([renewed], later, days).map((e) => e.id)).toEqual([
      'bs:expiring:2031-03-01',
      'bs:expired:2031-03-01',
    ]);
    const ended = { ...inForce, state: 'terminated' };
    const noTerm = { id: 'x', province: 'bangkok', state: 'inForce', stateSince: since };
    expect(
      dueTimeEvents([ended, noTerm], window('2025-01-01T00:00:00Z', '2027-01-01T00:00:00Z'), days),
    ).toEqual([]);
  });
});
