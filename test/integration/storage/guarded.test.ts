// A guarded update by _id, on the real database, in both forms: one filtered update (MongoDB, several writers) and,
// for the single writer of the embedded database, a read and a write by _id alone with the guard checked in process.
// Both answer alike; the single writer's sends no filter but _id's (the one FerretDB answers from its index).
import { randomBytes } from 'node:crypto';
import type { Collection, CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';
import { guardedUpdates } from '../../../src/storage/guarded';
import { openTestDb, type TestDb } from '../../support/db';

interface Item {
  _id: string;
  status: string;
  holder?: string;
  attempts: number;
}

let db: TestDb;
let conn: Connection;
const commands: CommandStartedEvent[] = [];
beforeAll(async () => {
  db = await openTestDb('guarded', { onCommand: (e) => commands.push(e) });
  conn = db.connection;
});
afterAll(() => db.close());

describe.each([
  ['one filtered update', false],
  ['read and write by _id (single writer)', true],
])('guarded update: %s', (_name, singleWriter) => {
  const g = guardedUpdates({ singleWriter });
  let c: Collection<Item>;
  beforeEach(async () => {
    // mongoose carries its own copy of the driver's types; the collection is the same object.
    c = conn.db!.collection<Item>(
      `items_${singleWriter ? 'single' : 'filtered'}_${randomBytes(3).toString('hex')}`,
    ) as unknown as Collection<Item>;
    await c.insertMany([
      { _id: 'a', status: 'waiting', attempts: 0 },
      { _id: 'b', status: 'sent', attempts: 1 },
    ]);
  });

  it('updates when the guard holds and answers the document after', async () => {
    const after = await g.updateAndGet(
      c,
      'a',
      { status: 'waiting' },
      { $set: { status: 'sending', holder: 'w1' } },
    );
    expect(after).toMatchObject({ _id: 'a', status: 'sending', holder: 'w1', attempts: 0 });
    expect(await c.findOne({ _id: 'a' })).toMatchObject({ status: 'sending', holder: 'w1' });
  });

  it('leaves the document as it was when the guard does not hold, or when there is none', async () => {
    expect(
      await g.updateAndGet(c, 'b', { status: 'waiting' }, { $set: { status: 'sending' } }),
    ).toBeUndefined();
    expect(
      await g.update(c, 'b', { status: { $in: ['failed', 'interrupted'] } }, { $set: { status: 'x' } }),
    ).toBe(false);
    expect(await g.update(c, 'zz', { status: 'waiting' }, { $set: { status: 'x' } })).toBe(false);
    expect(await c.findOne({ _id: 'b' })).toEqual({ _id: 'b', status: 'sent', attempts: 1 });
    expect(await c.countDocuments()).toBe(2);
  });

  it('reads several fields and $in in the guard', async () => {
    await c.updateOne({ _id: 'a' }, { $set: { status: 'interrupted', holder: 'w1' } });
    expect(
      await g.update(
        c,
        'a',
        { holder: 'w2', status: { $in: ['sending', 'interrupted'] } },
        { $inc: { attempts: 1 } },
      ),
    ).toBe(false);
    expect(
      await g.update(
        c,
        'a',
        { holder: 'w1', status: { $in: ['sending', 'interrupted'] } },
        { $inc: { attempts: 1 } },
      ),
    ).toBe(true);
    expect((await c.findOne({ _id: 'a' }))?.attempts).toBe(1);
  });

  it('of twenty claims at once, exactly one wins', async () => {
    const won = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        g.updateAndGet(
          c,
          'a',
          { status: 'waiting' },
          { $set: { status: 'sending', holder: `w${i}` }, $inc: { attempts: 1 } },
        ),
      ),
    );
    expect(won.filter((x) => x !== undefined)).toHaveLength(1);
    expect((await c.findOne({ _id: 'a' }))?.attempts).toBe(1);
  });

  it(singleWriter ? 'sends filters of _id alone' : 'sends the guard in the filter', async () => {
    commands.length = 0;
    await g.updateAndGet(c, 'a', { status: 'waiting' }, { $set: { status: 'sending' } });
    await g.update(c, 'a', { status: 'sending' }, { $set: { status: 'sent' } });
    const filters = commands
      .filter((e) => e.command[e.commandName] === c.collectionName)
      .flatMap((e) => {
        const cmd = e.command as Record<string, unknown>;
        if (e.commandName === 'find' || e.commandName === 'findAndModify') return [cmd.filter ?? cmd.query];
        if (e.commandName === 'update') return (cmd.updates as { q: unknown }[]).map((u) => u.q);
        return [];
      })
      .map((f) =>
        Object.keys(f as object)
          .sort()
          .join(','),
      );
    expect(filters.length).toBeGreaterThanOrEqual(2);
    if (singleWriter) expect(new Set(filters)).toEqual(new Set(['_id']));
    else expect(filters).toEqual(['_id,status', '_id,status']);
  });
});
