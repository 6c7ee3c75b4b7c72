// Gives every article a key: it keeps the one it has, inherits the key of the article it continues, else gets a new one.
import type { AgreementContent, AgreementContentInput, Article, ArticleInput } from './agreement';
import { alignAmong } from './article-alignment';
import { freeKey, type NewArticleKey } from './article-key';
import type { FieldIssue } from './errors';
import { issue } from './validation/issues';

/**
 * Keys for `articles`, against `previous` (the text they continue: the previous version, or the working draft an
 * edit replaces). A key an article already has is kept (a repeated one only by its first holder); an article
 * without one inherits the key of the previous article it aligns with (same heading, or mostly the same words) if
 * no other article holds that key; the rest get `newKey`'s key.
 */
export function keyArticles(
  articles: readonly ArticleInput[],
  previous: readonly Article[] | undefined,
  newKey: NewArticleKey,
): Article[] {
  const taken = new Set<string>();
  const keys = articles.map((a) => {
    if (a.key === undefined || taken.has(a.key)) return undefined;
    taken.add(a.key);
    return a.key;
  });
  if (previous) {
    const free = previous.flatMap((p, i) => (taken.has(p.key) ? [] : [i]));
    const keyless = keys.flatMap((k, i) => (k === undefined ? [i] : []));
    for (const [pi, ci] of alignAmong(previous, articles, free, keyless)) {
      const key = previous[pi]?.key;
      if (key !== undefined && !taken.has(key)) {
        keys[ci] = key;
        taken.add(key);
      }
    }
  }
  return articles.map((a, i) => {
    let key = keys[i];
    if (key === undefined) {
      key = freeKey(newKey(a, i), taken);
      taken.add(key);
    }
    return { ...a, key };
  });
}

export function keyContent(
  content: AgreementContentInput,
  previous: AgreementContent | undefined,
  newKey: NewArticleKey,
): AgreementContent {
  return { ...content, articles: keyArticles(content.articles, previous?.articles, newKey) };
}

/** Two articles of one text may not share a key: the second would take the first one's comments and changes. */
export function articleKeyIssues(content: AgreementContentInput): FieldIssue[] {
  const first = new Map<string, number>();
  const issues: FieldIssue[] = [];
  content.articles.forEach((a, i) => {
    if (a.key === undefined) return;
    const holder = first.get(a.key);
    if (holder === undefined) {
      first.set(a.key, i);
      return;
    }
    issues.push(
      issue(
        `articles.${i}.key`,
        `ข้อ ${i + 1} ใช้รหัสข้อ ${a.key} ซ้ำกับข้อ ${holder + 1} แต่ละข้อต้องมีรหัสของตนเอง (ข้อใหม่ให้เว้นรหัสว่างไว้)`,
        `Article ${i + 1} has the same key (${a.key}) as article ${holder + 1}; each article needs its own key (leave it out for a new article)`,
      ),
    );
  });
  return issues;
}
