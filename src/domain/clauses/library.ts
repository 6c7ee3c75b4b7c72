// The clause library: the model form's bilingual standard clauses, as data with variables and a version.
import { z } from 'zod';
import { AgreementKind, AGREEMENT_KINDS } from '../agreement';
import type { Bilingual } from '../bilingual';
import { findArea } from '../catalogue/areas';
import { listLetter } from '../thai-format';
import { numberPhrase } from './numbers';

/** What a clause's text may depend on; each clause declares the ones it reads. */
export const ClauseVariables = z
  .object({
    /** Ids from the areas catalogue, in the order they are listed. */
    areas: z.array(z.string().min(1).max(64)).min(1).max(20),
    /** How long the MOU runs. */
    years: z.number().int().min(1).max(20),
    /** Written notice to terminate it. */
    noticeMonths: z.number().int().min(1).max(24),
  })
  .strict();
export type ClauseVariables = z.infer<typeof ClauseVariables>;
export type VariableName = keyof ClauseVariables;

export const DEFAULT_VARIABLES: ClauseVariables = { areas: ['culture'], years: 5, noticeMonths: 6 };

export interface Clause {
  readonly id: string;
  /** Raised when the standard wording changes, so an article can say which wording it was made from. */
  readonly version: number;
  readonly kinds: readonly AgreementKind[];
  readonly heading: Bilingual;
  readonly variables: readonly VariableName[];
  text(v: ClauseVariables): Bilingual;
}

const ALL = AGREEMENT_KINDS;

function areaList(ids: readonly string[]): Bilingual {
  const areas = ids.map((id) => findArea(id)).filter((a) => a !== undefined);
  return {
    th: areas.map((a, i) => `(${listLetter(i + 1, 'th')}) ${a.label.th}`).join(' '),
    en: areas.map((a, i) => `(${listLetter(i + 1, 'en')}) ${a.label.en.toLowerCase()}`).join('; '),
  };
}

