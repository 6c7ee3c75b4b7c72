// The e-mail outbox: every e-mail ever queued, with its status, in one collection read and written by _id; and beside
// it the open set — one small record per e-mail not yet finished (waiting or being sent), with when it is due. The
// worker's looks (what is due; what a dead worker left sending) read the open set, never the whole outbox: FerretDB
// v1 decodes every document for any filter but _id's, and the outbox only grows (STACK.md).
//
// Order of writes, so that a crash between two of them loses nothing: an e-mail enters the open set before the
// outbox, and leaves it after its outcome is written. An open record left with no outbox item, or with a finished
// one (a crash between two writes), is dropped by a look once it is an hour old — never sooner, so that a look
// cannot drop one that is about to be filled.
import type { Connection } from 'mongoose';
import type { OutboxItem, OutboxStatus, OutboxStore } from '../notifications/ports';
import { OUTBOX_STATUSES } from '../notifications/ports';
import { collection, insertNew } from './collections';
import { guardedUpdates } from './guarded';

export const OUTBOX_COLLECTION = 'notification_outbox';
export const OPEN_COLLECTION = 'notification_outbox_open';

type OutboxDoc = Omit<OutboxItem, 'id' | 'nextAt'> & { _id: string; nextAt: Date };
interface OpenDoc {
  _id: string;
  nextAt: Date;
}

/** Says the open set was built from the outbox once (databases from before it existed); never due. */
const BUILT = '#built';
const NEVER = new Date(8_640_000_000_000_000);
const OPEN_STATUSES: readonly OutboxStatus[] = ['waiting', 'sending'];
const STALE_MS = 3_600_000;

/** The outbox's index, and the open set built once from an outbox kept before it existed. */
export async function prepareOutbox(conn: Connection): Promise<void> {
  const open = collection<OpenDoc>(conn, OPEN_COLLECTION);
  await open.createIndex({ nextAt: 1 });
  if (await open.findOne({ _id: BUILT })) return;
  const docs = await collection<OutboxDoc>(conn, OUTBOX_COLLECTION)
    .find({ status: { $in: [...OPEN_STATUSES] } }, { projection: { nextAt: 1 } })
    .toArray();
  await insertNew(
    open,
    docs.map((d) => ({ _id: d._id, nextAt: d.nextAt })),
  );
  await insertNew(open, [{ _id: BUILT, nextAt: NEVER }]);
}

const toItem = ({ _id, nextAt, ...rest }: OutboxDoc): OutboxItem => ({
  id: _id,
  nextAt: nextAt.toISOString(),
  ...rest,
});

/** `singleWriter`: this process is the database's one writer (embedded FerretDB): guarded updates by _id alone. */
export function createOutboxStore(conn: Connection, o = { singleWriter: false }): OutboxStore {
  const outbox = () => collection<OutboxDoc>(conn, OUTBOX_COLLECTION);
  const open = () => collection<OpenDoc>(conn, OPEN_COLLECTION);
  const guarded = guardedUpdates(o);
  const close = (id: string) => open().deleteOne({ _id: id });

  /** The open records' items, oldest due first; stale records (no item, or a finished one) are dropped on the way. */
  async function openItems(now: Date, o: { dueOnly: boolean; limit: number }): Promise<OutboxItem[]> {
    const records = await open()
      .find({ nextAt: o.dueOnly ? { $lte: now } : { $lt: NEVER } })
      .sort({ nextAt: 1, _id: 1 })
      .limit(o.limit)
      .toArray();
    const out: OutboxItem[] = [];
    for (const r of records) {
      const d = await outbox().findOne({ _id: r._id });
      if (d && OPEN_STATUSES.includes(d.status)) out.push(toItem(d));
      else if (r.nextAt.getTime() < now.getTime() - STALE_MS) await close(r._id);
    }
    return out;
  }

  return {
    async enqueue(items) {
      const docs = items.map(({ id, createdAt, ...i }) => ({
        _id: id,
        ...i,
        createdAt,
        status: 'waiting' as const,
        attempts: 0,
        nextAt: new Date(createdAt),
      }));
      // An id already in the outbox (delivered again) is left as it is; one already finished has no open record
      // and gets one here, which the next look drops.
      await insertNew(
        open(),
        docs.map((d) => ({ _id: d._id, nextAt: d.nextAt })),
      );
      await insertNew(outbox(), docs);
    },
    async due(now, limit) {
      // Items being sent are open too but not due; a few more are read so that a batch stays full.
      const items = await openItems(now, { dueOnly: true, limit: limit * 2 });
      return items.filter((i) => i.status === 'waiting').slice(0, limit);
    },
    async claim(ids, holder, at) {
      const claimedAt = at.toISOString();
      const out: OutboxItem[] = [];
      // One compare-and-set each (an $in would decode every item on FerretDB).
      for (const id of ids) {
        const d = await guarded.updateAndGet(
          outbox(),
          id,
          { status: 'waiting' },
          { $set: { status: 'sending', holder, claimedAt } },
        );
        if (d) out.push(toItem(d));
      }
      return out;
    },
    async finish(ids, holder, outcome) {
      const set =
        outcome.status === 'sent'
          ? { status: outcome.status, sentAt: outcome.at }
          : outcome.status === 'waiting'
            ? { status: outcome.status, nextAt: new Date(outcome.nextAt), lastError: outcome.error }
            : { status: outcome.status, lastError: outcome.error };
      for (const id of ids) {
        // An item another worker marked interrupted meanwhile (this one's lease ran out) still gets its true outcome.
        const done = await guarded.update(
          outbox(),
          id,
          { holder, status: { $in: ['sending', 'interrupted'] } },
          { $set: set, $inc: { attempts: 1 } },
        );
        if (!done) continue;
        if (outcome.status === 'waiting')
          await open().updateOne(
            { _id: id },
            { $set: { nextAt: new Date(outcome.nextAt) } },
            { upsert: true },
          );
        else await close(id);
      }
    },
    async interruptOthers(holder, now) {
      let n = 0;
      // Every open record: few, however long the outbox.
      for (const item of await openItems(now, { dueOnly: false, limit: Number.MAX_SAFE_INTEGER })) {
        if (item.status !== 'sending' || item.holder === holder) continue;
        const guard = { status: 'sending', holder: item.holder };
        if (await guarded.update(outbox(), item.id, guard, { $set: { status: 'interrupted' } })) {
          n++;
          await close(item.id);
        }
      }
      return n;
    },
    async list(q) {
      const docs = await outbox()
        .find(q.status ? { status: q.status } : {})
        .sort({ createdAt: -1, _id: -1 })
        .skip(q.skip)
        .limit(q.limit)
        .toArray();
      return docs.map(toItem);
    },
    async counts() {
      const out = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
      const rows = await outbox()
        .aggregate<{ _id: OutboxStatus; n: number }>([{ $group: { _id: '$status', n: { $sum: 1 } } }])
        .toArray();
      for (const r of rows) out[r._id] = r.n;
      return out;
    },
    async requeue(id, at) {
      // Open before the item changes: a crash between leaves a stale open record, not a lost e-mail.
      await open().updateOne({ _id: id }, { $set: { nextAt: at } }, { upsert: true });
      return guarded.update(
        outbox(),
        id,
        { status: { $in: ['failed', 'interrupted'] } },
        { $set: { status: 'waiting', nextAt: at }, $unset: { holder: '' } },
      );
    },
  };
}
