// Unacknowledged writes (w:0) over the real wire: plain FerretDB v1 answers them, which shifts every later
// answer on the connection by one; the relay in our FerretDB binary drops that answer.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { buildBinary, cachedBinary } from '../../../src/platform/ferretdb-build';
import { startFerret, type FerretProcess } from '../../../src/platform/ferretdb-process';
import { ROOT, waitFor } from '../../support/processes';

const N = 12; // documents; the odd ones are flagged gone
const codes = Array.from({ length: N }, (_, i) => `code-${i}`);
const kept = codes.filter((_, i) => i % 2 === 0);

interface Doc {
  code: string;
  gone: boolean;
}

interface Outcome {
  /** findOne answers that were another request's answer: a different document, or null. */
  wrong: string[];
  /** findOne calls that failed, for example "BSON element cursor is missing". */
  errors: string[];
}

/** Inserts N documents, deletes the gone ones with w:0, then reads the kept ones back one by one. */
async function unacknowledgedDeleteThenReads(uri: string): Promise<Outcome> {
  const client = new MongoClient(uri, { maxPoolSize: 1 });
  try {
    await client.connect();
    const docs = client.db('wire_relay').collection<Doc>('docs');
    await docs.insertMany(codes.map((code, i) => ({ code, gone: i % 2 === 1 })));
    await docs.deleteMany({ gone: true }, { writeConcern: { w: 0 } });
    const wrong: string[] = [];
    const errors: string[] = [];
    for (const code of kept) {
      try {
        const d = await docs.findOne({ code });
        if (d?.code !== code) wrong.push(`${code} → ${d?.code ?? 'null'}`);
      } catch (e) {
        errors.push(`${code}: ${(e as Error).message}`);
      }
    }
    return { wrong, errors };
  } finally {
    await client.close();
  }
}

/** Polls, on a fresh connection, until no gone document is left. */
async function goneDocumentsDeleted(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { maxPoolSize: 1 });
  try {
    const docs = client.db('wire_relay').collection<Doc>('docs');
    return await waitFor(async () => (await docs.countDocuments({ gone: true })) === 0, 5_000);
  } finally {
    await client.close();
  }
}

let binary: string;
const servers: FerretProcess[] = [];
const serve = async (relay: boolean) => {
  const p = await startFerret(binary, mkdtempSync(join(tmpdir(), 'mou-wire-relay-')), 0, 30_000, { relay });
  servers.push(p);
  return p;
};

beforeAll(async () => {
  // The jest globalSetup has built the binary unless MONGODB_URI was set; then build it here.
  const paths = { sourceDir: join(ROOT, 'scripts', 'ferretdb'), cacheDir: join(ROOT, '.cache') };
  binary = cachedBinary(paths) ?? (await buildBinary(paths, () => undefined));
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
});

describe('an unacknowledged write (w:0) on a single connection', () => {
  it('shifts later answers on plain FerretDB: some findOne gets another request’s answer or an error', async () => {
    const plain = await serve(false);
    const out = await unacknowledgedDeleteThenReads(plain.uri);
    expect(out.wrong.length + out.errors.length).toBeGreaterThanOrEqual(1);
  });

  it('leaves every later answer right through the relay, and the delete takes effect', async () => {
    const relayed = await serve(true);
    expect(await unacknowledgedDeleteThenReads(relayed.uri)).toEqual({ wrong: [], errors: [] });
    expect(await goneDocumentsDeleted(relayed.uri)).toBe(true);
  });
});
