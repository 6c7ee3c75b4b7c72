// People who use MOU Engine: create, sign in (argon2), list, change role/province/locale, disable.
import argon2 from 'argon2';
import { z } from 'zod';
import { findProvince } from '../domain/catalogue/provinces';
import { DomainError, notFound } from '../domain/errors';
import { Role, type Actor } from '../domain/roles';
import { projectCatalogue, LOCALES, type Catalogue, type Locale } from '../i18n/catalogue';
import { fieldIssues } from '../i18n/zod-issues';
import {
  NOTIFY_CHOICES,
  type IdentityStores,
  type NotifyChoice,
  type StoredUser,
  type UserUpdate,
} from './ports';
import { sharedCache } from './ttl-cache';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'use 3–40 letters a–z, digits, dot, dash or underscore');
export const Password = z.string().min(8).max(200);
const DisplayName = z.string().trim().min(1).max(120);
/** An e-mail address for notifications: trimmed, at most 254 characters (RFC 5321), in the usual form. */
export const Email = z.string().trim().max(254).pipe(z.email());
export const NotifyChoiceInput = z.enum(NOTIFY_CHOICES);
const Province = z.string().refine((id) => findProvince(id) !== undefined, 'not a province in the catalogue');

export const NewUserInput = z.object({
  username: Username,
  displayName: DisplayName,
  role: Role,
  province: Province.optional(),
  locale: z.enum(LOCALES).optional(),
  email: Email.optional(),
  notify: NotifyChoiceInput.optional(),
  password: Password,
});
export type NewUser = z.input<typeof NewUserInput>;

export const UserChangesInput = z.object({
  displayName: DisplayName.optional(),
  role: Role.optional(),
  /** null removes the province (required when the role becomes anything but secretary). */
  province: Province.nullable().optional(),
  disabled: z.boolean().optional(),
  password: Password.optional(),
  /** null removes the address (no more e-mail; in-app notifications go on). */
  email: Email.nullable().optional(),
  notify: NotifyChoiceInput.optional(),
});
export type UserChanges = z.input<typeof UserChangesInput>;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  province?: string;
  locale: Locale;
  email?: string;
  notify: NotifyChoice;
  disabled: boolean;
  createdAt: Date;
}

/** The acting user as the HTTP layer carries it: the domain's Actor plus their language. */
export interface SessionActor extends Actor {
  locale: Locale;
}

export function toActor(u: UserView): SessionActor {
  return {
    userId: u.id,
    name: u.displayName,
    role: u.role,
    locale: u.locale,
    ...(u.province ? { province: u.province } : {}),
  };
}

function view(d: StoredUser): UserView {
  return {
    id: d.id,
    username: d.username,
    displayName: d.displayName,
    role: d.role,
    ...(d.province ? { province: d.province } : {}),
    locale: d.locale,
    ...(d.email ? { email: d.email } : {}),
    notify: d.notify,
    disabled: d.disabled,
    createdAt: d.createdAt,
  };
}

export interface UserService {
  createUser(input: NewUser): Promise<UserView>;
  /** The user when the password matches and the account is enabled; undefined otherwise (same timing). */
  verifyLogin(username: string, password: string): Promise<UserView | undefined>;
  findById(id: string): Promise<UserView | undefined>;
  findByUsername(username: string): Promise<UserView | undefined>;
  /** Every user, ordered by username. */
  list(): Promise<UserView[]>;
  update(id: string, changes: UserChanges): Promise<UserView>;
  setLocale(id: string, locale: Locale): Promise<void>;
  count(): Promise<number>;
}

export interface IdentityCacheOptions {
  /** How long a look-up is remembered (default IDENTITY_CACHE_MS). */
  cacheMs?: number;
}

