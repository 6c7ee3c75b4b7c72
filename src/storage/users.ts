// Mongoose models for people and their personal API tokens, bound to the app's one connection.
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';
import { ROLES } from '../domain/roles';
import { LOCALES } from '../i18n/catalogue';

const userSchema = new Schema(
  {
    username: { type: String, required: true, unique: true, trim: true, lowercase: true },
    displayName: { type: String, required: true, trim: true },
    role: { type: String, required: true, enum: ROLES },
    /** Province id from the catalogue; set for secretaries only. */
    province: { type: String, required: false },
    locale: { type: String, required: true, enum: LOCALES, default: 'th' },
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
