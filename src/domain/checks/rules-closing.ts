// The closing: equally authentic texts, the prevailing text, and every language it is signed in (the partner's too).
import type { AgreementContent } from '../agreement';
import type { Bilingual, Lang } from '../bilingual';
import type { Hit, Rule } from './finding';
import { GUIDELINES, LANG_NAME } from './guidelines';

const CLOSING = { kind: 'closing' } as const;

/** The model form's closing, naming the partner's language when the MOU is also signed in it. */
export function standardClosing(partnerLanguage: Bilingual | undefined): Bilingual {
  const l = partnerLanguage;
  return {
    th: `ทำขึ้นเป็นคู่ฉบับ ณ {{place.th}} เมื่อวันที่ {{date.th}} เป็นภาษาไทย${l ? ` ${l.th} ` : ''}และภาษาอังกฤษ ทุกฉบับมีความถูกต้องเท่าเทียมกัน ในกรณีที่มีการตีความแตกต่างกัน ให้ใช้ฉบับภาษาอังกฤษเป็นเกณฑ์`,
    en: `Signed in duplicate at {{place.en}} on {{date.en}}, in the Thai${l ? `, ${l.en}` : ''} and English languages, all texts being equally authentic. In case of any divergence of interpretation, the English text shall prevail.`,
  };
}

const AUTHENTIC: Record<Lang, { re: RegExp; what: Bilingual }[]> = {
  th: [
    {
      re: /ถูกต้องเท่าเทียมกัน/,
      what: { th: 'ทุกฉบับมีความถูกต้องเท่าเทียมกัน', en: 'all texts being equally authentic' },
    },
    { re: /เป็นเกณฑ์|มีผลเหนือกว่า/, what: { th: 'ฉบับที่ใช้เป็นเกณฑ์', en: 'the text that prevails' } },
  ],
  en: [
    {
      re: /\bequally authentic\b/i,
      what: { th: 'ทุกฉบับมีความถูกต้องเท่าเทียมกัน', en: 'all texts being equally authentic' },
    },
    { re: /\bprevail/i, what: { th: 'ฉบับที่ใช้เป็นเกณฑ์', en: 'the text that prevails' } },
  ],
};

const closingText: Rule = {
  id: 'clause.closing',
  severity: 'error',
  guideline: GUIDELINES.modelForm,
  check: ({ content }) => {
    // Without a closing the template prints the standard one, which says both.
    if (!content.closing) return [];
    const standard = standardClosing(content.parties.partner.language);
    return (['th', 'en'] as const).flatMap((lang): Hit[] => {
      const absent = AUTHENTIC[lang].filter((x) => !x.re.test(content.closing?.[lang] ?? ''));
      if (absent.length === 0) return [];
      const list = (l: Lang) => absent.map((x) => x.what[l]).join(l === 'th' ? ' และ' : ' and ');
      return [
        {
          anchor: CLOSING,
          lang,
          message: {
            th: `ข้อความท้ายบันทึกใน${LANG_NAME[lang].th}ยังไม่ระบุ${list('th')}`,
            en: `The closing of ${LANG_NAME[lang].en} does not state ${list('en')}`,
          },
          suggestion: { [lang]: standard[lang] },
        },
      ];
    });
  },
};

/** The partner's language: the one its text is in when the agreement carries it, else the one the party names. */
const partnerLanguage = (c: AgreementContent): Bilingual | undefined =>
  c.partnerText
    ? { th: c.partnerText.language.th, en: c.partnerText.language.en }
    : c.parties.partner.language;

/** The languages a closing must name: Thai, English and the partner's own, if it signs in it. */
function languagesOf(c: AgreementContent): Record<Lang, string[]> {
  const p = partnerLanguage(c);
  return {
    th: ['ไทย', 'อังกฤษ', ...(p ? [p.th.replace(/^ภาษา/, '')] : [])],
    en: ['Thai', 'English', ...(p ? [p.en] : [])],
  };
}

const closingLanguages: Rule = {
  id: 'clause.closing-languages',
  severity: 'error',
  guideline: GUIDELINES.modelForm,
  check: ({ content }) => {
    const partner = partnerLanguage(content);
    const standard = standardClosing(partner);
    if (!content.closing) {
      if (!partner) return [];
      return [
        {
          anchor: CLOSING,
          lang: 'both',
          message: {
            th: `ข้อความท้ายบันทึกมาตรฐานระบุเพียงภาษาไทยและภาษาอังกฤษ แต่บันทึกนี้ลงนามเป็น${partner.th}ด้วย ขอให้ระบุทุกภาษาที่ลงนาม`,
            en: `The standard closing names only Thai and English, but this MOU is also signed in ${partner.en}: name every language it is signed in`,
          },
          suggestion: standard,
        },
      ];
    }
    const needed = languagesOf(content);
    return (['th', 'en'] as const).flatMap((lang): Hit[] => {
      const text = content.closing?.[lang] ?? '';
      const absent = needed[lang].filter((name) => !text.includes(name));
      if (absent.length === 0) return [];
      return [
        {
          anchor: CLOSING,
          lang,
          message: {
            th: `ข้อความท้ายบันทึกใน${LANG_NAME[lang].th}ไม่ได้ระบุภาษา ${absent.join(', ')} ซึ่งเป็นภาษาที่ลงนาม`,
            en: `The closing of ${LANG_NAME[lang].en} does not name ${absent.join(', ')}, a language the MOU is signed in`,
          },
          suggestion: { [lang]: standard[lang] },
        },
      ];
    });
  },
};

export const CLOSING_RULES: readonly Rule[] = [closingText, closingLanguages];
