// What the people and token services need from storage: records by id, username or token hash, never a driver.
import type { Role } from '../domain/roles';
import type { Locale } from '../i18n/catalogue';

export const NOTIFY_CHOICES = ['each', 'daily', 'none'] as const;
export type NotifyChoice = (typeof NOTIFY_CHOICES)[number];

/** A person as stored (with the password hash, which never leaves the users room). */
export interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  province?: string;
  locale: Locale;
  /** Where notifications are e-mailed (validated); none: in-app only. */
  email?: string;
  /** How the person wants to be e-mailed: every event, a daily digest, or not at all. */
  notify: NotifyChoice;
  passwordHash: string;
  disabled: boolean;
  createdAt: Date;
}

export type NewStoredUser = Omit<StoredUser, 'id' | 'createdAt'>;

/** Fields to set, and fields to remove (only the province and the e-mail address can be removed). */
export interface UserUpdate {
  set: Partial<
    Pick<
      StoredUser,
      'displayName' | 'role' | 'province' | 'disabled' | 'passwordHash' | 'locale' | 'email' | 'notify'
    >
  >;
  unsetProvince?: boolean;
  unsetEmail?: boolean;
}

export interface UserStore {
  /** The new user, or 'taken' when the username exists already. */
  insert(user: NewStoredUser): Promise<StoredUser | 'taken'>;
  /** Undefined for an unknown or malformed id. */
  findById(id: string): Promise<StoredUser | undefined>;
  findByUsername(username: string): Promise<StoredUser | undefined>;
  /** Every user, ordered by username. */
  list(): Promise<StoredUser[]>;
  /** The user after the update; undefined when the id is unknown or malformed. */
  update(id: string, update: UserUpdate): Promise<StoredUser | undefined>;
  count(): Promise<number>;
}

export interface StoredToken {
  id: string;
  userId: string;
  name: string;
  /** SHA-256 (hex) of the token. */
  hash: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt?: Date;
  revokedAt?: Date;
}

export interface TokenStore {
  insert(token: Pick<StoredToken, 'userId' | 'name' | 'hash' | 'prefix'>): Promise<StoredToken>;
  /** The user's tokens that are not revoked, newest first (none for a malformed id). */
  listActive(userId: string): Promise<StoredToken[]>;
  /** Revokes one of the user's own live tokens; false when there is none such. */
  revoke(userId: string, tokenId: string, at: Date): Promise<boolean>;
  findByHash(hash: string): Promise<StoredToken | undefined>;
  touch(tokenId: string, at: Date): Promise<void>;
}

/** The stores of one database; services built on the same stores share their identity caches. */
export interface IdentityStores {
  users: UserStore;
  tokens: TokenStore;
}
