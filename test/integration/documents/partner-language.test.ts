// Chiang Mai–Sejong with the Korean text: every document in every layout, LibreOffice → PDF finds the Korean text in
// a CJK font, the closing's date in Korean, and the redline and review copy work on the Korean text.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { renderDocument, type DocType, type Layout } from '../../../src/documents';
import { storyInput } from '../../../src/documents/story';
import type { AgreementContent } from '../../../src/domain/agreement';
import { docxToPdf, missingWords, type Pdf } from '../../support/doc-pdf';
import { part, text } from '../../support/doc-xml';
import { chiangMaiSejongKo } from '../../support/fixtures';

const run = promisify(execFile);
const ARTIFACTS = join(__dirname, '..', '..', '..', 'test-artifacts', 'documents', 'partner-ko');
const story = chiangMaiSejongKo();
const META = {
  date: '2026-02-01',
  signing: { place: { th: 'เซจง', en: 'Sejong' }, partnerPlace: '세종', date: '2026-03-01' },
};
const HANGUL = /[\uAC00-\uD7AF]/;

const input = (doc: DocType, layout: Layout) => storyInput(story, doc, layout, META);

/** The fonts a PDF embeds, by name (pdffonts' first column) with its "emb" column. */
async function fonts(pdfPath: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await run('pdffonts', [pdfPath]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { name: cols[0] ?? '', embedded: l.includes(' yes ') };
    });
}

