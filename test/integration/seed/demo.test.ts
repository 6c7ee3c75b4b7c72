// npm start's demo data: users and agreements along the whole path, loaded only into an empty database.
import { identityStores } from '../../../src/storage/users';
import { createUserService } from '../../../src/users/service';
import { seedDemoData } from '../../../src/seed/demo';
import { buildServices } from '../../../src/composition-root';
import { openTestDb, type TestDb } from '../../support/db';
import { ROOT } from '../../support/processes';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('seed');
});
afterAll(async () => db.close());

describe('the demo data', () => {
  it('loads five demo logins and 25 agreements spread along the path, the Chiang Mai–Sejong MOU waiting at MFA with five comments', async () => {
    const { repository, records, drafting } = await buildServices(db.connection);
    const lines: string[] = [];
    const r = await seedDemoData(createUserService(identityStores(db.connection)), {
      projectRoot: ROOT,
      repository,
      records,
      drafting,
      progress: (l) => lines.push(l),
      now: new Date('2024-06-01T00:00:00Z'),
    });
    expect(r.logins.map((l) => l.username)).toEqual([
      'cm-secretary',
      'bkk-secretary',
      'moi-officer',
      'mfa-reviewer',
      'admin',
    ]);
    expect(r.agreements).toBe(25);
    expect(lines.at(-1)).toBe('  demo agreements 25/25');
    const all = await repository.list({}, { limit: 100, skip: 0 });
    const states = new Set(all.map((a) => a.state));
    for (const s of [
      'drafting',
      'committeeReview',
      'moiReview',
      'mfaReview',
      'revision',
      'readyToSign',
      'inForce',
    ]) {
      expect(states).toContain(s);
    }
    const cm = all.find((a) => a.partnerName.en === 'Sejong Special Self-Governing City');
    expect(cm?.state).toBe('mfaReview');
    const full = await repository.get(cm?.id ?? '');
    expect(full.comments).toHaveLength(5);
    expect(all.every((a) => Date.parse(a.updatedAt) < Date.parse('2024-06-01T00:00:00Z'))).toBe(true);
  });

  it('adds nothing to a database that already has agreements', async () => {
    const { repository, records, drafting } = await buildServices(db.connection);
    const before = await repository.count({});
    const r = await seedDemoData(createUserService(identityStores(db.connection)), {
      projectRoot: ROOT,
      repository,
      records,
      drafting,
      progress: () => undefined,
    });
    expect(r.agreements).toBe(0);
    expect(await repository.count({})).toBe(before);
  });
});
