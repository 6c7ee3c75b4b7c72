// The read model of an agreement in lists (registry, queue, API lists): one schema for storage and the API.
import { z } from 'zod';
import { AgreementKind, Bilingual } from '../domain';

export const AgreementSummarySchema = z
  .object({
    id: z.string(),
    province: z.string(),
    kind: AgreementKind,
    title: Bilingual,
    partnerName: Bilingual,
    partnerCountryEn: z.string(),
    state: z.string(),
    stateSince: z.string(),
    updatedAt: z.string(),
    rev: z.number().int(),
    expiresOn: z.string().optional(),
  })
  .strict();
