// The XML writer against docx itself: for every document, layout and hostile text, every part of the package must be
// byte for byte what docx's own objects give (the core properties apart: docx stamps those with the clock).
import fc from 'fast-check';
import { compose } from '../../../src/documents/compose';
import type { LaidPara, Sheet } from '../../../src/documents/layout';
import { layout } from '../../../src/documents/layout';
import type { Span } from '../../../src/documents/model';
import { renderDocx } from '../../../src/documents/render-docx';
import { defaultTemplates } from '../../../src/documents/templates';
import { validateRenderInput } from '../../../src/documents/validate';
import { escapeXml } from '../../../src/documents/word-xml';
import { DOC_TYPES, type RenderInput } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { docxReferenceParts } from '../../support/doc-oracle';
import { parts } from '../../support/doc-xml';

const HOSTILE =
  '<w:p><w:r><w:t>pwned</w:t></w:r></w:p> a < b && c > d ]]><!-- "q" \'s\' {{x}} &amp; &#60; แท็บ\tและ 😀';

function everywhere(input: RenderInput, value: string): RenderInput {
  const skip =
    /(^|\.)(kind|id|key|userId|role|status|createdAt|answeredAt|date|signedOn|expiresOn|areas\.\d+|area|doc|layout)$/;
  const walk = (v: unknown, path: string): unknown => {
    if (typeof v === 'string') return skip.test(path) ? v : value;
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}.${i}`));
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, path ? `${path}.${k}` : k)]));
    return v;
  };
  return walk(input, '') as RenderInput;
}

function sheetOf(input: RenderInput): Sheet {
  const valid = validateRenderInput(input);
  return layout(compose(valid, defaultTemplates()), valid.layout);
}

async function expectSameAsDocx(sheet: Sheet): Promise<void> {
  const ours = parts(await renderDocx(sheet));
  ours.delete('docProps/core.xml');
  const reference = await docxReferenceParts(sheet);
  expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort());
  for (const [name, xml] of reference)
    expect({ name, ...firstDifference(ours.get(name) ?? '', xml) }).toEqual({ name, same: true });
}

/** Where two XML strings part, with some context, so that a failure is readable. */
function firstDifference(
  ours: string,
  reference: string,
): { same: true } | { at: number; ours: string; docx: string } {
  if (ours === reference) return { same: true };
  let i = 0;
  while (i < ours.length && ours[i] === reference[i]) i++;
  return {
    at: i,
    ours: ours.slice(Math.max(0, i - 120), i + 120),
    docx: reference.slice(Math.max(0, i - 120), i + 120),
  };
}

const lp = (
  lang: 'th' | 'en',
  role: LaidPara['role'],
  spans: Span[],
  extra: Partial<LaidPara> = {},
): LaidPara => ({
  lang,
  role,
  para: { spans },
  commentStarts: [],
  commentEnds: [],
  bookmarkStarts: [],
  bookmarkEnds: [],
  ...extra,
});

/** Every element the writer knows, in the combinations the layouts do not produce from the fixture. */
function syntheticSheet(text: string, landscape: boolean): Sheet {
  const spans: Span[] = [
    { text },
    { text, bold: true },
    { text, italic: true },
    { text: '' },
    { text, change: 'ins' },
    { text, change: 'del', italic: true },
    { text, bold: true, sizePt: 20 },
    { text: '', tab: true },
    { text, sizePt: 14.5 },
  ];
  return {
    title: text,
    created: '2022-05-20T00:00:00Z',
    thaiNumerals: !landscape,
    landscape,
    ...(landscape
      ? {}
      : { mark: { th: [{ spans: [{ text }, { text, italic: true }] }], en: [{ spans: [{ text }] }] } }),
    revision: { author: text, date: '2022-05-20T00:00:00Z' },
    notes: [
      {
        id: 7,
        anchor: 'x',
        author: text,
        initials: text,
        date: '2022-05-20T10:11:12Z',
        paras: [{ lang: 'th', para: { spans } }],
      },
    ],
    items: [
      {
        t: 'para',
        p: lp('th', 'title', spans, {
          commentStarts: [7],
          commentEnds: [7],
          bookmarkStarts: [{ id: 3, name: '_mou_title_v2_th' }],
          bookmarkEnds: [3],
        }),
      },
      { t: 'para', p: { ...lp('en', 'body', spans), para: { spans, indentMm: 25, align: 'right' } } },
      {
        t: 'para',
        p: {
          ...lp('th', 'body', spans),
          para: { spans, sizePt: 29, keepNext: true, tabStop: { mm: 80, leader: 'dot' } },
        },
      },
      {
        t: 'para',
        p: { ...lp('th', 'note', spans), para: { spans, tabStop: { mm: 12.5 }, spaceAfterPt: 3.5 } },
      },
      { t: 'para', p: { ...lp('th', 'title', spans), para: { spans, spaceAfterPt: 0 } } },
      { t: 'pagebreak' },
      {
        t: 'grid',
        style: 'table',
        widths: [1, 2, 3],
        rows: [
          {
            header: true,
            cantSplit: true,
            cells: [[lp('th', 'cell-header', spans)], [], [lp('en', 'cell-header', spans)]],
          },
          {
            header: false,
            cantSplit: false,
            cells: [[lp('th', 'cell', spans), lp('en', 'signature', spans)], [], []],
          },
        ],
      },
      {
        t: 'grid',
        style: 'signatures',
        widths: [1],
        rows: [{ header: false, cantSplit: true, cells: [[lp('en', 'heading', spans)]] }],
      },
    ],
  };
}

describe('the XML writer writes what docx writes', () => {
  it.each(DOC_TYPES.flatMap((doc) => (['parallel', 'sequential'] as const).map((l) => [doc, l] as const)))(
    'the %s (%s), plain and with hostile text in every field',
    async (doc, l) => {
      await expectSameAsDocx(sheetOf(fixtureInput(doc, l)));
      await expectSameAsDocx(sheetOf(everywhere(fixtureInput(doc, l), HOSTILE)));
    },
  );

  it.each([false, true])('every element and style, landscape %s', async (landscape) => {
    await expectSameAsDocx(syntheticSheet(HOSTILE, landscape));
  });

  it('any text, including markup, entities, controls and emoji', async () => {
    const piece = fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      ']]>',
      '&amp;',
      '<w:p>',
      'ก',
      'ไทย',
      'a',
      ' ',
      '\t',
      '\n',
      '\u0001',
      '\u001f',
      '😀',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 12 }).map((a) => a.join('')),
        async (text) => {
          await expectSameAsDocx(syntheticSheet(text, false));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('escapeXml, the one escaping function', () => {
  it('escapes each markup character exactly once', () => {
    expect(escapeXml(`<w:t a="1" b='2'>&amp;</w:t>`)).toBe(
      '&lt;w:t a=&quot;1&quot; b=&apos;2&apos;&gt;&amp;amp;&lt;/w:t&gt;',
    );
  });
  it('leaves plain Thai, English, tabs, newlines and emoji alone', () => {
    const s = 'ข้อ ๑ Article 1\tline\nline 😀';
    expect(escapeXml(s)).toBe(s);
  });
  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\u0007c\u001fd\uFFFEe\uFFFFf')).toBe('abcdef');
  });
});