export function createUserService(
  stores: IdentityStores,
  catalogue: Catalogue = projectCatalogue(),
  o: IdentityCacheOptions = {},
): UserService {
  const store = stores.users;
  let dummyHash: Promise<string> | undefined;
  const invalid = (e: z.ZodError) =>
    new DomainError('validation-failed', catalogue.bilingual('users.errors.invalid'), fieldIssues(e));
  const missing = () => notFound(catalogue.bilingual('users.errors.notFound'));

  function checkProvince(role: Role, province: string | undefined): void {
    if (role === 'secretary' && !province) {
      throw new DomainError('validation-failed', catalogue.bilingual('users.errors.provinceRequired'), [
        { path: 'province', message: catalogue.bilingual('users.errors.provinceRequired') },
      ]);
    }
  }

  const load = (id: string) => store.findById(id);

  // findById runs on every signed-in request; changes made through this service clear their entry.
  const byId = sharedCache<UserView>(stores, 'users-by-id', o.cacheMs);

  return {
    async createUser(input) {
      const parsed = NewUserInput.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error);
      const u = parsed.data;
      checkProvince(u.role, u.province);
      const saved = await store.insert({
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        ...(u.role === 'secretary' && u.province ? { province: u.province } : {}),
        locale: u.locale ?? 'th',
        ...(u.email ? { email: u.email } : {}),
        notify: u.notify ?? 'each',
        passwordHash: await argon2.hash(u.password, { type: argon2.argon2id }),
        disabled: false,
      });
      if (saved === 'taken') {
        throw new DomainError(
          'conflict',
          catalogue.bilingual('users.errors.usernameTaken', { username: u.username }),
        );
      }
      return view(saved);
    },

    async verifyLogin(username, password) {
      const name = Username.safeParse(username);
      const found = name.success ? await store.findByUsername(name.data) : undefined;
      if (!found) {
        // Spend the same time as a real check, so response times do not reveal which usernames exist.
        dummyHash ??= argon2.hash('not-a-real-password', { type: argon2.argon2id });
        await argon2.verify(await dummyHash, password).catch(() => false);
        return undefined;
      }
      const ok = await argon2.verify(found.passwordHash, password).catch(() => false);
      return ok && !found.disabled ? view(found) : undefined;
    },

    async findById(id) {
      const hit = byId.get(id);
      if (hit) return { ...hit };
      const d = await load(id);
      if (!d) return undefined;
      const v = view(d);
      byId.set(id, v);
      return { ...v };
    },

    async findByUsername(username) {
      const name = Username.safeParse(username);
      if (!name.success) return undefined;
      const d = await store.findByUsername(name.data);
      return d ? view(d) : undefined;
    },

    list: async () => (await store.list()).map(view),

    async update(id, changes) {
      const parsed = UserChangesInput.safeParse(changes);
      if (!parsed.success) throw invalid(parsed.error);
      const c = parsed.data;
      byId.delete(id);
      const current = await load(id);
      if (!current) throw missing();
      const role = c.role ?? current.role;
      const province = c.province === null ? undefined : (c.province ?? current.province ?? undefined);
      checkProvince(role, province);
      const set: UserUpdate['set'] = {};
      if (c.displayName !== undefined) set.displayName = c.displayName;
      if (c.role !== undefined) set.role = c.role;
      const keepsProvince = role === 'secretary' && province !== undefined;
      if (keepsProvince) set.province = province;
      if (c.disabled !== undefined) set.disabled = c.disabled;
      if (c.email) set.email = c.email;
      if (c.notify !== undefined) set.notify = c.notify;
      if (c.password !== undefined)
        set.passwordHash = await argon2.hash(c.password, { type: argon2.argon2id });
      const updated = await store.update(id, {
        set,
        unsetProvince: !keepsProvince,
        unsetEmail: c.email === null,
      });
      byId.delete(id);
      if (!updated) throw missing();
      return view(updated);
    },

    async setLocale(id, locale) {
      const updated = await store.update(id, { set: { locale } });
      byId.delete(id);
      if (!updated) throw missing();
    },

    count: () => store.count(),
  };
}
