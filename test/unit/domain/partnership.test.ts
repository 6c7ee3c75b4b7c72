// The pure rules after signing: what a file is by its bytes, and the term (proposal, expiry, standing, renewal).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, proposeTerm, renew, sniffAttachment, termFrom, termStanding } from '../../../src/domain';
import { chiangMaiSejong } from '../../support/fixtures';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'partnership');
const jpeg = readFileSync(join(FIXTURES, 'festival-stage.jpg'));
const pdf = readFileSync(join(FIXTURES, 'festival-programme.pdf'));
const docx = readFileSync(join(__dirname, '..', '..', 'fixtures', 'word-in', 'no-bookmarks-sequential.docx'));

describe('what an attached file is, by its bytes alone', () => {
  it('accepts a PDF, a JPEG and a Word package, whatever they are called', () => {
    expect(sniffAttachment(pdf)).toMatchObject({ ok: true, contentType: 'application/pdf' });
    expect(sniffAttachment(jpeg)).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    expect(sniffAttachment(docx)).toMatchObject({ ok: true, type: 'docx' });
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['HTML', Buffer.from('<!doctype html><html><body>x</body></html>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>')],
    ['a JPEG cut short', jpeg.subarray(0, 100)],
    [
      'a JPEG with HTML inside',
      Buffer.concat([jpeg.subarray(0, 30), Buffer.from('<script>x</script>'), jpeg.subarray(30)]),
    ],
    ['a PDF whose head is a page', Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF')],
    ['a zip that is no Word file', Buffer.from('PK\u0003\u0004 something else')],
  ])('refuses %s, saying why in Thai and English', (_what, bytes) => {
    const r = sniffAttachment(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.why.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(r.why.en).toMatch(/[a-z]/);
    }
  });
});

describe('the term', () => {
  it('is proposed from the duration clause: five (5) years, six (6) months’ notice', () => {
    expect(proposeTerm(chiangMaiSejong().draft2)).toEqual({
      term: { years: 5, noticeMonths: 6 },
      found: true,
    });
  });

  it('without a duration clause, five years and six months is the default, said to be one', () => {
    expect(proposeTerm({ articles: [] })).toEqual({ term: { years: 5, noticeMonths: 6 }, found: false });
  });

  it('signed 2021-03-01 for five years runs until 2026-03-01; within six months from 2025-09-02; expired from 2026-03-02', () => {
    const t = termFrom('2021-03-01', { years: 5, noticeMonths: 6 }, 'proposed');
    expect(t.expiresOn).toBe('2026-03-01');
    expect(termStanding(t.expiresOn, '2025-09-01')).toBe('running');
    expect(termStanding(t.expiresOn, '2025-09-02')).toBe('expiring');
    expect(termStanding(t.expiresOn, '2026-03-01')).toBe('expiring');
    expect(termStanding(t.expiresOn, '2026-03-02')).toBe('expired');
    expect(renew(t, { date: '2026-02-15', years: 5 }).expiresOn).toBe('2031-03-01');
  });

  it('adds months to a month end as the calendar allows (29 February, 31 August)', () => {
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-08-31', -6)).toBe('2025-02-28');
    expect(addMonths('2026-03-01', -6)).toBe('2025-09-01');
  });
});
