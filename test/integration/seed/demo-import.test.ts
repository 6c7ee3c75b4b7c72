// npm start's demo country: the pairs the sources name as existing come in through the registry import, as an MOI
// officer brings MOI's list (one IMPORT entry each, citing the file), and the statistics see them through the door.
import { seedDemo } from '../../support/demo';
import { demoPairListCsv, existingPair } from '../../../src/seed/demo-pair-list';
import { Pairs } from '../../../src/seed/standard-mou';
import { buildServices } from '../../../src/composition-root';
import { importedId } from '../../../src/app/registry-import';
import { sha256Hex } from '../../../src/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openTestDb, type TestDb } from '../../support/db';
import { ROOT } from '../../support/processes';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('seedimp');
});
afterAll(async () => db.close());

const moi = { userId: 'u', name: 'moi', role: 'moi' as const };

describe('the demo country', () => {
  it('brings the existing pairs of pairs.json in through the import path, and walks the rest along the path', async () => {
    const services = await buildServices(db.connection, { readCache: db.maxPoolSize === 1 });
    services.door.start();
    const r = await seedDemo(db.connection, services, {
      imports: true,
      now: new Date('2026-11-20T10:00:00Z'),
    });
    expect(r.agreements).toBe(25);
    const pairs = Pairs.parse(JSON.parse(readFileSync(join(ROOT, 'fixtures', 'pairs.json'), 'utf8'))).pairs;
    const existing = pairs.slice(1).filter(existingPair);
    expect(existing.length).toBeGreaterThanOrEqual(18);
    const sha = sha256Hex(demoPairListCsv(existing));
    const all = await services.agreements.list(moi, {}, { limit: 100, skip: 0 });
    const ids = new Set(existing.map((_, i) => importedId(sha, i + 2)));
    const imported = all.filter((a) => ids.has(a.id));
    expect(imported).toHaveLength(existing.length);
    expect(new Set(imported.map((a) => a.state))).toEqual(new Set(['inForce']));
    const guangzhou = imported.find((a) => a.partnerName.en === 'Guangzhou');
    const g = await services.agreements.get(moi, guangzhou!.id);
    expect(g.history).toHaveLength(1);
    expect(g.history[0]?.detail).toMatchObject({
      code: 'registry-import',
      fileSha256: sha,
      signed: '2024-03-31',
    });
    // The walked ones are spread along the path; Bangkok's partners are all imported, in force.
    expect([...new Set(all.map((a) => a.state))].sort()).toEqual([
      'committeeReview',
      'drafting',
      'inForce',
      'mfaReview',
      'readyToSign',
      'revision',
    ]);
    expect(all.filter((a) => a.province === 'bangkok').every((a) => a.state === 'inForce')).toBe(true);
    // The statistics follow through the door: the country, not three agreements.
    const deadline = Date.now() + 15_000;
    while ((await services.statistics.figures(moi, {})).total < 25 && Date.now() < deadline)
      await new Promise((res) => setTimeout(res, 50));
    const s = await services.statistics.figures(moi, {});
    expect(s.total).toBe(25);
    expect(s.byProvince.find((p) => p.province === 'bangkok')?.count).toBe(16);
    await services.door.stop();
  });
});
