// Pairs the articles of version N−1 with those of version N (by heading, then by wording), for redline and comparison.
import type { Article } from '../domain/agreement';

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function words(a: Article): Set<string> {
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

/** Map from previous article no to current article no; unmatched articles were removed or added. */
export function alignArticles(
  previous: readonly Article[],
  current: readonly Article[],
): Map<number, number> {
  const match = new Map<number, number>();
  const taken = new Set<number>();
  const pair = (p: Article, c: Article) => {
    match.set(p.no, c.no);
    taken.add(c.no);
  };
  for (const p of previous) {
    const c = current.find(
      (x) =>
        !taken.has(x.no) &&
        (norm(x.heading.en) === norm(p.heading.en) || norm(x.heading.th) === norm(p.heading.th)),
    );
    if (c) pair(p, c);
  }
  const currentWords = new Map(current.map((c) => [c.no, words(c)]));
  for (const p of previous) {
    if (match.has(p.no)) continue;
    const pw = words(p);
    let best: { c: Article; score: number } | undefined;
    for (const c of current) {
      if (taken.has(c.no)) continue;
      const score = overlap(pw, currentWords.get(c.no) ?? new Set());
      if (score >= SIMILAR && (!best || score > best.score)) best = { c, score };
    }
    if (best) pair(p, best.c);
  }
  return match;
}
