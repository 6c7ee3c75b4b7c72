// Model-based property test through the HTTP API on the embedded database: random paths along the statechart —
// amendments, renewals, resubmits with and without changes, second committee passes, partner changes, comments
// added, answered and withdrawn, articles inserted, moved and deleted in revision. After every run: each document
// the history recorded downloads byte-identical to its SHA-256, the verification says ok, every comment sits on
// its article in its version and shows on the review page, and every open one can be answered.
import fc from 'fast-check';
import { sha256Hex } from '../../../src/domain';
import { agreementsPath, approved, startApi, story, type ApiApp, type Who } from '../api/support';
import { sejongSigning } from '../agreement-helpers';
import { contentEdit, type ContentEdit, type Content } from './content-edits';
import { runCount } from '../../support/runs';

// 200 in CI; fewer in the edit loop; MOU_MODEL_RUNS sets it.
const RUNS = runCount('MOU_MODEL_RUNS', { ci: 200, local: 80 });

interface Comment {
  id: string;
  round: number;
  versionNo: number;
  status: string;
  anchor: { kind: string; no?: number; key?: string };
}
interface View {
  id: string;
  rev: number;
  state: string;
  round: number;
  workingDraft: Content;
  versions: { no: number; content: Content }[];
  comments: Comment[];
  history: { seq: number; event: string; doc?: string; documentSha256?: string; versionNo?: number }[];
  availableEvents: string[];
}

/** What the model keeps: the agreement as last seen (the API's answers are checked, then believed). */
interface Model {
  a: View;
}
interface Real {
  api: ApiApp;
}

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

async function call(who: Who, method: string, path: string, body?: unknown) {
  return api.call(who, method, `${agreementsPath}/${path}`, body);
}

function expectStatus(status: number, body: unknown, expected: number[]): void {
  if (!expected.includes(status))
    throw new Error(`expected ${expected.join('|')}, got ${status}: ${JSON.stringify(body)}`);
}

async function refresh(m: Model): Promise<void> {
  const r = await call('admin', 'GET', m.a.id);
  m.a = r.body as View;
}

const openOfRound = (a: View) => a.comments.filter((c) => c.round === a.round && c.status === 'open');

/** The payload each event needs; events not listed need none. */
function eventBody(type: string, pick: number): Record<string, unknown> {
  switch (type) {
    case 'RECORD_RESOLUTION':
      return {
        type,
        resolution: { ...approved, outcome: ['approved', 'approved-with-amendments', 'sent-back'][pick % 3] },
      };
    case 'GIVE_NO_OBJECTION':
      return { type, needsCabinetApproval: pick % 4 === 0, needsFullPowers: false };
    case 'RECORD_SIGNING':
      return { type, signing: { ...sejongSigning, date: ['2022-11-18', '2024-03-31'][pick % 2] } };
    default:
      return { type };
  }
}

/** Ends a run early, so they are rare. */
const FINAL = new Set(['WITHDRAW', 'TERMINATE', 'RECORD_EXPIRY']);

/** The main path, in order: a forward step takes the first of these the state offers. */
const FORWARD = [
  'SUBMIT_TO_COMMITTEE',
  'RECORD_RESOLUTION',
  'SUBMIT_TO_MOI',
  'FORWARD_TO_MFA',
  'RETURN_WITH_COMMENTS',
  'GIVE_NO_OBJECTION',
  'RESUBMIT',
  'SUBMIT_PARTNER_CHANGES',
  'AGREE_FINAL_TEXT',
  'RECORD_CABINET_APPROVAL',
  'RECORD_SIGNING',
  'RECORD_RENEWAL',
];
/** In force, a forward step amends or renews. */
const AFTER_SIGNING = ['PROPOSE_AMENDMENT', 'PROPOSE_RENEWAL'];

