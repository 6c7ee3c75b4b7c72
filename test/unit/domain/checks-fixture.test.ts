import { checkContent, Finding, sameAnchor, type FindingAnchor } from '../../../src/domain/checks';
import { demoPairContent, Pairs } from '../../../src/seed/standard-mou';
import { chiangMaiSejong, readFixtureJson } from '../../support/fixtures';

const story = chiangMaiSejong();
const draft1 = checkContent(story.draft1);
/** What the seed makes for each pair after the first (the first is Chiang Mai–Sejong, seeded from draft 1). */
const demoContents = () =>
  Pairs.parse(readFixtureJson('pairs.json'))
    .pairs.slice(1)
    .flatMap((p, i) => demoPairContent(p, i) ?? []);
const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === 'error');

/** The anchor MFA's n-th comment (1-based, in the fixture's order) is attached to. */
function commentAnchor(n: number): FindingAnchor {
  const c = story.comments[n - 1];
  if (!c) throw new Error(`the fixture has no comment ${n}`);
  return c.anchor;
}

const at = (anchor: FindingAnchor, rule?: string) =>
  draft1.filter((f) => sameAnchor(f.anchor, anchor) && (rule === undefined || f.rule === rule));

describe('checks on draft 1 of Chiang Mai–Sejong find what MFA commented', () => {
  it('comment 1 (whole document, "Memorandum of Understanding" not "Agreement" throughout): found in the title and every article that says it, in both languages, and the missing non-binding clause at the document', () => {
    const places = story.draft1.articles
      .filter((a) => /Agreement/.test(a.text.en))
      .map((a): FindingAnchor => ({ kind: 'article', no: a.no, key: a.key }));
    expect(places.map((p) => (p.kind === 'article' ? p.no : 0))).toEqual([1, 3, 4]);
    for (const anchor of [{ kind: 'title' } as const, ...places]) {
      const langs = at(anchor, 'wording.agreement-term').map((f) => f.lang);
      expect(langs.sort()).toEqual(['en', 'th']);
    }
    expect(at(commentAnchor(1), 'clause.non-binding')).toEqual([
      expect.objectContaining({ severity: 'error', lang: 'both' }),
    ]);
  });

  it('comment 2 (preamble: official name of Sejong, both countries, no "Contracting Parties"): each found at the preamble', () => {
    const preamble = commentAnchor(2);
    expect(preamble).toEqual({ kind: 'preamble' });
    expect(at(preamble, 'names.party-official')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          lang: 'en',
          excerpt: 'Sejong City',
          suggestion: { en: 'Sejong Special Self-Governing City' },
        }),
        expect.objectContaining({
          lang: 'th',
          excerpt: 'นครเซจง',
          suggestion: { th: 'เขตปกครองตนเองพิเศษเซจง' },
        }),
      ]),
    );
    expect(at(preamble, 'names.countries-named')).toHaveLength(1);
    expect(at(preamble, 'wording.contracting-parties')).toEqual([
      expect.objectContaining({
        severity: 'error',
        excerpt: 'Contracting Parties',
        suggestion: { en: 'Sides' },
      }),
    ]);
    expect(at(preamble, 'wording.parties')).toEqual([
      expect.objectContaining({ lang: 'th', excerpt: 'ภาคี' }),
    ]);
  });

  it('comment 3 (article 1: "shall", "undertake the obligations", "จะต้อง", "พันธกรณี"): each found at article 1, with "will" / "จะ" offered', () => {
    const art1 = commentAnchor(3);
    expect(art1).toMatchObject({ kind: 'article', no: 1 });
    expect(at(art1, 'wording.shall').map((f) => [f.lang, f.excerpt, f.suggestion])).toEqual([
      ['th', 'จะต้อง', { th: 'จะ' }],
      ['en', 'shall', { en: 'will' }],
    ]);
    expect(at(art1, 'wording.binding-terms').map((f) => f.excerpt)).toEqual([
      'พันธกรณี',
      'obligations',
      'undertake',
    ]);
    expect(errors(at(art1)).length).toBeGreaterThanOrEqual(5);
  });

  it('comment 4 (article 2: five areas in Thai, six in English): the list items differ at article 2', () => {
    const [f, ...rest] = at(commentAnchor(4), 'parity.list-items');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', lang: 'both' });
    expect(f?.message.en).toContain('the Thai text lists 5 items (ก)–(จ), the English 6 (a)–(f)');
    expect(f?.message.th).toContain('ฉบับภาษาไทยมี 5 รายการ');
  });

  it('comment 5 (whole document: add the own-costs clause and settlement by consultation): both missing at the document, with the standard text to add', () => {
    const doc = commentAnchor(5);
    expect(doc).toEqual({ kind: 'document' });
    expect(at(doc, 'clause.own-costs')).toEqual([
      expect.objectContaining({
        severity: 'error',
        lang: 'both',
        suggestion: expect.objectContaining({ en: expect.stringContaining('bear its own costs') }),
      }),
    ]);
    expect(at(doc, 'clause.settlement')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        suggestion: expect.objectContaining({ th: expect.stringContaining('ปรึกษาหารือ') }),
      }),
    ]);
  });

  it('the draft also lacks the laws-and-regulations, duration and termination clauses, and its closing does not name Korean', () => {
    const rules = errors(draft1).map((f) => f.rule);
    expect(rules).toEqual(
      expect.arrayContaining([
        'clause.laws-and-regulations',
        'clause.duration-termination',
        'clause.closing-languages',
      ]),
    );
  });
});

describe('checks on cleared texts', () => {
  it('draft 2 of Chiang Mai–Sejong (the revision MFA cleared) has no error', () => {
    expect(errors(checkContent(story.draft2))).toEqual([]);
  });

  it('every demo agreement the seed makes from fixtures/pairs.json has no error', () => {
    const made = demoContents();
    expect(made.length).toBe(Pairs.parse(readFixtureJson('pairs.json')).pairs.length - 1);
    for (const { content } of made) {
      expect({ partner: content.parties.partner.name.en, errors: errors(checkContent(content)) }).toEqual({
        partner: content.parties.partner.name.en,
        errors: [],
      });
    }
  });

  it('the Phuket–Macao demo agreement carries the One-China warning, with the name MFA prefers', () => {
    const macao = demoContents().find((d) => d.content.parties.partner.name.en.startsWith('Macao'));
    expect(macao).toBeDefined();
    expect(checkContent(macao?.content ?? story.draft2).filter((f) => f.rule === 'names.one-china')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        suggestion: expect.objectContaining({
          en: "Macao Special Administrative Region of the People's Republic of China",
        }),
      }),
    ]);
  });
});

describe('the findings themselves', () => {
  it('have the JSON shape of the API and the CLI, and bilingual messages that end with their guideline', () => {
    for (const f of draft1) {
      expect(Finding.parse(f)).toEqual(f);
      expect(f.message.th).toMatch(/\)$/);
      expect(f.message.en).toMatch(/\)$/);
    }
  });

  it('come in a fixed order: document, title, preamble, articles by number, closing; then rule id', () => {
    const rank = { document: 0, title: 1, preamble: 2, article: 3, closing: 4 };
    const keys = draft1.map(
      (f) => [rank[f.anchor.kind], f.anchor.kind === 'article' ? f.anchor.no : 0, f.rule] as const,
    );
    const sorted = [...keys].sort(
      (a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0),
    );
    expect(keys).toEqual(sorted);
    expect(checkContent(structuredClone(story.draft1))).toEqual(draft1);
  });
});
