// The model form: a complete bilingual draft from a few choices (kind, partner, areas, duration, notice).
import { z } from 'zod';
import { AgreementKind, type AgreementContent, type Article, type Party } from '../agreement';
import { derivedArticleKey } from '../article-key';
import type { Bilingual } from '../bilingual';
import { standardClosing } from '../checks/rules-closing';
import type { Gazetteer, GazetteerCountry, GazetteerSide } from '../checks/gazetteer';
import { invalid } from '../errors';
import { CLAUSES, clausesFor, ClauseVariables, DEFAULT_VARIABLES, type Clause } from './library';

/** The title of each kind of MOU, before "between …". */
export const KIND_TITLE: Record<AgreementKind, Bilingual> = {
  sister: {
    th: 'บันทึกความเข้าใจว่าด้วยการสถาปนาความสัมพันธ์เมืองพี่เมืองน้อง',
    en: 'Memorandum of Understanding on the Establishment of Sister City Relations',
  },
  friendship: {
    th: 'บันทึกความเข้าใจว่าด้วยการสถาปนาความสัมพันธ์ฉันมิตร',
    en: 'Memorandum of Understanding on the Establishment of Friendship City Relations',
  },
  partnership: {
    th: 'บันทึกความเข้าใจว่าด้วยความร่วมมือลักษณะหุ้นส่วน',
    en: 'Memorandum of Understanding on Partnership Cooperation',
  },
};

/** The wizard's choices: at most five for a secretary (the province is hers), six for an admin. */
export const DraftChoices = ClauseVariables.extend({
  kind: AgreementKind,
  /** Province id (the Thai side). */
  province: z.string().min(1).max(64),
  /** Id of a foreign side in the gazetteer. */
  partner: z.string().min(1).max(64),
}).strict();
export type DraftChoices = z.infer<typeof DraftChoices>;

/** The country's name as it stands in running English text ("the Kingdom of Thailand", "Japan"). */
export function countryInText(c: GazetteerCountry): Bilingual {
  return { th: c.name.th, en: c.takesThe ? `the ${c.name.en}` : c.name.en };
}

/** The office that signs for a side: the gazetteer's, else the Governor (a province) or the Head (a partner). */
export function signatoryTitle(side: GazetteerSide, thai: boolean): Bilingual {
  if (side.signatory) return side.signatory;
  if (thai) return { th: `ผู้ว่าราชการ${side.name.th}`, en: `Governor of ${side.name.en}` };
  return { th: `ผู้บริหารสูงสุดของ${side.name.th}`, en: `Head of ${side.name.en}` };
}

/** The article a clause makes, with the key the model form gives it (the same clause has the same key in every draft). */
export function clauseArticle(clause: Clause, no: number, v: ClauseVariables): Article {
  return {
    no,
    key: derivedArticleKey('model-form', clause.id),
    heading: clause.heading,
    text: clause.text(v),
  };
}

const NOT_FOUND = { th: 'ไม่พบข้อมูลที่เลือก', en: 'A choice was not found' };

function side(g: Gazetteer, id: string, path: string, thai: boolean) {
  const s = g.sides.find((x) => x.id === id && (x.country === 'thailand') === thai);
  const country = s && g.countries.find((c) => c.id === s.country);
  if (!s || !country) {
    throw invalid(NOT_FOUND, [
      {
        path,
        message: thai
          ? { th: 'ไม่พบจังหวัดนี้ในทำเนียบชื่อ', en: 'This province is not in the gazetteer' }
          : { th: 'ไม่พบเมืองคู่ความร่วมมือนี้ในทำเนียบชื่อ', en: 'This partner is not in the gazetteer' },
      },
    ]);
  }
  return { side: s, country };
}

function party(s: GazetteerSide, c: GazetteerCountry, thai: boolean): Party {
  const name = s.preferred ?? s.name;
  return {
    name,
    country: countryInText(c),
    signatory: { title: signatoryTitle(s, thai) },
    ...(s.nativeName ? { nativeName: s.nativeName } : {}),
  };
}

