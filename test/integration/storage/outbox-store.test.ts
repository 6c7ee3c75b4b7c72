// The outbox on the real database: the worker's looks (what is due, what a dead worker left sending) read the open
// set, not the outbox, so they cost the same however many e-mails were ever sent; and no crash between two writes
// loses an e-mail.
import { randomBytes } from 'node:crypto';
import type { CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import type { NewOutboxItem, OutboxStore } from '../../../src/notifications/ports';
import { connectDatabase } from '../../../src/storage/connection';
import {
  createOutboxStore,
  OPEN_COLLECTION,
  OUTBOX_COLLECTION,
  prepareOutbox,
} from '../../../src/storage/outbox-store';
import { openTestDb, testDbSettings, type TestDb } from '../../support/db';

let conn: Connection;
let store: OutboxStore;
const commands: CommandStartedEvent[] = [];
const T0 = new Date('2026-12-07T03:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

const item = (id: string, createdAt = T0): NewOutboxItem => ({
  id,
  userId: 'u1',
  message: { kind: 'digest', digest: { day: '2026-12-07', overdue: [], notices: [] } },
  createdAt: createdAt.toISOString(),
});
const outbox = () => conn.collection(OUTBOX_COLLECTION);
const open = () => conn.collection(OPEN_COLLECTION);

let db: TestDb;
beforeEach(async () => {
  db = await openTestDb('outbox', { onCommand: (e) => commands.push(e) });
  conn = db.connection;
  await prepareOutbox(conn);
  store = createOutboxStore(conn, { singleWriter: db.maxPoolSize === 1 });
});
afterEach(() => db.close());

describe('the outbox and its open set', () => {
  it('what is due comes from the open set: a thousand sent e-mails are never read to find one waiting', async () => {
    await outbox().insertMany(
      Array.from({ length: 1000 }, (_, i) => ({
        _id: `old-${i}` as never,
        userId: 'u1',
        status: 'sent',
        attempts: 1,
        nextAt: at(-100),
        createdAt: at(-100).toISOString(),
      })),
    );
    await store.enqueue([item('new-1')]);
    commands.length = 0;
    expect((await store.due(at(1), 50)).map((i) => i.id)).toEqual(['new-1']);
    expect(await store.interruptOthers('w1', at(1))).toBe(0);
    const onOutbox = commands.filter((e) => e.command[e.commandName] === OUTBOX_COLLECTION);
    for (const e of onOutbox) {
      const filter = (e.command.filter ?? {}) as Record<string, unknown>;
      expect(Object.keys(filter)).toEqual(['_id']);
      expect(typeof filter._id).toBe('string');
    }
  });

  it('waiting → claimed → sent leaves the open set; a retry is due again at its time; an outcome is written once', async () => {
    await store.enqueue([item('a'), item('b')]);
    expect(await open().countDocuments({ _id: { $in: ['a', 'b'] } as never })).toBe(2);
    const [a] = await store.claim(['a'], 'w1', at(1));
    expect(a?.status).toBe('sending');
    expect(await store.claim(['a'], 'w2', at(1))).toEqual([]);
    expect((await store.due(at(1), 50)).map((i) => i.id)).toEqual(['b']);
    await store.finish(['a'], 'w1', { status: 'sent', at: at(1).toISOString() });
    expect(await open().findOne({ _id: 'a' as never })).toBeNull();
    expect(await outbox().findOne({ _id: 'a' as never })).toMatchObject({ status: 'sent', attempts: 1 });
    // Another worker's outcome for it changes nothing.
    await store.finish(['a'], 'w2', { status: 'failed', error: 'x' });
    expect(await outbox().findOne({ _id: 'a' as never })).toMatchObject({ status: 'sent', attempts: 1 });

    await store.claim(['b'], 'w1', at(1));
    await store.finish(['b'], 'w1', { status: 'waiting', nextAt: at(10).toISOString(), error: 'down' });
    expect(await store.due(at(9), 50)).toEqual([]);
    expect((await store.due(at(10), 50)).map((i) => [i.id, i.attempts])).toEqual([['b', 1]]);
  });

  it('what a dead worker left sending becomes interrupted and leaves the open set; an admin sends it again', async () => {
    await store.enqueue([item('dead'), item('mine')]);
    await store.claim(['dead'], 'gone-worker', at(1));
    await store.claim(['mine'], 'w1', at(1));
    expect(await store.interruptOthers('w1', at(2))).toBe(1);
    expect(await outbox().findOne({ _id: 'dead' as never })).toMatchObject({ status: 'interrupted' });
    expect(await outbox().findOne({ _id: 'mine' as never })).toMatchObject({ status: 'sending' });
    expect(await open().findOne({ _id: 'dead' as never })).toBeNull();
    expect(await store.due(at(2), 50)).toEqual([]);

    expect(await store.requeue('dead', at(3))).toBe(true);
    expect((await store.due(at(3), 50)).map((i) => i.id)).toEqual(['dead']);
    expect(await store.requeue('mine', at(3))).toBe(false); // not failed or interrupted
    expect(await outbox().findOne({ _id: 'mine' as never })).toMatchObject({
      status: 'sending',
      holder: 'w1',
    });
  });

  it('a crash between the open record and the item loses nothing: the record waits for its item, and is dropped only when stale', async () => {
    // As a crash after the first of enqueue's two writes leaves it.
    await open().insertOne({ _id: 'half' as never, nextAt: T0 });
    expect(await store.due(at(30), 50)).toEqual([]);
    expect(await open().findOne({ _id: 'half' as never })).not.toBeNull(); // a young record is kept
    await store.enqueue([item('half')]); // the event delivered again after the restart
    expect((await store.due(at(30), 50)).map((i) => i.id)).toEqual(['half']);

    await open().insertOne({ _id: 'orphan' as never, nextAt: T0 });
    await store.due(at(61), 50);
    expect(await open().findOne({ _id: 'orphan' as never })).toBeNull(); // an hour old, no item: dropped
    expect(await open().findOne({ _id: 'half' as never })).not.toBeNull();
  });

  it('an outbox kept before the open set existed is taken in once: its waiting e-mails are due', async () => {
    const name = `outbox_${randomBytes(6).toString('hex')}`;
    const { uri, maxPoolSize } = testDbSettings();
    const old = await connectDatabase({ uri, dbName: name, maxPoolSize });
    try {
      await old.collection(OUTBOX_COLLECTION).insertMany([
        {
          _id: 'w' as never,
          userId: 'u1',
          status: 'waiting',
          attempts: 0,
          nextAt: T0,
          createdAt: T0.toISOString(),
        },
        {
          _id: 's' as never,
          userId: 'u1',
          status: 'sent',
          attempts: 1,
          nextAt: T0,
          createdAt: T0.toISOString(),
        },
      ]);
      await prepareOutbox(old);
      await prepareOutbox(old); // a second start builds nothing twice
      const s = createOutboxStore(old, { singleWriter: maxPoolSize === 1 });
      expect((await s.due(at(1), 50)).map((i) => i.id)).toEqual(['w']);
      expect(await old.collection(OPEN_COLLECTION).countDocuments()).toBe(2); // 'w' and the mark that it was built
    } finally {
      await old.dropDatabase();
      await old.close();
    }
  });
});