describe('every document of the story renders in every layout with the Korean text', () => {
  const docs: DocType[] = ['mou', 'review', 'redline', 'comparison', 'memo', 'plan', 'signing'];
  const cases: [DocType, Layout][] = [
    ...docs.flatMap((d): [DocType, Layout][] => [
      [d, 'parallel'],
      [d, 'sequential'],
    ]),
    ['mou', 'separate'],
    ['signing', 'separate'],
  ];
  it.each(cases)('%s (%s)', async (doc, layout) => {
    const r = await renderDocument(input(doc, layout));
    const body = part(r.buffer, 'word/document.xml');
    // Draft 2 carries the Korean text (the MOU, redline, plan, signing copy); draft 1 (review, memo) has none.
    const carries = ['mou', 'redline', 'signing'].includes(doc);
    expect(HANGUL.test(text(body))).toBe(carries);
    if (carries) {
      expect(text(body)).toContain(story.draft2.partnerText?.title);
      expect(body).toContain('w:eastAsia="ko-KR"');
      expect(body).toContain('w:eastAsia="Noto Serif CJK KR"');
      expect(body).toContain('<w:kinsoku/>');
      expect(body).toMatch(/_mou_title_v2_p"/);
    }
  });
});

describe('the Korean text through LibreOffice', () => {
  const layouts: Layout[] = ['parallel', 'sequential', 'separate'];
  const pdfs = new Map<Layout, Pdf>();
  const pdfPaths = new Map<Layout, string>();

  beforeAll(async () => {
    for (const layout of layouts) {
      const r = await renderDocument(input('mou', layout));
      const name = r.fileName.replace(/\.docx$/, '');
      pdfs.set(layout, await docxToPdf(r.buffer, name, ARTIFACTS));
      pdfPaths.set(layout, join(ARTIFACTS, `${name}.pdf`));
    }
  }, 300_000);

  it.each(layouts)('finds every Korean article, the Korean date and no placeholder (%s)', (layout) => {
    const pdf = pdfs.get(layout);
    const p = story.draft2.partnerText;
    if (!pdf || !p) throw new Error('no PDF');
    expect(missingWords(pdf.text, p.title)).toEqual([]);
    for (const a of p.articles)
      expect({ key: a.key, missing: missingWords(pdf.text, a.text) }).toEqual({ key: a.key, missing: [] });
    expect(missingWords(pdf.text, '2026년 3월 1일 세종에서')).toEqual([]);
    expect(pdf.text).not.toContain('{{');
    // The Thai and English texts are all still there.
    for (const a of story.draft2.articles) {
      expect(missingWords(pdf.text, a.text.en)).toEqual([]);
      expect(missingWords(pdf.text, a.text.th)).toEqual([]);
    }
  });

  it.each(layouts)('embeds a CJK font for the Korean text, not a fallback (%s)', async (layout) => {
    const path = pdfPaths.get(layout);
    if (!path) throw new Error('no PDF');
    const cjk = (await fonts(path)).filter((f) => /NotoSerifCJK/.test(f.name));
    expect(cjk.length).toBeGreaterThan(0);
    expect(cjk.every((f) => f.embedded)).toBe(true);
  });

  it('orders the texts as the closing names them: Thai, Korean, English (sequential)', () => {
    const t = pdfs.get('sequential')?.text ?? '';
    const at = (s: string) => t.indexOf(s);
    expect(at('บันทึกความเข้าใจ')).toBeLessThan(at('양해각서'));
    expect(at('양해각서')).toBeLessThan(at('Memorandum of Understanding'));
  });
});

describe('review and redline on a change made in the Korean text', () => {
  const changed = (): AgreementContent => {
    const c = structuredClone(story.draft2);
    const a9 = c.partnerText?.articles[8];
    if (!a9) throw new Error('no article 9');
    a9.text = a9.text.replace('5년간', '3년간');
    return c;
  };

  it('the redline tracks the Korean change word by word, in Korean runs', async () => {
    const r = await renderDocument({
      doc: 'redline',
      layout: 'parallel',
      content: changed(),
      previous: story.draft2,
      versionNo: 3,
      meta: { date: '2026-02-01' },
    });
    const body = part(r.buffer, 'word/document.xml');
    const dels = [...body.matchAll(/<w:del [^>]*>(.*?)<\/w:del>/g)].map((m) => m[1] ?? '');
    const ins = [...body.matchAll(/<w:ins [^>]*>(.*?)<\/w:ins>/g)].map((m) => m[1] ?? '');
    // Intl.Segmenter('ko') makes "5" and "년간" two words: only the number changed.
    expect(dels.map(text)).toEqual(['5']);
    expect(ins.map(text)).toEqual(['3']);
    expect(dels[0]).toContain('w:eastAsia="ko-KR"');
    expect(ins[0]).toContain('w:eastAsia="ko-KR"');
  });

  it('a comment on the Korean text of an article marks the Korean paragraphs, in every layout', async () => {
    const key = story.draft2.articles[8]?.key ?? '';
    for (const layout of ['parallel', 'sequential'] as const) {
      const r = await renderDocument({
        ...storyInput(story, 'review', layout, META),
        content: changed(),
        versionNo: 2,
        comments: [
          {
            id: 'c1',
            round: 1,
            versionNo: 2,
            author: { userId: 'mfa', name: 'MFA', role: 'mfa', organisation: { th: 'กต.', en: 'MFA' } },
            anchor: { kind: 'article', no: 9, key, lang: 'partner' },
            text: { th: 'ฉบับภาษาเกาหลีระบุ 3 ปี', en: 'The Korean text says three years' },
            status: 'open',
            createdAt: '2026-02-01T00:00:00Z',
          },
        ],
      });
      const body = part(r.buffer, 'word/document.xml');
      const range = /<w:commentRangeStart w:id="(\d+)"\/>(.*?)<w:commentRangeEnd w:id="\1"\/>/s.exec(body);
      expect(range).not.toBeNull();
      const covered = text(range?.[2] ?? '');
      expect(covered).toContain('제9조');
      expect(covered).toContain('3년간');
      expect(covered).not.toMatch(/[\u0E00-\u0E7F]|Article 9/);
    }
  });

  it('the review copy of a Korean text prints the Word comments and the Korean text', async () => {
    const r = await renderDocument({
      ...storyInput(story, 'review', 'parallel', META),
      content: changed(),
      versionNo: 2,
      comments: [
        {
          id: 'c1',
          round: 1,
          versionNo: 2,
          author: { userId: 'mfa', name: 'MFA', role: 'mfa', organisation: { th: 'กต.', en: 'MFA' } },
          anchor: { kind: 'article', no: 9, key: story.draft2.articles[8]?.key ?? '' },
          text: { th: 'ฉบับภาษาเกาหลีระบุ 3 ปี', en: 'The Korean text says three years' },
          status: 'open',
          createdAt: '2026-02-01T00:00:00Z',
        },
      ],
    });
    const body = part(r.buffer, 'word/document.xml');
    expect(text(part(r.buffer, 'word/comments.xml'))).toContain('The Korean text says three years');
    expect(body).toMatch(/<w:commentRangeStart w:id="\d+"\/>/);
    expect(text(body)).toContain('3년간');
  });
});
