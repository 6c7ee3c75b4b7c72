// Countries by their official names (in the parties' data and in the text), "the" before them, and the One-China policy.
import type { Party } from '../agreement';
import type { Bilingual, Lang } from '../bilingual';
import { DOCUMENT, type Hit, type Rule } from './finding';
import { allOfficialNames, lookUp, type Gazetteer, type GazetteerCountry } from './gazetteer';
import { GUIDELINES } from './guidelines';
import { afterThe, aliasesIn, mentions } from './name-search';
import { placeLabel } from './places';

const SIDES = [
  ['thai', { th: 'ฝ่ายไทย', en: 'the Thai side' }],
  ['partner', { th: 'ฝ่ายต่างประเทศ', en: 'the partner' }],
] as const satisfies readonly (readonly ['thai' | 'partner', Bilingual])[];

/** The official name as running text writes it: "the Kingdom of Thailand", "Japan". */
export function countryInText(c: GazetteerCountry, lang: Lang): string {
  return lang === 'en' && c.takesThe ? `the ${c.name.en}` : c.name[lang];
}

const countryData: Rule = {
  id: 'names.country-official',
  severity: 'error',
  guideline: GUIDELINES.names,
  check: ({ content, gazetteer }) =>
    SIDES.flatMap(([side, who]) =>
      (['th', 'en'] as const).flatMap((lang): Hit[] => {
        const written = content.parties[side].country[lang];
        const found = lookUp(gazetteer.countries, written, lang);
        const wrongCountry = side === 'thai' && found !== undefined && found.entry.id !== 'thailand';
        if (!found || (found.official && !wrongCountry)) return [];
        const thailand = gazetteer.countries.find((c) => c.id === 'thailand');
        const entry = wrongCountry && thailand ? thailand : found.entry;
        const official = countryInText(entry, lang);
        return [
          {
            anchor: DOCUMENT,
            lang,
            excerpt: written,
            message: {
              th: `ประเทศของ${who.th}ระบุว่า "${written}" ชื่อทางการคือ "${entry.name.th}"`,
              en: `The country of ${who.en} is given as "${written}"; its official name is "${official}"`,
            },
            suggestion: { [lang]: official },
          },
        ];
      }),
    ),
};

function officialsOf(g: Gazetteer, lang: Lang): string[] {
  return allOfficialNames(g, lang);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyAliasCache = new WeakMap<Gazetteer, Record<Lang, RegExp>>();

/** One pattern for every country alias of a language: most places hold none, and are passed over at once. */
function anyAlias(g: Gazetteer, lang: Lang): RegExp {
  let r = anyAliasCache.get(g);
  if (!r) {
    const of = (l: Lang) =>
      new RegExp(
        g.countries.flatMap((c) => c.aliases[l].map((a) => escape(a.replace(/’/g, "'")))).join('|') || '$^',
      );
    r = { th: of('th'), en: of('en') };
    anyAliasCache.set(g, r);
  }
  return r[lang];
}

const bareNames = new Map<string, RegExp>();
function bareName(name: string): RegExp {
  let re = bareNames.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\w'-])${escape(name)}\\b`, 'g');
    bareNames.set(name, re);
  }
  return re;
}

const countryInTextRule: Rule = {
  id: 'names.country-in-text',
  severity: 'warning',
  guideline: GUIDELINES.names,
  check: ({ places, gazetteer }) => {
    const officials = { th: officialsOf(gazetteer, 'th'), en: officialsOf(gazetteer, 'en') };
    return places.flatMap((p) =>
      (['th', 'en'] as const).flatMap((lang) => {
        if (!anyAlias(gazetteer, lang).test(p.text[lang].replace(/’/g, "'"))) return [];
        // Shared by every country of the place: an alias inside a longer one found before is not one.
        const taken: [number, number][] = [];
        return gazetteer.countries.flatMap((c) => {
          const first = new Map(
            aliasesIn(p.text[lang], lang, c.aliases[lang], officials[lang], taken).map(
              (h) => [h.alias, h] as const,
            ),
          );
          return [...first.values()].map((h): Hit => {
            const official =
              lang === 'en' && afterThe(p.text.en, h.index) ? c.name.en : countryInText(c, lang);
            return {
              anchor: p.anchor,
              lang,
              excerpt: h.alias,
              message: {
                th: `${placeLabel(p).th} เรียกประเทศว่า "${h.alias}" ให้ใช้ชื่อทางการ "${c.name.th}"`,
                en: `${placeLabel(p).en} calls the country "${h.alias}"; use its official name "${countryInText(c, 'en')}"`,
              },
              suggestion: { [lang]: official },
            };
          });
        });
      }),
    );
  },
};

const theBeforeCountry: Rule = {
  id: 'names.country-article',
  severity: 'warning',
  guideline: GUIDELINES.names,
  check: ({ places, gazetteer }) =>
    places.flatMap((p) =>
      gazetteer.countries
        .filter((c) => c.takesThe)
        .flatMap((c): Hit[] => {
          const text = p.text.en.replace(/’/g, "'");
          if (!text.includes(c.name.en)) return [];
          // Not when "the" is there, nor inside a longer name ("Democratic People's Republic of Korea").
          const bare = [...text.matchAll(bareName(c.name.en))].filter(
            (m) =>
              !afterThe(text, m.index) &&
              !/[A-Z][\w']*\s$/.test(text.slice(Math.max(0, m.index - 20), m.index)),
          );
          if (bare.length === 0) return [];
          return [
            {
              anchor: p.anchor,
              lang: 'en',
              excerpt: c.name.en,
              message: {
                th: `ในข้อความภาษาอังกฤษ ชื่อ "${c.name.en}" ใช้คำนำหน้า "the" ("the ${c.name.en}")`,
                en: `In running English text the name takes "the": "the ${c.name.en}"`,
              },
              suggestion: { en: `the ${c.name.en}` },
            },
          ];
        }),
    ),
};

const countriesNamed: Rule = {
  id: 'names.countries-named',
  severity: 'warning',
  guideline: GUIDELINES.names,
  check: ({ content, gazetteer }) => {
    const names = (party: Party, lang: Lang) => {
      const c = lookUp(gazetteer.countries, party.country[lang], lang)?.entry;
      return [party.country[lang], ...(c ? [c.name[lang]] : [])];
    };
    const missing = (lang: Lang) =>
      [content.parties.thai, content.parties.partner].filter(
        (party) => !mentions(content.preamble[lang].replace(/’/g, "'"), lang, names(party, lang)),
      );
    const th = missing('th');
    const en = missing('en');
    if (th.length === 0 && en.length === 0) return [];
    const lang = th.length > 0 && en.length > 0 ? 'both' : th.length > 0 ? 'th' : 'en';
    const list = (l: Lang) =>
      [...new Set([...th, ...en])].map((p) => p.country[l]).join(l === 'th' ? ' และ' : ' and ');
    return [
      {
        anchor: { kind: 'preamble' },
        lang,
        message: {
          th: `อารัมภบทยังไม่ระบุชื่อประเทศ ${list('th')} ขอให้ระบุประเทศของทั้งสองฝ่าย`,
          en: `The preamble does not name ${list('en')}: name the country of each side`,
        },
      },
    ];
  },
};

export const COUNTRY_RULES: readonly Rule[] = [
  countryData,
  countryInTextRule,
  theBeforeCountry,
  countriesNamed,
];
