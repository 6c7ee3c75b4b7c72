// An agreement with the partner's (Korean) text on the real embedded database: stored and read back whole, refused
// with bilingual messages when its articles do not fit, and agreements without one read as before.
import { createAgreementService, type AgreementService } from '../../src/app/agreement-service';
import type { AgreementRepository } from '../../src/app/ports';
import { isDomainError } from '../../src/domain';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { chiangMaiSejong, chiangMaiSejongKo } from '../support/fixtures';
import { openTestDb, type TestDb } from '../support/db';
import { databaseRecords } from '../support/records';
import { secretary, sequentialIds, steppingClock } from './agreement-helpers';

let db: TestDb;
let repository: AgreementRepository & { init(): Promise<void> };
let service: AgreementService;

beforeAll(async () => {
  db = await openTestDb('partner-text');
  repository = createAgreementRepository(db.connection);
  await repository.init();
  service = createAgreementService({
    repository,
    clock: steppingClock(),
    newId: sequentialIds('p-'),
    records: databaseRecords(db.connection),
  });
});
afterAll(async () => db.close());

describe('an agreement with a partner text', () => {
  it('is stored and read back with the Korean text whole, on its article keys', async () => {
    const content = chiangMaiSejongKo().draft2;
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content });
    const read = await repository.get(a.id);
    expect(read.workingDraft.partnerText).toEqual(content.partnerText);
    expect(read.workingDraft.partnerText?.articles.map((x) => x.key)).toEqual(
      read.workingDraft.articles.map((x) => x.key),
    );
  });

  it('is refused, nothing saved, when the partner text names an article the text does not have', async () => {
    const good = chiangMaiSejongKo().draft2;
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: good });
    const bad = structuredClone(good);
    const first = bad.partnerText?.articles[0];
    if (first) first.key = 'a-notanarticle';
    const e: unknown = await service.updateContent(secretary, a.id, a.rev, bad).catch((x: unknown) => x);
    expect(isDomainError(e) && e.code).toBe('validation-failed');
    if (!isDomainError(e)) throw new Error('not refused');
    expect(e.issues[0]?.path).toBe('content.partnerText.articles');
    expect(e.issues[0]?.message.en).toMatch(/partner's text has an article \(a-notanarticle\)/);
    expect(e.issues[0]?.message.th).toMatch(/ข้อความภาษาของคู่ภาคี/);
    const after = await repository.get(a.id);
    expect(after.rev).toBe(a.rev);
    expect(after.workingDraft.partnerText).toEqual(good.partnerText);
  });

  it('is refused when an article of the partner text has a heading and no text', async () => {
    const bad = structuredClone(chiangMaiSejongKo().draft2);
    const third = bad.partnerText?.articles[2];
    if (third) third.text = '';
    await expect(
      service.createDraft(secretary, { province: 'chiang-mai', content: bad }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
    });
  });

  it('leaves an agreement without one as before: no partnerText field is stored', async () => {
    const a = await service.createDraft(secretary, {
      province: 'chiang-mai',
      content: chiangMaiSejong().draft2,
    });
    const raw = await db.connection.collection('agreements').findOne({ _id: a.id as never });
    expect(raw && 'partnerText' in (raw.workingDraft as object)).toBe(false);
  });
});
