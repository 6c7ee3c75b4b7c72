// The embedded database over the real wire protocol, through the app's own mongoose connection settings.
import { Schema, type Connection } from 'mongoose';
import { openTestDb, type TestDb } from '../../support/db';
import { isDuplicateKeyError } from '../../../src/storage/errors';

const DocSchema = new Schema({
  code: { type: String, required: true, unique: true },
  title: String,
  rev: { type: Number, default: 0 },
  counter: { type: Number, default: 0 },
  log: [String],
});

let db: TestDb;
let conn: Connection;
const Doc = () => conn.model('WireDoc', DocSchema);

beforeAll(async () => {
  db = await openTestDb('wire');
  conn = db.connection;
  await Doc().init();
});
afterAll(async () => db.close());

describe('the embedded database over the MongoDB wire protocol', () => {
  it('creates, reads and updates a document', async () => {
    const created = await Doc().create({ code: 'cm-sejong', title: 'draft 1' });
    const read = await Doc().findById(created._id).lean();
    expect(read?.title).toBe('draft 1');
    await Doc().updateOne({ _id: created._id }, { $set: { title: 'draft 2' } });
    expect((await Doc().findById(created._id).lean())?.title).toBe('draft 2');
  });

  it('refuses an update with a stale version and changes nothing', async () => {
    const d = await Doc().create({ code: 'stale', title: 'v0' });
    const ok = await Doc().findOneAndUpdate(
      { _id: d._id, rev: 0 },
      { $set: { title: 'v1' }, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    );
    expect(ok?.rev).toBe(1);
    const stale = await Doc().findOneAndUpdate(
      { _id: d._id, rev: 0 },
      { $set: { title: 'lost' }, $inc: { rev: 1 } },
      { returnDocument: 'after' },
    );
    expect(stale).toBeNull();
    const now = await Doc().findById(d._id).lean();
    expect(now).toMatchObject({ title: 'v1', rev: 1 });
  });

  it('reports a unique index violation as a typed duplicate-key error', async () => {
    await Doc().create({ code: 'unique-1' });
    let caught: unknown;
    try {
      await Doc().create({ code: 'unique-1' });
    } catch (e) {
      caught = e;
    }
    expect(isDuplicateKeyError(caught)).toBe(true);
    expect(await Doc().countDocuments({ code: 'unique-1' })).toBe(1);
  });

  it('applies 200 parallel $inc on one document exactly 200 times', async () => {
    const d = await Doc().create({ code: 'counter' });
    await Promise.all(
      Array.from({ length: 200 }, () => Doc().updateOne({ _id: d._id }, { $inc: { counter: 1 } })),
    );
    expect((await Doc().findById(d._id).lean())?.counter).toBe(200);
  });

  it("gives exactly one winner in each of 20 rounds of 10 concurrent compare-and-set updates, keeping every winner's $push", async () => {
    const d = await Doc().create({ code: 'cas' });
    const winners: string[] = [];
    for (let round = 0; round < 20; round++) {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          Doc().findOneAndUpdate(
            { _id: d._id, rev: round },
            { $inc: { rev: 1 }, $push: { log: `r${round}-w${i}` } },
            { returnDocument: 'after' },
          ),
        ),
      );
      const won = results
        .map((r, i) => (r ? `r${round}-w${i}` : null))
        .filter((x): x is string => x !== null);
      expect(won).toHaveLength(1);
      winners.push(...won);
    }
    const final = await Doc().findById(d._id).lean();
    expect(final?.rev).toBe(20);
    expect(final?.log).toEqual(winners);
  });
});
