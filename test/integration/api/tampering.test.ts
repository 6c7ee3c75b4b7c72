// A record changed behind the app's back is found: the newest history entry deleted, an old entry edited, the
// chain rebuilt with fresh hashes, a stored issued file replaced — by the API, the agreement page and `mou verify`.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { chainEntry, type HistoryEntry } from '../../../src/domain';
import { verifyConnection } from '../../../src/cli/verify';
import { ISSUED_COLLECTION } from '../../../src/storage/record-stores';
import { signedSejongJourney } from '../agreement-helpers';
import { Client } from '../http/support';
import { MAIN_JS, requireBuild } from '../../support/processes';
import { agreementsPath, startApi, type ApiApp } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ readCache: false, gate: false });
});
afterAll(async () => api.close());

const agreements = () =>
  api.db.connection.db!.collection<{ _id: string; history: HistoryEntry[] }>('agreements');
const files = () => api.db.connection.db!.collection(ISSUED_COLLECTION);

async function signedAgreement(): Promise<string> {
  return (await signedSejongJourney(api.services.agreements)).id;
}

async function verification(id: string) {
  const r = await api.call('admin', 'GET', `${agreementsPath}/${id}/verification`);
  expect(r.status).toBe(200);
  return r.body as { ok: boolean; entries: number; problems: { kind: string; seq?: number }[] };
}

/** `mou verify` over the test database, in this process: its exit code and what it printed. */
async function cli(): Promise<{ code: number; out: string }> {
  let out = '';
  const sink = new Writable({ write: (_c, _e, done) => done() });
  const code = await verifyConnection(api.db.connection, { out: (s) => (out += s), err: sink, json: false });
  return { code, out };
}

describe('tampering with a record is found', () => {
  it('an untouched record verifies: API, page and CLI', async () => {
    const id = await signedAgreement();
    expect(await verification(id)).toMatchObject({ ok: true, problems: [] });
    const admin = new Client(api.base);
    // The page needs a browser session; the API user has a password.
    expect((await admin.login('api-admin')).status).toBe(303);
    const page = await (await admin.get(`/agreements/${id}`)).text();
    expect(page).toContain('verification-ok');
    const run = await cli();
    expect(run.out).toContain('All records verify.');
    expect(run.code).toBe(0);
  });

  it('deleting the newest history entry', async () => {
    const id = await signedAgreement();
    await agreements().updateOne({ _id: id }, { $pop: { history: 1 } });
    const v = await verification(id);
    expect(v.ok).toBe(false);
    expect(v.problems.map((p) => p.kind)).toContain('entries-removed');
    const run = await cli();
    expect(run.code).toBe(1);
    expect(run.out).toContain(`✗ ${id}`);
    expect(run.out).toContain('entries-removed');
  });

  it('editing an old entry', async () => {
    const id = await signedAgreement();
    await agreements().updateOne({ _id: id }, { $set: { 'history.2.actor.name': 'Someone else' } });
    const v = await verification(id);
    expect(v.problems).toContainEqual(expect.objectContaining({ kind: 'chain-broken', seq: 2 }));
    expect((await cli()).out).toMatch(new RegExp(`✗ ${id}[\\s\\S]*chain-broken \\(entry 2\\)`));
  });

  it('rebuilding the whole chain with fresh hashes after an edit (only the anchor kept outside shows it)', async () => {
    const id = await signedAgreement();
    const stored = (await agreements().findOne({ _id: id }))!;
    const rebuilt: HistoryEntry[] = [];
    for (const h of stored.history) {
      const { seq: _s, prevHash: _p, hash: _h, ...rest } = h;
      const input = h.event === 'RECORD_SIGNING' ? { ...rest, note: 'signed elsewhere' } : rest;
      rebuilt.push(chainEntry(id, rebuilt, input));
    }
    await agreements().updateOne({ _id: id }, { $set: { history: rebuilt } });
    const v = await verification(id);
    expect(v.problems.map((p) => p.kind)).toEqual(['head-mismatch']);
  });

  it('replacing a stored issued file: verification reports it, and the download is refused', async () => {
    const id = await signedAgreement();
    const stored = (await agreements().findOne({ _id: id }))!;
    const signing = stored.history.find((h) => h.doc === 'signing')!;
    await files().updateOne(
      { _id: `${id}:${signing.seq}:${signing.documentSha256}` as never },
      { $set: { bytes: Buffer.from('not the signing copy') } },
    );
    const v = await verification(id);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'document-mismatch', seq: signing.seq })]);
    const download = await api.call('admin', 'GET', `${agreementsPath}/${id}/issued/${signing.seq}`);
    expect(download.status).toBe(500);
    expect(download.body).toMatchObject({ type: '/problems/integrity-failure' });
    const versionDoc = await api.call('admin', 'GET', `${agreementsPath}/${id}/versions/2/documents/signing`);
    expect(versionDoc.status).toBe(500);
    const admin = new Client(api.base);
    await admin.login('api-admin');
    const page = await (await admin.get(`/agreements/${id}`)).text();
    expect(page).toContain('verification-failed');
    expect(page).toMatch(new RegExp(`(entry|รายการ) ${signing.seq}`));
  });

  it('the built `mou verify` exits 1 with the problems listed (MONGODB_URI and MOU_DB_NAME of the database)', async () => {
    requireBuild();
    const id = await signedAgreement();
    await agreements().updateOne({ _id: id }, { $pop: { history: 1 } });
    const r = spawnSync(process.execPath, [MAIN_JS.replace(/main\.js$/, 'cli/main.js'), 'verify'], {
      env: {
        ...process.env,
        MONGODB_URI: api.db.uri,
        MONGODB_MAX_POOL_SIZE: '1',
        MOU_DB_NAME: api.db.dbName,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/\d+ agreements, \d+ history entries, \d+ issued files checked/);
    expect(r.stdout).toContain(`✗ ${id}`);
    expect(r.stdout).toContain('do not verify');
    expect(r.stderr).toContain('verifying');
  });
});
