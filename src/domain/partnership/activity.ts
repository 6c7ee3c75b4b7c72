// An activity of the partnership after signing: an action-plan item (planned) and, once held, its report.
import { z } from 'zod';
import { Bilingual, Text } from '../bilingual';
import { IsoDate } from '../resolution';

export const ACTIVITY_KINDS = [
  'official-visit',
  'exchange-of-officials',
  'youth-exchange',
  'seminar',
  'festival',
  'training',
  'online-meeting',
  'other',
] as const;
export const ActivityKind = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ACTIVITY_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export const ActivityStatus = z.enum(ACTIVITY_STATUSES);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

/** A text both languages of which must be given. */
const Required = z
  .object({
    th: Text.refine((s) => s.trim() !== '', 'is empty'),
    en: Text.refine((s) => s.trim() !== '', 'is empty'),
  })
  .strict();

const Names = z.array(z.string().trim().min(1).max(200)).max(500);

export const Participants = z
  .object({
    thai: z.number().int().min(0).max(1_000_000),
    partner: z.number().int().min(0).max(1_000_000),
    /** Optional names of the participants of each side. */
    names: z.object({ thai: Names.optional(), partner: Names.optional() }).strict().optional(),
  })
  .strict();

/** What a secretary sends to record an activity (a report takes at least kind, title, dates, place, summary, participants). */
export const ActivityInput = z
  .object({
    kind: ActivityKind,
    title: Required,
    start: IsoDate,
    end: IsoDate,
    place: Bilingual,
    summary: Bilingual,
    participants: Participants,
    /** planned, ongoing, done or cancelled; a report of something held is done (the default). */
    status: ActivityStatus.default('done'),
    /** The area of cooperation it serves (an id of the areas catalogue, or the agreement's own word). */
    area: z.string().trim().min(1).max(64).optional(),
    responsibleAgency: Bilingual.optional(),
    /** Budget in Thai baht. */
    budgetThb: z.number().min(0).max(1e12).optional(),
    /** The planned activity (its id) this one fulfils. */
    fulfils: z.string().min(1).max(64).optional(),
    outcomes: Bilingual.optional(),
  })
  .strict()
  .refine((a) => a.start <= a.end, { path: ['end'], message: 'is before the start' });
export type ActivityInput = z.infer<typeof ActivityInput>;

/** An activity as stored, beside the agreement (its own collection); its SHA-256 goes in the agreement's history. */
export interface Activity extends ActivityInput {
  id: string;
  agreementId: string;
  recordedAt: string;
  recordedBy: { userId: string; name: string };
}
