// Fifty programs send the same step at the same rev over HTTP: one wins, forty-nine get 409, nothing is lost or doubled.
import { verifyHistoryChain } from '../../../src/domain';
import { AgreementView, Problem } from '../../../src/http/api/schemas';
import { agreementsPath, approved, startApi, story, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

async function send(who: Who, id: string, rev: number, event: Record<string, unknown>) {
  const r = await api.call(who, 'POST', `${agreementsPath}/${id}/events`, { event, expectedRev: rev });
  if (r.status !== 200) throw new Error(`${String(event.type)}: ${r.status} ${r.text}`);
  return AgreementView.parse(r.body);
}

async function atMoiReview() {
  const created = await api.call('secretary', 'POST', agreementsPath, {
    province: 'chiang-mai',
    content: story.draft1,
  });
  let a = AgreementView.parse(created.body);
  a = await send('secretary', a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
  a = await send('secretary', a.id, a.rev, { type: 'RECORD_RESOLUTION', resolution: approved });
  return send('secretary', a.id, a.rev, { type: 'SUBMIT_TO_MOI' });
}

function tally(results: { status: number; body: unknown; headers: Headers }[]) {
  const ok = results.filter((r) => r.status >= 200 && r.status < 300);
  const conflicts = results.filter((r) => r.status === 409);
  return {
    ok,
    conflicts,
    others: results.filter((r) => !ok.includes(r) && !conflicts.includes(r)).map((r) => r.status),
  };
}

describe('fifty simultaneous requests on one version', () => {
  it('“forward to MFA”: exactly one 200, forty-nine 409 problem+json, one new history entry', async () => {
    const before = await atMoiReview();
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.call('moi', 'POST', `${agreementsPath}/${before.id}/events`, {
          event: { type: 'FORWARD_TO_MFA' },
          expectedRev: before.rev,
        }),
      ),
    );
    const elapsed = Date.now() - started;
    const { ok, conflicts, others } = tally(results);
    expect(others).toEqual([]);
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    for (const c of conflicts) {
      expect(c.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(Problem.parse(c.body)).toMatchObject({ type: '/problems/conflict', status: 409 });
    }
    const after = AgreementView.parse((await api.call('moi', 'GET', `${agreementsPath}/${before.id}`)).body);
    expect(after).toMatchObject({ state: 'mfaReview', rev: before.rev + 1, round: 1 });
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.filter((h) => h.event === 'FORWARD_TO_MFA')).toHaveLength(1);
    expect(verifyHistoryChain(after.id, after.history).ok).toBe(true);
    // For the record: how long 50 racing requests take end to end on this machine.
    expect(elapsed).toBeLessThan(30_000);
  });

  it('fifty simultaneous comments at one rev: one is stored, the other forty-nine are refused and leave no trace', async () => {
    const m = await atMoiReview();
    const a = await send('moi', m.id, m.rev, { type: 'FORWARD_TO_MFA' });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        api.call('mfa', 'POST', `${agreementsPath}/${a.id}/comments`, {
          expectedRev: a.rev,
          anchor: { kind: 'article', no: 1 },
          text: { th: `ข้อสังเกต ${i}`, en: `Comment ${i}` },
        }),
      ),
    );
    const { ok, conflicts, others } = tally(results);
    expect([ok.length, conflicts.length, others]).toEqual([1, 49, []]);
    const after = AgreementView.parse((await api.call('mfa', 'GET', `${agreementsPath}/${a.id}`)).body);
    expect(after.comments).toHaveLength(1);
    expect(after.rev).toBe(a.rev + 1);
  });
});
