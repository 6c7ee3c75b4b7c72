// The mongoose schema of the agreements collection: one document per agreement, with list fields denormalised.
import { Schema, type Connection, type InferSchemaType, type Model } from 'mongoose';

const BilingualSchema = new Schema(
  { th: { type: String, default: '' }, en: { type: String, default: '' } },
  { _id: false },
);

export const agreementSchema = new Schema(
  {
    _id: { type: String, required: true },
    province: { type: String, required: true },
    // Denormalised from the working draft, for lists and filters.
    kind: { type: String, required: true },
    title: { type: BilingualSchema, required: true },
    partnerName: { type: BilingualSchema, required: true },
    // Not `required`: mongoose refuses '' for a required string, and a first draft may not name the country yet.
    partnerCountryEn: { type: String, default: '' },
    // Workflow.
    state: { type: String, required: true },
    stateSince: { type: String, required: true },
    round: { type: Number, required: true },
    rev: { type: Number, required: true },
    machineVersion: { type: Number, required: true },
    snapshot: { type: Schema.Types.Mixed, required: true },
    flags: {
      needsCabinetApproval: { type: Boolean, required: true },
      needsFullPowers: { type: Boolean, required: true },
    },
    // Content and records; validated by the domain's zod schemas on the way in and out.
    workingDraft: { type: Schema.Types.Mixed, required: true },
    versions: { type: [Schema.Types.Mixed], default: [] },
    comments: { type: [Schema.Types.Mixed], default: [] },
    resolutions: { type: [Schema.Types.Mixed], default: [] },
    history: { type: [Schema.Types.Mixed], default: [] },
    signing: { type: Schema.Types.Mixed, required: false },
    term: { type: Schema.Types.Mixed, required: false },
    // Denormalised from the term, for the queue's expiry lists.
    expiresOn: { type: String, required: false },
    // Parity locks of the working draft; absent on agreements saved before they existed.
    stale: { type: [Schema.Types.Mixed], default: undefined },
    // Text hashes of the articles MFA cleared (set by GIVE_NO_OBJECTION): "cleared before" on other review pages.
    cleared: { type: [String], default: undefined },
    // ISO-8601 UTC strings from the injected clock: they sort as text.
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
  },
  {
    collection: 'agreements',
    // Keep empty objects (an XState snapshot has `historyValue: {}`), and no mongoose version key: `rev` is ours.
    minimize: false,
    versionKey: false,
    strict: 'throw',
  },
);

agreementSchema.index({ province: 1, updatedAt: -1 });
agreementSchema.index({ state: 1, updatedAt: -1 });
agreementSchema.index({ kind: 1 });
agreementSchema.index({ cleared: 1 });
agreementSchema.index({ partnerCountryEn: 1 });
agreementSchema.index({ updatedAt: -1, _id: 1 });

export type AgreementDoc = InferSchemaType<typeof agreementSchema>;

/** The model on the given connection (never on mongoose's global default connection). */
export function agreementModel(conn: Connection): Model<AgreementDoc> {
  const existing = conn.models.Agreement as Model<AgreementDoc> | undefined;
  return existing ?? conn.model<AgreementDoc>('Agreement', agreementSchema);
}
