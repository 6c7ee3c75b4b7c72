// Admin pages for people: list, create, change name/role/province/password, disable or enable.
import type { Request, Response } from 'express';
import { PROVINCES } from '../../domain/catalogue/provinces';
import { isDomainError, type DomainError } from '../../domain/errors';
import { ROLES } from '../../domain/roles';
import type { Locale } from '../../i18n/catalogue';
import { NewUserInput, UserChangesInput } from '../../users/service';
import { actorOf } from '../auth/actor';
import { localeError, STATUS_OF } from '../errors';
import { flash } from '../page-locals';
import type { RouteContext, RouteModule } from '../types';
import { field, parseInput } from '../validate';

const collator = { th: new Intl.Collator('th'), en: new Intl.Collator('en') };

function provinceOptions(locale: Locale, selected: string) {
  return PROVINCES.map((p) => ({ id: p.id, label: p.name[locale], selected: p.id === selected })).sort(
    (a, b) => collator[locale].compare(a.label, b.label),
  );
}

function roleOptions(selected: string) {
  return ROLES.map((r) => ({ id: r, selected: r === selected }));
}

/** Errors the admin can fix in the form are shown on the form; anything else goes to the error page. */
function formErrors(
  e: unknown,
  locale: Locale,
): { status: number; message: string; fields: { path: string; message: string }[] } {
  if (!isDomainError(e) || (e.code !== 'validation-failed' && e.code !== 'conflict')) throw e;
  const d: DomainError = e;
  return {
    status: STATUS_OF[d.code],
    message: d.userMessage[locale],
    fields: d.issues.map((i) => ({ path: i.path, message: i.message[locale] })),
  };
}

function formInput(body: unknown) {
  const province = field(body, 'province');
  return {
    displayName: field(body, 'displayName'),
    role: field(body, 'role'),
    province: province || undefined,
    password: field(body, 'password'),
    email: field(body, 'email').trim(),
  };
}

export const adminUserRoutes: RouteModule = {
  name: 'admin-users',
  mount: '/admin',
  routes: (ctx: RouteContext) => {
    const t = (req: Request, key: string) => ctx.catalogue.t(req.locale ?? 'th', key);

    async function listPage(req: Request, res: Response, status = 200, extra: Record<string, unknown> = {}) {
      const locale = req.locale ?? 'th';
      const form = (extra.form as { role?: string; province?: string } | undefined) ?? {};
      res.status(status).render('admin/users', {
        pageTitle: t(req, 'admin.users.title'),
        users: await ctx.users.list(),
        roles: roleOptions(form.role ?? 'secretary'),
        provinces: provinceOptions(locale, form.province ?? ''),
        ...extra,
      });
    }

    async function editPage(
      req: Request,
      res: Response,
      id: string,
      status = 200,
      extra: Record<string, unknown> = {},
    ) {
      const user = await ctx.users.findById(id);
      if (!user) throw localeError(ctx.catalogue, 'not-found', 'users.errors.notFound');
      res.status(status).render('admin/user-edit', {
        pageTitle: t(req, 'admin.users.editTitle'),
        user,
        isSelf: user.id === actorOf(req).userId,
        roles: roleOptions(user.role),
        provinces: provinceOptions(req.locale ?? 'th', user.province ?? ''),
        ...extra,
      });
    }

    return [
      { method: 'get', path: '/users', access: ['admin'], handler: (req, res) => listPage(req, res) },
      {
        method: 'post',
        path: '/users',
        access: ['admin'],
        handler: async (req, res) => {
          const input = {
            ...formInput(req.body),
            username: field(req.body, 'username'),
            locale: field(req.body, 'locale') || 'th',
          };
          const { email, ...rest } = input;
          const create = { ...rest, ...(email ? { email } : {}) };
          try {
            const u = await ctx.users.createUser(parseInput(NewUserInput, create, ctx.catalogue));
            flash(req, { kind: 'success', key: 'admin.users.created', params: { username: u.username } });
            res.redirect(303, '/admin/users');
          } catch (e) {
            const err = formErrors(e, req.locale ?? 'th');
            await listPage(req, res, err.status, { form: { ...input, password: '' }, error: err });
          }
        },
      },
      {
        method: 'get',
        path: '/users/:id',
        access: ['admin'],
        handler: (req, res) => editPage(req, res, String(req.params.id)),
      },
      {
        method: 'post',
        path: '/users/:id',
        access: ['admin'],
        handler: async (req, res) => {
          const id = String(req.params.id);
          const input = formInput(req.body);
          const changes = {
            displayName: input.displayName,
            role: input.role,
            province: input.province ?? null,
            email: input.email || null,
            ...(input.password ? { password: input.password } : {}),
          };
          if (id === actorOf(req).userId && input.role !== 'admin')
            throw localeError(ctx.catalogue, 'not-allowed', 'admin.users.notSelf');
          try {
            await ctx.users.update(id, parseInput(UserChangesInput, changes, ctx.catalogue));
            flash(req, { kind: 'success', key: 'admin.users.saved' });
            res.redirect(303, `/admin/users/${encodeURIComponent(id)}`);
          } catch (e) {
            const err = formErrors(e, req.locale ?? 'th');
            await editPage(req, res, id, err.status, { error: err });
          }
        },
      },
      {
        method: 'post',
        path: '/users/:id/disabled',
        access: ['admin'],
        handler: async (req, res) => {
          const id = String(req.params.id);
          const disabled = field(req.body, 'disabled') === 'true';
          // An admin cannot lock themselves out.
          if (id === actorOf(req).userId)
            throw localeError(ctx.catalogue, 'not-allowed', 'admin.users.notSelf');
          await ctx.users.update(id, { disabled });
          flash(req, {
            kind: 'success',
            key: disabled ? 'admin.users.disabledDone' : 'admin.users.enabledDone',
          });
          res.redirect(303, '/admin/users');
        },
      },
    ];
  },
};