class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly pick: number,
    readonly mode: 'forward' | 'any' | 'final',
  ) {}
  private choices(a: Readonly<View>): string[] {
    const offered = a.availableEvents.filter((e) => this.mode === 'final' || !FINAL.has(e));
    if (this.mode !== 'forward') return offered;
    if (a.state === 'inForce') return offered.filter((e) => AFTER_SIGNING.includes(e));
    // Return with comments only when there is one to return; else no objection.
    const open = openOfRound(a).length > 0;
    const fits = (e: string) =>
      e === 'RETURN_WITH_COMMENTS' ? open : e === 'GIVE_NO_OBJECTION' ? !open : true;
    return FORWARD.filter((e) => offered.includes(e) && fits(e)).slice(0, 1);
  }
  check = (m: Readonly<Model>) => this.choices(m.a).length > 0;
  async run(m: Model): Promise<void> {
    const events = this.choices(m.a);
    const type = events[this.pick % events.length] ?? '';
    const before = m.a;
    const body = eventBody(type, this.mode === 'forward' ? 0 : this.pick);
    const r = await call('admin', 'POST', `${m.a.id}/events`, { event: body, expectedRev: m.a.rev });
    // A step the rules refuse (no comment to return, unanswered comments, unsent edits…) writes nothing.
    expectStatus(r.status, r.body, [200, 422]);
    await refresh(m);
    if (r.status === 422) {
      if (m.a.rev !== before.rev) throw new Error(`refused ${type} changed the record`);
      return;
    }
    if (m.a.state === before.state)
      throw new Error(`${type} was accepted but left the state ${before.state}`);
  }
  toString = () => `Step(${this.pick}, ${this.mode})`;
}

class Edit implements fc.AsyncCommand<Model, Real> {
  constructor(readonly edit: ContentEdit) {}
  check = (m: Readonly<Model>) =>
    ['drafting', 'committeeApproved', 'revision', 'partnerAgreement', 'amendment'].includes(m.a.state);
  async run(m: Model): Promise<void> {
    const content = contentEdit(m.a.workingDraft, this.edit);
    const r = await call('secretary', 'PUT', `${m.a.id}/content`, { expectedRev: m.a.rev, content });
    expectStatus(r.status, r.body, [200]);
    await refresh(m);
  }
  toString = () => `Edit(${JSON.stringify(this.edit)})`;
}

class AddComment implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly where: number,
    readonly text: string,
  ) {}
  check = (m: Readonly<Model>) => m.a.state === 'mfaReview';
  async run(m: Model): Promise<void> {
    const latest = m.a.versions.at(-1)?.content.articles ?? [];
    const article = latest[this.where % (latest.length + 2)];
    const anchor = article
      ? { kind: 'article', no: article.no, key: article.key }
      : { kind: this.where % 2 ? 'preamble' : 'document' };
    const r = await call('mfa', 'POST', `${m.a.id}/comments`, {
      expectedRev: m.a.rev,
      anchor,
      text: { th: `ข้อสังเกต ${this.text}`, en: `Comment ${this.text}` },
    });
    expectStatus(r.status, r.body, [201]);
    await refresh(m);
  }
  toString = () => `AddComment(${this.where}, ${this.text})`;
}

class Answer implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.a.state === 'revision' && openOfRound(m.a).length > 0;
  async run(m: Model): Promise<void> {
    const open = openOfRound(m.a);
    const c = open[this.pick % open.length];
    const r = await call('secretary', 'POST', `${m.a.id}/comments/${c?.id ?? ''}/answer`, {
      expectedRev: m.a.rev,
      status: ['accepted', 'partly-accepted', 'not-accepted'][this.pick % 3],
      response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
    });
    expectStatus(r.status, r.body, [200]);
    await refresh(m);
  }
  toString = () => `Answer(${this.pick})`;
}

class Withdraw implements fc.AsyncCommand<Model, Real> {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => m.a.state === 'mfaReview' && openOfRound(m.a).length > 0;
  async run(m: Model): Promise<void> {
    const open = openOfRound(m.a);
    const c = open[this.pick % open.length];
    const r = await call('mfa', 'POST', `${m.a.id}/comments/${c?.id ?? ''}/withdraw`, {
      expectedRev: m.a.rev,
    });
    expectStatus(r.status, r.body, [200]);
    await refresh(m);
  }
  toString = () => `Withdraw(${this.pick})`;
}

const editArb: fc.Arbitrary<ContentEdit> = fc.oneof(
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(9),
    text: fc.constantFrom('Youth', 'Sport', 'Trade'),
  }),
  fc.record({ op: fc.constant('move' as const), from: fc.nat(9), to: fc.nat(9) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(9) }),
  fc.record({
    op: fc.constant('reword' as const),
    at: fc.nat(9),
    text: fc.constantFrom('will', 'may', 'shall'),
  }),
);

