// The signing record: when and where the agreement was signed, and who signed for each side, in what capacity.
import { z } from 'zod';
import { Bilingual } from './bilingual';
import { Term } from './partnership/term';
import { IsoDate } from './resolution';

/** Signed in one's own right (the governor) or on someone's behalf (a vice-governor for the governor). */
export const SIGNING_CAPACITIES = ['principal', 'on-behalf'] as const;
export const SigningCapacity = z.enum(SIGNING_CAPACITIES);
export type SigningCapacity = z.infer<typeof SigningCapacity>;

export const SigningSignatory = z
  .object({
    name: Bilingual,
    title: Bilingual,
    capacity: SigningCapacity,
    /** Whose behalf, e.g. "Governor of Chiang Mai Province"; required when capacity is on-behalf. */
    onBehalfOf: Bilingual.optional(),
  })
  .strict();
export type SigningSignatory = z.infer<typeof SigningSignatory>;

/** Full powers (หนังสือมอบอำนาจเต็ม) issued by MFA; only for a binding instrument. */
export const FullPowers = z.object({ reference: z.string().min(1).max(200), issuedOn: IsoDate }).strict();
export type FullPowers = z.infer<typeof FullPowers>;

export const Signing = z
  .object({
    date: IsoDate,
    place: Bilingual,
    signatories: z.object({ thai: SigningSignatory, partner: SigningSignatory }).strict(),
    fullPowers: FullPowers.optional(),
    /**
     * The term and notice period the secretary confirms at signing; without it, the one proposed from the text's
     * duration clause is taken (so clients written before terms keep working).
     */
    term: Term.optional(),
  })
  .strict();
export type Signing = z.infer<typeof Signing>;
