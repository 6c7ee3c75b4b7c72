// Rules for a draft's content: what must be there before the committee (and anyone after it) sees it.
import type { AgreementContent } from '../agreement';
import { isBlank, type Bilingual, type Lang } from '../bilingual';
import type { FieldIssue } from '../errors';
import { issue } from './issues';

const LANG_NAME: Record<Lang, Bilingual> = {
  th: { th: 'ภาษาไทย', en: 'Thai' },
  en: { th: 'ภาษาอังกฤษ', en: 'English' },
};

function bothLanguages(path: string, label: Bilingual, t: Bilingual | undefined): FieldIssue[] {
  return (['th', 'en'] as const)
    .filter((lang) => isBlank(t, lang))
    .map((lang) =>
      issue(
        `${path}.${lang}`,
        `${label.th}ยังไม่มี${LANG_NAME[lang].th}`,
        `${label.en} is missing in ${LANG_NAME[lang].en}`,
      ),
    );
}

/** A draft may go to the committee only with a title in both languages and at least one complete article. */
export function draftIssues(c: AgreementContent): FieldIssue[] {
  const issues: FieldIssue[] = [
    ...bothLanguages('title', { th: 'ชื่อบันทึกความเข้าใจ', en: 'The title' }, c.title),
    ...bothLanguages(
      'parties.thai.name',
      { th: 'ชื่อฝ่ายไทย', en: 'The Thai party’s name' },
      c.parties.thai.name,
    ),
    ...bothLanguages(
      'parties.partner.name',
      { th: 'ชื่อฝ่ายต่างประเทศ', en: 'The partner’s name' },
      c.parties.partner.name,
    ),
  ];
  if (c.articles.length === 0) {
    issues.push(issue('articles', 'ร่างต้องมีอย่างน้อยหนึ่งข้อ', 'The draft needs at least one article'));
  }
  c.articles.forEach((a, i) => {
    if (a.no !== i + 1) {
      issues.push(
        issue(
          `articles.${i}.no`,
          `ข้อ ${a.no} ควรเป็นข้อ ${i + 1} (เลขข้อต้องเรียงกัน)`,
          `Article ${a.no} should be article ${i + 1} (articles are numbered in order)`,
        ),
      );
    }
    issues.push(
      ...bothLanguages(
        `articles.${i}.text`,
        { th: `ข้อความข้อ ${a.no}`, en: `The text of article ${a.no}` },
        a.text,
      ),
    );
  });
  return issues;
}
