import { renderDocument } from '../../../src/documents';
import { diffParas, tokenize } from '../../../src/documents/diff';
import { fixtureInput } from '../../support/doc-inputs';
import { part, text } from '../../support/doc-xml';

const insertions = (xml: string) => (xml.match(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g) ?? []).map(text);
const deletions = (xml: string) => (xml.match(/<w:del [^>]*>[\s\S]*?<\/w:del>/g) ?? []).map(text);

describe('word diff', () => {
  it('segments Thai into words although Thai has no spaces', () => {
    expect(tokenize('ภาคีทั้งสองฝ่ายจะต้องสถาปนา', 'th').length).toBeGreaterThan(3);
  });

  it('marks only the changed Thai words', () => {
    const d = diffParas(
      { spans: [{ text: 'ทั้งสองฝ่ายจะต้องร่วมมือกัน' }] },
      { spans: [{ text: 'ทั้งสองฝ่ายจะร่วมมือกัน' }] },
      'th',
    );
    expect(d.spans.filter((s) => s.change === 'del').map((s) => s.text)).toEqual(['ต้อง']);
    expect(
      d.spans
        .filter((s) => !s.change)
        .map((s) => s.text)
        .join(''),
    ).toBe('ทั้งสองฝ่ายจะร่วมมือกัน');
  });

  it('marks English word replacements as a deletion followed by an insertion', () => {
    const d = diffParas(
      { spans: [{ text: 'The Parties shall cooperate.' }] },
      { spans: [{ text: 'The Parties will cooperate.' }] },
      'en',
    );
    expect(d.spans).toEqual([
      { text: 'The Parties ' },
      { text: 'shall', change: 'del' },
      { text: 'will', change: 'ins' },
      { text: ' cooperate.' },
    ]);
  });
});

describe('the redline of version 2 against version 1', () => {
  let xml: string;
  beforeAll(async () => {
    xml = part((await renderDocument(fixtureInput('redline'))).buffer, 'word/document.xml');
  });

  it('tracks the wording MFA asked for as w:del / w:ins, word by word in both languages', () => {
    const ins = insertions(xml).join('|');
    const del = deletions(xml).join('|');
    expect(del).toContain('Agreement');
    expect(ins).toContain('Memorandum of');
    expect(del).toContain('ตกลง');
    expect(ins).toContain('เข้าใจ');
    expect(del).toContain('shall');
    expect(ins).toContain('will');
    expect(ins).toContain('Special Self-Governing');
  });

  it('shows added articles as insertions and keeps unchanged words out of the markup', () => {
    const ins = insertions(xml).join('|');
    expect(ins).toContain('Forms of Cooperation');
    expect(ins).toContain('Each Party will bear its own expenses');
    expect(ins).toContain('ข้อแตกต่างใด ๆ');
    expect(insertions(xml).some((s) => s.includes('Chiang Mai Province'))).toBe(false);
  });

  it('gives every change a unique id, the author and a fixed date', () => {
    const marks = xml.match(/<w:(?:ins|del) [^>]*>/g) ?? [];
    expect(marks.length).toBeGreaterThan(20);
    const ids = marks.map((m) => /w:id="(\d+)"/.exec(m)?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of marks) {
      expect(m).toContain('w:author="MOU Engine"');
      expect(m).toContain('w:date="2022-05-20T00:00:00Z"');
    }
  });

  it('reads as version 2 once the changes are accepted, and as version 1 once rejected', () => {
    const accepted = text(xml.replace(/<w:del [^>]*>[\s\S]*?<\/w:del>/g, ''));
    const rejected = text(xml.replace(/<w:ins [^>]*>[\s\S]*?<\/w:ins>/g, ''));
    expect(accepted).toContain(
      'The Parties will develop a partnership to promote cooperation for mutual benefit',
    );
    expect(accepted).not.toContain('undertake the obligations');
    expect(rejected).toContain(
      'The Contracting Parties shall establish a partnership and undertake the obligations set out in this Agreement.',
    );
    expect(rejected).toContain('This Agreement shall enter into force on the date of signature.');
  });
});
