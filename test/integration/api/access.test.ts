// Who gets what, for every API route: each role, a secretary of another province (404) and nobody (401).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config';
import { appServices } from '../../../src/composition-root';
import type { AgreementRecord } from '../../../src/app/ports';
import type { Actor } from '../../../src/domain';
import { apiRouteModules } from '../../../src/http/api';
import { routeContext } from '../../../src/http/app';
import { listRoutes } from '../../../src/http/routing';
import { createLogger } from '../../../src/logger';
import { postFile } from '../../support/word-files';
import { clearRevision, sejongSigning } from '../agreement-helpers';
import { agreementsPath, approved, startApi, story, WHO, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

const as = (who: Who): Actor => ({
  userId: api.userId[who],
  name: who,
  role: who === 'foreign' ? 'secretary' : (who as Actor['role']),
  province: who === 'secretary' ? 'chiang-mai' : who === 'foreign' ? 'lampang' : undefined,
});

type Stage = 'drafting' | 'mfaReview' | 'commented' | 'revision' | 'cleared' | 'signed';
async function agreementAt(stage: Stage): Promise<AgreementRecord> {
  const svc = api.services.agreements;
  const sec = as('secretary');
  let a = await svc.createDraft(sec, { province: 'chiang-mai', content: story.draft1 });
  if (stage === 'drafting') return a;
  for (const e of [
    { type: 'SUBMIT_TO_COMMITTEE' },
    { type: 'RECORD_RESOLUTION', resolution: approved },
    { type: 'SUBMIT_TO_MOI' },
  ] as const) {
    a = await svc.send(sec, a.id, a.rev, e);
  }
  a = await svc.send(as('moi'), a.id, a.rev, { type: 'FORWARD_TO_MFA' });
  if (stage === 'mfaReview') return a;
  a = await svc.addComment(as('mfa'), a.id, a.rev, {
    anchor: { kind: 'article', no: 1 },
    text: story.comments[0]?.text,
  });
  if (stage === 'commented') return a;
  a = await svc.send(as('mfa'), a.id, a.rev, { type: 'RETURN_WITH_COMMENTS' });
  if (stage === 'revision') return a;
  // Cleared by MFA: the province revised, answered and resubmitted; partner agreement.
  a = await clearRevision(svc, a);
  if (stage === 'cleared') return a;
  // Signed and in force, with an activity and a file attached to it.
  a = await svc.send(sec, a.id, a.rev, { type: 'AGREE_FINAL_TEXT' });
  a = await svc.send(sec, a.id, a.rev, { type: 'RECORD_SIGNING', signing: sejongSigning });
  const activity = await api.services.partnership.recordActivity(sec, a.id, ACTIVITY);
  await api.services.partnership.attach(sec, a.id, {
    bytes: WORD_FILE,
    name: 'minutes.docx',
    activityId: activity.id,
  });
  return api.services.agreements.get(sec, a.id);
}

const ACTIVITY = {
  kind: 'seminar',
  title: { th: 'สัมมนา', en: 'Seminar' },
  start: '2023-03-12',
  end: '2023-03-16',
  place: { th: 'เชียงใหม่', en: 'Chiang Mai' },
  summary: { th: 'สรุป', en: 'Summary' },
  participants: { thai: 10, partner: 5 },
};

/** The id the history recorded for the first activity or attached file. */
const idOf = (a: AgreementRecord, code: 'activity' | 'attachment') => {
  const d = a.history.find((h) => h.detail?.code === code)?.detail;
  return d && 'id' in d ? d.id : '';
};

/**
 * A fresh agreement for a route that writes; a read shares one agreement per stage with the other reads (each
 * caller's read is checked to leave it unchanged), since building one takes a dozen steps.
 */
const forReads = new Map<Stage, Promise<AgreementRecord>>();
async function agreementFor(c: Case): Promise<AgreementRecord> {
  const stage = c.stage ?? 'drafting';
  if (!c.route.startsWith('get ')) return agreementAt(stage);
  const shared = forReads.get(stage) ?? agreementAt(stage);
  forReads.set(stage, shared);
  return shared;
}

/** A Word file without our anchors (LibreOffice from HTML): read by its text and headings by every upload route. */
const WORD_FILE = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'word-in', 'no-bookmarks-sequential.docx'),
);

/** MOI's list of existing pairs: one valid row (a dry run stores nothing). */
const PAIR_LIST = Buffer.from(
  '\uFEFFprovince,partner_th,partner_en,country,kind,state\r\nLampang,เมืองตรวจ,Checktown,Japan,sister,in force\r\n',
  'utf8',
);
const EVALUATION = {
  year: new Date().getUTCFullYear() - 1,
  activitiesPlanned: 2,
  activitiesHeld: 2,
  rating: 4,
  notes: { th: 'บรรลุตามแผน', en: 'As planned.' },
};

