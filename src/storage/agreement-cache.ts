// Reads from memory, for the process that is the database's single writer (the embedded FerretDB).
//
// FerretDB v1 answers every list query by reading and decoding whole documents (measured: counting 2 000
// agreements took 3 s), and the app has one connection to it. So the single writer — guaranteed by the data
// folder's lock — keeps an index of every agreement's summary, built once at start and updated from its own
// writes, and answers list, count and distinct from it; full records are kept in an LRU. Cached records are
// deeply frozen and shared: a caller can read them, never change them (list answers are copies).
import type { AgreementRecord, AgreementRepository, AgreementSummary } from '../app/ports';
import { distinctValues, querySummaries, summaryOf } from './agreement-summary';
import type { StoredAgreementRepository } from './agreement-repository';
import { conflict } from '../domain/errors';
import { KeyLock } from './key-lock';
import { deepFreeze, Lru } from '../app/lru';

export interface CacheOptions {
  /** Most full agreements kept (least recently used leave first). */
  maxRecords?: number;
  /** Reports index building, e.g. "indexed 5000 agreements". */
  progress?: (line: string) => void;
}

export type CachedRepository = AgreementRepository & { init(): Promise<void> };

export function withReadCache(
  repo: AgreementRepository &
    Partial<Pick<StoredAgreementRepository, 'init' | 'scanSummaries' | 'applyUnguarded'>>,
  o: CacheOptions = {},
): CachedRepository {
  const records = new Lru<AgreementRecord>(o.maxRecords ?? 5000);
  const index = new Map<string, AgreementSummary>();
  // The text hashes MFA cleared, by agreement (only those with some): "cleared before" without a scan.
  const cleared = new Map<string, readonly string[]>();
  const locks = new KeyLock();
  let ready: Promise<void> | undefined;

  // Answers to list queries, until the next write: the registry's first page is asked for far more often than
  // anything changes.
  const answers = new Lru<unknown>(500);
  let answersOf = 0;
  let writes = 0;
  // Agreements whose last write failed without an answer (the database went away mid-update): the write may
  // or may not have happened, so they are read again before the next list query.
  const unsure = new Set<string>();
  const remember = (r: AgreementRecord) => {
    records.set(r.id, deepFreeze(structuredClone(r)));
    index.set(r.id, summaryOf(r));
    if (r.cleared?.length) cleared.set(r.id, [...r.cleared]);
    else cleared.delete(r.id);
    unsure.delete(r.id);
    writes++;
  };
  async function settleUnsure(): Promise<void> {
    for (const id of [...unsure]) {
      try {
        remember(await repo.get(id));
      } catch (e) {
        if ((e as { code?: unknown }).code !== 'not-found') throw e;
        index.delete(id);
        cleared.delete(id);
        unsure.delete(id);
        writes++;
      }
    }
  }
  async function answer<T>(args: unknown[], compute: (all: Iterable<AgreementSummary>) => T): Promise<T> {
    const all = await indexed();
    if (unsure.size) await settleUnsure();
    if (answersOf !== writes) {
      answers.clear();
      answersOf = writes;
    }
    const key = JSON.stringify(args);
    let hit = answers.get(key) as T | undefined;
    if (hit === undefined) {
      hit = compute(all);
      answers.set(key, hit);
    }
    return structuredClone(hit);
  }

  async function build(): Promise<void> {
    await repo.init?.();
    if (!repo.scanSummaries) throw new Error('the read cache needs a repository that can scan summaries');
    const started = Date.now();
    for await (const batch of repo.scanSummaries(1000)) {
      // A write that landed while we scanned is newer than what the scan saw.
      for (const { cleared: hashes, ...s } of batch) {
        if (index.has(s.id)) continue;
        index.set(s.id, s);
        if (hashes?.length) cleared.set(s.id, hashes);
      }
      if (index.size % 5000 < batch.length) {
        o.progress?.(`  indexed ${index.size} agreements, ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
  }

  /** Queries wait for the index; writes made meanwhile land in it directly. */
  const indexed = async () => {
    ready ??= build().catch((e: unknown) => {
      ready = undefined;
      throw e;
    });
    await ready;
    return index.values();
  };

  return {
    init: async () => {
      await indexed();
    },
    async insert(record) {
      await repo.insert(record);
      remember(record);
    },
    async get(id) {
      const hit = records.get(id);
      if (hit) return hit;
      const r = await repo.get(id);
      remember(r);
      return records.get(id) ?? r;
    },
    async apply(id, expectedRev, change) {
      try {
        const unguarded = repo.applyUnguarded;
        if (!unguarded) {
          const r = await repo.apply(id, expectedRev, change);
          remember(r);
          return r;
        }
        // Compare-and-set under this process's lock on the agreement: we are the only writer, so the rev we
        // hold is the stored one, and the update can filter by _id alone (the one filter FerretDB indexes).
        return await locks.run(id, async () => {
          const current = records.get(id) ?? (await repo.get(id));
          if (current.rev !== expectedRev) throw conflict();
          const r = await unguarded(id, change);
          if (r.rev !== expectedRev + 1) {
            throw new Error(
              `agreement ${id} was changed outside this process (rev ${r.rev}, expected ${expectedRev + 1})`,
            );
          }
          remember(r);
          return r;
        });
      } catch (e) {
        records.delete(id);
        const code = (e as { code?: unknown }).code;
        if (code !== 'conflict' && code !== 'not-found') unsure.add(id);
        throw e;
      }
    },
    list: (filter, page) =>
      answer(['list', filter, page], (all) => querySummaries(all, filter, page ?? { limit: 50, skip: 0 })),
    count: (filter) => answer(['count', filter], (all) => querySummaries(all, filter).length),
    // Across agreements: a query FerretDB answers by decoding every agreement (seconds at 10 000), so from memory.
    async clearedAmong(hashes, exceptId) {
      await indexed();
      if (unsure.size) await settleUnsure();
      const wanted = new Set(hashes);
      const found = new Set<string>();
      for (const [id, list] of cleared)
        if (id !== exceptId) for (const h of list) if (wanted.has(h)) found.add(h);
      return found;
    },
    distinct: (field, filter) =>
      answer(['distinct', field, filter], (all) => distinctValues(all, field, filter)),
  };
}
