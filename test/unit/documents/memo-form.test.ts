// The cover memo in the official form of the Regulation on Correspondence (แบบบันทึกข้อความ), read from the .docx:
// heading 29 pt bold centred, field labels bold 20 pt, ที่ and วันที่ on one line; and the markup that says so.
import { renderDocument, type RenderInput } from '../../../src/documents';
import { MarkupError, parseMarkup } from '../../../src/documents/markup';
import type { Para } from '../../../src/documents/model';
import { fixtureInput } from '../../support/doc-inputs';
import { paragraphs, part, runs, text } from '../../support/doc-xml';

const LABELS = ['ส่วนราชการ', 'ที่', 'วันที่', 'เรื่อง'] as const;

async function memoXml(meta: RenderInput['meta'] = {}): Promise<{ body: string; header: string }> {
  const input = fixtureInput('memo');
  const r = await renderDocument({ ...input, meta: { ...input.meta, ...meta } });
  const headers = ['word/header1.xml', 'word/header2.xml'].map((n) => part(r.buffer, n));
  return {
    body: part(r.buffer, 'word/document.xml'),
    header: headers.find((h) => h.includes('instrText')) ?? '',
  };
}

/** The run whose whole text is `label`. */
function runOf(xml: string, label: string): string {
  const run = runs(xml).find((r) => text(r) === label);
  if (!run) throw new Error(`no run "${label}"`);
  return run;
}

const size = (run: string) => /<w:sz w:val="(\d+)"\/>/.exec(run)?.[1];
const bold = (run: string) => run.includes('<w:b/>');

describe('the cover memo in the official form (แบบบันทึกข้อความ)', () => {
  it('has its heading บันทึกข้อความ bold 29 pt and centred', async () => {
    const { body } = await memoXml();
    const heading = paragraphs(body)[0] ?? '';
    expect(text(heading)).toBe('บันทึกข้อความ');
    expect(heading).toContain('<w:jc w:val="center"/>');
    const run = runOf(heading, 'บันทึกข้อความ');
    expect({ bold: bold(run), size: size(run), sizeCs: /<w:szCs w:val="(\d+)"\/>/.exec(run)?.[1] }).toEqual({
      bold: true,
      size: '58',
      sizeCs: '58',
    });
  });

  it('has the labels ส่วนราชการ, ที่, วันที่, เรื่อง bold 20 pt and the values 16 pt', async () => {
    const { body } = await memoXml();
    for (const label of LABELS) {
      const run = runOf(body, label);
      expect({ label, bold: bold(run), size: size(run) }).toEqual({ label, bold: true, size: '40' });
    }
    const office = runs(body).find((r) => text(r).includes('สำนักงานจังหวัดเชียงใหม่')) ?? '';
    expect({ bold: bold(office), size: size(office) }).toEqual({ bold: false, size: '32' });
  });

  it('lays the fields out in the order of the form: ส่วนราชการ → ที่ → วันที่ → เรื่อง → เรียน', async () => {
    const { body } = await memoXml();
    const lines = paragraphs(body).map(text);
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));
    const office = at('ส่วนราชการ');
    const refAndDate = at('ที่');
    const subject = at('เรื่อง');
    const to = at('เรียน');
    expect(office).toBe(1);
    expect([refAndDate, subject, to]).toEqual([office + 1, office + 2, office + 3]);
    // ที่ and วันที่ share one line: วันที่ sits at the line's tab stop.
    expect(lines[refAndDate]).toMatch(/^ที่ .*วันที่ ๒๐ พฤษภาคม ๒๕๖๕$/);
    const line = paragraphs(body)[refAndDate] ?? '';
    expect(line).toMatch(/<w:tabs><w:tab w:val="left" w:pos="\d+"[^>]*\/><\/w:tabs>/);
    expect(line.indexOf('<w:tab/>')).toBeGreaterThan(line.indexOf('>ที่<'));
    expect(line.indexOf('<w:tab/>')).toBeLessThan(line.indexOf('>วันที่<'));
    // The field lines are set tight, as on the form; the subject line keeps the space before เรียน.
    const after = (i: number) => /<w:spacing w:after="(\d+)"/.exec(paragraphs(body)[i] ?? '')?.[1];
    expect([after(office), after(refAndDate), after(subject)]).toEqual(['0', '0', '120']);
  });

  it('draws a missing ref as a dotted tab leader, never as typed dots', async () => {
    const blank = (await memoXml()).body;
    const line = paragraphs(blank).find((p) => text(p).startsWith('ที่')) ?? '';
    expect(line).toContain('w:leader="dot"');
    expect(text(line)).not.toMatch(/[.…]/);
    const filled = (await memoXml({ memo: { ref: 'มท ๐๒๑๑/๑๒๓' } })).body;
    const withRef = paragraphs(filled).find((p) => text(p).startsWith('ที่')) ?? '';
    expect(withRef).not.toContain('w:leader');
    expect(text(withRef)).toBe('ที่ มท ๐๒๑๑/๑๒๓ วันที่ ๒๐ พฤษภาคม ๒๕๖๕');
  });

  it('escapes each filled value exactly once, and a tab typed in a value is a space', async () => {
    const { body } = await memoXml({ memo: { ref: 'A<b>&amp;"c"\td', office: '<w:tab/>' } });
    expect(body).toContain('> A&lt;b&gt;&amp;amp;&quot;c&quot; d<');
    expect(body).toContain('> &lt;w:tab/&gt;<');
    const line = paragraphs(body).find((p) => text(p).startsWith('ที่')) ?? '';
    expect(line.match(/<w:tab\/>/g)).toHaveLength(1);
  });

  it('asks for Thai page digits by the section format, with a plain PAGE field', async () => {
    // Word formats PAGE by w:pgNumType/@w:fmt; a "\* ThaiArabic" switch would make LibreOffice write Thai letters.
    const thai = await memoXml();
    expect(thai.body).toMatch(/<w:pgNumType w:start="1" w:fmt="thaiNumbers"\/>/);
    expect(thai.header).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
    const arabic = await memoXml({ numerals: 'arabic' });
    expect(arabic.body).toMatch(/<w:pgNumType w:start="1" w:fmt="decimal"\/>/);
  });
});

