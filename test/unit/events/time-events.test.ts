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
    expect(events.map((e) => [e.agreementId, e.limitDays])).toEqual([
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
