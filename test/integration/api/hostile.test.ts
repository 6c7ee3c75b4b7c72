// A property-based run of 10 000+ hostile requests in CI: never a 5xx, and every text that is stored comes back identical.
import fc from 'fast-check';
import { stableStringify } from '../../../src/domain';
import { accepted, call, freshReview, LANES, rev, stats, useApi, type Lane } from './hostile-lane';
import { probe } from './hostile-probes';
import { agreementsPath, startApi, story, type ApiApp } from './support';
import { runCount } from '../../support/runs';

// 10 000 in CI; fewer in the edit loop; HOSTILE_RUNS sets it.
const RUNS = runCount('HOSTILE_RUNS', { ci: 10_000, local: 1_000 });
let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
  useApi(api);
});
afterAll(async () => api.close());

describe(`${RUNS} hostile requests (and the reads that check them)`, () => {
  it('never answer 5xx, refuse with problem+json, and store text exactly as sent', async () => {
    const lanes: Lane[] = [];
    for (let i = 0; i < LANES; i++) {
      const created = await call('secretary', 'POST', agreementsPath, {
        province: 'chiang-mai',
        content: story.draft1,
      });
      const lane: Lane = {
        drafting: { id: (created.body as { id: string }).id, rev: rev(created) },
        review: { id: '', rev: 0, comments: 0 },
        lastContent: story.draft1,
      };
      await freshReview(lane);
      lanes.push(lane);
    }
    const started = Date.now();
    await Promise.all(
      lanes.map((lane) =>
        fc.assert(
          fc.asyncProperty(probe, (send) => send(lane)),
          { numRuns: Math.ceil(RUNS / LANES), endOnFailure: true },
        ),
      ),
    );

    // Everything accepted is still there, byte for byte.
    for (const lane of lanes) {
      const final = await call('moi', 'GET', `${agreementsPath}/${lane.drafting.id}`);
      expect(stableStringify((final.body as { workingDraft: unknown }).workingDraft)).toBe(
        stableStringify(lane.lastContent),
      );
    }
    const byAgreement = new Map<string, { id: string; text: unknown; suggestion?: unknown }[]>();
    for (const id of new Set(accepted.map((a) => a.agreement))) {
      const r = await call('mfa', 'GET', `${agreementsPath}/${id}`);
      byAgreement.set(
        id,
        (r.body as { comments: { id: string; text: unknown; suggestion?: unknown }[] }).comments,
      );
    }
    for (const a of accepted) {
      const c = byAgreement.get(a.agreement)?.find((x) => x.id === a.id);
      expect(stableStringify([c?.text, c?.suggestion])).toBe(stableStringify(a.text));
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `hostile run: ${stats.requests} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...stats.statuses].sort()))}; ${accepted.length} comments and ${stats.rendered} contents stored and read back\n`,
    );
    expect(stats.requests).toBeGreaterThanOrEqual(RUNS);
    expect([...stats.statuses.keys()].filter((s) => s >= 500)).toEqual([]);
  }, 300_000);
});
