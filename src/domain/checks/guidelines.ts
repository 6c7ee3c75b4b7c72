// The guidelines the checks come from, named once; every finding's message ends with its rule's guideline.
import type { Bilingual } from '../bilingual';

export const GUIDELINES = {
  nonBinding: {
    th: 'แนวปฏิบัติของกระทรวงการต่างประเทศสำหรับบันทึกความเข้าใจที่ไม่มีผลผูกพันตามกฎหมายระหว่างประเทศ',
    en: 'MFA practice for MOUs that do not bind under international law',
  },
  modelForm: {
    th: 'แบบร่างบันทึกความเข้าใจของกระทรวงมหาดไทยตามแนวทางที่คณะรัฐมนตรีเห็นชอบเมื่อวันที่ 10 ตุลาคม 2561',
    en: 'MOI model form, guidelines approved by the cabinet on 10 October 2018',
  },
  mfaUsual: {
    th: 'ข้อสังเกตที่กระทรวงการต่างประเทศให้ไว้เป็นประจำต่อร่างบันทึกความเข้าใจของจังหวัด',
    en: "MFA's usual comments on provinces' draft MOUs",
  },
  parity: {
    th: 'ข้อสังเกตของกระทรวงการต่างประเทศ: ฉบับภาษาไทยและฉบับภาษาอังกฤษมีความหมายตรงกัน',
    en: 'MFA: the Thai and English texts say the same thing',
  },
  partnerParity: {
    th: 'ทุกฉบับมีความถูกต้องเท่าเทียมกัน: ฉบับภาษาของคู่ภาคีมีความหมายตรงกับฉบับภาษาไทยและภาษาอังกฤษ',
    en: "All texts equally authentic: the partner's text says what the Thai and English texts say",
  },
  names: {
    th: 'ข้อสังเกตของกระทรวงการต่างประเทศ: ใช้ชื่อทางการเต็มของประเทศและของทั้งสองฝ่าย',
    en: 'MFA: the full official names of the countries and of both sides',
  },
  oneChina: {
    th: 'นโยบายจีนเดียวของรัฐบาลไทย ตามแนวปฏิบัติของกระทรวงการต่างประเทศ',
    en: "Thailand's One-China policy, as MFA applies it",
  },
  hygiene: {
    th: 'ข้อความที่ปรากฏในเอกสารต้องตรงกับข้อความที่บันทึกไว้',
    en: 'the text a reader sees must be the text that is stored',
  },
  thaiStyle: {
    th: 'แบบเอกสารราชการไทย: เลขจำนวนหนึ่งใช้เลขไทยหรือเลขอารบิกอย่างใดอย่างหนึ่ง และปี พ.ศ. ในฉบับภาษาไทย',
    en: 'Thai official style: one kind of digits in a number, Buddhist-era years in the Thai text',
  },
  layout: {
    th: 'เอกสารพิมพ์เลขข้อ ("ข้อ ๑" / "Article 1") ให้เองหน้าหัวข้อ',
    en: 'the document prints the article label ("ข้อ ๑" / "Article 1") before each heading itself',
  },
} as const satisfies Record<string, Bilingual>;

export const LANG_NAME = {
  th: { th: 'ฉบับภาษาไทย', en: 'the Thai text' },
  en: { th: 'ฉบับภาษาอังกฤษ', en: 'the English text' },
} as const satisfies Record<string, Bilingual>;
