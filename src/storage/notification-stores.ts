// The notifications room's in-app records in their own collections: each person's notifications (unique per event
// and person) and the unread event ids kept per person (the bell count, never counted per request). The e-mail
// outbox is in outbox-store.ts.
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Connection } from 'mongoose';
import type { Notification, NotificationStore } from '../notifications/ports';
import { collection, insertNew } from './collections';
import { guardedUpdates } from './guarded';

/** `singleWriter`: this process is the database's one writer (embedded FerretDB): guarded updates by _id alone. */
export interface NotificationStoreOptions {
  singleWriter: boolean;
}

export const NOTIFICATIONS_COLLECTION = 'notifications';
export const UNREAD_COLLECTION = 'notification_unread';

type NotificationDoc = Omit<Notification, 'id'> & { _id: string; readAt?: string };
interface UnreadDoc {
  _id: string;
  /** The event ids of the person's unread notifications: the bell count is its length. */
  events: string[];
}

const toNotification = ({ _id, readAt: _r, ...rest }: NotificationDoc): Notification => ({
  id: _id,
  ...rest,
});

export async function createNotificationIndexes(conn: Connection): Promise<void> {
  // The idempotency key, stated as an index: one notification per event and person.
  await collection(conn, NOTIFICATIONS_COLLECTION).createIndex(
    { eventId: 1, userId: 1 },
    { unique: true, name: 'event_person' },
  );
  await collection(conn, NOTIFICATIONS_COLLECTION).createIndex({ userId: 1, createdAt: -1 });
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
    async unreadEvents(userId) {
      return (await unread().findOne({ _id: userId }))?.events ?? [];
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
