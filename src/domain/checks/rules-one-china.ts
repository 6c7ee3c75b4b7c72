// The One-China policy: partners in Taiwan, Hong Kong and Macao need MFA's care; none of them is named as a country.
import { DOCUMENT, type Hit, type Rule } from './finding';
import { lookUp } from './gazetteer';
import { GUIDELINES } from './guidelines';

const SIDES = ['thai', 'partner'] as const;

const CHINA_ISSUE = {
  en: /\b(?:Taiwan|Taipei|Chinese Taipei|Hong Kong|Macao|Macau)\b/i,
  th: /ไต้หวัน|ไทเป|ฮ่องกง|มาเก๊า/,
};

const oneChina: Rule = {
  id: 'names.one-china',
  severity: 'warning',
  guideline: GUIDELINES.oneChina,
  check: ({ content, gazetteer }) => {
    const p = content.parties.partner;
    const entry =
      lookUp(gazetteer.sides, p.name.en, 'en')?.entry ?? lookUp(gazetteer.sides, p.name.th, 'th')?.entry;
    const flagged =
      entry?.care === 'one-china' ||
      (['th', 'en'] as const).some((l) => CHINA_ISSUE[l].test(`${p.name[l]} ${p.country[l]}`));
    if (!flagged) return [];
    const preferred = entry?.preferred;
    const differs = preferred && (preferred.en !== p.name.en || preferred.th !== p.name.th);
    return [
      {
        anchor: DOCUMENT,
        lang: 'both',
        excerpt: p.name.en,
        message: {
          th: `การเรียกชื่อ "${p.name.th}" ต้องสอดคล้องกับนโยบายจีนเดียว: ฮ่องกงและมาเก๊าเป็นเขตบริหารพิเศษแห่งสาธารณรัฐประชาชนจีน และไม่ระบุไต้หวันเป็นประเทศ ขอให้หารือกระทรวงการต่างประเทศ`,
          en: `Naming "${p.name.en}" must follow the One-China policy: Hong Kong and Macao are Special Administrative Regions of the People's Republic of China, and Taiwan is never named as a country; consult MFA`,
        },
        ...(differs && preferred ? { suggestion: preferred } : {}),
      },
    ];
  },
};

const NOT_A_COUNTRY = {
  en: /^(?:the )?(?:Republic of China|Taiwan|Chinese Taipei|Hong Kong|Macao|Macau)\b/i,
  th: /^(?:สาธารณรัฐจีน|ไต้หวัน|ฮ่องกง|มาเก๊า)/,
};

const oneChinaCountry: Rule = {
  id: 'names.one-china-country',
  severity: 'error',
  guideline: GUIDELINES.oneChina,
  check: ({ content }) =>
    SIDES.flatMap((side) =>
      (['th', 'en'] as const)
        .filter((lang) => NOT_A_COUNTRY[lang].test(content.parties[side].country[lang].trim()))
        .map((lang): Hit => ({
          anchor: DOCUMENT,
          lang,
          excerpt: content.parties[side].country[lang],
          message: {
            th: `"${content.parties[side].country[lang]}" ไม่ใช่ประเทศตามนโยบายจีนเดียว ขอให้หารือกระทรวงการต่างประเทศเรื่องการระบุชื่อ`,
            en: `"${content.parties[side].country[lang]}" is not a country under the One-China policy; consult MFA on how to name it`,
          },
        })),
    ),
};

export const ONE_CHINA_RULES: readonly Rule[] = [oneChina, oneChinaCountry];
