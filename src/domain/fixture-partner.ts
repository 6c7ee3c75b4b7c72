// Reads a partner-text file (fixtures/*-<lang>.json: the partner's text of a story's draft 2, article by number).
import { z } from 'zod';
import type { AgreementContent } from './agreement';
import { DomainError } from './errors';
import type { FixtureStory } from './fixture';
import { PartnerText, partnerTextProblems } from './partner-text';

export const PartnerTextFile = z.object({
  about: z.string().optional(),
  lang: z.string(),
  language: z.object({ th: z.string(), en: z.string(), native: z.string() }),
  parties: z.object({
    thai: z.object({ name: z.string(), country: z.string(), signatory: z.string() }),
    partner: z.object({ name: z.string(), country: z.string(), signatory: z.string() }),
  }),
  title: z.string(),
  preamble: z.string(),
  articles: z.array(z.object({ no: z.number().int(), heading: z.string(), text: z.string() })),
  closing: z.string().optional(),
});

/** `content` with the partner's text of `json` attached, its articles found by number; refused when it does not fit. */
export function withPartnerText(content: AgreementContent, json: unknown): AgreementContent {
  const file = PartnerTextFile.safeParse(json);
  if (!file.success) throw refused(file.error);
  const f = file.data;
  const missing = f.articles.filter((a) => !content.articles.some((x) => x.no === a.no));
  if (missing.length > 0)
    throw new DomainError('invalid-input', {
      th: `ข้อความภาษาของคู่ภาคีมีข้อ ${missing.map((a) => a.no).join(', ')} ที่ร่างนี้ไม่มี`,
      en: `The partner's text has article ${missing.map((a) => a.no).join(', ')}, which this draft does not have`,
    });
  const parsed = PartnerText.safeParse({
    lang: f.lang,
    language: f.language,
    parties: f.parties,
    title: f.title,
    preamble: f.preamble,
    articles: f.articles.map((a) => ({
      key: content.articles.find((x) => x.no === a.no)?.key,
      heading: a.heading,
      text: a.text,
    })),
    ...(f.closing !== undefined ? { closing: f.closing } : {}),
  });
  if (!parsed.success) throw refused(parsed.error);
  const problems = partnerTextProblems(parsed.data, content.articles);
  if (problems[0]) throw new DomainError('invalid-input', problems[0]);
  return { ...content, partnerText: parsed.data };
}

function refused(error: z.ZodError): DomainError {
  const where = error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  return new DomainError('invalid-input', {
    th: `ข้อความภาษาของคู่ภาคีไม่ครบหรือไม่ถูกต้อง (${where})`,
    en: `The partner's text is incomplete or invalid (${where})`,
  });
}

/** The story with the partner's text on its draft 2 (the text the partner agrees; draft 1 stays bilingual). */
export function storyWithPartnerText(story: FixtureStory, json: unknown): FixtureStory {
  return { ...story, draft2: withPartnerText(story.draft2, json) };
}