/** A complete draft from the model form: title, preamble, every standard clause of the kind, the closing. */
export function modelDraft(choices: DraftChoices, g: Gazetteer): AgreementContent {
  const thai = side(g, choices.province, 'province', true);
  const partner = side(g, choices.partner, 'partner', false);
  const a = thai.side.name;
  const b = partner.side.preferred ?? partner.side.name;
  const ca = countryInText(thai.country);
  const cb = countryInText(partner.country);
  const kind = KIND_TITLE[choices.kind];
  return {
    kind: choices.kind,
    parties: {
      thai: party(thai.side, thai.country, true),
      partner: party(partner.side, partner.country, false),
    },
    areas: [...choices.areas],
    title: {
      th: `${kind.th}ระหว่าง${a.th} ${ca.th} กับ${b.th} ${cb.th}`,
      en: `${kind.en} between ${a.en}, ${ca.en} and ${b.en}, ${cb.en}`,
    },
    preamble: {
      th: `${a.th} ${ca.th} และ${b.th} ${cb.th} (ซึ่งต่อไปนี้เรียกรวมกันว่า "ทั้งสองฝ่าย") ปรารถนาที่จะกระชับมิตรภาพและความเข้าใจอันดีระหว่างประชาชนของทั้งสองฝ่าย บนพื้นฐานของความเสมอภาคและผลประโยชน์ร่วมกัน ได้บรรลุความเข้าใจ ดังต่อไปนี้`,
      en: `${a.en}, ${ca.en} and ${b.en}, ${cb.en} (hereinafter referred to collectively as "the Sides"), desiring to strengthen friendship and mutual understanding between their peoples on the basis of equality and mutual benefit, have reached the following understanding:`,
    },
    articles: clausesFor(choices.kind).map((c, i) => clauseArticle(c, i + 1, choices)),
    closing: standardClosing(undefined),
  };
}

/** The standard clause an article was made from: by the model form's key, else by its heading in either language. */
export function clauseOf(article: Pick<Article, 'key' | 'heading'>): Clause | undefined {
  const byKey = CLAUSES.find((c) => derivedArticleKey('model-form', c.id) === article.key);
  if (byKey) return byKey;
  const th = article.heading.th.trim();
  const en = article.heading.en.trim().toLowerCase();
  return CLAUSES.find((c) => c.heading.th === th || c.heading.en.toLowerCase() === en);
}

/** The variables an article's text already carries (its areas, years, notice), the model form's defaults for the rest. */
export function variablesOf(
  article: Pick<Article, 'text'>,
  content: Pick<AgreementContent, 'areas'>,
): ClauseVariables {
  const number = (re: RegExp) => {
    const m = re.exec(article.text.en);
    const n = m ? Number(m[1]) : NaN;
    return Number.isInteger(n) ? n : undefined;
  };
  const years = number(/\((\d{1,2})\)\s*years?\b/i);
  const notice = number(/\((\d{1,2})\)\s*months?/i);
  return {
    areas: content.areas.length > 0 ? [...content.areas] : DEFAULT_VARIABLES.areas,
    years: years !== undefined && years >= 1 && years <= 20 ? years : DEFAULT_VARIABLES.years,
    noticeMonths:
      notice !== undefined && notice >= 1 && notice <= 24 ? notice : DEFAULT_VARIABLES.noticeMonths,
  };
}

export interface StandardComparison {
  clause: Clause;
  /** The standard text with the article's own variables. */
  standard: Bilingual;
  /** Which languages differ from it (none: the article is the standard text). */
  differs: ('th' | 'en')[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** How an article compares with the standard clause it was made from, if it was made from one. */
export function compareWithStandard(
  article: Pick<Article, 'key' | 'heading' | 'text'>,
  content: Pick<AgreementContent, 'areas'>,
): StandardComparison | undefined {
  const clause = clauseOf(article);
  if (!clause) return undefined;
  const standard = clause.text(variablesOf(article, content));
  const differs = (['th', 'en'] as const).filter((l) => norm(standard[l]) !== norm(article.text[l]));
  return { clause, standard, differs };
}
