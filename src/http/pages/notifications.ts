// The notification pages: the list (each item opens its agreement and is read then), "mark all read", the person's
// e-mail settings, the unsubscribe page that needs no sign-in, and the admins' outbox. Opening an agreement reads what
// told the person about it.
import type { Request, Response } from 'express';
import { isDomainError } from '../../domain/errors';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../notifications/ports';
import type { NotificationService } from '../../notifications/service';
import { noticeWords } from '../../notifications/words';
import { NOTIFY_CHOICES } from '../../users/ports';
import { Email, NotifyChoiceInput } from '../../users/service';
import { actorOf } from '../auth/actor';
import { localeError, STATUS_OF } from '../errors';
import { flash } from '../page-locals';
import type { RouteContext, RouteModule } from '../types';
import { field } from '../validate';

const PAGE = 30;

const pageNo = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n < 10_000 ? n : 0;
};

export function notificationPages(notifications: NotificationService): RouteModule {
  return {
    name: 'notification-pages',
    routes: (ctx: RouteContext) => {
      const c = ctx.catalogue;
      const lang = (req: Request) => req.locale ?? 'th';

      async function settingsPage(req: Request, res: Response, status = 200, extra: object = {}) {
        const user = await ctx.users.findById(actorOf(req).userId);
        if (!user) throw localeError(c, 'not-found', 'users.errors.notFound');
        res.setHeader('Cache-Control', 'no-store');
        res.status(status).render('notifications/settings', {
          pageTitle: c.t(lang(req), 'notifications.settings.title'),
          email: user.email ?? '',
          choices: choices(req, user.notify),
          mailOn: notifications.mailOn,
          ...extra,
        });
      }

      const unsubscribeLink = (req: Request) => ({
        linkUser: typeof req.query.u === 'string' ? req.query.u : '',
        linkToken: typeof req.query.t === 'string' ? req.query.t : '',
      });
      const choices = (req: Request, selected: string) =>
        NOTIFY_CHOICES.map((id) => ({
          id,
          checked: id === selected,
          label: c.t(lang(req), `notifications.settings.${id}`),
        }));

      return [
        {
          method: 'get',
          path: '/notifications',
          access: 'login',
          handler: async (req, res) => {
            const p = pageNo(req.query.page);
            const page = await notifications.list(actorOf(req), { limit: PAGE, skip: p * PAGE });
            res.setHeader('Cache-Control', 'no-store');
            res.render('notifications/list', {
              pageTitle: c.t(lang(req), 'notifications.title'),
              // The list set the kept count again: the bell in the header shows the same.
              bell: page.unread,
              items: page.items.map((n) => ({ ...n, ...noticeWords(n, lang(req), c) })),
              next: page.more ? p + 1 : undefined,
            });
          },
        },
        {
          method: 'post',
          path: '/notifications/read-all',
          access: 'login',
          handler: async (req, res) => {
            await notifications.markAllRead(actorOf(req));
            flash(req, { kind: 'success', key: 'notifications.markedAll' });
            res.redirect(303, '/notifications');
          },
        },
        {
          method: 'get',
          path: '/notifications/unsubscribe',
          access: 'public',
          handler: async (req, res) => {
            const link = unsubscribeLink(req);
            const who = await notifications.checkUnsubscribe(link.linkUser, link.linkToken);
            res.setHeader('Cache-Control', 'no-store');
            res.render('notifications/unsubscribe', {
              pageTitle: c.t(lang(req), 'notifications.unsubscribe.title'),
              ...link,
              email: who.email ?? '',
            });
          },
        },
        {
          method: 'post',
          path: '/notifications/unsubscribe',
          access: 'public',
          handler: async (req, res) => {
            const link = { u: field(req.body, 'u'), t: field(req.body, 't') };
            await notifications.unsubscribe(link.u, link.t);
            res.setHeader('Cache-Control', 'no-store');
            res.render('notifications/unsubscribe', {
              pageTitle: c.t(lang(req), 'notifications.unsubscribe.title'),
              done: true,
            });
          },
        },
        {
          method: 'get',
          path: '/notifications/:id',
          access: 'login',
          handler: async (req, res) => {
            const n = await notifications.open(actorOf(req), String(req.params.id));
            res.redirect(303, `/agreements/${encodeURIComponent(n.agreementId)}`);
          },
        },
        {
          method: 'get',
          path: '/account/notifications',
          access: 'login',
          handler: (req, res) => settingsPage(req, res),
        },
        {
          method: 'post',
          path: '/account/notifications',
          access: 'login',
          handler: async (req, res) => {
            const email = field(req.body, 'email').trim();
            const notify = field(req.body, 'notify');
            const form = { email, choices: choices(req, notify) };
            const issues: { path: string; message: string }[] = [];
            const e = email ? Email.safeParse(email) : undefined;
            if (e && !e.success)
              issues.push({
                path: c.t(lang(req), 'notifications.settings.email'),
                message: e.error.issues[0]?.message ?? '',
              });
            const choice = NotifyChoiceInput.safeParse(notify);
            if (!choice.success)
              issues.push({ path: c.t(lang(req), 'notifications.settings.choice'), message: '' });
            try {
              if (issues.length > 0) throw localeError(c, 'validation-failed', 'users.errors.invalid');
              await ctx.users.update(actorOf(req).userId, {
                email: email || null,
                notify: choice.success ? choice.data : 'each',
              });
            } catch (err) {
              if (!isDomainError(err) || err.code !== 'validation-failed') throw err;
              const fields =
                issues.length > 0
                  ? issues
                  : err.issues.map((i) => ({ path: i.path, message: i.message[lang(req)] }));
              await settingsPage(req, res, STATUS_OF[err.code], {
                ...form,
                error: { message: err.userMessage[lang(req)], fields },
              });
              return;
            }
            flash(req, { kind: 'success', key: 'notifications.settings.saved' });
            res.redirect(303, '/account/notifications');
          },
        },
        {
          method: 'get',
          path: '/admin/outbox',
          access: ['admin'],
          handler: async (req, res) => {
            const s = String(req.query.status ?? '');
            const status = (OUTBOX_STATUSES as readonly string[]).includes(s)
              ? (s as OutboxStatus)
              : undefined;
            const p = pageNo(req.query.page);
            const page = await notifications.outbox(actorOf(req), {
              ...(status ? { status } : {}),
              limit: PAGE,
              skip: p * PAGE,
            });
            const l = lang(req);
            res.setHeader('Cache-Control', 'no-store');
            res.render('admin/outbox', {
              pageTitle: c.t(l, 'notifications.outbox.title'),
              mailOn: notifications.mailOn,
              statuses: OUTBOX_STATUSES.map((id) => ({
                id,
                count: page.counts[id],
                current: id === status,
                label: c.t(l, `notifications.outbox.statuses.${id}`),
              })),
              all: status === undefined,
              items: page.items.map((i) => ({
                ...i,
                statusLabel: c.t(l, `notifications.outbox.statuses.${i.status}`),
                what:
                  i.message.kind === 'digest'
                    ? c.t(l, 'notifications.outbox.digestOf', { day: i.message.digest.day })
                    : `${i.message.notice.title[l]} — ${noticeWords(i.message.notice, l, c).what}`,
                error:
                  i.lastError && c.has(l, `notifications.outbox.${i.lastError}`)
                    ? c.t(l, `notifications.outbox.${i.lastError}`)
                    : i.lastError,
                mayRequeue: i.status === 'failed' || i.status === 'interrupted',
              })),
              status: status ?? '',
              next: page.more ? p + 1 : undefined,
            });
          },
        },
        {
          method: 'post',
          path: '/admin/outbox/:id/requeue',
          access: ['admin'],
          handler: async (req, res) => {
            const ok = await notifications.requeue(actorOf(req), String(req.params.id));
            flash(req, {
              kind: ok ? 'success' : 'error',
              key: ok ? 'notifications.outbox.requeued' : 'notifications.outbox.notRequeued',
            });
            res.redirect(303, '/admin/outbox');
          },
        },
        {
          // Opening an agreement reads what told the person about it; the agreement pages answer the request.
          method: 'get',
          path: '/agreements/:id',
          access: 'public',
          handler: async (req, res, next) => {
            if (req.actor) {
              const read = await notifications.openedAgreement(req.actor, String(req.params.id));
              // The bell was read before this route: this page shows it after.
              if (read > 0 && res.locals.bell !== undefined)
                res.locals.bell = Math.max(0, res.locals.bell - read);
            }
            next();
          },
        },
      ];
    },
  };
}
