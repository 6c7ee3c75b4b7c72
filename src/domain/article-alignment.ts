// Pairs the articles of two texts (version N−1 and N, or a version and the working draft): by key, then by wording.
import type { Bilingual } from './bilingual';

/** What alignment reads of an article; the key is missing for old data and for old clients' input. */
export interface AlignableArticle {
  readonly key?: string | undefined;
  readonly heading: Bilingual;
  readonly text: Bilingual;
}

/** Index in `previous` → index in `current`; an index missing on either side was removed or added. */
export type ArticlePairs = Map<number, number>;

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function words(a: AlignableArticle): Set<string> {
  return new Set(
    norm(`${a.heading.en} ${a.text.en}`)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );
}

/** Share of the smaller word set found in the other (0–1). */
function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.min(a.size, b.size);
}

const SIMILAR = 0.5;

// Two blank headings say nothing about two articles being the same one (a new, still empty article would otherwise
// take the identity of any removed article without a heading).
function sameHeading(a: string, b: string): boolean {
  const x = norm(a);
  return x !== '' && x === norm(b);
}

/**
 * The heuristic: same heading (in either language) first, then the most similar wording (at least half the
 * words of the shorter article). Used only where keys cannot say which article is which.
 */
export function alignArticles(
  previous: readonly AlignableArticle[],
  current: readonly AlignableArticle[],
): ArticlePairs {
  const match: ArticlePairs = new Map();
  const taken = new Set<number>();
  const pair = (p: number, c: number) => {
    match.set(p, c);
    taken.add(c);
  };
  previous.forEach((p, pi) => {
    const ci = current.findIndex(
      (x, i) =>
        !taken.has(i) && (sameHeading(x.heading.en, p.heading.en) || sameHeading(x.heading.th, p.heading.th)),
    );
    if (ci >= 0) pair(pi, ci);
  });
  const currentWords = current.map(words);
  previous.forEach((p, pi) => {
    if (match.has(pi)) return;
    const pw = words(p);
    let best: { ci: number; score: number } | undefined;
    currentWords.forEach((cw, ci) => {
      if (taken.has(ci)) return;
      const score = overlap(pw, cw);
      if (score >= SIMILAR && (!best || score > best.score)) best = { ci, score };
    });
    if (best) pair(pi, best.ci);
  });
  return match;
}

/** The heuristic among some articles only (given by index on each side), answered in indexes of the whole lists. */
export function alignAmong(
  previous: readonly AlignableArticle[],
  current: readonly AlignableArticle[],
  previousIndexes: readonly number[],
  currentIndexes: readonly number[],
): ArticlePairs {
  const pick = (list: readonly AlignableArticle[], indexes: readonly number[]) =>
    indexes.flatMap((i) => {
      const a = list[i];
      return a ? [{ i, a }] : [];
    });
  const prev = pick(previous, previousIndexes);
  const cur = pick(current, currentIndexes);
  const pairs: ArticlePairs = new Map();
  const found = alignArticles(
    prev.map((x) => x.a),
    cur.map((x) => x.a),
  );
  for (const [p, c] of found) {
    const pi = prev[p]?.i;
    const ci = cur[c]?.i;
    if (pi !== undefined && ci !== undefined) pairs.set(pi, ci);
  }
  return pairs;
}

/** First index of each key (a repeated key pairs only once). */
function keyIndex(articles: readonly AlignableArticle[]): Map<string, number> {
  const index = new Map<string, number>();
  articles.forEach((a, i) => {
    if (a.key !== undefined && !index.has(a.key)) index.set(a.key, i);
  });
  return index;
}

/** Articles with the same key on both sides: the same article, however its heading and wording changed. */
function pairByKey(
  previous: readonly AlignableArticle[],
  current: readonly AlignableArticle[],
): ArticlePairs {
  const pairs: ArticlePairs = new Map();
  const currentKeys = keyIndex(current);
  for (const [key, pi] of keyIndex(previous)) {
    const ci = currentKeys.get(key);
    if (ci !== undefined) pairs.set(pi, ci);
  }
  return pairs;
}

const unpaired = (length: number, paired: ReadonlySet<number>) =>
  Array.from({ length }, (_, i) => i).filter((i) => !paired.has(i));

/**
 * Keys first; only articles whose key has no counterpart on the other side (or that have no key) are then paired
 * by the heuristic.
 */
export function pairArticles(
  previous: readonly AlignableArticle[],
  current: readonly AlignableArticle[],
): ArticlePairs {
  const pairs = pairByKey(previous, current);
  const rest = alignAmong(
    previous,
    current,
    unpaired(previous.length, new Set(pairs.keys())),
    unpaired(current.length, new Set(pairs.values())),
  );
  for (const [p, c] of rest) pairs.set(p, c);
  return pairs;
}
