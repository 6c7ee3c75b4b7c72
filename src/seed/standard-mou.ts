// A standard bilingual MOU text (MOI's model form, after MFA's usual advice) for the demo pairs.
import { z } from 'zod';
import {
  AREAS,
  Bilingual,
  derivedArticleKey,
  KIND_TITLE,
  provinceByName,
  type AgreementContent,
  type AgreementKind,
  type Party,
  type Province,
} from '../domain';

export interface PairInput {
  kind: AgreementKind;
  thai: Party;
  partner: Party;
  areas: string[];
  areaText: Bilingual;
}

export function standardContent(p: PairInput): AgreementContent {
  const a = p.thai.name;
  const b = p.partner.name;
  // Every demo agreement starts from this text, so the same derived keys in each (keys are unique within one text).
  const art = (no: number, heading: Bilingual, text: Bilingual) => ({
    no,
    key: derivedArticleKey('standard-mou', no),
    heading,
    text,
  });
  return {
    kind: p.kind,
    parties: { thai: p.thai, partner: p.partner },
    areas: p.areas,
    title: {
      th: `${KIND_TITLE[p.kind].th}ระหว่าง${a.th} ${p.thai.country.th} กับ${b.th} ${p.partner.country.th}`,
      en: `${KIND_TITLE[p.kind].en} between ${a.en}, ${p.thai.country.en} and ${b.en}, ${p.partner.country.en}`,
    },
    preamble: {
      th: `${a.th} และ${b.th} (ซึ่งต่อไปนี้เรียกรวมกันว่า "ทั้งสองฝ่าย") ปรารถนาที่จะกระชับมิตรภาพและความเข้าใจอันดีระหว่างประชาชนของทั้งสองเมือง บนพื้นฐานของความเสมอภาคและผลประโยชน์ร่วมกัน ภายใต้กฎหมายและระเบียบข้อบังคับของแต่ละฝ่าย ได้บรรลุความเข้าใจ ดังต่อไปนี้`,
      en: `${a.en} and ${b.en} (hereinafter referred to collectively as "the Sides"), desiring to strengthen friendship and mutual understanding between the peoples of the two cities on the basis of equality and mutual benefit, within their respective laws and regulations, have reached the following understanding:`,
    },
    articles: [
      art(
        1,
        { th: 'วัตถุประสงค์', en: 'Objective' },
        {
          th: 'ทั้งสองฝ่ายจะส่งเสริมความร่วมมือที่เป็นประโยชน์ร่วมกัน ตามกฎหมายและระเบียบข้อบังคับที่ใช้อยู่ในประเทศของแต่ละฝ่าย',
          en: 'The Sides will promote cooperation for mutual benefit, in accordance with the laws and regulations in force in their respective countries.',
        },
      ),
      art(2, { th: 'สาขาความร่วมมือ', en: 'Areas of Cooperation' }, p.areaText),
      art(
        3,
        { th: 'การดำเนินการ', en: 'Implementation' },
        {
          th: 'แต่ละฝ่ายจะกำหนดหน่วยประสานงาน และทั้งสองฝ่ายจะร่วมกันจัดทำแผนปฏิบัติการ',
          en: 'Each Side will designate a focal point, and the Sides will jointly prepare an action plan.',
        },
      ),
      art(
        4,
        { th: 'ค่าใช้จ่าย', en: 'Financial Arrangements' },
        {
          th: 'แต่ละฝ่ายจะรับผิดชอบค่าใช้จ่ายของตน ทั้งนี้ ขึ้นอยู่กับงบประมาณที่มีอยู่',
          en: 'Each Side will bear its own costs, subject to the availability of funds.',
        },
      ),
      art(
        5,
        { th: 'สถานะของบันทึกความเข้าใจ', en: 'Nature of the Memorandum' },
        {
          th: 'บันทึกความเข้าใจนี้ไม่ก่อให้เกิดสิทธิหรือพันธกรณีใด ๆ ภายใต้กฎหมายระหว่างประเทศ',
          en: 'This Memorandum does not create any rights or obligations under international law.',
        },
      ),
      art(
        6,
        { th: 'การมีผลและการสิ้นสุด', en: 'Effect, Duration and Termination' },
        {
          th: 'บันทึกความเข้าใจนี้จะมีผลนับแต่วันที่ลงนามเป็นระยะเวลาห้า (๕) ปี และอาจยุติได้โดยการแจ้งเป็นลายลักษณ์อักษรล่วงหน้าหก (๖) เดือน',
          en: 'This Memorandum will take effect on the date of its signature for five (5) years and may be ended by six (6) months’ written notice.',
        },
      ),
    ],
    closing: {
      th: 'ทำขึ้นเป็นคู่ฉบับ ณ {{place.th}} เมื่อวันที่ {{date.th}} เป็นภาษาไทยและภาษาอังกฤษ ทุกฉบับมีความถูกต้องเท่าเทียมกัน ในกรณีที่มีการตีความแตกต่างกัน ให้ใช้ฉบับภาษาอังกฤษเป็นเกณฑ์',
      en: 'Signed in duplicate at {{place.en}} on {{date.en}}, in the Thai and English languages, all texts being equally authentic. In case of any divergence of interpretation, the English text shall prevail.',
    },
  };
}

/** fixtures/pairs.json: real pairs named in public Thai government news. */
export const Pairs = z.object({
  pairs: z.array(
    z.object({
      thai: Bilingual,
      partner: Bilingual,
      country: Bilingual,
      kind: z.enum(['sister', 'friendship', 'partnership']).nullable(),
      note: z.string().optional(),
    }),
  ),
});
export type Pair = z.infer<typeof Pairs>['pairs'][number];

/** The demo agreement of the `i`-th pair after the first: three areas in turn, the standard text; none for a pair whose Thai side is not a province. */
export function demoPairContent(
  p: Pair,
  i: number,
): { province: Province; content: AgreementContent } | undefined {
  const province = provinceByName(p.thai.th);
  if (!province) return undefined;
  const kind: AgreementKind = p.kind ?? 'friendship';
  const areas = [
    AREAS[i % AREAS.length],
    AREAS[(i + 3) % AREAS.length],
    AREAS[(i + 7) % AREAS.length],
  ].filter((a): a is (typeof AREAS)[number] => a !== undefined);
  const letters = { th: 'กขค', en: 'abc' };
  const content = standardContent({
    kind,
    thai: {
      name: province.name,
      country: { th: 'ราชอาณาจักรไทย', en: 'the Kingdom of Thailand' },
      signatory: { title: { th: `ผู้ว่าราชการ${province.name.th}`, en: `Governor of ${province.name.en}` } },
    },
    partner: {
      name: p.partner,
      country: p.country,
      signatory: { title: { th: `ผู้บริหารสูงสุดของ${p.partner.th}`, en: `Head of ${p.partner.en}` } },
    },
    areas: areas.map((a) => a.id),
    areaText: {
      th: `ทั้งสองฝ่ายจะร่วมมือกันในสาขา ${areas.map((a, k) => `(${letters.th[k]}) ${a.label.th}`).join(' ')}`,
      en: `The Sides will cooperate in ${areas.map((a, k) => `(${letters.en[k]}) ${a.label.en.toLowerCase()}`).join('; ')}.`,
    },
  });
  return { province, content };
}
