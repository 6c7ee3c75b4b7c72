// The single-writer read cache: reads come from memory, our own writes refresh it, callers get copies.
import { withReadCache } from '../../../src/storage/agreement-cache';
import {
  createMemoryAgreementRepository,
  type MemoryAgreementRepository,
} from '../../support/agreement-memory-repository';
import { createAgreementService } from '../../../src/app/agreement-service';
import { chiangMaiSejong } from '../../support/fixtures';
import {
  clearedSejong,
  secretary,
  otherSecretary,
  sequentialIds,
  steppingClock,
} from '../../integration/agreement-helpers';
import { articleTextHash } from '../../../src/domain';
import { memoryRecords } from '../../support/records';

function counting(repo: MemoryAgreementRepository) {
  const calls = { get: 0, list: 0, count: 0, distinct: 0, clearedAmong: 0 };
  const wrapped: MemoryAgreementRepository = {
    insert: (r) => repo.insert(r),
    apply: (id, rev, c) => repo.apply(id, rev, c),
    scanSummaries: (n) => repo.scanSummaries(n),
    applyUnguarded: (id, c) => repo.applyUnguarded(id, c),
    get: (id) => (calls.get++, repo.get(id)),
    list: (f, p) => (calls.list++, repo.list(f, p)),
    count: (f) => (calls.count++, repo.count(f)),
    distinct: (f, x) => (calls.distinct++, repo.distinct(f, x)),
    clearedAmong: (h, id) => (calls.clearedAmong++, repo.clearedAmong(h, id)),
  };
  return { wrapped, calls };
}

const draft = chiangMaiSejong().draft1;
const ids = sequentialIds();

async function setup(preexisting = 0) {
  const store = createMemoryAgreementRepository();
  const before = createAgreementService({
    repository: store,
    clock: steppingClock(),
    newId: ids,
    records: memoryRecords(),
  });
  for (let i = 0; i < preexisting; i++) {
    await before.createDraft(i % 2 ? otherSecretary : secretary, {
      province: i % 2 ? 'lampang' : 'chiang-mai',
      content: draft,
    });
  }
  const { wrapped, calls } = counting(store);
  const repository = withReadCache(wrapped);
  await repository.init();
  const service = createAgreementService({
    repository,
    clock: steppingClock('2023-01-01T00:00:00Z'),
    newId: ids,
    records: memoryRecords(),
  });
  return { store, repository, service, before, calls };
}

describe('the single-writer read cache', () => {
  it('indexes the agreements already stored, batch by batch, and answers lists from the index', async () => {
    const { store, repository, calls } = await setup(1203);
    expect(await repository.count({})).toBe(1203);
    expect(await repository.count({ province: 'lampang' })).toBe(601);
    const page = await repository.list(
      { province: 'chiang-mai' },
      { limit: 20, skip: 20, sort: { key: 'updatedAt', dir: 'desc' } },
    );
    expect(page).toEqual(
      await store.list(
        { province: 'chiang-mai' },
        { limit: 20, skip: 20, sort: { key: 'updatedAt', dir: 'desc' } },
      ),
    );
    expect(await repository.distinct('province', {})).toEqual(['chiang-mai', 'lampang']);
    expect(calls).toMatchObject({ list: 0, count: 0, distinct: 0 });
  });

  it('serves repeated reads of an agreement from memory', async () => {
    const { repository, service, calls } = await setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await repository.get(a.id);
    await repository.get(a.id);
    expect(calls.get).toBe(0);
  });

  it('shows our own writes at once, in the record and in every list', async () => {
    const { repository, service } = await setup(3);
    expect(await repository.count({})).toBe(3);
    expect(await repository.count({ state: 'committeeReview' })).toBe(0);
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    expect((await repository.get(a.id)).state).toBe('committeeReview');
    expect((await repository.list({}, { limit: 10, skip: 0 }))[0]).toMatchObject({
      id: a.id,
      state: 'committeeReview',
    });
    expect(await repository.count({ state: 'committeeReview' })).toBe(1);
    expect(await repository.count({})).toBe(4);
  });

  it('shares frozen records and hands out copies of lists, so no caller can change what others read', async () => {
    const { repository, service } = await setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    const first = await repository.get(a.id);
    expect(() => {
      first.workingDraft.title.en = 'changed by a careless caller';
    }).toThrow(TypeError);
    expect(Object.isFrozen(first.history[0])).toBe(true);
    const listed = await repository.list({}, { limit: 1, skip: 0 });
    if (listed[0]) listed[0].title.en = 'changed too';
    expect((await repository.get(a.id)).workingDraft.title.en).toBe(draft.title.en);
    expect((await repository.list({}, { limit: 1, skip: 0 }))[0]?.title.en).toBe(draft.title.en);
  });

  it('still refuses a stale compare-and-set, and forgets the record so the next read is fresh', async () => {
    const { repository, service, calls } = await setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    const stale = repository.apply(a.id, a.rev, { set: { updatedAt: '2030-01-01T00:00:00.000Z' } });
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    const before = calls.get;
    expect((await repository.get(a.id)).state).toBe('committeeReview');
    expect(calls.get).toBe(before + 1);
  });
});

