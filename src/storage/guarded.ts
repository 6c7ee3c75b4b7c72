// A compare-and-set on one document: update it by _id only if its fields still say what the guard says. On MongoDB
// that is one filtered update. On embedded FerretDB (this process the single writer) the same filter would be read
// by decoding the collection's documents one by one until the match (FerretDB v1 answers only a filter of _id alone
// from its index: 20–90 ms at 2 000 e-mails, growing with them), so there the document is read by _id, the guard
// checked here, and the update written by _id, with this process's other guarded updates of the document held back
// meanwhile.
import type { Collection, Document, UpdateFilter, WithId } from 'mongodb';
import { KeyLock } from './key-lock';

/** Field equality, or membership with $in: the guards the stores use, read the same way here and by the server. */
export type Guard = Record<string, unknown>;

function holds(doc: Document, guard: Guard): boolean {
  return Object.entries(guard).every(([k, want]) => {
    const have: unknown = doc[k];
    if (want !== null && typeof want === 'object' && '$in' in want)
      return (want as { $in: unknown[] }).$in.includes(have);
    return have === want;
  });
}

type Doc = Document & { _id: string };

export interface GuardedUpdates {
  /** Updates the document if the guard holds; answers whether it did. */
  update<T extends Doc>(
    c: Collection<T>,
    id: string,
    guard: Guard,
    update: UpdateFilter<T>,
  ): Promise<boolean>;
  /** The same, answering the document as it is after (undefined when not updated). */
  updateAndGet<T extends Doc>(
    c: Collection<T>,
    id: string,
    guard: Guard,
    update: UpdateFilter<T>,
  ): Promise<WithId<T> | undefined>;
}

/** `singleWriter`: this process is the database's one writer (the embedded database), as the read cache assumes. */
export function guardedUpdates(o: { singleWriter: boolean }): GuardedUpdates {
  if (!o.singleWriter)
    return {
      async update(c, id, guard, update) {
        return (await c.updateOne({ ...guard, _id: id } as never, update)).matchedCount > 0;
      },
      async updateAndGet(c, id, guard, update) {
        const filter = { ...guard, _id: id } as never;
        return (await c.findOneAndUpdate(filter, update, { returnDocument: 'after' })) ?? undefined;
      },
    };
  const lock = new KeyLock();
  /** Reads by _id, checks the guard, then writes by _id; nothing else of this process's guarded work on it between. */
  const checked = <T extends Doc, R>(
    c: Collection<T>,
    id: string,
    guard: Guard,
    write: (byId: never) => Promise<R>,
  ) =>
    lock.run(`${c.collectionName}\u0000${id}`, async () => {
      const byId = { _id: id } as never;
      const before = await c.findOne(byId);
      return before && holds(before, guard) ? write(byId) : undefined;
    });
  return {
    async update(c, id, guard, update) {
      return (await checked(c, id, guard, (byId) => c.updateOne(byId, update)))?.matchedCount === 1;
    },
    async updateAndGet(c, id, guard, update) {
      const after = await checked(c, id, guard, (byId) =>
        c.findOneAndUpdate(byId, update, { returnDocument: 'after' }),
      );
      return after ?? undefined;
    },
  };
}
