// "Cleared before" asked of the database once per text and generation of cleared texts, not once per review page.
import type { AgreementRepository } from './ports';
import { Lru } from './lru';

export interface ClearedCacheOptions {
  /** Most answers kept (least recently used leave first). */
  max?: number;
  /**
   * How long an answer may be used. Infinity when this process is the database's only writer (the embedded
   * database): then every change of cleared texts passes through it and moves the generation. With other app
   * instances on the same MongoDB, their no-objections do not pass here, so an answer is asked again after this.
   */
  maxAgeMs?: number;
  /** Milliseconds now (tests move it). */
  now?: () => number;
}

interface Entry {
  generation: number;
  at: number;
  answer: Promise<Set<string>>;
}

/**
 * The repository, with `clearedAmong` remembered. Its answer depends on the text asked about and on every other
 * agreement's cleared texts, which change only by a write that sets `cleared` (MFA's no objection) or by an insert
 * that brings some: each moves a generation, and an answer of an older generation is asked again. The generation
 * moves after the write (and also when the write failed without an answer, as it may have landed), so an answer
 * computed while the write was under way is never kept past it.
 */
export function withClearedCache<R extends AgreementRepository>(repo: R, o: ClearedCacheOptions = {}): R {
  const kept = new Lru<Entry>(o.max ?? 2000);
  const maxAge = o.maxAgeMs ?? Infinity;
  const now = o.now ?? (() => Date.now());
  let generation = 0;
  const moved = <T>(p: Promise<T>): Promise<T> =>
    p.finally(() => {
      generation++;
    });
  return {
    ...repo,
    insert: (record) =>
      (record.cleared ?? []).length > 0 ? moved(repo.insert(record)) : repo.insert(record),
    apply: (id, expectedRev, change) =>
      change.set.cleared !== undefined
        ? moved(repo.apply(id, expectedRev, change))
        : repo.apply(id, expectedRev, change),
    clearedAmong(hashes, exceptId) {
      const key = `${exceptId}\u0000${[...new Set(hashes)].sort().join(',')}`;
      const hit = kept.get(key);
      if (hit && hit.generation === generation && now() - hit.at < maxAge) return copy(hit.answer);
      const entry: Entry = { generation, at: now(), answer: repo.clearedAmong(hashes, exceptId) };
      kept.set(key, entry);
      entry.answer.catch(() => {
        if (kept.get(key) === entry) kept.delete(key);
      });
      return copy(entry.answer);
    },
  };
}

/** Each caller gets its own set: the kept one stays as the database answered. */
const copy = (answer: Promise<Set<string>>): Promise<Set<string>> => answer.then((s) => new Set(s));
