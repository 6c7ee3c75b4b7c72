// What the notifications room needs from outside: the people (with their address and choice), its own stores (the
// in-app notifications with their unread counts, the e-mail outbox), a mail transport and the agreements' titles.
import type { Bilingual } from '../domain/bilingual';
import type { Role } from '../domain/roles';
import type { Locale } from '../i18n/catalogue';
import type { NotifyChoice } from '../users/ports';

/** A person as notifications see them. */
export interface Person {
  id: string;
  displayName: string;
  role: Role;
  province?: string;
  locale: Locale;
  email?: string;
  notify: NotifyChoice;
  disabled: boolean;
}

export interface Directory {
  /** Everyone (a short-lived copy is fine: it is read once per event). */
  people(): Promise<Person[]>;
  person(id: string): Promise<Person | undefined>;
}

/** What happened, as data: worded in each reader's language when shown or e-mailed. */
export interface Notice {
  /** waiting (a step landed on the reader's role), comment, answer, overdue, or a further time event's kind. */
  kind: string;
  /** The door event it comes from: `<agreement>:<seq>` or `<agreement>:<kind>:<moment>`. */
  eventId: string;
  agreementId: string;
  province: string;
  /** The agreement's state when it happened. */
  state: string;
  /** The history entry's event (FORWARD_TO_MFA, ADD_COMMENT…), for entry notices. */
  event?: string;
  /** When it happened (the entry's time, or the moment the time event fell due). */
  at: string;
  /** The agreement's title then: the one piece of its text a notification carries. */
  title: Bilingual;
}

/** One person's in-app notification; its id is `<eventId>@<userId>`, unique. */
export interface Notification extends Notice {
  id: string;
  userId: string;
  read: boolean;
  createdAt: string;
}

export interface NotificationStore {
  /** Stores them and counts them unread; one already stored (same event and person) is left as it is. */
  add(notifications: readonly Notification[]): Promise<void>;
  /** The person's unread count, kept current as notifications land and are read (never counted here). */
  unreadCount(userId: string): Promise<number>;
  /** One of the person's notifications by id (undefined for another person's). */
  get(userId: string, id: string): Promise<Notification | undefined>;
  /** Newest first. */
  list(userId: string, page: { limit: number; skip: number }): Promise<Notification[]>;
  /** Marks these of the person's notifications read; answers how many were unread. */
  markRead(userId: string, ids: readonly string[], at: string): Promise<number>;
  /** Marks the person's unread notifications about one agreement read (from the kept count, no query). */
  markAgreementRead(userId: string, agreementId: string, at: string): Promise<number>;
  markAllRead(userId: string, at: string): Promise<void>;
  /** Sets the kept count from the stored notifications again (a crash between the two writes heals here). */
  recount(userId: string): Promise<number>;
  /** The event ids the person's unread count holds (one read by _id). */
  unreadEvents(userId: string): Promise<string[]>;
  /** The person's notifications since a moment, oldest first (the digest). */
  since(userId: string, at: string): Promise<Notification[]>;
}

export const OUTBOX_STATUSES = ['waiting', 'sending', 'sent', 'failed', 'interrupted', 'skipped'] as const;
/**
 * waiting: to be sent (again) from nextAt; sending: claimed by a worker; sent; failed: the server refused it for
 * good; interrupted: the worker died while sending, so it may or may not have left (never sent again by itself);
 * skipped: not sent because the person has no address or chose otherwise by then.
 */
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One overdue agreement in a digest. */
export interface DigestLine {
  agreementId: string;
  title: Bilingual;
  state: string;
  days: number;
  limitDays: number;
}

export interface Digest {
  /** The day it is for (Bangkok date, YYYY-MM-DD). */
  day: string;
  overdue: DigestLine[];
  /** What landed on the person since the previous digest. */
  notices: Notice[];
}

export type OutboxMessage = { kind: 'event'; notice: Notice } | { kind: 'digest'; digest: Digest };

/** An e-mail to send; its id (`<eventId>@<userId>`, `digest:<day>@<userId>`) is unique: enqueued once. */
export interface OutboxItem {
  id: string;
  userId: string;
  message: OutboxMessage;
  status: OutboxStatus;
  attempts: number;
  nextAt: string;
  createdAt: string;
  lastError?: string;
  sentAt?: string;
  holder?: string;
}

export type NewOutboxItem = Pick<OutboxItem, 'id' | 'userId' | 'message' | 'createdAt'>;

export type OutboxOutcome =
  | { status: 'sent'; at: string }
  | { status: 'waiting'; nextAt: string; error: string }
  | { status: 'failed' | 'skipped'; error: string };

export interface OutboxStore {
  /** Adds them as waiting; an id already there (an event delivered again) is left as it is. */
  enqueue(items: readonly NewOutboxItem[]): Promise<void>;
  /** Waiting items due at `now`, oldest first. */
  due(now: Date, limit: number): Promise<OutboxItem[]>;
  /**
   * waiting → sending for `holder` (compare-and-set, by id): answers the ones this call claimed (not those another
   * worker claimed first, or not waiting).
   */
  claim(ids: readonly string[], holder: string, at: Date): Promise<OutboxItem[]>;
  /** sending (by this holder) → the outcome; attempts + 1. */
  finish(ids: readonly string[], holder: string, outcome: OutboxOutcome): Promise<void>;
  /** Items left sending by other holders (a worker that died mid-send) become interrupted; answers how many. */
  interruptOthers(holder: string, now: Date): Promise<number>;
  /** For admins: newest first, optionally of one status. */
  list(o: { status?: OutboxStatus; limit: number; skip: number }): Promise<OutboxItem[]>;
  counts(): Promise<Record<OutboxStatus, number>>;
  /** An admin sends a failed or interrupted item again: back to waiting now. */
  requeue(id: string, at: Date): Promise<boolean>;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the outbox id: the same message keeps the same id. */
  messageId: string;
  headers: Record<string, string>;
}

/** Thrown by a mailer when the server refused the message for good (5xx): not tried again. */
export class PermanentMailError extends Error {}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Lets go of open connections (the worker stopped); a later send opens them again. */
  close?(): void;
}

/** The agreement as a notification shows it. */
export interface AgreementTitles {
  title(agreementId: string): Promise<Bilingual>;
  /** The author (user id) of a comment of the agreement, for answers. */
  commentAuthor(agreementId: string, commentId: string): Promise<string | undefined>;
}
