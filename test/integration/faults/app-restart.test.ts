// The app is killed (SIGKILL) twice in the middle of the Chiang Mai–Sejong journey and started again on the
// same data folder; the journey completes, with one unbroken history and nothing applied twice.
import { identityStores } from '../../../src/storage/users';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyHistoryChain, type HistoryEntry } from '../../../src/domain';
import { connectDatabase } from '../../../src/storage/connection';
import { provideDatabase } from '../../../src/platform/launcher';
import { createTokenService } from '../../../src/users/tokens';
import { createUserService } from '../../../src/users/service';
import { chiangMaiSejong } from '../../support/fixtures';
import { sejongSigning } from '../agreement-helpers';
import { ROOT, exited, startApp, type AppProcess } from '../../support/processes';

const story = chiangMaiSejong();
const dataDir = mkdtempSync(join(tmpdir(), 'mou-restart-'));
const cacheDir = join(ROOT, '.cache');
type Who = 'secretary' | 'moi' | 'mfa';
const token = {} as Record<Who, string>;
let app: AppProcess;

beforeAll(async () => {
  // The people and their API tokens are made beforehand, on the same data folder the app will use.
  const db = await provideDatabase({ dataDir, cacheDir, projectRoot: ROOT });
  const conn = await connectDatabase({ uri: db.uri, dbName: 'mou', maxPoolSize: 1 });
  const users = createUserService(identityStores(conn));
  const tokens = createTokenService(identityStores(conn), users);
  const people: Record<Who, { role: 'secretary' | 'moi' | 'mfa'; province?: string }> = {
    secretary: { role: 'secretary', province: 'chiang-mai' },
    moi: { role: 'moi' },
    mfa: { role: 'mfa' },
  };
  for (const [who, p] of Object.entries(people) as [Who, (typeof people)[Who]][]) {
    const u = await users.createUser({
      username: `restart-${who}`,
      displayName: who,
      password: 'correct horse battery',
      ...p,
    });
    token[who] = (await tokens.create(u.id, who)).token;
  }
  await conn.close();
  await db.stop();
  app = await startApp({ MOU_DATA_DIR: dataDir, MOU_DRAFTING_GATE: 'false' });
});

afterAll(async () => {
  app.child.kill('SIGTERM');
  await exited(app.child);
});

async function call(who: Who, method: string, path: string, body?: unknown) {
  const res = await fetch(app.url + path, {
    method,
    headers: { authorization: `Bearer ${token[who]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function crashAndRestart(): Promise<void> {
  app.child.kill('SIGKILL');
  await exited(app.child);
  app = await startApp({ MOU_DATA_DIR: dataDir, MOU_DRAFTING_GATE: 'false' });
}

describe('the app killed twice in the middle of the journey', () => {
  it('completes the journey from draft 1 to signing on the same data', async () => {
    let r = await call('secretary', 'POST', '/api/v1/agreements', {
      province: 'chiang-mai',
      content: story.draft1,
    });
    expect(r.status).toBe(201);
    const id = String(r.body.id);
    let rev = Number(r.body.rev);
    const send = async (who: Who, event: Record<string, unknown>, to: string) => {
      const res = await call(who, 'POST', `/api/v1/agreements/${id}/events`, { event, expectedRev: rev });
      expect({ status: res.status, state: res.body.state }).toEqual({ status: 200, state: to });
      rev = Number(res.body.rev);
    };
    await send('secretary', { type: 'SUBMIT_TO_COMMITTEE' }, 'committeeReview');
    const resolution = {
      meeting: story.committee.meeting,
      date: story.committee.date,
      outcome: 'approved',
      text: story.committee.resolution,
    };
    await send('secretary', { type: 'RECORD_RESOLUTION', resolution }, 'committeeApproved');
    await send('secretary', { type: 'SUBMIT_TO_MOI' }, 'moiReview');

    await crashAndRestart();

    await send('moi', { type: 'FORWARD_TO_MFA' }, 'mfaReview');
    for (const c of story.comments) {
      r = await call('mfa', 'POST', `/api/v1/agreements/${id}/comments`, {
        expectedRev: rev,
        anchor: c.anchor,
        text: c.text,
      });
      expect(r.status).toBe(201);
      rev = Number(r.body.rev);
    }
    await send('mfa', { type: 'RETURN_WITH_COMMENTS' }, 'revision');

    await crashAndRestart();

    r = await call('secretary', 'GET', `/api/v1/agreements/${id}`);
    expect(r.body).toMatchObject({ state: 'revision', rev });
    r = await call('secretary', 'PUT', `/api/v1/agreements/${id}/content`, {
      expectedRev: rev,
      content: story.draft2,
    });
    expect(r.status).toBe(200);
    rev = Number(r.body.rev);
    const comments = r.body.comments as { id: string }[];
    expect(comments).toHaveLength(5);
    for (const c of comments) {
      r = await call('secretary', 'POST', `/api/v1/agreements/${id}/comments/${c.id}/answer`, {
        expectedRev: rev,
        status: 'accepted',
        response: { th: 'แก้ไขแล้ว', en: 'Revised as advised.' },
      });
      expect(r.status).toBe(200);
      rev = Number(r.body.rev);
    }
    await send('secretary', { type: 'RESUBMIT' }, 'mfaReview');
    await send(
      'mfa',
      { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false },
      'partnerAgreement',
    );
    await send('secretary', { type: 'AGREE_FINAL_TEXT' }, 'readyToSign');
    await send('secretary', { type: 'RECORD_SIGNING', signing: sejongSigning }, 'inForce');

    r = await call('secretary', 'GET', `/api/v1/agreements/${id}`);
    const history = r.body.history as HistoryEntry[];
    // The steps, once each (comments and edits between them are entries that stay in their state).
    expect(history.filter((h) => h.from !== h.to).map((h) => h.to)).toEqual([
      'drafting',
      'committeeReview',
      'committeeApproved',
      'moiReview',
      'mfaReview',
      'revision',
      'mfaReview',
      'partnerAgreement',
      'readyToSign',
      'inForce',
    ]);
    expect(verifyHistoryChain(id, history).ok).toBe(true);
    r = await call('secretary', 'GET', `/api/v1/agreements/${id}/verification`);
    expect(r.body).toMatchObject({ ok: true, problems: [] });
  });
});
