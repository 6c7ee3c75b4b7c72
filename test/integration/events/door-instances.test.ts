// Two app instances on one database, each with the door and the same subscriber: the lease decides which one
// delivers, so each entry is delivered once; when the leaseholder dies, its lease runs out and the other takes over.
import type { Connection } from 'mongoose';
import { buildServices, type Services } from '../../../src/composition-root';
import type { DoorEvent, Subscriber } from '../../../src/events/events';
import { connectDatabase } from '../../../src/storage/connection';
import { POSITIONS_COLLECTION } from '../../../src/storage/door-stores';
import { secretary, story, TO_MFA, walk } from '../agreement-helpers';
import { openTestDb, testDbSettings, type TestDb } from '../../support/db';
import { FAST_DOOR, movableClock, until } from '../../support/door';

let db: TestDb;
let second: Connection;
beforeAll(async () => {
  db = await openTestDb('door');
  // FerretDB v1 is safe with one connection only (STACK.md), so there both instances share it; on MongoDB each
  // instance has its own, as separate processes would.
  const { uri, maxPoolSize } = testDbSettings();
  second =
    process.env.MOU_TEST_DB_KIND === 'ferretdb'
      ? db.connection
      : await connectDatabase({ uri, dbName: db.dbName, maxPoolSize });
});
afterAll(async () => {
  if (second !== db.connection) await second.close();
  await db.close();
});

/** Every call of either instance's subscriber, in one log (the effect a real subscriber keys by event id). */
const delivered: { by: string; event: DoorEvent }[] = [];
const subscriberOf = (by: string): Subscriber => ({
  name: 'audit',
  handle: async (event) => void delivered.push({ by, event }),
});
const clock = movableClock('2024-05-01T00:00:00.000Z');
const instance = (conn: Connection, holder: string) =>
  buildServices(conn, {
    clock,
    draftingGate: false,
    door: { subscribers: [subscriberOf(holder)], settings: FAST_DOOR, holder },
  });

const idsOf = (records: { id: string; history: { seq: number }[] }[]) =>
  records.flatMap((r) => r.history.map((h) => `${r.id}:${h.seq}`)).sort();
const deliveredIds = () => delivered.map((d) => d.event.id).sort();
const draft = (s: Services) =>
  s.agreements.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });

describe('two instances, one database', () => {
  it('delivers each entry once, from the leaseholder; a lease that runs out hands delivery over', async () => {
    const a = await instance(db.connection, 'instance-a');
    const b = await instance(second, 'instance-b');
    a.door.start();
    await until(() => a.door.holding().includes('audit'));
    b.door.start();
    // Several renewals later, the lease is still a's.
    await new Promise((r) => setTimeout(r, 4 * (FAST_DOOR.leaseMs ?? 0)));
    expect(b.door.holding()).toEqual([]);

    // Writes through both instances: a's are rung in, b's are found by a's poll.
    const one = await walk(a.agreements, await draft(a), TO_MFA);
    const two = await walk(b.agreements, await draft(b), TO_MFA.slice(0, 2));
    await until(() => delivered.length >= idsOf([one, two]).length, 10_000);
    await new Promise((r) => setTimeout(r, 4 * (FAST_DOOR.pollMs ?? 0)));
    expect(deliveredIds()).toEqual(idsOf([one, two]));
    expect(new Set(delivered.map((d) => d.by))).toEqual(new Set(['instance-a']));

    // a dies without giving its lease up; b writes on; once the lease has run out by the clock, b delivers.
    await a.door.stop({ release: false });
    const three = await walk(b.agreements, two, TO_MFA.slice(2));
    const four = await draft(b);
    await new Promise((r) => setTimeout(r, 4 * (FAST_DOOR.pollMs ?? 0)));
    expect(b.door.holding()).toEqual([]);
    expect(deliveredIds()).toEqual(idsOf([one, two]));

    clock.move((FAST_DOOR.leaseMs ?? 0) + 1);
    await until(() => b.door.holding().includes('audit'));
    await until(() => delivered.length >= idsOf([one, three, four]).length, 10_000);
    await new Promise((r) => setTimeout(r, 4 * (FAST_DOOR.pollMs ?? 0)));
    expect(deliveredIds()).toEqual(idsOf([one, three, four]));
    const byB = delivered.filter((d) => d.by === 'instance-b').map((d) => d.event.id);
    expect(byB.sort()).toEqual([`${three.id}:3`, `${three.id}:4`, `${four.id}:0`].sort());

    // The positions are in the database, one per subscriber and agreement, at each agreement's last entry (the
    // app's own statistics subscriber keeps its positions beside audit's).
    const positions = await db.connection
      .db!.collection(POSITIONS_COLLECTION)
      .find({ consumer: 'audit' })
      .toArray();
    expect(positions.map((p) => [p.agreementId, p.seq, p.rev]).sort()).toEqual(
      [one, three, four].map((r) => [r.id, r.history.length - 1, r.rev]).sort(),
    );
    await b.door.stop();
  });
});
