// The sides by their full official names: in the parties' data, in the title and preamble, and in the articles.
import type { Party } from '../agreement';
import type { Bilingual, Lang } from '../bilingual';
import { DOCUMENT, type Hit, type Rule } from './finding';
import { allOfficialNames, lookUp, type Gazetteer, type GazetteerSide } from './gazetteer';
import { GUIDELINES } from './guidelines';
import { aliasesIn } from './name-search';
import { placeLabel, type Place } from './places';

const SIDES = [
  ['thai', { th: 'ฝ่ายไทย', en: 'the Thai side' }],
  ['partner', { th: 'ฝ่ายต่างประเทศ', en: 'the partner' }],
] as const satisfies readonly (readonly ['thai' | 'partner', Bilingual])[];

function entryOf(g: Gazetteer, party: Party): GazetteerSide | undefined {
  return lookUp(g.sides, party.name.en, 'en')?.entry ?? lookUp(g.sides, party.name.th, 'th')?.entry;
}

/** The names a side may be called by in `lang`: its name in the data and the gazetteer's official ones. */
function officialNames(party: Party, entry: GazetteerSide | undefined, lang: Lang): string[] {
  return [
    party.name[lang],
    ...(entry ? [entry.name[lang], ...entry.variants.map((v) => v[lang])] : []),
  ].filter((n) => n.trim() !== '');
}

const partyData: Rule = {
  id: 'names.party-gazetteer',
  severity: 'error',
  guideline: GUIDELINES.names,
  check: ({ content, gazetteer }) =>
    SIDES.flatMap(([side, who]) =>
      (['th', 'en'] as const).flatMap((lang): Hit[] => {
        const written = content.parties[side].name[lang];
        const found = lookUp(gazetteer.sides, written, lang);
        if (!found || found.official) return [];
        const official = found.entry.name[lang];
        return [
          {
            anchor: DOCUMENT,
            lang,
            excerpt: written,
            message: {
              th: `ชื่อ${who.th}ระบุว่า "${written}" ชื่อทางการคือ "${found.entry.name.th}"`,
              en: `The name of ${who.en} is given as "${written}"; its official name is "${found.entry.name.en}"`,
            },
            suggestion: { [lang]: official },
          },
        ];
      }),
    ),
};

/** The title (unless left blank: the template then writes it from the names) and the preamble name both sides. */
const partyInOpening: Rule = {
  id: 'names.party-official',
  severity: 'error',
  guideline: GUIDELINES.names,
  check: ({ content, gazetteer, places }) =>
    places
      .filter((p) => p.part === 'preamble' || p.part === 'title')
      .flatMap((p) =>
        SIDES.flatMap(([side, who]) => {
          const party = content.parties[side];
          const entry = entryOf(gazetteer, party);
          return (['th', 'en'] as const).flatMap((lang): Hit[] => {
            const text = p.text[lang];
            const names = officialNames(party, entry, lang);
            if (text.trim() === '' || names.length === 0 || names.some((n) => text.includes(n))) return [];
            const alias = aliasesIn(text, lang, entry?.aliases[lang] ?? [], names)[0];
            const official = party.name[lang];
            const label = placeLabel(p);
            return [
              {
                anchor: p.anchor,
                lang,
                ...(alias ? { excerpt: alias.alias, suggestion: { [lang]: official } } : {}),
                message: {
                  th: `${label.th}ไม่ได้ระบุชื่อทางการของ${who.th} "${party.name.th}"${alias ? ` (ใช้ "${alias.alias}")` : ''}`,
                  en: `${label.en.charAt(0).toUpperCase()}${label.en.slice(1)} does not name ${who.en} by its official name "${party.name.en}"${alias ? ` (it says "${alias.alias}")` : ''}`,
                },
              },
            ];
          });
        }),
      ),
};

function aliasHits(
  p: Place,
  lang: Lang,
  party: Party,
  entry: GazetteerSide,
  officials: readonly string[],
  taken: [number, number][],
): Hit[] {
  const first = new Map(
    aliasesIn(p.text[lang], lang, entry.aliases[lang], officials, taken).map((h) => [h.alias, h] as const),
  );
  return [...first.values()].map((h): Hit => ({
    anchor: p.anchor,
    lang,
    excerpt: h.alias,
    message: {
      th: `${placeLabel(p).th} เรียก "${h.alias}" ให้ใช้ชื่อทางการ "${party.name.th}"`,
      en: `${placeLabel(p).en} says "${h.alias}"; use the official name "${party.name.en}"`,
    },
    suggestion: { [lang]: party.name[lang] },
  }));
}

const aliasInArticles: Rule = {
  id: 'names.party-alias',
  severity: 'warning',
  guideline: GUIDELINES.names,
  check: ({ content, gazetteer, places }) => {
    const sides = SIDES.map(([side]) => {
      const party = content.parties[side];
      return { party, entry: entryOf(gazetteer, party) };
    });
    const officials = (lang: Lang) => [
      ...allOfficialNames(gazetteer, lang),
      ...sides.flatMap((s) => officialNames(s.party, s.entry, lang)),
    ];
    const names = { th: officials('th'), en: officials('en') };
    return places
      .filter((p) => p.part === 'heading' || p.part === 'text' || p.part === 'closing')
      .flatMap((p) =>
        (['th', 'en'] as const).flatMap((lang) => {
          const taken: [number, number][] = [];
          return sides.flatMap(({ party, entry }) =>
            entry ? aliasHits(p, lang, party, entry, names[lang], taken) : [],
          );
        }),
      );
  },
};

export const NAME_RULES: readonly Rule[] = [partyData, partyInOpening, aliasInArticles];
