// Validates request input with zod at the edge; failures become the domain's validation error (422).
import type { z } from 'zod';
import { DomainError } from '../domain/errors';
import type { Catalogue } from '../i18n/catalogue';
import { fieldIssues } from '../i18n/zod-issues';

export function parseInput<S extends z.ZodType>(schema: S, data: unknown, catalogue: Catalogue): z.output<S> {
  const r = schema.safeParse(data);
  if (!r.success) {
    throw new DomainError(
      'validation-failed',
      catalogue.bilingual('errors.validation-failed.detail'),
      fieldIssues(r.error),
    );
  }
  return r.data;
}

/** A form field as a string ('' when absent or not a string): forms send strings or nothing. */
export function field(body: unknown, name: string): string {
  if (typeof body !== 'object' || body === null) return '';
  const v = (body as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : '';
}
