// On the real database, the read cache's index answers list queries exactly as the database does.
import { identityStores } from '../../../src/storage/users';
import { createUserService } from '../../../src/users/service';
import type { AgreementFilter, Page } from '../../../src/app/ports';
import { buildServices } from '../../../src/composition-root';
import { seedDemoData } from '../../../src/seed/demo';
import { withReadCache } from '../../../src/storage/agreement-cache';
import { createAgreementRepository } from '../../../src/storage/agreement-repository';
import { openTestDb, type TestDb } from '../../support/db';
import { ROOT } from '../../support/processes';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb('cache');
  const { repository, records, drafting } = await buildServices(db.connection);
  await seedDemoData(createUserService(identityStores(db.connection)), {
    projectRoot: ROOT,
    repository,
    records,
    drafting,
    progress: () => undefined,
    now: new Date('2024-06-01T00:00:00Z'),
  });
});
afterAll(async () => db.close());

const filters: AgreementFilter[] = [
  {},
  { province: 'bangkok' },
  { state: 'drafting' },
  { states: ['moiReview', 'mfaReview'] },
  { kind: 'sister' },
  { partnerCountryEn: "People's Republic of China" },
  { text: 'seoul' },
  { text: 'เซจง' },
  { text: '(.*' },
  { province: 'bangkok', state: 'inForce' },
];
const pages: Page[] = [
  { limit: 50, skip: 0 },
  { limit: 5, skip: 5, sort: { key: 'title', dir: 'asc', lang: 'th' } },
  { limit: 10, skip: 0, sort: { key: 'partner', dir: 'desc', lang: 'en' } },
  { limit: 10, skip: 3, sort: { key: 'state', dir: 'asc' } },
  { limit: 10, skip: 0, sort: { key: 'stateSince', dir: 'asc' } },
];

describe('the read cache on the real database', () => {
  it('gives the same lists, counts and distinct values as the database for every filter and order', async () => {
    const stored = createAgreementRepository(db.connection);
    const cached = withReadCache(createAgreementRepository(db.connection));
    await cached.init();
    let compared = 0;
    for (const f of filters) {
      expect(await cached.count(f)).toBe(await stored.count(f));
      expect(await cached.distinct('province', f)).toEqual(await stored.distinct('province', f));
      for (const p of pages) {
        expect(await cached.list(f, p)).toEqual(await stored.list(f, p));
        compared++;
      }
    }
    expect(compared).toBe(50);
    expect(await cached.count({})).toBe(25);
  });
});
