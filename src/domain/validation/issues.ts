// Helpers for validation rules: collect field issues with bilingual messages, then throw them together.
import type { Bilingual } from '../bilingual';
import { invalid, type FieldIssue } from '../errors';
import type { z } from 'zod';

export function issue(path: string, th: string, en: string): FieldIssue {
  return { path, message: { th, en } };
}

/** Throws one validation-failed error carrying every issue, or returns when there are none. */
export function assertNoIssues(issues: readonly FieldIssue[], summary: Bilingual): void {
  if (issues.length > 0) throw invalid(summary, issues);
}

/** Turns zod issues into field issues; zod's own text becomes the English message. */
export function fromZod(prefix: string, error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.');
    return issue(path, `ข้อมูลไม่ถูกต้อง (${path}): ${i.message}`, `Invalid ${path}: ${i.message}`);
  });
}
