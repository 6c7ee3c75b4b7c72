// Personal API tokens: shown once at creation, stored only as a SHA-256 hash, listed, revoked, resolved to a user.
import { createHash, randomBytes } from 'node:crypto';
import { Types, type Connection } from 'mongoose';
import { z } from 'zod';
import { DomainError, notFound } from '../domain/errors';
import { projectCatalogue, type Catalogue } from '../i18n/catalogue';
import { fieldIssues } from '../i18n/zod-issues';
import { sharedCache } from './ttl-cache';
import { userModels, type ApiTokenDoc } from '../storage/users';
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

type StoredToken = ApiTokenDoc & { _id: Types.ObjectId; createdAt: Date };

function view(d: StoredToken): TokenView {
  return {
    id: d._id.toHexString(),
    name: d.name,
    prefix: d.prefix,
    createdAt: d.createdAt,
    ...(d.lastUsedAt ? { lastUsedAt: d.lastUsedAt } : {}),
  };
}

export function createTokenService(
  conn: Connection,
  users: UserService,
  catalogue: Catalogue = projectCatalogue(),
  o: IdentityCacheOptions = {},
): TokenService {
  const { ApiToken } = userModels(conn);
  const missing = () => notFound(catalogue.bilingual('tokens.errors.notFound'));
  // resolve() runs on every API request; a revocation here clears the whole cache.
  const byHash = sharedCache<StoredToken>(conn, 'tokens-by-hash', o.cacheMs);

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
      if (!Types.ObjectId.isValid(userId) || !(await users.findById(userId))) throw missing();
      const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const doc = await ApiToken.create({
        userId: new Types.ObjectId(userId),
        name: parsed.data,
        hash: hashToken(token),
        prefix: `${token.slice(0, TOKEN_PREFIX.length + 4)}…`,
      });
      return { ...view(doc.toObject() as StoredToken), token };
    },

    async list(userId) {
      if (!Types.ObjectId.isValid(userId)) return [];
      const docs = await ApiToken.find({ userId: new Types.ObjectId(userId), revokedAt: { $exists: false } })
        .sort({ createdAt: -1, _id: -1 })
        .lean<StoredToken[]>()
        .exec();
      return docs.map(view);
    },

    async revoke(userId, tokenId) {
      if (!Types.ObjectId.isValid(userId) || !Types.ObjectId.isValid(tokenId)) throw missing();
      const r = await ApiToken.updateOne(
        {
          _id: new Types.ObjectId(tokenId),
          userId: new Types.ObjectId(userId),
          revokedAt: { $exists: false },
        },
        { $set: { revokedAt: new Date() } },
      ).exec();
      byHash.clear();
      if (r.matchedCount === 0) throw missing();
    },

    async resolve(token) {
      if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined;
      const hash = hashToken(token);
      const doc = byHash.get(hash) ?? (await ApiToken.findOne({ hash }).lean<StoredToken>().exec());
      if (!doc || doc.revokedAt) return undefined;
      byHash.set(hash, doc);
      const user = await users.findById(doc.userId.toHexString());
      if (!user || user.disabled) return undefined;
      const now = Date.now();
      if (!doc.lastUsedAt || now - doc.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
        await ApiToken.updateOne({ _id: doc._id }, { $set: { lastUsedAt: new Date(now) } }).exec();
        byHash.set(hash, { ...doc, lastUsedAt: new Date(now) });
      }
      return user;
    },
  };
}
