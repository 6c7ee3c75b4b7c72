import { createAgreementService } from '../../../src/app/agreement-service';
import { createDoor, type Door, type DoorSettings } from '../../../src/events/door';
import type { EntryEvent, Subscriber } from '../../../src/events/events';
import { agreementFeed, listedSince } from '../../../src/events/feed';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import {
  mfaReviewer,
  secretary,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk,
} from '../../integration/agreement-helpers';
import { fastSettings, memoryDoorStores, movableClock, recordingSubscriber, until } from '../../support/door';
import { memoryRecords } from '../../support/records';

function setup(subscribers: Subscriber[], o: { settings?: Partial<DoorSettings>; clockAt?: string } = {}) {
  const repo = createMemoryAgreementRepository();
  const stores = memoryDoorStores();
  const clock = movableClock(o.clockAt ?? '2022-03-01T00:00:00.000Z');
  const errors: unknown[] = [];
  const door = createDoor({
    subscribers,
    stores,
    feed: agreementFeed(repo, listedSince(repo)),
    clock,
    settings: fastSettings(o.settings),
    onError: (e) => errors.push(e),
  });
  const service = createAgreementService({
    repository: repo,
    clock: steppingClock(),
    newId: sequentialIds(),
    records: { ...memoryRecords(), door },
  });
  return { repo, stores, clock, door, service, errors };
}

let running: Door | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});
const started = (door: Door) => {
  running = door;
  door.start();
  return until(() => door.holding().length > 0);
};

const draft = (s: ReturnType<typeof setup>['service']) =>
  s.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
const entries = (calls: readonly { kind: string }[]) =>
  calls.filter((c): c is EntryEvent => c.kind === 'entry');
const seqsOf = (calls: readonly { kind: string }[], id: string) =>
  entries(calls)
    .filter((c) => c.agreementId === id)
    .map((c) => c.entry.seq);

describe('the door out, entries', () => {
  it('delivers every committed entry once, in order per agreement, and stores each position after it', async () => {
    const sub = recordingSubscriber();
    const t = setup([sub]);
    await started(t.door);
    const a = await walk(t.service, await draft(t.service), TO_MFA);
    const b = await draft(t.service);
    const comment = { anchor: { kind: 'document' }, text: { th: 'ความเห็น', en: 'A comment' } };
    const a2 = await t.service.addComment(mfaReviewer, a.id, a.rev, comment);
    const total = a2.history.length + b.history.length;
    await until(() => sub.effects.size === total);

    expect(sub.calls).toHaveLength(total);
    expect(seqsOf(sub.calls, a.id)).toEqual(a2.history.map((h) => h.seq));
    expect(seqsOf(sub.calls, b.id)).toEqual([0]);
    const last = entries(sub.calls).find((c) => c.id === `${a.id}:${a2.history.length - 1}`);
    expect(last).toMatchObject({ agreementId: a.id, province: 'chiang-mai', state: 'mfaReview' });
    expect(last?.entry.event).toBe('ADD_COMMENT');
    expect(t.stores.stored.get(`recorder:${a.id}`)).toEqual({ seq: a2.history.length - 1, rev: a2.rev });
    expect(t.errors).toEqual([]);
  });

  it('answers the step before any subscriber is called, and a subscriber that never returns holds up no step', async () => {
    let called = 0;
    const stuck: Subscriber = {
      name: 'stuck',
      handle: () => (called++, new Promise<never>(() => undefined)),
    };
    const t = setup([stuck]);
    await started(t.door);
    const a = await draft(t.service);
    expect(called).toBe(0); // the write returned first: delivery waits for the next turn of the event loop
    const moved = await walk(t.service, a, TO_MFA);
    expect(moved.state).toBe('mfaReview');
    await until(() => called === 1); // only the first entry, still being handled
  });

  it('retries a throwing subscriber with a pause, keeps other agreements moving, and moves the position only past what was handled', async () => {
    const sub = recordingSubscriber();
    const t = setup([sub]);
    await started(t.door);
    const a = await draft(t.service);
    let failing = true;
    sub.failWhen((e) => failing && e.id === `${a.id}:1`);
    const a1 = await t.service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    const b = await draft(t.service);
    await until(() => sub.calls.filter((c) => c.id === `${a.id}:1`).length >= 3);

    expect(sub.effects.has(`${b.id}:0`)).toBe(true); // B was not held up behind A
    expect(t.stores.stored.get(`recorder:${a.id}`)).toEqual({ seq: 0, rev: -1 });
    expect(sub.effects.has(`${a.id}:1`)).toBe(false);
    expect(t.errors.length).toBeGreaterThanOrEqual(3);

    failing = false;
    await until(() => sub.effects.has(`${a.id}:1`));
    await until(() => t.stores.stored.get(`recorder:${a.id}`)?.rev === a1.rev);
    expect(t.stores.stored.get(`recorder:${a.id}`)).toEqual({ seq: 1, rev: a1.rev });
    // The creation entry was handled before the failure: never delivered again.
    expect(sub.calls.filter((c) => c.id === `${a.id}:0`)).toHaveLength(1);
  });

  it('catches up at start from the stored positions: entries written while it was closed come, earlier ones do not', async () => {
    const sub = recordingSubscriber();
    const t = setup([sub]);
    const a = await walk(t.service, await draft(t.service), TO_MFA);
    const b = await draft(t.service);
    // As if an earlier run had handled A's first two entries and crashed.
    await t.stores.positions.advance('recorder', a.id, { seq: 1, rev: -1 });
    await started(t.door);
    await until(() => sub.effects.size === a.history.length - 2 + b.history.length);
    expect(seqsOf(sub.calls, a.id)).toEqual([2, 3, 4]);
    expect(seqsOf(sub.calls, b.id)).toEqual([0]);
  });

  it('refuses two subscribers of one name', () => {
    expect(() => setup([recordingSubscriber('x'), recordingSubscriber('x')])).toThrow(/two door subscribers/);
  });
});

