// Clauses an MOU needs (laws and regulations, own costs, non-binding nature, duration and termination…) and its closing.
import type { AgreementContent } from '../agreement';
import type { Bilingual, Lang } from '../bilingual';
import { DOCUMENT, type Hit, type Rule, type Severity } from './finding';
import { GUIDELINES, LANG_NAME } from './guidelines';

interface ClauseSpec {
  id: string;
  severity: Severity;
  guideline: Bilingual;
  /** What is missing, as a message says it. */
  what: Bilingual;
  /** Every pattern of a language must be found somewhere in the preamble or the articles. */
  found: Record<Lang, readonly RegExp[]>;
  /** The model form's wording, offered as the text to add. */
  standard: Bilingual;
}

const CLAUSES: readonly ClauseSpec[] = [
  {
    id: 'clause.laws-and-regulations',
    severity: 'error',
    guideline: GUIDELINES.mfaUsual,
    what: {
      th: 'ข้อความว่าความร่วมมือเป็นไปตามกฎหมายและระเบียบข้อบังคับที่ใช้อยู่ในประเทศของแต่ละฝ่าย',
      en: 'the statement that cooperation follows the laws and regulations in force in each country',
    },
    found: {
      th: [/กฎหมาย(?:และ|\s*)ระเบียบ|กฎหมายภายใน/],
      en: [/\blaws and regulations\b|\bdomestic laws?\b/i],
    },
    standard: {
      th: 'ทั้งสองฝ่ายจะดำเนินความร่วมมือตามกฎหมายและระเบียบข้อบังคับที่ใช้อยู่ในประเทศของแต่ละฝ่าย',
      en: 'The Sides will cooperate in accordance with the laws and regulations in force in their respective countries.',
    },
  },
  {
    id: 'clause.own-costs',
    severity: 'error',
    guideline: GUIDELINES.mfaUsual,
    what: {
      th: 'ข้อบทว่าแต่ละฝ่ายรับผิดชอบค่าใช้จ่ายของตนเอง ภายใต้งบประมาณที่มีอยู่',
      en: 'an article on each side bearing its own costs, subject to available funds',
    },
    found: { th: [/ค่าใช้จ่ายของ(?:ตน|แต่ละฝ่าย)/], en: [/\bown (?:costs?|expenses?)\b/i] },
    standard: {
      th: 'แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตน ทั้งนี้ ขึ้นอยู่กับงบประมาณที่มีอยู่',
      en: 'Each Side will bear its own costs, subject to the availability of funds.',
    },
  },
  {
    id: 'clause.non-binding',
    severity: 'error',
    guideline: GUIDELINES.nonBinding,
    what: {
      th: 'ข้อบทว่าบันทึกความเข้าใจนี้ไม่ก่อให้เกิดสิทธิหรือพันธกรณีภายใต้กฎหมายระหว่างประเทศ',
      en: 'an article saying the MOU creates no rights or obligations under international law',
    },
    found: {
      th: [/ไม่ก่อให้เกิด[^]{0,40}?(?:สิทธิ|พันธกรณี)|(?:ไม่|มิได้)มีผลผูกพัน/],
      en: [
        /\bnot (?:create|give rise to|constitute)\b[^.]{0,80}\b(?:rights|obligations|treaty)\b|\bnot (?:intended to be )?(?:legally )?binding\b|\bnon-binding\b/i,
      ],
    },
    standard: {
      th: 'บันทึกความเข้าใจนี้ไม่ก่อให้เกิดสิทธิหรือพันธกรณีใด ๆ ภายใต้กฎหมายระหว่างประเทศ',
      en: 'This Memorandum does not create any rights or obligations under international law.',
    },
  },
  {
    id: 'clause.duration-termination',
    severity: 'error',
    guideline: GUIDELINES.modelForm,
    what: {
      th: 'ระยะเวลาของบันทึกความเข้าใจและการยุติโดยแจ้งเป็นลายลักษณ์อักษรล่วงหน้า',
      en: 'the duration of the MOU and its termination by written notice',
    },
    found: {
      th: [/(?:ระยะเวลา|เป็นเวลา)[^]{0,30}?ปี/, /ยุติ|สิ้นสุด|บอกเลิก/],
      en: [
        /\bfor (?:a period of )?[^.]{0,25}\byears?\b|\bremain in (?:force|effect)\b/i,
        /\bterminat|\bend(?:ed)? it\b|\bwritten notice\b/i,
      ],
    },
    standard: {
      th: 'บันทึกความเข้าใจนี้จะมีผลนับแต่วันที่ลงนามเป็นระยะเวลาห้า (๕) ปี และอาจยุติได้โดยการแจ้งเป็นลายลักษณ์อักษรล่วงหน้าหก (๖) เดือน',
      en: 'This Memorandum will take effect on the date of its signature for five (5) years and may be terminated by six (6) months’ written notice.',
    },
  },
  {
    id: 'clause.settlement',
    severity: 'warning',
    guideline: GUIDELINES.modelForm,
    what: {
      th: 'ข้อบทว่าด้วยการแก้ไขข้อแตกต่างโดยการปรึกษาหารือ',
      en: 'an article on settling differences by consultation',
    },
    found: {
      th: [/(?:ข้อแตกต่าง|ข้อพิพาท|ข้อขัดแย้ง)[^]{0,120}?(?:ปรึกษาหารือ|เจรจา)/],
      en: [/\b(?:differences?|disputes?)\b[^.]{0,120}\b(?:consultations?|negotiations?)\b/i],
    },
    standard: {
      th: 'ข้อแตกต่างใด ๆ ที่เกิดจากการตีความหรือการปฏิบัติตามบันทึกความเข้าใจนี้ จะได้รับการแก้ไขฉันมิตรโดยการปรึกษาหารือระหว่างทั้งสองฝ่าย',
      en: 'Any difference arising from the interpretation or implementation of this Memorandum will be settled amicably through consultation between the Sides.',
    },
  },
  {
    id: 'clause.amendment',
    severity: 'info',
    guideline: GUIDELINES.modelForm,
    what: {
      th: 'ข้อบทว่าด้วยการแก้ไขโดยความยินยอมร่วมกันเป็นลายลักษณ์อักษร',
      en: 'an article on amendment by mutual written consent',
    },
    found: { th: [/แก้ไข(?:บันทึก|ได้|เพิ่มเติม)/], en: [/\bamend(?:ed|ment)?\b/i] },
    standard: {
      th: 'บันทึกความเข้าใจนี้อาจแก้ไขได้โดยความยินยอมร่วมกันเป็นลายลักษณ์อักษรของทั้งสองฝ่าย',
      en: 'This Memorandum may be amended by mutual written consent of the Sides.',
    },
  },
];

