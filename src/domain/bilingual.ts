// Bilingual text: the one type for every piece of Thai/English text in MOU Engine.
import { z } from 'zod';

/** Longest text we accept in one language of one field (an article rarely passes 5 000 characters). */
export const MAX_TEXT = 20_000;

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR, lone surrogates,
 * U+FFFE/U+FFFF). We refuse them at the edge instead of silently changing the user's text.
 */
const XML_ILLEGAL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasXmlIllegalChars(s: string): boolean {
  return XML_ILLEGAL.test(s);
}

export const Text = z
  .string()
  .max(MAX_TEXT)
  .refine((s) => !hasXmlIllegalChars(s), {
    message: 'contains control characters or unpaired surrogates that a document cannot hold',
  });

export const Bilingual = z.object({ th: Text, en: Text }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

/** Either language may be missing (a quote or a suggested wording in one language only). */
export const PartialBilingual = z.object({ th: Text.optional(), en: Text.optional() }).strict();
export type PartialBilingual = z.infer<typeof PartialBilingual>;

export type Lang = 'th' | 'en';

export function bi(th: string, en: string): Bilingual {
  return { th, en };
}

export function isBlank(t: Bilingual | undefined, lang: Lang): boolean {
  return !t || t[lang].trim() === '';
}
