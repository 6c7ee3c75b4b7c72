// The notifications room's records in their own collections: each person's notifications (unique per event and
// person), the unread event ids kept per person (the bell count, never counted per request), and the e-mail outbox.
import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
import type { Connection } from 'mongoose';
import type {
  Notification,
  NotificationStore,
  OutboxItem,
  OutboxStatus,
  OutboxStore,
} from '../notifications/ports';
import { OUTBOX_STATUSES } from '../notifications/ports';
import { isDuplicateKeyError } from './errors';
import { guardedUpdates, type GuardedUpdates } from './guarded';

/** `singleWriter`: this process is the database's one writer (embedded FerretDB): guarded updates by _id alone. */
export interface NotificationStoreOptions {
  singleWriter: boolean;
}

export const NOTIFICATIONS_COLLECTION = 'notifications';
export const UNREAD_COLLECTION = 'notification_unread';
export const OUTBOX_COLLECTION = 'notification_outbox';

type NotificationDoc = Omit<Notification, 'id'> & { _id: string; readAt?: string };
interface UnreadDoc {
  _id: string;
  /** The event ids of the person's unread notifications: the bell count is its length. */
  events: string[];
}
type OutboxDoc = Omit<OutboxItem, 'id' | 'nextAt'> & { _id: string; nextAt: Date };

function collection<T extends Document>(conn: Connection, name: string): Collection<T> {
  const db = conn.db;
  if (!db) throw new Error('the database connection is not open');
  return db.collection<T>(name) as unknown as Collection<T>;
}

const toNotification = ({ _id, readAt: _r, ...rest }: NotificationDoc): Notification => ({
  id: _id,
  ...rest,
});

/**
 * Inserts, leaving documents whose key is taken as they are (an event delivered again); answers the ones inserted
 * now.
 */
async function insertNew<T extends Document & { _id: string }>(c: Collection<T>, docs: T[]): Promise<T[]> {
  if (docs.length === 0) return [];
  try {
    await c.insertMany(docs as never, { ordered: false });
    return docs;
  } catch (e) {
    // The driver gives one write error or a list of them, each with the index of its document.
    const given = (e as { writeErrors?: unknown }).writeErrors;
    const errors: unknown[] = Array.isArray(given) ? given : given ? [given] : [];
    const dup = (x: unknown) => isDuplicateKeyError(x) || isDuplicateKeyError((x as { err?: unknown }).err);
    if (errors.length === 0 || !errors.every(dup)) throw e;
    const taken = new Set(errors.map((x) => (x as { index?: number }).index));
    return docs.filter((_, i) => !taken.has(i));
  }
}

export async function createNotificationIndexes(conn: Connection): Promise<void> {
  // The idempotency key, stated as an index: one notification per event and person.
  await collection(conn, NOTIFICATIONS_COLLECTION).createIndex(
    { eventId: 1, userId: 1 },
    { unique: true, name: 'event_person' },
  );
  await collection(conn, NOTIFICATIONS_COLLECTION).createIndex({ userId: 1, createdAt: -1 });
  await collection(conn, OUTBOX_COLLECTION).createIndex({ status: 1, nextAt: 1 });
}

