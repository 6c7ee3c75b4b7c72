import { composeDocument, documentFileName, renderDocument, type RenderInput } from '../../../src/documents';
import { DomainError } from '../../../src/domain/errors';
import { fixtureInput } from '../../support/doc-inputs';
import { part, text } from '../../support/doc-xml';

const PAGE_BREAK = '<w:br w:type="page"/>';

/** The signing copy with a blank title, so the template's default title (which names the parties) is used. */
function separateInput(doc: 'mou' | 'signing' = 'signing'): RenderInput {
  const input = fixtureInput(doc, 'separate');
  return { ...input, content: { ...input.content, title: { th: '', en: '' } } };
}

/** document.xml split at the page break that starts the English original (before its first article). */
async function halves(input: RenderInput): Promise<{ xml: string; th: string; en: string }> {
  const xml = part((await renderDocument(input)).buffer, 'word/document.xml');
  const firstEnglish = xml.indexOf('Article 1');
  const cut = xml.lastIndexOf(PAGE_BREAK, xml.lastIndexOf('Memorandum of Understanding', firstEnglish));
  return { xml, th: xml.slice(0, cut), en: xml.slice(cut) };
}

describe('the separate layout: a Thai original, then an English original', () => {
  it('writes the whole Thai text with the Thai party first, a page break, then the whole English text', async () => {
    const { th, en } = await halves(separateInput());
    const tth = text(th);
    const ten = text(en);
    expect(en.startsWith(PAGE_BREAK)).toBe(true);
    // Thai part: Thai only, title naming Chiang Mai first, all articles, closing, signatures Thai side first.
    expect(tth).toContain('ระหว่างจังหวัดเชียงใหม่ ราชอาณาจักรไทย กับเขตปกครองตนเองพิเศษเซจง สาธารณรัฐเกาหลี');
    expect(tth).toContain('ข้อ ๑');
    expect(tth).toContain('ทำขึ้นเป็นคู่ฉบับ ณ จังหวัดเชียงใหม่');
    expect(tth).not.toContain('Article 1');
    expect(tth.indexOf('สำหรับจังหวัดเชียงใหม่')).toBeGreaterThan(tth.indexOf('ทำขึ้นเป็นคู่ฉบับ'));
    expect(tth.indexOf('สำหรับจังหวัดเชียงใหม่')).toBeLessThan(tth.indexOf('สำหรับเขตปกครองตนเองพิเศษเซจง'));
    // English part: English text, title naming Sejong first, signature column of Sejong first.
    expect(ten).toContain(
      'between Sejong Special Self-Governing City, Republic of Korea and Chiang Mai Province, Kingdom of Thailand',
    );
    expect(ten).not.toContain('ข้อ ๑');
    expect(ten).toContain('Signed in duplicate at Chiang Mai on 24 August 2022');
    expect(ten.indexOf('For Sejong Special Self-Governing City')).toBeGreaterThan(
      ten.indexOf('Signed in duplicate'),
    );
    expect(ten.indexOf('For Sejong Special Self-Governing City')).toBeLessThan(
      ten.indexOf('For Chiang Mai Province'),
    );
    expect(ten.indexOf('Mayor of Sejong')).toBeLessThan(ten.indexOf('Governor of Chiang Mai'));
  });

  it('gives each original its own signature block and no parallel columns', async () => {
    const { xml, th, en } = await halves(separateInput('mou'));
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
    expect((th.match(/<w:tbl>/g) ?? []).length).toBe(1);
    expect((en.match(/<w:tbl>/g) ?? []).length).toBe(1);
  });

  it('leaves a title and preamble the user wrote as written (only template text is reordered)', async () => {
    const input = fixtureInput('signing', 'separate');
    const { th, en } = await halves(input);
    expect(text(th)).toContain(input.content.title.th);
    expect(text(th)).toContain(input.content.preamble.th);
    expect(text(en)).toContain(input.content.title.en);
    expect(text(en)).toContain(input.content.preamble.en);
  });

  it('keeps parallel and sequential naming the Thai party first', async () => {
    for (const layout of ['parallel', 'sequential'] as const) {
      const input = { ...separateInput(), layout };
      const t = text(part((await renderDocument(input)).buffer, 'word/document.xml'));
      expect(t).toContain(
        'between Chiang Mai Province, Kingdom of Thailand and Sejong Special Self-Governing City',
      );
      expect(t.indexOf('For Chiang Mai Province')).toBeLessThan(
        t.indexOf('For Sejong Special Self-Governing City'),
      );
      expect(composeDocument(input).counterpart).toBeUndefined();
    }
  });

  it('is deterministic and named with a _separate suffix', async () => {
    const a = await renderDocument(separateInput());
    const b = await renderDocument(separateInput());
    expect(b.buffer.equals(a.buffer)).toBe(true);
    expect(b.sha256).toBe(a.sha256);
    expect(a.fileName).toBe('MOU_ChiangMai-Sejong_v2_signing_separate.docx');
    const input = separateInput('mou');
    expect(documentFileName(input.content, 2, 'mou', 'separate')).toBe(
      'MOU_ChiangMai-Sejong_v2_separate.docx',
    );
  });

  it.each(['review', 'redline', 'comparison', 'memo', 'plan'] as const)(
    'refuses the separate layout for the %s with a bilingual message',
    async (doc) => {
      const err = await renderDocument(fixtureInput(doc, 'separate')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
      if (!(err instanceof DomainError)) return;
      expect(err.code).toBe('validation-failed');
      expect(err.userMessage.en).toContain('only for the MOU and the signing copy');
      expect(err.userMessage.th).toContain('ฉบับสำหรับลงนาม');
    },
  );
});
