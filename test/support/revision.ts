// A revision that reshuffles the articles of the fixture's draft 1, for the tests of comments and pairing by key.
import type { AgreementContent, AgreementContentInput, Article } from '../../src/domain';

/**
 * Draft 1 has 1 Objective, 2 Areas of Cooperation, 3 Implementation, 4 Entry into Force. The province inserts
 * "Forms of Cooperation" before article 2, moves Entry into Force up to article 2 (renamed and reworded), deletes
 * Implementation and renames and rewrites Areas of Cooperation, so that neither heading nor wording could pair them:
 *   1 Objective (was 1) · 2 Effect and Duration (was 4) · 3 Forms of Cooperation (new) · 4 Fields of Joint Work (was 2)
 * The new article has no key (the service gives it one); `keepKeys: false` drops every key, as an old client would.
 */
export function reshuffled(
  draft1: AgreementContent,
  opts: { keepKeys?: boolean } = {},
): AgreementContentInput {
  const [objective, areas, , entry] = draft1.articles;
  if (!objective || !areas || !entry) throw new Error('draft 1 has four articles');
  const keep = (a: Article): Pick<Article, 'key'> | Record<string, never> =>
    opts.keepKeys === false ? {} : { key: a.key };
  const articles = [
    { ...objective, ...keep(objective), no: 1 },
    {
      ...keep(entry),
      no: 2,
      heading: { th: 'การมีผลและระยะเวลา', en: 'Effect and Duration' },
      text: {
        th: 'บันทึกความเข้าใจนี้เริ่มใช้เมื่อลงนามและใช้ต่อไปห้าปี',
        en: 'This Memorandum takes effect upon signature and remains so for five years.',
      },
    },
    {
      no: 3,
      heading: { th: 'รูปแบบความร่วมมือ', en: 'Forms of Cooperation' },
      text: {
        th: 'ความร่วมมืออาจอยู่ในรูปการแลกเปลี่ยนคณะผู้แทน ข้อมูล และผู้เชี่ยวชาญ',
        en: 'Cooperation may take the form of exchanges of delegations, information and experts.',
      },
    },
    {
      ...keep(areas),
      no: 4,
      heading: { th: 'ขอบเขตงานร่วมกัน', en: 'Fields of Joint Work' },
      text: {
        th: 'เมืองอัจฉริยะ การค้า การท่องเที่ยว การศึกษา วัฒนธรรม และเยาวชน',
        en: 'Smart cities, commerce, visitors, schooling, heritage and young people.',
      },
    },
  ];
  return { ...draft1, articles };
}

/** What the MFA reviewer says about each article of draft 1 (by its number there). */
export const ARTICLE_COMMENTS = [
  { no: 1, en: 'Comment on the objective.' },
  { no: 2, en: 'Comment on the areas of cooperation.' },
  { no: 3, en: 'Comment on the implementation.' },
  { no: 4, en: 'Comment on the entry into force.' },
] as const;