export function createNotificationStore(
  conn: Connection,
  o: NotificationStoreOptions = { singleWriter: false },
): NotificationStore {
  const notes = () => collection<NotificationDoc>(conn, NOTIFICATIONS_COLLECTION);
  const unread = () => collection<UnreadDoc>(conn, UNREAD_COLLECTION);
  const eventOf = (id: string) => id.slice(0, id.lastIndexOf('@'));
  const guarded = guardedUpdates(o);

  async function markRead(userId: string, ids: readonly string[], at: string): Promise<number> {
    if (ids.length === 0) return 0;
    let marked = 0;
    // One by _id each (an $in with the person's id would decode every notification on FerretDB).
    for (const id of new Set(ids))
      if (await guarded.update(notes(), id, { userId, read: false }, { $set: { read: true, readAt: at } }))
        marked++;
    await unread().updateOne({ _id: userId }, { $pullAll: { events: ids.map(eventOf) } });
    return marked;
  }

  return {
    async add(list) {
      const added = await insertNew(
        notes(),
        list.map(({ id, ...n }) => ({ _id: id, ...n })),
      );
      // Only the ones stored now are counted: one delivered again may have been read meanwhile. $addToSet: counting
      // twice changes nothing. One round trip for everyone. (A crash between the two writes leaves one uncounted
      // until the person's list sets the count again.)
      const ops: AnyBulkWriteOperation<UnreadDoc>[] = added.map((n) => ({
        updateOne: {
          filter: { _id: n.userId },
          update: { $addToSet: { events: n.eventId } },
          upsert: true,
        },
      }));
      if (ops.length > 0) await unread().bulkWrite(ops, { ordered: false });
    },
    async unreadCount(userId) {
      return (await unread().findOne({ _id: userId }))?.events.length ?? 0;
    },
    async get(userId, id) {
      const d = await notes().findOne({ _id: id });
      return d && d.userId === userId ? toNotification(d) : undefined;
    },
    async list(userId, page) {
      const docs = await notes()
        .find({ userId })
        .sort({ createdAt: -1, _id: -1 })
        .skip(page.skip)
        .limit(page.limit)
        .toArray();
      return docs.map(toNotification);
    },
    markRead,
    async markAgreementRead(userId, agreementId, at) {
      const events = (await unread().findOne({ _id: userId }))?.events ?? [];
      const mine = events.filter((e) => e.startsWith(`${agreementId}:`));
      return markRead(
        userId,
        mine.map((e) => `${e}@${userId}`),
        at,
      );
    },
    async markAllRead(userId, at) {
      await notes().updateMany({ userId, read: false }, { $set: { read: true, readAt: at } });
      await unread().updateOne({ _id: userId }, { $set: { events: [] } });
    },
    async recount(userId) {
      const events = (
        await notes()
          .find({ userId, read: false }, { projection: { eventId: 1 } })
          .toArray()
      )
        .map((d) => d.eventId)
        .sort();
      await unread().updateOne({ _id: userId }, { $set: { events } }, { upsert: true });
      return events.length;
    },
    async since(userId, at) {
      const docs = await notes()
        .find({ userId, createdAt: { $gt: at } })
        .sort({ createdAt: 1, _id: 1 })
        .toArray();
      return docs.map(toNotification);
    },
  };
}

const toItem = ({ _id, nextAt, ...rest }: OutboxDoc): OutboxItem => ({
  id: _id,
  nextAt: nextAt.toISOString(),
  ...rest,
});

export function createOutboxStore(
  conn: Connection,
  o: NotificationStoreOptions = { singleWriter: false },
): OutboxStore {
  const outbox = () => collection<OutboxDoc>(conn, OUTBOX_COLLECTION);
  const guarded: GuardedUpdates = guardedUpdates(o);
  return {
    async enqueue(items) {
      await insertNew(
        outbox(),
        items.map(({ id, createdAt, ...i }) => ({
          _id: id,
          ...i,
          createdAt,
          status: 'waiting' as const,
          attempts: 0,
          nextAt: new Date(createdAt),
        })),
      );
    },
    async due(now, limit) {
      const docs = await outbox()
        .find({ status: 'waiting', nextAt: { $lte: now } })
        .sort({ nextAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return docs.map(toItem);
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
      // An item another worker marked interrupted meanwhile (this one's lease ran out) still gets its true outcome.
      for (const id of ids)
        await guarded.update(
          outbox(),
          id,
          { holder, status: { $in: ['sending', 'interrupted'] } },
          { $set: set, $inc: { attempts: 1 } },
        );
    },
    async interruptOthers(holder) {
      const r = await outbox().updateMany(
        { status: 'sending', holder: { $ne: holder } },
        { $set: { status: 'interrupted' } },
      );
      return r.modifiedCount;
    },
    async list(o) {
      const docs = await outbox()
        .find(o.status ? { status: o.status } : {})
        .sort({ createdAt: -1, _id: -1 })
        .skip(o.skip)
        .limit(o.limit)
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
      return guarded.update(
        outbox(),
        id,
        { status: { $in: ['failed', 'interrupted'] } },
        { $set: { status: 'waiting', nextAt: at }, $unset: { holder: '' } },
      );
    },
  };
}
