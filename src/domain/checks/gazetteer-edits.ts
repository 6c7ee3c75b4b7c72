// What admins change in the gazetteer: a province's committee and governor's title, and partners they add.
import { z } from 'zod';
import { Bilingual } from '../bilingual';
import type { Gazetteer, GazetteerSide } from './gazetteer';

const Name = Bilingual.refine((b) => b.th.trim() !== '' && b.en.trim() !== '', 'both languages');

export const ProvinceEdit = z
  .object({
    kind: z.literal('province'),
    id: z.string().min(1).max(64),
    /** The body that considers the province's drafts, as the cover memo names it. */
    committee: Name.optional(),
    /** The office that signs for the province. */
    signatory: Name.optional(),
  })
  .strict();

export const PartnerEdit = z
  .object({
    kind: z.literal('partner'),
    /** Lower-case letters, digits and hyphens, from the English name. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/),
    name: Name,
    /** A country of the gazetteer. */
    country: z.string().min(1).max(64),
    nativeName: z.string().max(200).optional(),
    level: Name.optional(),
    signatory: Name.optional(),
    /** Added from a row of an imported list of pairs: an admin confirms its official names (saving it again). */
    unconfirmed: z.boolean().optional(),
  })
  .strict();

export const GazetteerEdit = z.discriminatedUnion('kind', [ProvinceEdit, PartnerEdit]);
export type GazetteerEdit = z.infer<typeof GazetteerEdit>;
export type ProvinceEdit = z.infer<typeof ProvinceEdit>;
export type PartnerEdit = z.infer<typeof PartnerEdit>;

/** A province's committee as admins set it, if they did. */
export function committeeOf(edits: readonly GazetteerEdit[], province: string): Bilingual | undefined {
  return edits.find((e): e is ProvinceEdit => e.kind === 'province' && e.id === province)?.committee;
}

/** The shipped gazetteer with the admins' edits: provinces' signatories changed, partners added or replaced. */
export function withEdits(base: Gazetteer, edits: readonly GazetteerEdit[]): Gazetteer {
  if (edits.length === 0) return base;
  const provinces = new Map(
    edits.filter((e): e is ProvinceEdit => e.kind === 'province').map((e) => [e.id, e]),
  );
  const partners = edits.filter((e): e is PartnerEdit => e.kind === 'partner');
  const added = new Set(partners.map((p) => p.id));
  const sides: GazetteerSide[] = base.sides
    .filter((s) => !added.has(s.id) || s.country === 'thailand')
    .map((s) => {
      const e = provinces.get(s.id);
      return e?.signatory && s.country === 'thailand' ? { ...s, signatory: e.signatory } : s;
    });
  for (const p of partners) {
    sides.push({
      id: p.id,
      name: p.name,
      variants: [],
      country: p.country,
      aliases: { th: [], en: [] },
      ...(p.nativeName ? { nativeName: p.nativeName } : {}),
      ...(p.level ? { level: p.level } : {}),
      ...(p.signatory ? { signatory: p.signatory } : {}),
    });
  }
  return { countries: base.countries, sides };
}
