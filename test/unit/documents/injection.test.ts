import { DomainError } from '../../../src/domain/errors';
import { renderDocument, type DocType, type RenderInput } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { decodeXml, part, skeleton } from '../../support/doc-xml';

const HOSTILE = [
  '<w:p><w:r><w:t>pwned</w:t></w:r></w:p>',
  'a < b && c > d',
  ']]><!--',
  '{{constructor.constructor}} {{{title.en}}} {{> mou-body}}',
  '&amp; &lt;w:p&gt; &#60;',
  '</th><en>escaped</en><th>',
  '"quoted" \'single\' `tick` =',
  'ข้อความ <b>ไทย</b> & ภาษาไทย',
];

/** Replace every string field of the content, previous version and comments (not ids, enums or dates). */
function withEverywhere(input: RenderInput, value: (path: string) => string): RenderInput {
  const skip = /(^|\.)(kind|id|key|userId|role|status|createdAt|answeredAt|date|areas\.\d+|area|doc|layout)$/;
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') return skip.test(path) ? v : value(path);
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}.${i}`));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k)]));
    return v;
  };
  return walk(input, '') as RenderInput;
}

const DOCS: DocType[] = ['mou', 'review', 'redline', 'comparison', 'memo', 'plan', 'signing'];

describe('hostile user text', () => {
  it.each(DOCS)('shows literally in the %s and never changes its structure', async (doc) => {
    const base = fixtureInput(doc);
    // The same text in every field, benign and hostile: identical XML skeletons prove text stayed text.
    for (const [i, evil] of HOSTILE.entries()) {
      const benign = withEverywhere(base, () => `plain${i}`);
      const hostile = withEverywhere(base, () => evil);
      const [b, h] = await Promise.all([renderDocument(benign), renderDocument(hostile)]);
      const bx = part(b.buffer, 'word/document.xml');
      const hx = part(h.buffer, 'word/document.xml');
      expect(skeleton(hx)).toEqual(skeleton(bx));
      const visible = decodeXml(
        [...hx.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((m) => m[1] ?? '').join('\n'),
      );
      expect(visible).toContain(evil);
      expect(hx).not.toContain('<w:t>pwned');
    }
  });

  it('shows hostile comments literally inside Word comments', async () => {
    const base = fixtureInput('review');
    const evil = '<w:comment w:id="99"/> ]]> {{x}} &amp;';
    const input = {
      ...base,
      comments: (base.comments ?? []).map((c) => ({ ...c, text: { th: evil, en: evil } })),
    };
    const xml = part((await renderDocument(input)).buffer, 'word/comments.xml');
    expect((xml.match(/<w:comment /g) ?? []).length).toBe(5);
    expect(decodeXml(xml)).toContain(evil);
  });

  it('leaves unknown {{…}} in the closing literal and fills only place and date', async () => {
    const base = fixtureInput('signing');
    const content = {
      ...base.content,
      closing: { th: 'ณ {{place.th}} {{constructor}}', en: 'at {{place.en}} on {{date.en}} {{evil}}' },
    };
    const xml = decodeXml(part((await renderDocument({ ...base, content })).buffer, 'word/document.xml'));
    expect(xml).toContain('ณ จังหวัดเชียงใหม่ {{constructor}}');
    expect(xml).toContain('at Chiang Mai on 24 August 2022 {{evil}}');
  });

  it.each([
    ['a control character', 'bad\u0007bell'],
    ['a NUL', 'nul\u0000'],
    ['an unpaired high surrogate', 'broken \uD83D text'],
    ['an unpaired low surrogate', 'broken \uDE00 text'],
    ['U+FFFE', 'non\uFFFEchar'],
  ])('rejects %s with a clear, bilingual validation error naming the field', async (_name, bad) => {
    const base = fixtureInput('mou');
    const input = {
      ...base,
      content: { ...base.content, preamble: { th: base.content.preamble.th, en: bad } },
    };
    const err: unknown = await renderDocument(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    const de = err as DomainError;
    expect(de.code).toBe('validation-failed');
    expect(de.issues.map((i) => i.path)).toEqual(['content.preamble.en']);
    expect(de.userMessage.th).toContain('content.preamble.en');
    expect(de.userMessage.en).toContain('characters a document cannot hold');
  });

  it('accepts tabs, newlines and emoji (paired surrogates)', async () => {
    const base = fixtureInput('mou');
    const input = {
      ...base,
      content: { ...base.content, preamble: { th: 'แท็บ\tและ 😀', en: 'line one\nline two 😀' } },
    };
    const xml = decodeXml(part((await renderDocument(input)).buffer, 'word/document.xml'));
    expect(xml).toContain('line one');
    expect(xml).toContain('line two 😀');
  });
});