const bodies = new WeakMap<AgreementContent, Record<Lang, string>>();

/** The preamble and every article of one language as one text (joined once per content, for all the clauses). */
function bodyOf(c: AgreementContent, lang: Lang): string {
  let b = bodies.get(c);
  if (!b) {
    const of = (l: Lang) =>
      [c.preamble[l], ...c.articles.flatMap((a) => [a.heading[l], a.text[l]])].join('\n');
    b = { th: of('th'), en: of('en') };
    bodies.set(c, b);
  }
  return b[lang];
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function clauseRule(spec: ClauseSpec): Rule {
  return {
    id: spec.id,
    severity: spec.severity,
    guideline: spec.guideline,
    check: ({ content }) => {
      const missing = (['th', 'en'] as const).filter((lang) => {
        const body = bodyOf(content, lang);
        return !spec.found[lang].every((re) => re.test(body));
      });
      const [only] = missing;
      if (only === undefined) return [];
      const both = missing.length === 2;
      const where = both ? { th: 'ร่างนี้', en: 'the draft' } : LANG_NAME[only];
      const other = both ? { th: '', en: '' } : LANG_NAME[only === 'th' ? 'en' : 'th'];
      const hit: Hit = {
        anchor: DOCUMENT,
        lang: both ? 'both' : only,
        message: {
          th: `${where.th}ยังไม่มี${spec.what.th}${both ? '' : ` (${other.th}มีแล้ว)`}`,
          en: `${capital(where.en)} lacks ${spec.what.en}${both ? '' : ` (${other.en} has it)`}`,
        },
        suggestion: both ? spec.standard : { [only]: spec.standard[only] },
      };
      return [hit];
    },
  };
}

export const CLAUSE_RULES: readonly Rule[] = CLAUSES.map(clauseRule);