describe('the door out, time events from the clock', () => {
  const DAY = 24 * 60 * 60 * 1000;

  it('tells of an agreement overdue in its step once per stay, by the injected clock; a window read again is deduplicated', async () => {
    const sub = recordingSubscriber();
    const t = setup([sub], {
      clockAt: '2022-03-02T00:00:00.000Z',
      settings: { overdueDays: { default: 30, byState: { mfaReview: 60 } } },
    });
    const atMfa = await walk(t.service, await draft(t.service), TO_MFA);
    const drafting = await draft(t.service);
    await started(t.door);
    // The first reading of the clock only sets the cursor: nothing was ever overdue "since" a new subscriber.
    await until(() => sub.effects.size === atMfa.history.length + drafting.history.length);
    await new Promise((r) => setTimeout(r, 100));
    const overdue = () => sub.calls.filter((c) => c.kind === 'overdue');
    expect(overdue()).toEqual([]);

    t.clock.move(31 * DAY); // drafting (30 days) is overdue; mfaReview (60 days) is not yet
    await until(() => overdue().length === 1);
    expect(overdue()[0]).toEqual({
      kind: 'overdue',
      id: `${drafting.id}:overdue:${drafting.stateSince}`,
      agreementId: drafting.id,
      province: 'chiang-mai',
      state: 'drafting',
      stateSince: drafting.stateSince,
      limitDays: 30,
      dueAt: new Date(Date.parse(drafting.stateSince) + 31 * DAY).toISOString(),
    });

    // A crash after the subscriber's effect, before the cursor moved: the same window is read again.
    await t.stores.cursors.set('recorder', '2022-03-02T00:00:00.000Z');
    await until(() => overdue().length === 2);
    expect(overdue()[1]?.id).toBe(overdue()[0]?.id);
    expect([...sub.effects.values()].filter((e) => e.kind === 'overdue')).toHaveLength(1);

    // A subscriber failing on a time event keeps the cursor; the event comes again when it succeeds.
    let failing = true;
    sub.failWhen((e) => failing && e.kind === 'overdue');
    t.clock.move(30 * DAY); // mfaReview now overdue (61 days)
    await until(() => t.errors.length >= 2);
    failing = false;
    const mfaId = `${atMfa.id}:overdue:${atMfa.stateSince}`;
    await until(() => sub.effects.has(mfaId));
    expect([...sub.effects.values()].filter((e) => e.kind === 'overdue').map((e) => e.id)).toEqual([
      `${drafting.id}:overdue:${drafting.stateSince}`,
      mfaId,
    ]);
  });
});
