// Two more partners: Phuket–Xiamen with the Simplified Chinese text and Khon Kaen–Mizuho with the Japanese text —
// checked clean, a divergent number found at its article, and the MOU through LibreOffice in the language's font.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderDocument, type Layout } from '../../../src/documents';
import { storyInput } from '../../../src/documents/story';
import { checkContent } from '../../../src/domain/checks';
import { storyFromFixture } from '../../../src/domain/fixture';
import { storyWithPartnerText } from '../../../src/domain/fixture-partner';
import { docxToPdf, missingWords } from '../../support/doc-pdf';
import { part, text } from '../../support/doc-xml';
import { readFixtureJson } from '../../support/fixtures';

const run = promisify(execFile);
const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'documents', 'partner-stories');

interface Case {
  readonly story: string;
  readonly partner: string;
  readonly name: string;
  readonly word: string;
  readonly font: string;
  readonly pdfFont: RegExp;
  readonly date: string;
  readonly place: string;
  /** Article 9 with the duration changed from five years to three. */
  readonly threeYears: (s: string) => string;
  readonly three: string;
}

const CASES: readonly Case[] = [
  {
    story: 'phuket-xiamen.json',
    partner: 'phuket-xiamen-zh-Hans.json',
    name: 'the Chinese text (zh-Hans)',
    word: 'zh-CN',
    font: 'Noto Serif CJK SC',
    pdfFont: /NotoSerifCJK/,
    date: '本谅解备忘录于2026年3月1日在厦门签署',
    place: '厦门',
    threeYears: (s) => s.replace('有效期五年', '有效期三年'),
    three: '三',
  },
  {
    story: 'khon-kaen-mizuho.json',
    partner: 'khon-kaen-mizuho-ja.json',
    name: 'the Japanese text (ja)',
    word: 'ja-JP',
    font: 'Noto Serif CJK JP',
    pdfFont: /NotoSerifCJK/,
    date: '2026年3月1日に瑞穂市において',
    place: '瑞穂市',
    threeYears: (s) => s.replace('五年間効力を有する', '三年間効力を有する'),
    three: '三',
  },
];

const storyOf = (c: Case) =>
  storyWithPartnerText(storyFromFixture(readFixtureJson(c.story)), readFixtureJson(c.partner));

describe.each(CASES)('$story with $name', (c) => {
  it('passes every check, the partner text included', () => {
    const findings = checkContent(storyOf(c).draft2);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('finds a partner text that says three years where Thai and English say five, at article 9', () => {
    const content = structuredClone(storyOf(c).draft2);
    const a9 = content.partnerText?.articles[8];
    if (!a9) throw new Error('no article 9');
    a9.text = c.threeYears(a9.text);
    const errors = checkContent(content).filter((f) => f.severity === 'error');
    expect(
      errors.map((f) => [f.rule, f.lang, f.anchor.kind === 'article' ? f.anchor.no : 0, f.excerpt]),
    ).toEqual([['parity.partner-numbers', 'partner', 9, c.three]]);
    expect(errors[0]?.message.en).toContain(c.name);
  });

  it.each<Layout>(['parallel', 'sequential'])(
    'prints the MOU with the partner text in its font, its date and no placeholder (%s)',
    async (layout) => {
      const story = storyOf(c);
      const r = await renderDocument(
        storyInput(story, 'signing', layout, {
          signing: {
            place: { th: 'เมืองคู่ภาคี', en: 'the partner city' },
            partnerPlace: c.place,
            date: '2026-03-01',
          },
        }),
      );
      const body = part(r.buffer, 'word/document.xml');
      expect(body).toContain(`w:eastAsia="${c.word}"`);
      expect(body).toContain(`w:eastAsia="${c.font}"`);
      expect(text(body)).not.toContain('{{');
      const name = r.fileName.replace(/\.docx$/, '');
      const pdf = await docxToPdf(r.buffer, name, ARTIFACTS);
      const p = story.draft2.partnerText;
      if (!p) throw new Error('no partner text');
      expect(missingWords(pdf.text, p.title)).toEqual([]);
      for (const a of p.articles) expect(missingWords(pdf.text, `${a.heading} ${a.text}`)).toEqual([]);
      expect(missingWords(pdf.text, c.date)).toEqual([]);
      expect(pdf.text).not.toContain('{{');
      const { stdout } = await run('pdffonts', [join(ARTIFACTS, `${name}.pdf`)]);
      const cjk = stdout.split('\n').filter((l) => c.pdfFont.test(l));
      expect(cjk.length).toBeGreaterThan(0);
      expect(cjk.every((l) => / yes /.test(l))).toBe(true);
    },
  );
});
