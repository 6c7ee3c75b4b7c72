// Turns zod's validation issues into the domain's bilingual field issues (zod ships Thai and English messages).
import { z } from 'zod';
import type { FieldIssue } from '../domain/errors';

const thai = z.locales.th().localeError;

function thaiMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') return issue.message;
  const m = thai(issue as Parameters<typeof thai>[0]);
  if (typeof m === 'string') return m;
  return m?.message ?? issue.message;
}

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: { th: thaiMessage(i), en: i.message },
  }));
}