/** In the order the model form puts them. */
export const CLAUSES: readonly Clause[] = [
  {
    id: 'objective',
    version: 1,
    kinds: ALL,
    heading: { th: 'วัตถุประสงค์', en: 'Objective' },
    variables: [],
    text: () => ({
      th: 'ทั้งสองฝ่ายจะส่งเสริมความร่วมมือที่เป็นประโยชน์ร่วมกัน ตามกฎหมายและระเบียบข้อบังคับที่ใช้อยู่ในประเทศของแต่ละฝ่าย',
      en: 'The Sides will promote cooperation for mutual benefit, in accordance with the laws and regulations in force in their respective countries.',
    }),
  },
  {
    id: 'areas',
    version: 1,
    kinds: ALL,
    heading: { th: 'สาขาความร่วมมือ', en: 'Areas of Cooperation' },
    variables: ['areas'],
    text: (v) => {
      const list = areaList(v.areas);
      return {
        th: `ทั้งสองฝ่ายจะร่วมมือกันในสาขาดังต่อไปนี้ ${list.th}`,
        en: `The Sides will cooperate in the following areas: ${list.en}.`,
      };
    },
  },
  {
    id: 'forms',
    version: 1,
    kinds: ALL,
    heading: { th: 'รูปแบบความร่วมมือ', en: 'Forms of Cooperation' },
    variables: [],
    text: () => ({
      th: 'ความร่วมมือภายใต้บันทึกความเข้าใจนี้อาจดำเนินการในรูปแบบการแลกเปลี่ยนการเยือน การแลกเปลี่ยนข้อมูลและผู้เชี่ยวชาญ การจัดกิจกรรมร่วมกัน และรูปแบบอื่นที่ทั้งสองฝ่ายเห็นพ้องร่วมกัน',
      en: 'Cooperation under this Memorandum may take the form of exchanges of visits, exchanges of information and experts, joint activities, and other forms the Sides jointly decide.',
    }),
  },
  {
    id: 'joint-working-group',
    version: 1,
    kinds: ['sister'],
    heading: { th: 'คณะทำงานร่วม', en: 'Joint Working Group' },
    variables: [],
    text: () => ({
      th: 'ทั้งสองฝ่ายจะจัดตั้งคณะทำงานร่วมเพื่อติดตามความคืบหน้าของความร่วมมือภายใต้บันทึกความเข้าใจนี้',
      en: 'The Sides will establish a joint working group to follow the progress of cooperation under this Memorandum.',
    }),
  },
  {
    id: 'implementation',
    version: 1,
    kinds: ALL,
    heading: { th: 'การดำเนินการและหน่วยประสานงาน', en: 'Implementation and Focal Points' },
    variables: [],
    text: () => ({
      th: 'แต่ละฝ่ายจะกำหนดหน่วยประสานงานเพื่อประสานการดำเนินการตามบันทึกความเข้าใจนี้ และทั้งสองฝ่ายจะร่วมกันจัดทำแผนปฏิบัติการ',
      en: 'Each Side will designate a focal point to coordinate the implementation of this Memorandum, and the Sides will jointly prepare an action plan.',
    }),
  },
  {
    id: 'financial',
    version: 1,
    kinds: ALL,
    heading: { th: 'ค่าใช้จ่าย', en: 'Financial Arrangements' },
    variables: [],
    text: () => ({
      th: 'แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตน ทั้งนี้ ขึ้นอยู่กับงบประมาณที่มีอยู่',
      en: 'Each Side will bear its own costs, subject to the availability of funds.',
    }),
  },
  {
    id: 'non-binding',
    version: 1,
    kinds: ALL,
    heading: { th: 'สถานะของบันทึกความเข้าใจ', en: 'Nature of the Memorandum' },
    variables: [],
    text: () => ({
      th: 'บันทึกความเข้าใจนี้ไม่ก่อให้เกิดสิทธิหรือพันธกรณีใด ๆ ภายใต้กฎหมายระหว่างประเทศ',
      en: 'This Memorandum does not create any rights or obligations under international law.',
    }),
  },
  {
    id: 'settlement',
    version: 1,
    kinds: ALL,
    heading: { th: 'การระงับความแตกต่าง', en: 'Settlement of Differences' },
    variables: [],
    text: () => ({
      th: 'ข้อแตกต่างใด ๆ ที่เกิดจากการตีความหรือการปฏิบัติตามบันทึกความเข้าใจนี้ จะได้รับการแก้ไขฉันมิตรโดยการปรึกษาหารือระหว่างทั้งสองฝ่าย',
      en: 'Any difference arising from the interpretation or implementation of this Memorandum will be settled amicably through consultation between the Sides.',
    }),
  },
  {
    id: 'amendment',
    version: 1,
    kinds: ALL,
    heading: { th: 'การแก้ไข', en: 'Amendment' },
    variables: [],
    text: () => ({
      th: 'บันทึกความเข้าใจนี้อาจแก้ไขได้โดยความยินยอมร่วมกันเป็นลายลักษณ์อักษรของทั้งสองฝ่าย',
      en: 'This Memorandum may be amended by mutual written consent of the Sides.',
    }),
  },
  {
    id: 'duration',
    version: 1,
    kinds: ALL,
    heading: {
      th: 'การมีผล ระยะเวลา การต่ออายุ และการสิ้นสุด',
      en: 'Entry into Effect, Duration, Renewal and Termination',
    },
    variables: ['years', 'noticeMonths'],
    text: (v) => ({
      th: `บันทึกความเข้าใจนี้จะมีผลนับแต่วันที่ลงนามเป็นระยะเวลา${numberPhrase(v.years, 'th')} ปี และอาจต่ออายุได้ครั้งละเท่ากันโดยความยินยอมร่วมกันเป็นลายลักษณ์อักษรของทั้งสองฝ่าย ฝ่ายใดฝ่ายหนึ่งอาจยุติบันทึกความเข้าใจนี้ได้โดยการแจ้งเป็นลายลักษณ์อักษรให้อีกฝ่ายหนึ่งทราบล่วงหน้า${numberPhrase(v.noticeMonths, 'th')} เดือน`,
      en: `This Memorandum will take effect on the date of its signature for ${numberPhrase(v.years, 'en')} ${v.years === 1 ? 'year' : 'years'}, and may be renewed for the same period by mutual written consent of the Sides. Either Side may terminate this Memorandum by giving the other Side ${numberPhrase(v.noticeMonths, 'en')} ${v.noticeMonths === 1 ? 'month’s' : 'months’'} written notice.`,
    }),
  },
];

const byId = new Map(CLAUSES.map((c) => [c.id, c]));

export function findClause(id: string): Clause | undefined {
  return byId.get(id);
}

/** The clauses the model form has for a kind of agreement, in order. */
export function clausesFor(kind: AgreementKind): Clause[] {
  return CLAUSES.filter((c) => c.kinds.includes(kind));
}
