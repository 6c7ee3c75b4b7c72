// The notifications people see: their bell count and list, read per person (opening one, or the agreement), their
// e-mail unsubscribe without signing in; and, for admins, the outbox. The pages and the API both call these.
import type { Actor } from '../domain/roles';
import { DomainError, notFound } from '../domain/errors';
import type { Catalogue } from '../i18n/catalogue';
import type { NotifyChoice } from '../users/ports';
import type { Clock } from '../app/ports';
import type {
  Directory,
  Notification,
  NotificationStore,
  OutboxItem,
  OutboxStatus,
  OutboxStore,
} from './ports';
import type { UnsubscribeTokens } from './unsubscribe';

export interface NotificationPage {
  items: Notification[];
  unread: number;
  /** There are more, older ones. */
  more: boolean;
}

export interface OutboxPage {
  items: (OutboxItem & { recipient?: string })[];
  counts: Record<OutboxStatus, number>;
  more: boolean;
}

export interface NotificationService {
  /** E-mail is on (MOU_SMTP_URL set). */
  readonly mailOn: boolean;
  unreadCount(actor: Pick<Actor, 'userId'>): Promise<number>;
  /** A page of the person's notifications, newest first; opening the first page sets the kept count again. */
  list(actor: Pick<Actor, 'userId'>, page: { limit: number; skip: number }): Promise<NotificationPage>;
  /** Marks one read and answers it (to go to its agreement); not-found for another person's. */
  open(actor: Pick<Actor, 'userId'>, id: string): Promise<Notification>;
  markRead(actor: Pick<Actor, 'userId'>, ids: readonly string[]): Promise<number>;
  /** The person opened an agreement: what told them about it is read. */
  openedAgreement(actor: Pick<Actor, 'userId'>, agreementId: string): Promise<number>;
  markAllRead(actor: Pick<Actor, 'userId'>): Promise<void>;
  /** Whether an unsubscribe link is genuine, and whose address it stops. */
  checkUnsubscribe(userId: string, token: string): Promise<{ email?: string }>;
  unsubscribe(userId: string, token: string): Promise<void>;
  outbox(actor: Actor, o: { status?: OutboxStatus; limit: number; skip: number }): Promise<OutboxPage>;
  requeue(actor: Actor, id: string): Promise<boolean>;
}

export interface ServiceDeps {
  store: NotificationStore;
  outbox: OutboxStore;
  directory: Directory;
  /** Sets a person's e-mail choice (the users room). */
  setChoice: (userId: string, choice: NotifyChoice) => Promise<void>;
  tokens: UnsubscribeTokens;
  clock: Clock;
  catalogue: Catalogue;
  mailOn: boolean;
  /** New work in the outbox (a requeue). */
  kick?: (ids: readonly string[]) => void;
}

export function createNotificationService(d: ServiceDeps): NotificationService {
  const now = () => d.clock.now().toISOString();
  const missing = () => notFound(d.catalogue.bilingual('notifications.errors.notFound'));
  const badLink = () =>
    new DomainError('not-found', d.catalogue.bilingual('notifications.unsubscribe.invalid'));
  const adminOnly = (actor: Actor) => {
    if (actor.role !== 'admin')
      throw new DomainError('not-allowed', d.catalogue.bilingual('notifications.errors.adminOnly'));
  };

  async function genuine(userId: string, token: string) {
    if (!d.tokens.verify(userId, token)) throw badLink();
    const person = await d.directory.person(userId);
    if (!person) throw badLink();
    return person;
  }

  return {
    mailOn: d.mailOn,
    unreadCount: (actor) => d.store.unreadCount(actor.userId),
    async list(actor, page) {
      const items = await d.store.list(actor.userId, { limit: page.limit + 1, skip: page.skip });
      const counted = new Set(await d.store.unreadEvents(actor.userId));
      // A crash between storing a notification and counting it (or between reading and uncounting) leaves the count
      // off by one: when the newest items show it, the count is made again from the notifications (a filtered read).
      const off = items.some((i) => i.read === counted.has(i.eventId));
      const unread = off ? await d.store.recount(actor.userId) : counted.size;
      return { items: items.slice(0, page.limit), unread, more: items.length > page.limit };
    },
    async open(actor, id) {
      // The id names its person: another person's id is not found without a read.
      if (!id.endsWith(`@${actor.userId}`)) throw missing();
      const found = await d.store.get(actor.userId, id);
      if (!found) throw missing();
      await d.store.markRead(actor.userId, [id], now());
      return { ...found, read: true };
    },
    markRead: (actor, ids) =>
      d.store.markRead(
        actor.userId,
        ids.filter((i) => i.endsWith(`@${actor.userId}`)),
        now(),
      ),
    openedAgreement: (actor, agreementId) => d.store.markAgreementRead(actor.userId, agreementId, now()),
    markAllRead: (actor) => d.store.markAllRead(actor.userId, now()),
    async checkUnsubscribe(userId, token) {
      const p = await genuine(userId, token);
      return p.email ? { email: p.email } : {};
    },
    async unsubscribe(userId, token) {
      await genuine(userId, token);
      await d.setChoice(userId, 'none');
    },
    async outbox(actor, o) {
      adminOnly(actor);
      const [items, counts, people] = await Promise.all([
        d.outbox.list({ ...o, limit: o.limit + 1 }),
        d.outbox.counts(),
        d.directory.people(),
      ]);
      const names = new Map(people.map((p) => [p.id, p.email ?? p.displayName]));
      return {
        items: items.slice(0, o.limit).map((i) => {
          const recipient = names.get(i.userId);
          return recipient ? { ...i, recipient } : i;
        }),
        counts,
        more: items.length > o.limit,
      };
    },
    async requeue(actor, id) {
      adminOnly(actor);
      const ok = await d.outbox.requeue(id, d.clock.now());
      if (ok) d.kick?.([id]);
      return ok;
    },
  };
}
