// The notifications in the API: the bell count, the list (each with its agreement's link, worded in both
// languages), marking read; and the e-mail outbox for admins. Responses are built field by field from their schemas.
import { z } from 'zod';
import { Bilingual } from '../../domain';
import { DomainError } from '../../domain/errors';
import type { Catalogue } from '../../i18n/catalogue';
import type { Notification, OutboxItem } from '../../notifications/ports';
import { OUTBOX_STATUSES } from '../../notifications/ports';
import type { NotificationService } from '../../notifications/service';
import { noticeWords } from '../../notifications/words';
import { apiModule, apiRoute, problem } from './define';
import { API_V1, agreementPath } from './views';

const Page = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    skip: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export const UnreadView = z.object({ unread: z.number().int().min(0) }).strict();

export const NotificationView = z
  .object({
    id: z.string(),
    kind: z.string().describe('waiting, comment, answer, overdue, or a further reminder kind'),
    agreementId: z.string(),
    /** The agreement in the API; the page is the same path without /api/v1. */
    agreement: z.string(),
    title: Bilingual,
    state: z.string(),
    event: z.string().optional(),
    what: Bilingual,
    at: z.string(),
    read: z.boolean(),
  })
  .strict();

export const NotificationList = z
  .object({ unread: z.number().int().min(0), items: z.array(NotificationView), more: z.boolean() })
  .strict();

const NotificationParams = z
  .object({ id: z.string().regex(/^[\w:.-]{1,200}@[0-9a-f]{24}$/, 'a notification id') })
  .strict();

const OutboxParams = z
  .object({ id: z.string().regex(/^[\w:.-]{1,200}@[0-9a-f]{24}$/, 'an outbox id') })
  .strict();

export const OutboxItemView = z
  .object({
    id: z.string(),
    userId: z.string(),
    recipient: z.string().optional(),
    kind: z.enum(['event', 'digest']),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    nextAt: z.string(),
    createdAt: z.string(),
    lastError: z.string().optional(),
    sentAt: z.string().optional(),
  })
  .strict();

export const OutboxView = z
  .object({
    counts: z.record(z.enum(OUTBOX_STATUSES), z.number().int()),
    items: z.array(OutboxItemView),
    more: z.boolean(),
  })
  .strict();

export function notificationView(n: Notification, catalogue: Catalogue): z.infer<typeof NotificationView> {
  return {
    id: n.id,
    kind: n.kind,
    agreementId: n.agreementId,
    agreement: agreementPath(n.agreementId),
    title: n.title,
    state: n.state,
    ...(n.event ? { event: n.event } : {}),
    what: {
      th: noticeWords(n, 'th', catalogue).what,
      en: noticeWords(n, 'en', catalogue).what,
    },
    at: n.at,
    read: n.read,
  };
}

function outboxItemView(i: OutboxItem & { recipient?: string }): z.infer<typeof OutboxItemView> {
  return {
    id: i.id,
    userId: i.userId,
    ...(i.recipient ? { recipient: i.recipient } : {}),
    kind: i.message.kind,
    status: i.status,
    attempts: i.attempts,
    nextAt: i.nextAt,
    createdAt: i.createdAt,
    ...(i.lastError ? { lastError: i.lastError } : {}),
    ...(i.sentAt ? { sentAt: i.sentAt } : {}),
  };
}

export function notificationApi(notifications: NotificationService, catalogue: Catalogue) {
  const unauthenticated = problem('Not signed in, or the token is unknown or revoked');
  return apiModule('api-notifications', API_V1, [
    apiRoute({
      method: 'get',
      path: `${API_V1}/notifications/unread`,
      access: 'login',
      summary: 'The bell: how many of my notifications are unread (kept current, not counted per request)',
      responses: { 200: { description: 'The count', schema: UnreadView }, 401: unauthenticated },
      handle: async ({ actor, res }) => {
        res.json(UnreadView.parse({ unread: await notifications.unreadCount(actor) }));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/notifications`,
      access: 'login',
      summary: 'My notifications, newest first, each with its agreement',
      query: Page,
      responses: { 200: { description: 'A page of them', schema: NotificationList }, 401: unauthenticated },
      handle: async ({ actor, query, res }) => {
        const page = await notifications.list(actor, query);
        res.json({
          unread: page.unread,
          items: page.items.map((n) => notificationView(n, catalogue)),
          more: page.more,
        });
      },
    }),
    apiRoute({
      method: 'post',
      path: `${API_V1}/notifications/:id/read`,
      access: 'login',
      summary: 'Marks one of my notifications read',
      params: NotificationParams,
      responses: {
        200: { description: 'The unread count after', schema: UnreadView },
        401: unauthenticated,
        404: problem('No such notification of mine'),
      },
      handle: async ({ actor, params, res }) => {
        await notifications.open(actor, params.id);
        res.json({ unread: await notifications.unreadCount(actor) });
      },
    }),
    apiRoute({
      method: 'post',
      path: `${API_V1}/notifications/read-all`,
      access: 'login',
      summary: 'Marks all my notifications read',
      responses: {
        200: { description: 'The unread count after (0)', schema: UnreadView },
        401: unauthenticated,
      },
      handle: async ({ actor, res }) => {
        await notifications.markAllRead(actor);
        res.json({ unread: await notifications.unreadCount(actor) });
      },
    }),
    apiRoute({
      method: 'get',
      path: `${API_V1}/notifications/outbox`,
      access: ['admin'],
      summary: 'Admins: the e-mail outbox (waiting, failed and why, interrupted, sent), newest first',
      query: Page.extend({ status: z.enum(OUTBOX_STATUSES).optional() }).strict(),
      responses: {
        200: { description: 'Counts by status and a page of e-mails', schema: OutboxView },
        401: unauthenticated,
        403: problem('Not an admin'),
      },
      handle: async ({ actor, query, res }) => {
        const page = await notifications.outbox(actor, query);
        res.json({ counts: page.counts, items: page.items.map(outboxItemView), more: page.more });
      },
    }),
    apiRoute({
      method: 'post',
      path: `${API_V1}/notifications/outbox/:id/requeue`,
      access: ['admin'],
      summary: 'Admins: send a failed or interrupted e-mail again (an interrupted one may have left already)',
      params: OutboxParams,
      responses: {
        204: { description: 'Queued again' },
        401: unauthenticated,
        403: problem('Not an admin'),
        409: problem('Neither failed nor interrupted'),
      },
      handle: async ({ actor, params, res }) => {
        if (!(await notifications.requeue(actor, params.id)))
          throw new DomainError('conflict', catalogue.bilingual('notifications.outbox.notRequeued'));
        res.status(204).end();
      },
    }),
  ]);
}