const commands = [
  fc.nat(1000).map((p) => new Step(p, 'forward')),
  fc.nat(1000).map((p) => new Step(p, 'forward')),
  fc.nat(1000).map((p) => new Step(p, 'forward')),
  fc.nat(1000).map((p) => new Step(p, 'any')),
  fc.tuple(fc.nat(1000), fc.nat(29)).map(([p, f]) => new Step(p, f === 0 ? 'final' : 'any')),
  editArb.map((e) => new Edit(e)),
  editArb.map((e) => new Edit(e)),
  fc.tuple(fc.nat(20), fc.constantFrom('a', 'b', 'c')).map(([w, t]) => new AddComment(w, t)),
  fc.tuple(fc.nat(20), fc.constantFrom('a', 'b', 'c')).map(([w, t]) => new AddComment(w, t)),
  fc.nat(20).map((p) => new Answer(p)),
  fc.nat(20).map((p) => new Answer(p)),
  fc.nat(20).map((p) => new Withdraw(p)),
];

/** What every run must leave true, whatever path it took. */
async function invariants(m: Model): Promise<void> {
  await refresh(m);
  const a = m.a;
  for (const h of a.history.filter((x) => x.documentSha256)) {
    const d = await call('admin', 'GET', `${a.id}/issued/${h.seq}`);
    if (d.status !== 200 || sha256Hex(d.bytes) !== h.documentSha256)
      throw new Error(`issued ${h.doc} of entry ${h.seq}: ${d.status}, not byte-identical`);
  }
  const v = await call('admin', 'GET', `${a.id}/verification`);
  if (!(v.body as { ok: boolean }).ok) throw new Error(`verification: ${JSON.stringify(v.body)}`);
  for (const c of a.comments.filter((x) => x.anchor.kind === 'article')) {
    const version = a.versions.find((x) => x.no === c.versionNo);
    const article = version?.content.articles.find((x) => x.key === c.anchor.key);
    if (article?.no !== c.anchor.no)
      throw new Error(`comment ${c.id} is not on article ${c.anchor.no} of v${c.versionNo}`);
  }
  const page = await api.call('mfa', 'GET', `/agreements/${a.id}/review`);
  const round = a.comments.filter((c) => c.round === a.round);
  if (page.status === 200)
    for (const c of round)
      if (!page.text.includes(`id="comment-${c.id}"`))
        throw new Error(`comment ${c.id} not on the review page`);
  if (a.state === 'revision') {
    // Every open comment of the round can be answered, and then the draft goes back to MFA.
    for (const c of openOfRound(a)) {
      await refresh(m);
      const r = await call('secretary', 'POST', `${a.id}/comments/${c.id}/answer`, {
        expectedRev: m.a.rev,
        status: 'accepted',
        response: { en: 'Done.' },
      });
      if (r.status !== 200) throw new Error(`open comment ${c.id} cannot be answered: ${r.status}`);
    }
    await refresh(m);
    const r = await call('secretary', 'POST', `${a.id}/events`, {
      event: { type: 'RESUBMIT' },
      expectedRev: m.a.rev,
    });
    if (r.status !== 200) throw new Error(`RESUBMIT after answering everything: ${r.status} ${r.text}`);
  }
}

describe('the record over random paths (model-based, through the API on the embedded database)', () => {
  it(`stays true after each of ${RUNS} random runs`, async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 60, size: 'max' }), async (cmds) => {
        const created = await api.call('secretary', 'POST', agreementsPath, {
          province: 'chiang-mai',
          content: story.draft1,
        });
        const m: Model = { a: created.body as View };
        await refresh(m);
        await fc.asyncModelRun(() => ({ model: m, real: { api } }), cmds);
        for (const h of m.a.history) seen.add(h.event);
        await invariants(m);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The runs went along the whole path, not only its first steps.
    for (const e of [
      'RETURN_WITH_COMMENTS',
      'RESUBMIT',
      'RECORD_SIGNING',
      'PROPOSE_AMENDMENT',
      'WITHDRAW_COMMENT',
      'EDIT_CONTENT',
    ])
      expect(seen).toContain(e);
    // 200 runs take about 80 s on two cores; room for a slower machine.
  }, 600_000);
});
