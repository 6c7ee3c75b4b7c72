// Property: on random data sets (drafts walked some way along the path at random pace, withdrawals, imported pairs)
// the statistics kept through the door agree with the agreement list, and the days per step agree with a direct
// computation from the histories. On the real embedded database.
import fc from 'fast-check';
import type { Actor, AgreementKind } from '../../../src/domain';
import { buildServices, type Services } from '../../../src/composition-root';
import type { AgreementEvent } from '../../../workflows';
import { quantile } from '../../../src/statistics/figures';
import { openTestDb, type TestDb } from '../../support/db';
import { ENGLISH_HEADER, toCsv } from '../../support/pair-lists';
import { admin, approved, moiOfficer, story } from '../agreement-helpers';

let db: TestDb;
let services: Services;
let t = Date.parse('2021-01-04T03:00:00.000Z');
const clock = { now: () => new Date(t) };

beforeAll(async () => {
  db = await openTestDb('stats');
  services = await buildServices(db.connection, {
    clock,
    draftingGate: false,
    readCache: db.maxPoolSize === 1,
  });
  services.door.start();
});
afterAll(async () => {
  await services.door.stop();
  await db.close();
});

const PROVINCES = ['chiang-mai', 'lampang', 'phuket'] as const;
const COUNTRIES = [
  { th: 'สาธารณรัฐเกาหลี', en: 'Republic of Korea' },
  { th: 'ญี่ปุ่น', en: 'Japan' },
  { th: 'มองโกเลีย', en: 'Mongolia' },
];
const PATH: AgreementEvent[] = [
  { type: 'SUBMIT_TO_COMMITTEE' },
  { type: 'RECORD_RESOLUTION', resolution: approved },
  { type: 'SUBMIT_TO_MOI' },
  { type: 'FORWARD_TO_MFA' },
];

const Spec = fc.record({
  province: fc.constantFrom(...PROVINCES),
  kind: fc.constantFrom<AgreementKind>('sister', 'friendship', 'partnership'),
  country: fc.nat({ max: COUNTRIES.length - 1 }),
  steps: fc.nat({ max: 4 }),
  withdraw: fc.boolean(),
  gapsDays: fc.array(fc.integer({ min: 0, max: 90 }), { minLength: 5, maxLength: 5 }),
});

let importNo = 0;

type SpecOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

async function makeDataSet(specs: SpecOf<typeof Spec>[], imported: number): Promise<void> {
  for (const s of specs) {
    const secretary: Actor = {
      userId: `sec-${s.province}`,
      name: 's',
      role: 'secretary',
      province: s.province,
    };
    const d = story.draft1;
    const content = {
      ...d,
      kind: s.kind,
      parties: { ...d.parties, partner: { ...d.parties.partner, country: COUNTRIES[s.country]! } },
    };
    let a = await services.agreements.createDraft(secretary, { province: s.province, content });
    const events = PATH.slice(0, s.steps);
    for (const [i, e] of events.entries()) {
      t += (s.gapsDays[i] ?? 1) * 86_400_000 + 3_600_000;
      a = await services.agreements.send(
        e.type === 'FORWARD_TO_MFA' ? moiOfficer : secretary,
        a.id,
        a.rev,
        e,
      );
    }
    if (s.withdraw && s.steps < 4) {
      t += 86_400_000;
      a = await services.agreements.send(secretary, a.id, a.rev, { type: 'WITHDRAW' });
    }
  }
  if (imported > 0) {
    const n = importNo++;
    const rows = Array.from({ length: imported }, (_, i) => [
      i % 3 === 0 ? 'expired' : 'in force',
      PROVINCES[i % PROVINCES.length]!,
      `เมืองสถิติ ${n}-${i}`,
      `Statcity ${n}-${i}`,
      'Japan',
      'sister',
      `${1 + (i % 27)}/0${1 + (i % 9)}/25${60 + (i % 6)}`,
      '5',
      '',
      '',
    ]);
    const r = await services.registryImports.run(
      admin,
      { bytes: toCsv(ENGLISH_HEADER, rows), name: 'x.csv' },
      { dryRun: false },
    );
    expect(r.imported).toBe(imported);
  }
}

async function everything() {
  return services.agreements.list(admin, {}, { limit: 100_000, skip: 0 });
}

async function caughtUp(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    let behind = 0;
    for (const s of await everything()) {
      const r = await services.repository.get(s.id);
      if ((await services.statistics.seqOf(s.id)) !== r.history.at(-1)?.seq) behind++;
    }
    if (behind === 0) return;
    if (Date.now() > deadline) throw new Error(`statistics are ${behind} agreements behind`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Days in each step straight from the histories: entered at one entry, left at the next that changes the state. */
async function directStepDays(province?: string) {
  const days = new Map<string, number[]>();
  for (const s of await everything()) {
    if (province && s.province !== province) continue;
    const r = await services.repository.get(s.id);
    let entered = r.history[0]!.at;
    for (const e of r.history.slice(1)) {
      if (e.from === null || e.from === e.to) continue;
      const d = Math.round(((Date.parse(e.at) - Date.parse(entered)) / 86_400_000) * 10) / 10;
      days.set(e.from, [...(days.get(e.from) ?? []), d]);
      entered = e.at;
    }
  }
  return [...days.entries()]
    .map(([state, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return { state, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), count: sorted.length };
    })
    .sort((a, b) => a.state.localeCompare(b.state));
}

describe('statistics kept through the door', () => {
  it('agree with the agreement list and with step days computed from the histories', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(Spec, { minLength: 1, maxLength: 6 }),
        fc.nat({ max: 4 }),
        async (specs, imported) => {
          await makeDataSet(specs, imported);
          await caughtUp();
          const all = await services.statistics.figures(moiOfficer, {});
          expect(all.total).toBe(await services.agreements.count(moiOfficer));
          for (const { province, count } of all.byProvince)
            expect(count).toBe(await services.agreements.count(moiOfficer, { province }));
          for (const { state, count } of all.byState)
            expect(count).toBe(await services.agreements.count(moiOfficer, { state }));
          for (const { kind, count } of all.byKind)
            expect(count).toBe(await services.agreements.count(moiOfficer, { kind: kind as AgreementKind }));
          for (const { country, count } of all.byCountry)
            expect(count).toBe(await services.agreements.count(moiOfficer, { partnerCountryEn: country }));
          expect(all.byState.reduce((n, x) => n + x.count, 0)).toBe(all.total);
          expect(all.stepDays).toEqual(await directStepDays());
          const one = await services.statistics.figures(moiOfficer, { province: 'lampang' });
          expect(one.total).toBe(await services.agreements.count(moiOfficer, { province: 'lampang' }));
          expect(one.stepDays).toEqual(await directStepDays('lampang'));
        },
      ),
      { numRuns: 6 },
    );
    // The runs did make figures to compare: agreements in several states, and steps with days.
    const all = await services.statistics.figures(moiOfficer, {});
    expect(all.total).toBeGreaterThan(5);
    expect(all.stepDays.length).toBeGreaterThan(0);
    expect(all.byState.length).toBeGreaterThan(1);
  });

  it('refuses a secretary', async () => {
    await expect(
      services.statistics.figures({ userId: 's', name: 's', role: 'secretary', province: 'lampang' }, {}),
    ).rejects.toMatchObject({ code: 'not-allowed' });
  });
});
