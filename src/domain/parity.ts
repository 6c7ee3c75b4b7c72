// Parity locks: when one language of an article changes and the other does not, the other is stale until confirmed.
import { z } from 'zod';
import type { AgreementContent, Article } from './agreement';
import { ArticleKey } from './article-key';
import type { FieldIssue } from './errors';

/** The language of an article that has not followed a change to the other one. */
export const StaleMark = z.object({ key: ArticleKey, lang: z.enum(['th', 'en']) }).strict();
export type StaleMark = z.infer<typeof StaleMark>;

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
const changed = (a: Article, b: Article, lang: 'th' | 'en') =>
  norm(a.heading[lang]) !== norm(b.heading[lang]) || norm(a.text[lang]) !== norm(b.text[lang]);

export const markId = (m: StaleMark): string => `${m.key}:${m.lang}`;

/**
 * The stale marks after an edit from `before` to `after`. An article whose Thai changed and English did not has its
 * English marked (and the other way round); a change to the stale language, to both, or a confirmation clears the
 * mark; an article that did not change keeps its marks; a new or removed article has none.
 */
export function staleAfterEdit(
  before: AgreementContent,
  after: AgreementContent,
  previous: readonly StaleMark[],
  confirmed: readonly StaleMark[] = [],
): StaleMark[] {
  const old = new Map(before.articles.map((a) => [a.key, a]));
  const was = new Set(previous.map(markId));
  const ok = new Set(confirmed.map(markId));
  const out: StaleMark[] = [];
  for (const a of after.articles) {
    const b = old.get(a.key);
    if (!b) continue;
    const th = changed(b, a, 'th');
    const en = changed(b, a, 'en');
    for (const lang of ['th', 'en'] as const) {
      const otherLang = lang === 'th' ? 'en' : 'th';
      const self = lang === 'th' ? th : en;
      const other = lang === 'th' ? en : th;
      const mark = { key: a.key, lang };
      // The other language catching up with this one (it was the stale one) marks nothing.
      const catchingUp = was.has(markId({ key: a.key, lang: otherLang }));
      const stale = self ? false : other ? !catchingUp : was.has(markId(mark));
      if (stale && !ok.has(markId(mark))) out.push(mark);
    }
  }
  return out;
}

/** One issue per stale mark, naming the article by its number and the language to check. */
export function staleIssues(content: AgreementContent, marks: readonly StaleMark[]): FieldIssue[] {
  return marks.flatMap((m) => {
    const a = content.articles.find((x) => x.key === m.key);
    if (!a) return [];
    const [th, en] = m.lang === 'en' ? ['อังกฤษ', 'English'] : ['ไทย', 'Thai'];
    const [oth, oen] = m.lang === 'en' ? ['ไทย', 'Thai'] : ['อังกฤษ', 'English'];
    return [
      {
        path: `articles.${a.no - 1}.text.${m.lang}`,
        message: {
          th: `ข้อ ${a.no}: ข้อความภาษา${oth}เปลี่ยนไปแต่ภาษา${th}ไม่ได้เปลี่ยน ขอให้ตรวจสอบภาษา${th}แล้วยืนยันว่าตรงกัน`,
          en: `Article ${a.no}: the ${oen} text changed but the ${en} did not; check the ${en} and confirm it matches`,
        },
      },
    ];
  });
}
