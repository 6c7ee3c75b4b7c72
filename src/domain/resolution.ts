// Committee resolutions: the provincial committee's decision on a draft, numbered Thai style ("1/2565").
import { z } from 'zod';
import { Bilingual } from './bilingual';

export const RESOLUTION_OUTCOMES = ['approved', 'approved-with-amendments', 'sent-back'] as const;
export const ResolutionOutcome = z.enum(RESOLUTION_OUTCOMES);
export type ResolutionOutcome = z.infer<typeof ResolutionOutcome>;

/** "ครั้งที่ 1/2565": meeting 1 of Buddhist-era year 2565. */
export const MEETING_PATTERN = /^([1-9]\d{0,2})\/(2[4-6]\d{2})$/;

/** A calendar date written YYYY-MM-DD (Gregorian; Thai display adds 543). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'is not a real calendar date',
    },
  );

export const Resolution = z
  .object({
    /** Meeting number and Buddhist-era year, e.g. "1/2565". */
    meeting: z.string().regex(MEETING_PATTERN, 'must look like 1/2565 (meeting/Buddhist-era year)'),
    date: IsoDate,
    outcome: ResolutionOutcome,
    text: Bilingual,
    /** The version the committee considered; filled in by the application when recorded. */
    versionNo: z.number().int().min(1).optional(),
  })
  .strict();
export type Resolution = z.infer<typeof Resolution>;

export function isApproving(outcome: ResolutionOutcome): boolean {
  switch (outcome) {
    case 'approved':
    case 'approved-with-amendments':
      return true;
    case 'sent-back':
      return false;
  }
}

export function parseMeeting(meeting: string): { no: number; yearBE: number } | undefined {
  const m = MEETING_PATTERN.exec(meeting);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { no: Number(m[1]), yearBE: Number(m[2]) };
}

/** Gregorian year + 543 = Buddhist-era year. */
export function buddhistYear(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) + 543;
}
