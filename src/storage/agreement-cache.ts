// A read cache in front of the agreement repository, correct only while this process is the single writer.
//
// The embedded FerretDB guarantees that (one app per data folder, enforced by a lock file), and it serves
// every query through one connection, so each read costs a full round trip that queues behind the others.
// Records are cached by id and refreshed from our own writes; list queries are cached per "generation",
// which every write bumps. Callers get copies, so nothing they do can change the cache.
import type { AgreementRecord, AgreementRepository } from '../app/ports';

export interface CacheOptions {
  /** Most agreements kept (least recently used leave first). */
  maxRecords?: number;
  /** Most distinct list/count/distinct queries kept per generation. */
  maxQueries?: number;
}

class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) {
      this.map.delete(k);
      this.map.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
  }
  delete(k: string): void {
    this.map.delete(k);
  }
  clear(): void {
    this.map.clear();
  }
}

export function withReadCache<R extends AgreementRepository>(repo: R, o: CacheOptions = {}): R {
  const records = new Lru<AgreementRecord>(o.maxRecords ?? 5000);
  const queries = new Lru<Promise<unknown>>(o.maxQueries ?? 500);
  const wrote = () => queries.clear();

  function query<T>(name: string, args: unknown[], run: () => Promise<T>): Promise<T> {
    const key = `${name}:${JSON.stringify(args)}`;
    const hit = queries.get(key) as Promise<T> | undefined;
    if (hit) return hit.then((v) => structuredClone(v));
    const p = run();
    queries.set(key, p);
    p.catch(() => queries.delete(key));
    return p.then((v) => structuredClone(v));
  }

  const cached: AgreementRepository = {
    async insert(record) {
      await repo.insert(record);
      records.set(record.id, structuredClone(record));
      wrote();
    },
    async get(id) {
      const hit = records.get(id);
      if (hit) return structuredClone(hit);
      const r = await repo.get(id);
      records.set(id, structuredClone(r));
      return r;
    },
    async apply(id, expectedRev, change) {
      try {
        const r = await repo.apply(id, expectedRev, change);
        records.set(id, structuredClone(r));
        return r;
      } catch (e) {
        records.delete(id);
        throw e;
      } finally {
        wrote();
      }
    },
    list: (filter, page) => query('list', [filter, page], () => repo.list(filter, page)),
    count: (filter) => query('count', [filter], () => repo.count(filter)),
    distinct: (field, filter) => query('distinct', [field, filter], () => repo.distinct(field, filter)),
  };
  return Object.assign(Object.create(repo) as R, cached);
}