describe('"cleared before" from the read cache', () => {
  it('answers from memory what storage answers: texts cleared before the start (from the scan) and by our writes since', async () => {
    const { store, before } = await setup(3);
    const first = await clearedSejong(before);
    // Built after that clearance: it reads it from the scan at start.
    const { wrapped, calls } = counting(store);
    const repository = withReadCache(wrapped);
    await repository.init();
    const service = createAgreementService({
      repository,
      clock: steppingClock('2023-01-01T00:00:00Z'),
      newId: ids,
      records: memoryRecords(),
    });
    const hashes = [...new Set(first.versions.flatMap((v) => v.content.articles.map(articleTextHash)))];
    const same = async (exceptId: string) => {
      const fromMemory = [...(await repository.clearedAmong(hashes, exceptId))].sort();
      expect(fromMemory).toEqual([...(await store.clearedAmong(hashes, exceptId))].sort());
      return fromMemory;
    };
    expect((await same('someone-else')).length).toBeGreaterThan(0);
    // Our own write of a second clearance (a different text) is in memory at once.
    const second = await clearedSejong(service);
    const both = [...new Set(second.versions.flatMap((v) => v.content.articles.map(articleTextHash)))];
    expect([...(await repository.clearedAmong(both, first.id))].sort()).toEqual(
      [...(await store.clearedAmong(both, first.id))].sort(),
    );
    // An agreement's own cleared texts do not count: each is cleared only in the other.
    expect((await same(first.id)).length).toBeGreaterThan(0);
    expect((await same(second.id)).length).toBeGreaterThan(0);
    expect(calls.clearedAmong).toBe(0);
  });
});

describe('the read cache when a write fails without an answer', () => {
  it('reads the agreement again before the next list, so a write that did happen is not hidden', async () => {
    const store = createMemoryAgreementRepository();
    let failAfterWrite = false;
    const flaky: MemoryAgreementRepository = {
      ...store,
      apply: async (id, rev, c) => {
        const r = await store.apply(id, rev, c);
        if (failAfterWrite)
          throw Object.assign(new Error('connection closed'), { name: 'MongoNetworkError' });
        return r;
      },
      applyUnguarded: async (id, c) => {
        const r = await store.applyUnguarded(id, c);
        if (failAfterWrite)
          throw Object.assign(new Error('connection closed'), { name: 'MongoNetworkError' });
        return r;
      },
    };
    const repository = withReadCache(flaky);
    await repository.init();
    const service = createAgreementService({
      repository,
      clock: steppingClock(),
      newId: ids,
      records: memoryRecords(),
    });
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    expect(await repository.count({ state: 'drafting' })).toBe(1);
    failAfterWrite = true;
    await expect(service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' })).rejects.toThrow(
      'connection closed',
    );
    expect(await repository.count({ state: 'committeeReview' })).toBe(1);
    expect((await repository.list({}, { limit: 5, skip: 0 }))[0]?.state).toBe('committeeReview');
  });
});

describe('compare-and-set under the single-writer lock', () => {
  it('lets exactly one of 50 concurrent senders at the same rev through, with one history entry', async () => {
    const { repository, service } = await setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(Array(49).fill('conflict'));
    const stored = await repository.get(a.id);
    expect(stored.rev).toBe(a.rev + 1);
    expect(stored.history.filter((h) => h.event === 'SUBMIT_TO_COMMITTEE')).toHaveLength(1);
  });

  it('refuses a stale rev without writing', async () => {
    const { store, repository, service } = await setup();
    const a = await service.createDraft(secretary, { province: 'chiang-mai', content: draft });
    await service.send(secretary, a.id, a.rev, { type: 'SUBMIT_TO_COMMITTEE' });
    await expect(
      repository.apply(a.id, a.rev, { set: { updatedAt: '2031-01-01T00:00:00.000Z' } }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await store.get(a.id)).updatedAt).not.toBe('2031-01-01T00:00:00.000Z');
  });
});
