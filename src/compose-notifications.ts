// Wires the notifications room: its stores, the door subscriber, the service the pages and API use, and — when
// MOU_SMTP_URL is set (or a test hands a mailer) — the outbox worker with the daily digest.
import { join } from 'node:path';
import type { AgreementRepository, AgreementSummary, Clock } from './app/ports';
import type { Config } from './config';
import type { Subscriber } from './events/events';
import { projectCatalogue } from './i18n/catalogue';
import type { Logger } from './logger';
import { makeDigests } from './notifications/digest';
import { mailRenderer } from './notifications/mail';
import type { Directory, Mailer, Person } from './notifications/ports';
import { createNotificationService, type NotificationService } from './notifications/service';
import { notificationsSubscriber } from './notifications/subscriber';
import { unsubscribeTokens } from './notifications/unsubscribe';
import {
  createMailWorker,
  DEFAULT_WORKER_SETTINGS,
  type MailWorker,
  type WorkerSettings,
} from './notifications/worker';
import { smtpMailer } from './platform/smtp';
import type { Activity } from './platform/activity';
import type { Database } from './storage/connection';
import { createClockCursorStore, createLeaseStore } from './storage/door-stores';
import { createNotificationIndexes, createNotificationStore } from './storage/notification-stores';
import { createOutboxStore, prepareOutbox } from './storage/outbox-store';
import { identityStores } from './storage/users';
import { createUserService, type UserService } from './users/service';

export interface NotificationParts {
  service: NotificationService;
  /** The door subscriber (unless MOU_NOTIFICATIONS=false). */
  subscriber?: Subscriber;
  /** The outbox worker, when e-mail is on. */
  worker?: MailWorker;
}

export interface NotificationOptions {
  config: Config;
  logger?: Logger;
  /** A mailer instead of SMTP from MOU_SMTP_URL (tests). */
  mailer?: Mailer;
  /** The app's address for links (default MOU_PUBLIC_URL, else what main.ts sets once listening). */
  baseUrl?: () => string;
  worker?: Partial<WorkerSettings>;
  /** This instance's name in the worker's lease. */
  holder?: string;
}

const PEOPLE_CACHE_MS = 2_000;
const forever = () => new Promise<never>(() => undefined);

/** The people, read from the users room; the whole list is kept a moment (one read for a burst of events). */
export function directoryOf(users: UserService, clock: Clock): Directory {
  let cached: { at: number; people: Promise<Person[]> } | undefined;
  return {
    people() {
      const now = clock.now().getTime();
      if (!cached || now - cached.at > PEOPLE_CACHE_MS || now < cached.at) {
        const people = users.list();
        cached = { at: now, people };
        people.catch(() => (cached = undefined));
      }
      return cached.people;
    },
    person: (id) => users.findById(id),
  };
}

/** The longest background work waits for a quiet moment before each piece (then it goes, busy or not). */
const YIELD_MAX_MS = 2_000;

export async function composeNotifications(o: {
  activity: Activity;
  connection: Database;
  repository: AgreementRepository;
  summaries: () => Promise<AgreementSummary[]>;
  clock: Clock;
  holder: string;
  /** This process is the database's single writer (the embedded database): guarded updates by _id alone. */
  singleWriter: boolean;
  options?: NotificationOptions;
}): Promise<NotificationParts> {
  const { connection, repository, clock } = o;
  const config = o.options?.config;
  const root = config?.projectRoot;
  const catalogue = projectCatalogue(root);
  const users = createUserService(identityStores(connection), catalogue);
  const directory = directoryOf(users, clock);
  await createNotificationIndexes(connection);
  await prepareOutbox(connection);
  const store = createNotificationStore(connection, { singleWriter: o.singleWriter });
  const outbox = createOutboxStore(connection, { singleWriter: o.singleWriter });
  const n = config?.notifications;
  const mailer =
    o.options?.mailer ??
    (n?.smtpUrl ? smtpMailer({ url: n.smtpUrl, from: n.mailFrom, timeoutMs: 10_000 }) : undefined);
  const tokens = unsubscribeTokens(config?.sessionSecret ?? 'not-configured');
  const logger = o.options?.logger;
  let worker: MailWorker | undefined;
  if (mailer && config && n) {
    const baseUrl = o.options?.baseUrl ?? (() => n.publicUrl ?? `http://${config.host}:${config.port}`);
    worker = createMailWorker({
      outbox,
      directory,
      mailer,
      render: mailRenderer({
        catalogue,
        viewsDir: join(config.projectRoot, 'views'),
        baseUrl,
        from: n.mailFrom,
        unsubscribeToken: tokens.token,
      }),
      leases: createLeaseStore(connection),
      clock,
      holder: o.holder,
      yieldTo: () => o.activity.quiet(YIELD_MAX_MS),
      settings: {
        ...DEFAULT_WORKER_SETTINGS,
        pollMs: n.pollMs,
        retryMs: n.retryMs,
        leaseMs: config.door.leaseMs,
        ...o.options?.worker,
      },
      onRound: (now) =>
        makeDigests(
          {
            directory,
            notifications: store,
            outbox,
            cursors: createClockCursorStore(connection),
            summaries: o.summaries,
            overdueDays: config.overdueDays,
            hour: n.digestHour,
          },
          now,
        ),
      onError: (err, where) =>
        logger?.warn({ err, ...where }, 'notifications: an e-mail was not sent; it is tried again later'),
      ...(n.hold === 'worker' ? { hold: forever } : {}),
    });
  }
  const service = createNotificationService({
    store,
    outbox,
    directory,
    setChoice: async (userId, choice) => void (await users.update(userId, { notify: choice })),
    tokens,
    clock,
    catalogue,
    mailOn: worker !== undefined,
    ...(worker ? { kick: (ids) => worker.kick(ids) } : {}),
  });
  const subscriber =
    config && n?.enabled
      ? notificationsSubscriber({
          directory,
          notifications: store,
          outbox,
          titles: {
            title: async (id) => (await repository.get(id)).workingDraft.title,
            commentAuthor: async (id, commentId) =>
              (await repository.get(id)).comments.find((c) => c.id === commentId)?.author.userId,
          },
          clock,
          yieldTo: () => o.activity.quiet(YIELD_MAX_MS),
          mail: worker !== undefined,
          maxAgeMs: n.maxAgeMs,
          ...(worker ? { kick: (ids) => worker.kick(ids) } : {}),
          ...(n.hold === 'subscriber' ? { hold: forever } : {}),
        })
      : undefined;
  return { service, ...(subscriber ? { subscriber } : {}), ...(worker ? { worker } : {}) };
}
