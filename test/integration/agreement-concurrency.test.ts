// No transition is lost or applied twice: concurrent senders race on the same rev, exactly one wins.
import { createAgreementService, type AgreementService } from '../../src/app/agreement-service';
import type { AgreementRecord } from '../../src/app/ports';
import { isDomainError, verifyHistoryChain } from '../../src/domain';
import { createAgreementRepository } from '../../src/storage/agreement-repository';
import { chiangMaiSejong } from '../support/fixtures';
import { openTestDb, type TestDb } from '../support/db';
import { moiOfficer, secretary, sequentialIds, steppingClock } from './agreement-helpers';
import { databaseRecords } from '../support/records';

let db: TestDb;
let service: AgreementService;
const story = chiangMaiSejong();

beforeAll(async () => {
  db = await openTestDb('race');
  const repository = createAgreementRepository(db.connection);
  await repository.init();
  service = createAgreementService({
    repository,
    clock: steppingClock(),
    newId: sequentialIds('race-'),
    records: databaseRecords(db.connection),
  });
});
afterAll(async () => db.close());

async function atMoiReview(): Promise<AgreementRecord> {
  let a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  a = await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
  a = await service.send(secretary, a.id, a.rev, {
    type: 'RECORD_RESOLUTION',
    resolution: {
      meeting: '1/2565',
      date: '2022-03-14',
      outcome: 'approved',
      text: story.committee.resolution,
    },
  });
  return service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_MOI' });
}

async function race<T>(n: number, attempt: () => Promise<T>) {
  const results = await Promise.allSettled(Array.from({ length: n }, attempt));
  const won = results.filter((r) => r.status === 'fulfilled');
  const codes = results.flatMap((r) =>
    r.status === 'rejected' ? [isDomainError(r.reason) ? r.reason.code : String(r.reason)] : [],
  );
  return { won, codes };
}

describe('fifty people press "forward to MFA" at the same moment', () => {
  it('exactly one forwards it, forty-nine get a conflict, and the history gains exactly one entry', async () => {
    const before = await atMoiReview();
    const { won, codes } = await race(50, () =>
      service.send(moiOfficer, before.id, before.rev, { type: 'FORWARD_TO_MFA' }),
    );
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill('conflict'));

    const after = await service.get(moiOfficer, before.id);
    expect(after.state).toBe('mfaReview');
    expect(after.rev).toBe(before.rev + 1);
    expect(after.round).toBe(1);
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.filter((h) => h.event === 'FORWARD_TO_MFA')).toHaveLength(1);
    expect(verifyHistoryChain(after.id, after.history).ok).toBe(true);
  });

  it('the same holds for fifty concurrent edits of the working draft: one wins, the others change nothing', async () => {
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    const { won, codes } = await race(50, () => service.updateContent(secretary, a.id, a.rev, story.draft2));
    expect(won).toHaveLength(1);
    expect(codes).toEqual(Array(49).fill('conflict'));
    const after = await service.get(secretary, a.id);
    expect(after.rev).toBe(a.rev + 1);
    expect(after.workingDraft).toEqual(story.draft2);
  });

  it('a stale rev is refused even when nobody else is sending, and nothing is written', async () => {
    const a = await atMoiReview();
    await expect(service.send(moiOfficer, a.id, a.rev - 1, { type: 'FORWARD_TO_MFA' })).rejects.toMatchObject(
      { code: 'conflict' },
    );
    const after = await service.get(moiOfficer, a.id);
    expect(after.rev).toBe(a.rev);
    expect(after.state).toBe('moiReview');
    expect(after.history).toHaveLength(a.history.length);
  });
});
