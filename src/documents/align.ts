// Pairs the articles of version N−1 with those of version N (redline, comparison): by key, then by heading or wording.
import type { Article } from '../domain/agreement';
import { pairArticles } from '../domain/article-alignment';

/** Each previous article's key → the current article it became; a key missing from the map was removed. */
export function counterparts(
  previous: readonly Article[],
  current: readonly Article[],
): Map<string, Article> {
  const out = new Map<string, Article>();
  for (const [pi, ci] of pairArticles(previous, current)) {
    const p = previous[pi];
    const c = current[ci];
    if (p && c) out.set(p.key, c);
  }
  return out;
}
