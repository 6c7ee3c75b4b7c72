// The database stops in the middle of an upload: the upload fails, nothing of it is entered in the agreement's
// history, and once the database is back what it left (chunks of no file, a file never entered) is swept — the same
// sweep src/main.ts runs at start — so no orphan chunk stays; the next upload goes through byte for byte, and one
// interrupted after its history entry was written is kept.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { buildServices, type Services } from '../../../src/composition-root';
import { connectDatabase } from '../../../src/storage/connection';
import { provideDatabase, type DatabaseHandle } from '../../../src/platform/launcher';
import { ROOT, waitFor } from '../../support/processes';
import { secretary, signedSejongJourney } from '../agreement-helpers';

const MB = 1024 * 1024;
let db: DatabaseHandle;
let conn: Connection;
/** A second connection that only watches the chunks arrive (the app's one connection is busy uploading). */
let watch: Connection;
let services: Services;
let id = '';

/** A JPEG-shaped file of `size` bytes: the JPEG start and end markers around a filler with no markup in it. */
function bigJpeg(size: number, seed: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) % 251;
  b[0] = 0xff;
  b[1] = 0xd8;
  b[2] = 0xff;
  b[size - 2] = 0xff;
  b[size - 1] = 0xd9;
  return b;
}

beforeAll(async () => {
  db = await provideDatabase({
    dataDir: mkdtempSync(join(tmpdir(), 'mou-upload-outage-')),
    cacheDir: join(ROOT, '.cache'),
    projectRoot: ROOT,
    lock: false,
  });
  const settings = {
    uri: db.uri,
    dbName: 'uploads',
    maxPoolSize: db.maxPoolSize,
    serverSelectionTimeoutMS: 1000,
  };
  conn = await connectDatabase(settings);
  watch = await connectDatabase(settings);
  services = await buildServices(conn, { readCache: true, draftingGate: false, attachmentMaxBytes: 20 * MB });
  id = (await signedSejongJourney(services.agreements)).id;
}, 120_000);

afterAll(async () => {
  await conn.close();
  await watch.close();
  await db.stop();
});

const count = async (c: Connection, name: string) => c.collection(name).countDocuments({});

describe('the database stops in the middle of an upload', () => {
  it('leaves no orphan chunk once it is back (swept), nothing in the history, and the next upload goes through', async () => {
    const ferret = db.ferret;
    if (!ferret) throw new Error('this test needs the embedded database');
    const file = bigJpeg(16 * MB, 7);
    const upload = services.partnership.attach(secretary, id, { bytes: file, name: 'big.jpg' });
    const outcome = upload.then(
      () => 'stored',
      (e: unknown) => e,
    );
    // Stop it once some chunks are written and before the file is complete (64 chunks of 255 KB).
    const started = await waitFor(
      async () => (await watch.collection('attachments.chunks').estimatedDocumentCount()) >= 3,
      20_000,
      2,
    );
    expect(started).toBe(true);
    await ferret.stop('SIGKILL');
    const result = await outcome;
    expect(result).not.toBe('stored');

    await ferret.start();
    expect(
      await waitFor(
        async () =>
          await services.repository.get(id).then(
            () => true,
            () => false,
          ),
        30_000,
        250,
      ),
    ).toBe(true);
    const left = {
      chunks: await count(conn, 'attachments.chunks'),
      files: await count(conn, 'attachments.files'),
    };
    // What src/main.ts does at start (this process is the only writer: everything unfinished is an orphan).
    const swept = await services.partnership.sweep(new Date());
    expect(swept).toEqual({ chunks: left.chunks, files: 1 });
    expect(await count(conn, 'attachment_uploads')).toBe(0);
    expect(await count(conn, 'attachments.chunks')).toBe(0);
    expect(await count(conn, 'attachments.files')).toBe(0);
    const record = await services.repository.get(id);
    expect(record.history.filter((h) => h.event === 'ATTACH_FILE')).toHaveLength(0);
    expect((await services.verifier.verify(record)).ok).toBe(true);
    console.log(`upload outage: ${left.chunks} orphan chunks and ${left.files} files left, all swept`);

    // The next upload goes through and reads back byte for byte.
    const next = bigJpeg(5 * MB, 11);
    const info = await services.partnership.attach(secretary, id, { bytes: next, name: 'again.jpg' });
    const back = await services.partnership.download(secretary, info.id);
    expect(back.bytes.equals(next)).toBe(true);

    // Interrupted after its history entry was written and before it was marked finished: the sweep keeps it.
    await conn.collection('attachment_uploads').insertOne({
      _id: info.id as never,
      agreementId: id,
      uploadDate: new Date(Date.now() - 60_000),
      length: next.length,
    });
    expect(await services.partnership.sweep(new Date())).toEqual({ chunks: 0, files: 0 });
    expect((await services.partnership.download(secretary, info.id)).bytes.equals(next)).toBe(true);
    expect(await count(conn, 'attachment_uploads')).toBe(0);
    expect((await services.verifier.verify(await services.repository.get(id))).ok).toBe(true);
  }, 120_000);
});
