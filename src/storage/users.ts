// People and their personal API tokens in MongoDB: the mongoose models and the stores the users room asks for.
import { Schema, Types, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { ROLES, type Role } from '../domain/roles';
import { LOCALES, type Locale } from '../i18n/catalogue';
import {
  NOTIFY_CHOICES,
  type IdentityStores,
  type NotifyChoice,
  type StoredToken,
  type StoredUser,
  type TokenStore,
  type UserStore,
} from '../users/ports';
import { isDuplicateKeyError } from './errors';

const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true, trim: true, lowercase: true },
    displayName: { type: String, required: true, trim: true },
    role: { type: String, required: true, enum: ROLES },
    /** Province id from the catalogue; set for secretaries only. */
    province: { type: String, required: false },
    locale: { type: String, required: true, enum: LOCALES, default: 'th' },
    /** Where notifications are e-mailed (validated by the users room). */
    email: { type: String, required: false, trim: true },
    /** every event / daily digest / none; absent on people created before notifications: every event. */
    notify: { type: String, required: false, enum: NOTIFY_CHOICES },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, required: true, default: false },
  },
  { collection: 'users', timestamps: true, strict: 'throw' },
);

const apiTokenSchema = new Schema(
  {
    userId: { type: Schema.Types.ObjectId, required: true, index: true },
    name: { type: String, required: true, trim: true },
    /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
    hash: { type: String, required: true, unique: true },
    /** The first characters of the token, so its owner can recognise it in a list. */
    prefix: { type: String, required: true },
    lastUsedAt: { type: Date, required: false },
    revokedAt: { type: Date, required: false },
  },
  { collection: 'api_tokens', timestamps: true, strict: 'throw' },
);

export type UserDoc = InferSchemaType<typeof userSchema>;
export type ApiTokenDoc = InferSchemaType<typeof apiTokenSchema>;
export type UserModel = Model<UserDoc>;
export type ApiTokenModel = Model<ApiTokenDoc>;

export interface UserModels {
  User: UserModel;
  ApiToken: ApiTokenModel;
}

/** Registers (once per connection) and returns the models. */
export function userModels(conn: Connection): UserModels {
  const User = (conn.models.User as UserModel | undefined) ?? conn.model<UserDoc>('User', userSchema);
  const ApiToken =
    (conn.models.ApiToken as ApiTokenModel | undefined) ??
    conn.model<ApiTokenDoc>('ApiToken', apiTokenSchema);
  return { User, ApiToken };
}

type UserRow = UserDoc & { _id: Types.ObjectId; createdAt: Date };
type TokenRow = ApiTokenDoc & { _id: Types.ObjectId; createdAt: Date };

function toUser(d: UserRow): StoredUser {
  return {
    id: d._id.toHexString(),
    username: d.username,
    displayName: d.displayName,
    role: d.role as Role,
    ...(d.province ? { province: d.province } : {}),
    locale: d.locale as Locale,
    ...(d.email ? { email: d.email } : {}),
    notify: (d.notify ?? 'each') as NotifyChoice,
    passwordHash: d.passwordHash,
    disabled: d.disabled,
    createdAt: d.createdAt,
  };
}

function toToken(d: TokenRow): StoredToken {
  return {
    id: d._id.toHexString(),
    userId: d.userId.toHexString(),
    name: d.name,
    hash: d.hash,
    prefix: d.prefix,
    createdAt: d.createdAt,
    ...(d.lastUsedAt ? { lastUsedAt: d.lastUsedAt } : {}),
    ...(d.revokedAt ? { revokedAt: d.revokedAt } : {}),
  };
}

const validId = (id: string) => Types.ObjectId.isValid(id);

function userStore({ User }: UserModels): UserStore {
  const byId = async (id: string) =>
    validId(id) ? ((await User.findById(id).lean<UserRow>().exec()) ?? undefined) : undefined;
  return {
    async insert(user) {
      try {
        const doc = await User.create(user);
        return toUser(doc.toObject() as UserRow);
      } catch (e) {
        if (isDuplicateKeyError(e)) return 'taken';
        throw e;
      }
    },
    findById: async (id) => {
      const d = await byId(id);
      return d && toUser(d);
    },
    async findByUsername(username) {
      const d = await User.findOne({ username }).lean<UserRow>().exec();
      return d ? toUser(d) : undefined;
    },
    list: async () => (await User.find().sort({ username: 1 }).lean<UserRow[]>().exec()).map(toUser),
    async update(id, { set, unsetProvince, unsetEmail }) {
      if (!validId(id)) return undefined;
      const unset = { ...(unsetProvince ? { province: 1 } : {}), ...(unsetEmail ? { email: 1 } : {}) };
      const d = await User.findByIdAndUpdate(
        id,
        { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
        { returnDocument: 'after' },
      )
        .lean<UserRow>()
        .exec();
      return d ? toUser(d) : undefined;
    },
    count: () => User.countDocuments().exec(),
  };
}

function tokenStore({ ApiToken }: UserModels): TokenStore {
  return {
    async insert(t) {
      const doc = await ApiToken.create({ ...t, userId: new Types.ObjectId(t.userId) });
      return toToken(doc.toObject() as TokenRow);
    },
    async listActive(userId) {
      if (!validId(userId)) return [];
      const docs = await ApiToken.find({ userId: new Types.ObjectId(userId), revokedAt: { $exists: false } })
        .sort({ createdAt: -1, _id: -1 })
        .lean<TokenRow[]>()
        .exec();
      return docs.map(toToken);
    },
    async revoke(userId, tokenId, at) {
      if (!validId(userId) || !validId(tokenId)) return false;
      const r = await ApiToken.updateOne(
        {
          _id: new Types.ObjectId(tokenId),
          userId: new Types.ObjectId(userId),
          revokedAt: { $exists: false },
        },
        { $set: { revokedAt: at } },
      ).exec();
      return r.matchedCount > 0;
    },
    async findByHash(hash) {
      const d = await ApiToken.findOne({ hash }).lean<TokenRow>().exec();
      return d ? toToken(d) : undefined;
    },
    async touch(tokenId, at) {
      await ApiToken.updateOne({ _id: new Types.ObjectId(tokenId) }, { $set: { lastUsedAt: at } }).exec();
    },
  };
}

const storesOf = new WeakMap<Connection, IdentityStores>();

/** The people and token stores of a connection: the same objects on every call, so identity caches are shared. */
export function identityStores(conn: Connection): IdentityStores {
  let s = storesOf.get(conn);
  if (!s) {
    const models = userModels(conn);
    s = { users: userStore(models), tokens: tokenStore(models) };
    storesOf.set(conn, s);
  }
  return s;
}