describe('markup for forms: sizes, tab stops, tabs, space after, keep with next', () => {
  const parasOf = (inner: string): readonly Para[] => {
    const b = parseMarkup(`<document>${inner}</document>`).blocks[0];
    if (b?.kind !== 'text') throw new Error('text block expected');
    return b.th ?? [];
  };

  it('reads size on a block, a paragraph and <b>/<i>, in points, half points allowed', () => {
    const [p, q] = parasOf(
      '<block role="title" size="29"><th><p>หัว</p><p size="14.5"><b size="20">ที่</b> <i>x</i></p></th></block>',
    );
    expect(p).toMatchObject({ sizePt: 29, spans: [{ text: 'หัว' }] });
    expect(q?.sizePt).toBe(14.5);
    expect(q?.spans).toEqual([
      { text: 'ที่', bold: true, sizePt: 20 },
      { text: ' ' },
      { text: 'x', italic: true },
    ]);
  });

  it('reads a tab stop with an optional dotted leader, <tab/>, space-after and keep', () => {
    const [p] = parasOf(
      '<block role="body"><th><p tab="80" leader="dot" space-after="0" keep>ที่<tab/>วันที่</p></th></block>',
    );
    expect(p).toEqual({
      tabStop: { mm: 80, leader: 'dot' },
      spaceAfterPt: 0,
      keepNext: true,
      spans: [{ text: 'ที่' }, { text: '', tab: true }, { text: 'วันที่' }],
    });
    expect(parasOf('<block role="body"><th><p tab="12.5">a</p></th></block>')[0]?.tabStop).toEqual({
      mm: 12.5,
    });
  });

  it.each([
    ['<p size="0">a</p>', 'bad size'],
    ['<p size="16.3">a</p>', 'bad size'],
    ['<p size="big">a</p>', 'bad size'],
    ['<p><b size="200">a</b></p>', 'bad size'],
    ['<p tab="-1">a</p>', 'bad tab'],
    ['<p tab="80" leader="dash">a</p>', 'bad leader'],
    ['<p leader="dot">a</p>', 'leader without tab'],
    ['<p space-after="-6">a</p>', 'bad space-after'],
    ['<p space-after="0.01">a</p>', 'bad space-after'],
    ['<p>a<tab>b</tab></p>', 'not allowed'],
  ])('rejects %s', (inner, message) => {
    expect(() => parasOf(`<block role="body"><th>${inner}</th></block>`)).toThrow(MarkupError);
    expect(() => parasOf(`<block role="body"><th>${inner}</th></block>`)).toThrow(message);
  });
});
