import { renderDocument } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { part, text } from '../../support/doc-xml';

/** Text between the start and the end of comment `id`'s range in document.xml. */
function anchored(documentXml: string, id: number): string {
  const start = documentXml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = documentXml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text(documentXml.slice(start, end));
}

describe('the review copy', () => {
  let documentXml: string;
  let commentsXml: string;
  beforeAll(async () => {
    const { buffer } = await renderDocument(fixtureInput('review'));
    documentXml = part(buffer, 'word/document.xml');
    commentsXml = part(buffer, 'word/comments.xml');
  });

  it('carries every reviewer comment as a Word comment authored by the reviewer organisation, with its date', () => {
    const comments = commentsXml.match(/<w:comment [^>]*>/g) ?? [];
    expect(comments).toHaveLength(5);
    for (const c of comments) {
      expect(c).toContain('w:author="MFA – Department of Treaties and Legal Affairs"');
      expect(c).toContain('w:initials="MFA"');
      expect(c).toContain('w:date="2022-05-20T00:00:00');
    }
    const body = text(commentsXml);
    expect(body).toContain('"shall" and "undertake the obligations" create legal obligations');
    expect(body).toContain('คำว่า "จะต้อง" และ "พันธกรณี" แสดงถึงการก่อพันธะทางกฎหมาย');
  });

  it('anchors an article comment on exactly that article, in both languages', () => {
    const a1 = anchored(documentXml, 2);
    expect(a1).toContain('ข้อ ๑ วัตถุประสงค์');
    expect(a1).toContain('ภาคีทั้งสองฝ่ายจะต้องสถาปนาความเป็นหุ้นส่วน');
    expect(a1).toContain('The Contracting Parties shall establish a partnership');
    expect(a1).not.toContain('Article 2');
    const a2 = anchored(documentXml, 3);
    expect(a2).toContain('Article 2 Areas of Cooperation');
    expect(a2).not.toContain('Article 1');
    expect(a2).not.toContain('Article 3');
  });

  it('anchors the preamble comment on the preamble and whole-document comments on the title', () => {
    expect(anchored(documentXml, 1)).toContain('hereinafter referred to as the "Contracting Parties"');
    expect(anchored(documentXml, 1)).not.toContain('Article');
    for (const id of [0, 4])
      expect(anchored(documentXml, id)).toContain('Agreement on Partnership Cooperation');
    expect(documentXml.match(/<w:commentReference w:id="\d+"\/>/g)).toHaveLength(5);
  });

  it('anchors the comments in the sequential layout too (on the Thai text)', async () => {
    const { buffer } = await renderDocument(fixtureInput('review', 'sequential'));
    const xml = part(buffer, 'word/document.xml');
    const a1 = anchored(xml, 2);
    expect(a1).toContain('ข้อ ๑ วัตถุประสงค์');
    expect(a1).not.toContain('ข้อ ๒');
  });
});
