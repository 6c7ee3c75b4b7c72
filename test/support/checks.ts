// Helpers for tests of the pre-review checks: a cleared text with one article changed, and findings by rule.
import type { AgreementContent, Bilingual } from '../../src/domain';
import { derivedArticleKey } from '../../src/domain/article-key';
import { checkContent, type Finding } from '../../src/domain/checks';
import { chiangMaiSejong } from './fixtures';

export const cleared = (): AgreementContent => structuredClone(chiangMaiSejong().draft2);

/** Draft 2 with one more article (number 10) holding `text` (and `heading`). */
export function withArticle(
  text: Bilingual,
  heading: Bilingual = { th: 'ความร่วมมืออื่น', en: 'Other Cooperation' },
) {
  const c = cleared();
  const no = c.articles.length + 1;
  c.articles.push({ no, key: derivedArticleKey('test-article', no), heading, text });
  return c;
}

export const findingsOf = (c: AgreementContent, rule?: string): Finding[] =>
  checkContent(c).filter((f) => rule === undefined || f.rule === rule);

export const errorsOf = (c: AgreementContent): Finding[] =>
  checkContent(c).filter((f) => f.severity === 'error');

/** Findings of `rule` on the added article 10. */
export const onAdded = (c: AgreementContent, rule: string): Finding[] =>
  findingsOf(c, rule).filter((f) => f.anchor.kind === 'article' && f.anchor.no === c.articles.length);
