// The connection layer refuses fire-and-forget (w:0) writes before they reach the embedded database.
import { connectDatabase, UnacknowledgedWriteError } from '../../../src/storage/connection';
import { openTestDb, testDbSettings, type TestDb } from '../../support/db';

let db: TestDb;
const docs = () => db.connection.db!.collection<{ code: string; n: number }>('guarded');

beforeAll(async () => {
  db = await openTestDb('guard');
  await docs().insertMany(Array.from({ length: 20 }, (_, n) => ({ code: `doc-${n}`, n })));
});
afterAll(async () => db.close());

describe('the guard against unacknowledged writes', () => {
  it('is on for every test connection to the embedded database', () => {
    expect(testDbSettings().refuseUnacknowledgedWrites).toBe(process.env.MOU_TEST_DB_KIND === 'ferretdb');
  });

  const guarded = process.env.MOU_TEST_DB_KIND === 'ferretdb' ? it : it.skip;

  guarded('fails a w:0 deleteMany loudly, before sending it: nothing is deleted', async () => {
    await expect(docs().deleteMany({}, { writeConcern: { w: 0 } })).rejects.toBeInstanceOf(
      UnacknowledgedWriteError,
    );
    expect(await docs().countDocuments({})).toBe(20);
  });

  guarded('fails w:0 updates and inserts through mongoose and the driver alike', async () => {
    await expect(
      docs().updateOne({ code: 'doc-1' }, { $set: { n: -1 } }, { writeConcern: { w: 0 } }),
    ).rejects.toBeInstanceOf(UnacknowledgedWriteError);
    await expect(docs().insertOne({ code: 'new', n: 99 }, { writeConcern: { w: 0 } })).rejects.toBeInstanceOf(
      UnacknowledgedWriteError,
    );
    const Model = db.connection.model(
      'Guarded',
      new (await import('mongoose')).Schema({ code: String }),
      'guarded',
    );
    await expect(Model.deleteMany({}, { writeConcern: { w: 0 } })).rejects.toBeInstanceOf(
      UnacknowledgedWriteError,
    );
    expect(await docs().findOne({ code: 'doc-1' })).toMatchObject({ n: 1 });
    expect(await docs().findOne({ code: 'new' })).toBeNull();
  });

  guarded('leaves the connection in step: every later answer is the answer to its own question', async () => {
    await docs()
      .deleteMany({ n: { $gt: 100 } }, { writeConcern: { w: 0 } })
      .catch(() => undefined);
    for (let n = 0; n < 20; n++) {
      const d = await docs().findOne({ code: `doc-${n}` });
      expect(d?.n).toBe(n);
    }
  });

  it('lets acknowledged writes through', async () => {
    await docs().insertOne({ code: 'acked', n: 100 });
    expect((await docs().deleteMany({ code: 'acked' })).deletedCount).toBe(1);
  });

  it('is off unless asked for', async () => {
    const { uri, maxPoolSize } = testDbSettings();
    const plain = await connectDatabase({ uri, dbName: db.dbName, maxPoolSize });
    try {
      expect(plain.getClient().listenerCount('commandStarted')).toBe(0);
    } finally {
      await plain.close();
    }
  });
});
