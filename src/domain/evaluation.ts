// The province's yearly evaluation of a pair in force: activities held against the plan, a rating, notes in both
// languages; MOI reads and comments. Kept beside the agreement; its history records each evaluation's SHA-256.
import { z } from 'zod';

const Notes = z
  .object({ th: z.string().trim().min(1).max(4000), en: z.string().trim().min(1).max(4000) })
  .strict();

export const EvaluationInput = z
  .object({
    /** The year evaluated (Gregorian). */
    year: z.coerce.number().int().min(1990).max(2600),
    activitiesPlanned: z.coerce.number().int().min(0).max(1000),
    activitiesHeld: z.coerce.number().int().min(0).max(1000),
    /** 1 (poor) to 5 (excellent). */
    rating: z.coerce.number().int().min(1).max(5),
    notes: Notes,
  })
  .strict();
export type EvaluationInput = z.infer<typeof EvaluationInput>;

export interface EvaluationComment {
  at: string;
  by: { userId: string; name: string; role: string };
  text: string;
}

export interface Evaluation extends EvaluationInput {
  agreementId: string;
  province: string;
  recordedAt: string;
  recordedBy: { userId: string; name: string };
  comments: EvaluationComment[];
}

/** The year whose evaluation is due on `now`: the calendar year that ended last. */
export const evaluationYearDue = (now: Date): number => now.getUTCFullYear() - 1;
