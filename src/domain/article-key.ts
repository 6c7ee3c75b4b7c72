// Article keys: the short stable identity of an article, which survives renumbering, moves and new versions.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** "a-" and 8–12 url-safe characters: short enough for a hidden form field, never a number a reader could confuse. */
export const ARTICLE_KEY_PATTERN = /^a-[A-Za-z0-9_-]{8,12}$/;

export const ArticleKey = z
  .string()
  .regex(ARTICLE_KEY_PATTERN, 'must be an article key: "a-" followed by 8 to 12 letters, digits, "_" or "-"');
export type ArticleKey = z.infer<typeof ArticleKey>;

/**
 * Where the key of an article that has none comes from. The domain never draws random numbers: the caller passes a
 * generator (tests pass a counter; the app derives keys from data it already holds), so the same input gives the
 * same keys.
 */
export type NewArticleKey = (article: { readonly no: number }, index: number) => string;

/** A key derived from its parts: the same parts always give the same key. */
export function derivedArticleKey(...parts: readonly (string | number)[]): string {
  const digest = createHash('sha256').update(parts.map(String).join('\u001f')).digest('base64url');
  return `a-${digest.slice(0, 10)}`;
}

/** Fresh keys derived from a seed and the article's place in the content being keyed. */
export function seededArticleKeys(seed: string): NewArticleKey {
  return (_article, index) => derivedArticleKey(seed, index);
}

/** The generator's key, or a key derived from it until one is free (a generator may repeat itself). */
export function freeKey(candidate: string, taken: ReadonlySet<string>): string {
  let key = candidate;
  for (let n = 1; taken.has(key); n++) key = derivedArticleKey(candidate, n);
  return key;
}
