// Harness for the agreement pages: the composed app on a fresh database, the cast, and agreements placed on the path.
import { identityStores } from '../../../src/storage/users';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import type { AgreementRecord, Clock } from '../../../src/app/ports';
import { compose } from '../../../src/composition-root';
import { loadConfig } from '../../../src/config';
import type { Actor, AgreementContent } from '../../../src/domain';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { createAgreementRepository } from '../../../src/storage/agreement-repository';
import { createUserService } from '../../../src/users/service';
import type { AgreementEvent } from '../../../workflows';
import { openTestDb, type TestDb } from '../../support/db';
import { Client, PASSWORD } from '../http/support';
import { sejongSigning } from '../agreement-helpers';

export { Client } from '../http/support';
export { CAST, WHO, story, type Who } from '../agreement-helpers';
import { CAST, WHO, story, type Who } from '../agreement-helpers';
import { databaseRecords } from '../../support/records';

export interface PagesApp {
  base: string;
  db: TestDb;
  actor: Record<Who, Actor>;
  /** A service writing with a clock that starts `daysAgo` days back (for "days in this step"). */
  service(daysAgo?: number): AgreementService;
  login(who: Who): Promise<Client>;
  close(): Promise<void>;
}

export async function startPages(env: Record<string, string> = {}): Promise<PagesApp> {
  const db = await openTestDb('pages');
  const config = loadConfig({
    NODE_ENV: 'test',
    MOU_SEED_DEMO: 'false',
    SESSION_SECRET: 'p'.repeat(40),
    ...env,
  });
  const { app } = await compose({
    config,
    connection: db.connection,
    logger: createLogger((process.env.PAGES_LOG as 'error' | undefined) ?? 'silent'),
  });
  const server: Server = await listen(app, 0, '127.0.0.1');
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const users = createUserService(identityStores(db.connection));
  const actor = {} as Record<Who, Actor>;
  for (const who of WHO) {
    const u = await users.createUser({
      username: `pg-${who}`,
      displayName: `Pages ${who}`,
      password: PASSWORD,
      ...CAST[who],
    });
    actor[who] = {
      userId: u.id,
      name: u.displayName,
      role: u.role,
      ...(u.province ? { province: u.province } : {}),
    };
  }
  const repository = createAgreementRepository(db.connection);
  const service = (daysAgo = 0): AgreementService => {
    // An hour's margin, so the steps' own clock readings (a second apart) cannot pull "days ago" below daysAgo.
    const start = Date.now() - daysAgo * 86_400_000 - 3_600_000;
    let n = 0;
    const clock: Clock = { now: () => new Date(start + n++ * 1000) };
    return createAgreementService({
      repository,
      clock,
      newId: randomUUID,
      records: databaseRecords(db.connection),
    });
  };
  return {
    base,
    db,
    actor,
    service,
    login: async (who) => {
      const c = new Client(base);
      const r = await c.login(`pg-${who}`);
      if (r.status !== 303) throw new Error(`login of ${who} failed: ${r.status}`);
      return c;
    },
    close: async () => {
      await closeServer(server);
      await db.close();
    },
  };
}

/** The path's steps in order; `place` stops when the agreement reaches the target state. */
const PATH = [
  'drafting',
  'committeeReview',
  'committeeApproved',
  'moiReview',
  'mfaReview',
  'revision',
  'partnerAgreement',
  'readyToSign',
  'inForce',
] as const;
export type Place = (typeof PATH)[number] | 'withdrawn';

export function contentFor(province: 'chiang-mai' | 'lampang', partner = 'Sejong'): AgreementContent {
  const c = structuredClone(story.draft1);
  if (province === 'lampang') c.parties.thai.name = { th: 'จังหวัดลำปาง', en: 'Lampang Province' };
  c.parties.partner.name = { th: `เมือง${partner}`, en: `${partner} City` };
  return c;
}

/** Creates an agreement as the province's secretary and drives it to `place` through the service. */
export async function place(
  app: PagesApp,
  target: Place,
  o: { province?: 'chiang-mai' | 'lampang'; daysAgo?: number; content?: AgreementContent } = {},
): Promise<AgreementRecord> {
  const province = o.province ?? 'chiang-mai';
  const s = app.service(o.daysAgo ?? 0);
  const sec = province === 'chiang-mai' ? app.actor.secretary : app.actor.foreign;
  let r = await s.createDraft(sec, { province, content: o.content ?? contentFor(province) });
  const send = async (who: Actor, e: AgreementEvent) => (r = await s.send(who, r.id, r.rev, e));
  if (target === 'withdrawn') return send(sec, { type: 'WITHDRAW' });
  const steps: (() => Promise<unknown>)[] = [
    () => send(sec, { type: 'SUBMIT_TO_COMMITTEE' }),
    () =>
      send(sec, {
        type: 'RECORD_RESOLUTION',
        resolution: {
          meeting: '1/2565',
          date: '2022-03-14',
          outcome: 'approved',
          text: story.committee.resolution,
        },
      }),
    () => send(sec, { type: 'SUBMIT_TO_MOI' }),
    () => send(app.actor.moi, { type: 'FORWARD_TO_MFA' }),
    async () => {
      r = await s.addComment(app.actor.mfa, r.id, r.rev, {
        anchor: { kind: 'article', no: 1 },
        text: story.comments[2]?.text ?? { th: 'ก', en: 'a' },
      });
      return send(app.actor.mfa, { type: 'RETURN_WITH_COMMENTS' });
    },
    async () => {
      for (const c of r.comments)
        r = await s.answerComment(sec, r.id, r.rev, c.id, {
          status: 'accepted',
          response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
        });
      await send(sec, { type: 'RESUBMIT' });
      return send(app.actor.mfa, {
        type: 'GIVE_NO_OBJECTION',
        needsCabinetApproval: false,
        needsFullPowers: false,
      });
    },
    () => send(sec, { type: 'AGREE_FINAL_TEXT' }),
    () => send(sec, { type: 'RECORD_SIGNING', signing: sejongSigning }),
  ];
  for (const [i, step] of steps.entries()) {
    if (PATH[i] === target) break;
    await step();
  }
  return r;
}

/** The hidden expectedRev and CSRF token of a page's forms. */
export async function formTokens(
  c: Client,
  path: string,
): Promise<{ _csrf: string; expectedRev: string; html: string }> {
  const html = await (await c.get(path)).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const rev = /name="expectedRev" value="(\d+)"/.exec(html)?.[1] ?? '';
  if (!csrf) throw new Error(`no form on ${path}`);
  return { _csrf: csrf, expectedRev: rev, html };
}