type Caller = Who | 'nobody';
type Expect = Record<Caller, number>;
const CALLERS: Caller[] = [...WHO, 'nobody'];

const READ: Expect = { secretary: 200, foreign: 404, moi: 200, mfa: 200, admin: 200, nobody: 401 };
/** The partnership's own records: its province's secretaries only; the others read them. */
const PARTNERSHIP_WRITE: Expect = {
  secretary: 200,
  foreign: 404,
  moi: 403,
  mfa: 403,
  admin: 403,
  nobody: 401,
};
const PROVINCE_WRITE: Expect = { secretary: 200, foreign: 404, moi: 403, mfa: 403, admin: 200, nobody: 401 };

interface Case {
  route: string;
  stage?: Stage;
  expect: Expect;
  /** `form`: a multipart upload of the Word file with these text fields, instead of a JSON body. */
  request(a: AgreementRecord): {
    method: string;
    path: string;
    body?: unknown;
    form?: Record<string, string>;
    /** The uploaded file of a `form` (default: the Word file). */
    file?: Buffer;
  };
}

const CASES: Case[] = [
  {
    route: 'get /api/v1/me',
    expect: { ...READ, foreign: 200 },
    request: () => ({ method: 'GET', path: '/api/v1/me' }),
  },
  {
    route: 'get /api/openapi.json',
    expect: { ...READ, foreign: 200, nobody: 200 },
    request: () => ({ method: 'GET', path: '/api/openapi.json' }),
  },
  {
    route: 'get /api/docs',
    expect: { ...READ, foreign: 200, nobody: 200 },
    request: () => ({ method: 'GET', path: '/api/docs' }),
  },
  {
    route: 'get /api/v1/agreements',
    expect: { ...READ, foreign: 200 },
    request: () => ({ method: 'GET', path: agreementsPath }),
  },
  {
    route: 'post /api/v1/agreements',
    expect: { secretary: 201, foreign: 403, moi: 403, mfa: 403, admin: 201, nobody: 401 },
    request: () => ({
      method: 'POST',
      path: agreementsPath,
      body: { province: 'chiang-mai', content: story.draft1 },
    }),
  },
  {
    route: 'get /api/v1/agreements/:id',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}` }),
  },
  {
    route: 'put /api/v1/agreements/:id/content',
    expect: PROVINCE_WRITE,
    request: (a) => ({
      method: 'PUT',
      path: `${agreementsPath}/${a.id}/content`,
      body: { expectedRev: a.rev, content: story.draft2 },
    }),
  },
  {
    route: 'post /api/v1/agreements/:id/comments',
    stage: 'mfaReview',
    expect: { secretary: 403, foreign: 404, moi: 403, mfa: 201, admin: 201, nobody: 401 },
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/comments`,
      body: { expectedRev: a.rev, anchor: { kind: 'preamble' }, text: { th: 'ข้อสังเกต', en: 'A comment' } },
    }),
  },
  {
    route: 'post /api/v1/agreements/:id/comments/:commentId/answer',
    stage: 'revision',
    expect: PROVINCE_WRITE,
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/comments/${a.comments[0]?.id ?? ''}/answer`,
      body: { expectedRev: a.rev, status: 'accepted', response: { en: 'Done.' } },
    }),
  },
  {
    // MFA's own comment: only its author withdraws it (an admin may act, but did not write it: 403).
    route: 'post /api/v1/agreements/:id/comments/:commentId/withdraw',
    stage: 'commented',
    expect: { secretary: 403, foreign: 404, moi: 403, mfa: 200, admin: 403, nobody: 401 },
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/comments/${a.comments[0]?.id ?? ''}/withdraw`,
      body: { expectedRev: a.rev },
    }),
  },
  {
    route: 'post /api/v1/agreements/:id/events',
    expect: PROVINCE_WRITE,
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/events`,
      body: { expectedRev: a.rev, event: { type: 'SUBMIT_TO_COMMITTEE' } },
    }),
  },
  {
    route: 'post /api/v1/agreements/:id/events',
    stage: 'mfaReview',
    expect: { secretary: 403, foreign: 404, moi: 403, mfa: 200, admin: 200, nobody: 401 },
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/events`,
      body: {
        expectedRev: a.rev,
        event: { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false },
      },
    }),
  },
  {
    route: 'get /api/v1/agreements/:id/versions',
    stage: 'mfaReview',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/versions` }),
  },
  {
    route: 'get /api/v1/agreements/:id/versions/:n',
    stage: 'mfaReview',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/versions/1` }),
  },
  {
    route: 'get /api/v1/agreements/:id/versions/:n/documents',
    stage: 'mfaReview',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/versions/1/documents` }),
  },
  {
    route: 'get /api/v1/agreements/:id/versions/:n/documents/:doc',
    stage: 'revision',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/versions/1/documents/review` }),
  },
  {
    // Converted once by LibreOffice, then answered from the PDF cache for every other caller.
    route: 'get /api/v1/agreements/:id/versions/:n/documents/:doc/pdf',
    stage: 'revision',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/versions/1/documents/review/pdf` }),
  },
  {
    route: 'get /api/v1/agreements/:id/issued/:seq/pdf',
    stage: 'revision',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/issued/1/pdf?pdfa=1` }),
  },
  {
    route: 'get /api/v1/agreements/:id/issued',
    stage: 'revision',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/issued` }),
  },
  {
    // Entry 1 is SUBMIT_TO_COMMITTEE, which issued the committee draft.
    route: 'get /api/v1/agreements/:id/issued/:seq',
    stage: 'revision',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/issued/1` }),
  },
  {
    // A preview: nothing stored. The file names no agreement, so it is placed by its text.
    route: 'post /api/v1/agreements/:id/versions/:n/imports',
    stage: 'mfaReview',
    expect: { secretary: 403, foreign: 404, moi: 403, mfa: 200, admin: 200, nobody: 401 },
    request: (a) => ({ method: 'POST', path: `${agreementsPath}/${a.id}/versions/1/imports`, form: {} }),
  },
  {
    route: 'post /api/v1/agreements/:id/partner-text',
    stage: 'cleared',
    expect: PROVINCE_WRITE,
    request: (a) => ({ method: 'POST', path: `${agreementsPath}/${a.id}/partner-text`, form: {} }),
  },
  {
    // A new draft of Chiang Mai's: its secretary and an admin; Lampang's secretary may not make one for Chiang Mai.
    route: 'post /api/v1/agreements/from-word',
    expect: { secretary: 201, foreign: 403, moi: 403, mfa: 403, admin: 201, nobody: 401 },
    request: () => ({
      method: 'POST',
      path: `${agreementsPath}/from-word`,
      form: { partner: 'sejong', province: 'chiang-mai' },
    }),
  },
  {
    route: 'get /api/v1/agreements/:id/checks',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/checks` }),
  },
  {
    route: 'post /api/v1/agreements/:id/attachments',
    stage: 'signed',
    expect: { ...PARTNERSHIP_WRITE, secretary: 201 },
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/attachments`,
      form: { kind: 'minutes' },
    }),
  },
  {
    route: 'get /api/v1/agreements/:id/attachments',
    stage: 'signed',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/attachments` }),
  },
  {
    route: 'get /api/v1/attachments/:id',
    stage: 'signed',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `/api/v1/attachments/${idOf(a, 'attachment')}` }),
  },
  {
    route: 'post /api/v1/agreements/:id/activities',
    stage: 'signed',
    expect: { ...PARTNERSHIP_WRITE, secretary: 201 },
    request: (a) => ({ method: 'POST', path: `${agreementsPath}/${a.id}/activities`, body: ACTIVITY }),
  },
  {
    route: 'get /api/v1/agreements/:id/activities',
    stage: 'signed',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/activities` }),
  },
  {
    route: 'get /api/v1/agreements/:id/activities/:activityId',
    stage: 'signed',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/activities/${idOf(a, 'activity')}` }),
  },
  {
    route: 'put /api/v1/agreements/:id/activities/:activityId',
    stage: 'signed',
    expect: PARTNERSHIP_WRITE,
    request: (a) => ({
      method: 'PUT',
      path: `${agreementsPath}/${a.id}/activities/${idOf(a, 'activity')}`,
      body: { ...ACTIVITY, status: 'done' },
    }),
  },
  {
    route: 'get /api/v1/agreements/:id/action-plan',
    stage: 'signed',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/action-plan` }),
  },
  {
    route: 'get /api/v1/agreements/:id/verification',
    stage: 'revision',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/verification` }),
  },
  {
    route: 'post /api/v1/registry/imports',
    expect: { secretary: 403, foreign: 403, moi: 200, mfa: 403, admin: 200, nobody: 401 },
    request: () => ({
      method: 'POST',
      path: '/api/v1/registry/imports',
      form: { dryRun: 'true' },
      file: PAIR_LIST,
    }),
  },
  // One's own notifications: anyone signed in (an unknown id is 404 to everyone); the outbox is the admins'.
  {
    route: 'get /api/v1/notifications/unread',
    expect: { secretary: 200, foreign: 200, moi: 200, mfa: 200, admin: 200, nobody: 401 },
    request: () => ({ method: 'GET', path: '/api/v1/notifications/unread' }),
  },
  {
    route: 'get /api/v1/notifications',
    expect: { secretary: 200, foreign: 200, moi: 200, mfa: 200, admin: 200, nobody: 401 },
    request: () => ({ method: 'GET', path: '/api/v1/notifications' }),
  },
  {
    route: 'post /api/v1/notifications/:id/read',
    expect: { secretary: 404, foreign: 404, moi: 404, mfa: 404, admin: 404, nobody: 401 },
    request: (a) => ({ method: 'POST', path: `/api/v1/notifications/${a.id}:1@nobody/read` }),
  },
  {
    route: 'post /api/v1/notifications/read-all',
    expect: { secretary: 200, foreign: 200, moi: 200, mfa: 200, admin: 200, nobody: 401 },
    request: () => ({ method: 'POST', path: '/api/v1/notifications/read-all' }),
  },
  {
    route: 'get /api/v1/notifications/outbox',
    expect: { secretary: 403, foreign: 403, moi: 403, mfa: 403, admin: 200, nobody: 401 },
    request: () => ({ method: 'GET', path: '/api/v1/notifications/outbox' }),
  },
  {
    route: 'post /api/v1/notifications/outbox/:id/requeue',
    expect: { secretary: 403, foreign: 403, moi: 403, mfa: 403, admin: 404, nobody: 401 },
    request: (a) => ({ method: 'POST', path: `/api/v1/notifications/outbox/${a.id}:1@nobody/requeue` }),
  },
  {
    route: 'get /api/v1/statistics',
    expect: { secretary: 403, foreign: 403, moi: 200, mfa: 200, admin: 200, nobody: 401 },
    request: () => ({ method: 'GET', path: '/api/v1/statistics' }),
  },
  {
    route: 'get /api/v1/agreements/:id/evaluations',
    stage: 'signed',
    expect: READ,
    request: (a) => ({ method: 'GET', path: `${agreementsPath}/${a.id}/evaluations` }),
  },
  {
    route: 'post /api/v1/agreements/:id/evaluations',
    stage: 'signed',
    expect: { ...PARTNERSHIP_WRITE, secretary: 201 },
    request: (a) => ({ method: 'POST', path: `${agreementsPath}/${a.id}/evaluations`, body: EVALUATION }),
  },
  {
    // No evaluation of that year on a fresh agreement: MOI and admins are told so (404); the others may not comment.
    route: 'post /api/v1/agreements/:id/evaluations/:year/comments',
    stage: 'signed',
    expect: { secretary: 403, foreign: 404, moi: 404, mfa: 403, admin: 404, nobody: 401 },
    request: (a) => ({
      method: 'POST',
      path: `${agreementsPath}/${a.id}/evaluations/${EVALUATION.year}/comments`,
      body: { text: 'x' },
    }),
  },
];

describe('access to every API route', () => {
  it('the table covers every route the API modules declare, and /api/v1/me', () => {
    const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    const ctx = routeContext(
      appServices({ config, connection: api.db.connection, logger: createLogger('silent') }),
    );
    const declared = listRoutes(apiRouteModules(api.services), ctx).map((r) => `${r.method} ${r.path}`);
    expect(new Set(CASES.map((c) => c.route))).toEqual(new Set([...declared, 'get /api/v1/me']));
  });

  it.each(
    CASES.flatMap((c) =>
      CALLERS.map((who) => [c.route, c.stage ?? 'drafting', who, c.expect[who], c] as const),
    ),
  )('%s (%s) as %s → %i', async (_route, _stage, who, status, c) => {
    const a = await agreementFor(c);
    const { method, path, body, form, file } = c.request(a);
    const r = form
      ? await postFile(
          api.base + path,
          who === 'nobody' ? {} : { authorization: `Bearer ${api.token[who]}` },
          file ?? WORD_FILE,
          form,
        )
      : await api.call(who === 'nobody' ? undefined : who, method, path, body);
    expect({ status: r.status, body: r.status >= 400 ? r.body : undefined }).toMatchObject({ status });
    if (status >= 400) {
      expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({
        status,
        type: `/problems/${{ 401: 'unauthenticated', 403: 'not-allowed', 404: 'not-found' }[status] ?? '?'}`,
      });
    }
    if (status === 404) expect(r.text).not.toContain(a.id);
    const after = await api.services.agreements.get(as('admin'), a.id);
    if (status >= 400 || method === 'GET') expect(after.rev).toBe(a.rev);
  });

  it('a foreign secretary’s list holds none of Chiang Mai’s agreements, even when asked by province', async () => {
    await agreementAt('drafting');
    for (const q of ['', '?province=chiang-mai']) {
      const r = await api.call('foreign', 'GET', agreementsPath + q);
      expect(r.body).toMatchObject({ items: [], total: 0 });
    }
  });
});
