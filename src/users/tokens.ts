// Personal API tokens: shown once at creation, stored only as a SHA-256 hash, listed, revoked, resolved to a user.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError, notFound } from '../domain/errors';
import { projectCatalogue, type Catalogue } from '../i18n/catalogue';
import { fieldIssues } from '../i18n/zod-issues';
import { sharedCache } from './ttl-cache';
import type { IdentityStores, StoredToken } from './ports';
import type { IdentityCacheOptions, UserService, UserView } from './service';

const TOKEN_PREFIX = 'mou_';
/** lastUsedAt is refreshed at most this often, so reading with a token does not cost a write each time. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

export const TokenName = z.string().trim().min(1).max(80);

export interface TokenView {
  id: string;
  name: string;
  /** The first characters of the token, e.g. "mou_Ab3x…", to tell tokens apart. */
  prefix: string;
  createdAt: Date;
  lastUsedAt?: Date;
}

export interface CreatedToken extends TokenView {
  /** The full token: give it to the user now; it cannot be shown again. */
  token: string;
}

export interface TokenService {
  create(userId: string, name: string): Promise<CreatedToken>;
  /** The user's tokens that are not revoked, newest first. */
  list(userId: string): Promise<TokenView[]>;
  /** Revokes one of the user's own tokens; not-found when it is not theirs (or already revoked). */
  revoke(userId: string, tokenId: string): Promise<void>;
  /** The enabled user a token belongs to, or undefined for an unknown, revoked or malformed token. */
  resolve(token: string): Promise<UserView | undefined>;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function view(d: StoredToken): TokenView {
  return {
    id: d.id,
    name: d.name,
    prefix: d.prefix,
    createdAt: d.createdAt,
    ...(d.lastUsedAt ? { lastUsedAt: d.lastUsedAt } : {}),
  };
}

export function createTokenService(
  stores: IdentityStores,
  users: UserService,
  catalogue: Catalogue = projectCatalogue(),
  o: IdentityCacheOptions = {},
): TokenService {
  const store = stores.tokens;
  const missing = () => notFound(catalogue.bilingual('tokens.errors.notFound'));
  // resolve() runs on every API request; a revocation here clears the whole cache.
  const byHash = sharedCache<StoredToken>(stores, 'tokens-by-hash', o.cacheMs);

  return {
    async create(userId, name) {
      const parsed = TokenName.safeParse(name);
      if (!parsed.success) {
        throw new DomainError(
          'validation-failed',
          catalogue.bilingual('tokens.errors.invalid'),
          fieldIssues(parsed.error),
        );
      }
      if (!(await users.findById(userId))) throw missing();
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const saved = await store.insert({
        userId,
        name: parsed.data,
        hash: hashToken(token),
        prefix: `${token.slice(0, TOKEN_PREFIX.length + 4)}…`,
      });
      return { ...view(saved), token };
    },

    list: async (userId) => (await store.listActive(userId)).map(view),

    async revoke(userId, tokenId) {
      const revoked = await store.revoke(userId, tokenId, new Date());
      byHash.clear();
      if (!revoked) throw missing();
    },

    async resolve(token) {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
      const hash = hashToken(token);
      const doc = byHash.get(hash) ?? (await store.findByHash(hash));
      if (!doc || doc.revokedAt) return undefined;
      byHash.set(hash, doc);
      const user = await users.findById(doc.userId);
      if (!user || user.disabled) return undefined;
      const now = Date.now();
      if (!doc.lastUsedAt || now - doc.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await store.touch(doc.id, new Date(now));
        byHash.set(hash, { ...doc, lastUsedAt: new Date(now) });
      }
      return user;
    },
  };
}
