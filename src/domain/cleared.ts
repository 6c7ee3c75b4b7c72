// "Cleared before": an article whose text, in both languages, is word for word one MFA has already cleared.
import { createHash } from 'node:crypto';
import type { Article } from './agreement';

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The identity of an article's text in both languages (whitespace aside); headings and numbers do not count. */
export function articleTextHash(a: Pick<Article, 'text'>): string {
  return createHash('sha256')
    .update(`${norm(a.text.th)}\u0000${norm(a.text.en)}`)
    .digest('hex')
    .slice(0, 32);
}
