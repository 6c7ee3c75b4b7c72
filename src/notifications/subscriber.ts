// The notifications subscriber of the door: each event that lands on someone becomes their in-app notification and,
// for those who chose it, an e-mail in the outbox; both keyed by (event, person), so a delivery again changes nothing.
import type { Clock } from '../app/ports';
import type { Subscriber } from '../events/events';
import { occasionOf, recipients } from './audience';
import type {
  AgreementTitles,
  Directory,
  NewOutboxItem,
  Notice,
  Notification,
  NotificationStore,
  OutboxStore,
} from './ports';

export const NOTIFICATIONS_SUBSCRIBER = 'notifications';

export interface SubscriberDeps {
  directory: Directory;
  notifications: NotificationStore;
  outbox: OutboxStore;
  titles: AgreementTitles;
  clock: Clock;
  /** E-mail is on (MOU_SMTP_URL set): waiting e-mails are put in the outbox. */
  mail: boolean;
  /** Events older than this (the door catching up on an old history) tell no one. */
  maxAgeMs: number;
  /** The outbox has new work (the worker sends soon instead of at its next poll). */
  kick?: (ids: readonly string[]) => void;
  /** Waits for a quiet moment of the step path (bounded) before writing: notifications never slow a step. */
  yieldTo?: () => Promise<void>;
  /** Tests only: wait forever before the effect, so a fault test can kill the app there. */
  hold?: () => Promise<void>;
}

export const notificationId = (eventId: string, userId: string) => `${eventId}@${userId}`;

export function notificationsSubscriber(d: SubscriberDeps): Subscriber {
  return {
    name: NOTIFICATIONS_SUBSCRIBER,
    async handle(event) {
      const o = occasionOf(event);
      if (!o) return;
      const now = d.clock.now();
      if (Date.parse(o.at) < now.getTime() - d.maxAgeMs) return;
      const author =
        o.audience === 'comment-author' && o.commentId
          ? await d.titles.commentAuthor(o.agreementId, o.commentId)
          : undefined;
      const told = recipients(o, await d.directory.people(), author);
      if (told.length === 0) return;
      if (d.hold) await d.hold();
      if (d.yieldTo) await d.yieldTo();
      const notice: Notice = {
        kind: o.kind,
        eventId: o.eventId,
        agreementId: o.agreementId,
        province: o.province,
        state: o.state,
        ...(o.event ? { event: o.event } : {}),
        at: o.at,
        title: await d.titles.title(o.agreementId),
      };
      const createdAt = now.toISOString();
      const notifications: Notification[] = told.map((p) => ({
        ...notice,
        id: notificationId(o.eventId, p.id),
        userId: p.id,
        read: false,
        createdAt,
      }));
      await d.notifications.add(notifications);
      if (!d.mail) return;
      const mails: NewOutboxItem[] = told
        .filter((p) => p.email && p.notify === 'each')
        .map((p) => ({
          id: notificationId(o.eventId, p.id),
          userId: p.id,
          message: { kind: 'event', notice },
          createdAt,
        }));
      if (mails.length === 0) return;
      await d.outbox.enqueue(mails);
      d.kick?.(mails.map((m) => m.id));
    },
  };
}
