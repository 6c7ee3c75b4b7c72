// The single-writer read cache: reads come from memory, our own writes refresh it, callers get copies.
import { withReadCache } from '../../../src/storage/agreement-cache';
import { createMemoryAgreementRepository } from '../../../src/storage/agreement-memory-repository';
import { createAgreementService } from '../../../src/app/agreement-service';
import type { AgreementRepository } from '../../../src/app/ports';
import { chiangMaiSejong } from '../../support/fixtures';
import { secretary, sequentialIds, steppingClock } from '../../integration/agreement-helpers';

function counting(repo: AgreementRepository) {
  const calls = { get: 0, list: 0, count: 0 };
  const wrapped: AgreementRepository = {
    ...repo,
    insert: (r) => repo.insert(r),
    apply: (id, rev, c) => repo.apply(id, rev, c),
    distinct: (f, x) => repo.distinct(f, x),
    get: (id) => (calls.get++, repo.get(id)),
    list: (f, p) => (calls.list++, repo.list(f, p)),
    count: (f) => (calls.count++, repo.count(f)),
  };
  return { wrapped, calls };
}

function setup() {
  const { wrapped, calls } = counting(createMemoryAgreementRepository());
  const repository = withReadCache(wrapped);
  const service = createAgreementService({ repository, clock: steppingClock(), newId: sequentialIds() });
  return { repository, service, calls };
}

const draft = chiangMaiSejong().draft1;

describe('the single-writer read cache', () => {
  it('serves repeated reads of an agreement from memory', async () => {
    const { repository, service, calls } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await repository.get(a.id);
    await repository.get(a.id);
    expect(calls.get).toBe(0);
  });

  it('returns the state after our own write, not the cached one before it', async () => {
    const { repository, service } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    expect((await repository.get(a.id)).state).toBe('committeeReview');
    expect((await repository.list({}, { limit: 10, skip: 0 }))[0]?.state).toBe('committeeReview');
  });

  it('caches list and count queries until the next write', async () => {
    const { repository, service, calls } = setup();
    await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    expect(await repository.count({ province: 'chiang-mai' })).toBe(1);
    expect(await repository.count({ province: 'chiang-mai' })).toBe(1);
    expect(calls.count).toBe(1);
    await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    expect(await repository.count({ province: 'chiang-mai' })).toBe(2);
    expect(calls.count).toBe(2);
  });

  it('hands out copies, so a caller changing a record cannot change what others read', async () => {
    const { repository, service } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    const first = await repository.get(a.id);
    first.workingDraft.title.en = 'changed by a careless caller';
    expect((await repository.get(a.id)).workingDraft.title.en).toBe(draft.title.en);
  });

  it('still refuses a stale compare-and-set, and forgets the record so the next read is fresh', async () => {
    const { repository, service, calls } = setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    const stale = repository.apply(a.id, a.rev, { set: { updatedAt: '2030-01-01T00:00:00.000Z' } });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    const before = calls.get;
    expect((await repository.get(a.id)).state).toBe('committeeReview');
    expect(calls.get).toBe(before + 1);
  });
});
