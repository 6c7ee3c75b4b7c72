import {
  englishDate,
  listLetter,
  parseIsoDate,
  thaiDate,
  toThaiDigits,
} from '../../../src/domain/thai-format';
import { loadTemplates } from '../../../src/documents';
import { documentFileName, shortPartyName } from '../../../src/documents/file-name';
import { chiangMaiSejong } from '../../support/fixtures';

describe('Thai and English formatting helpers', () => {
  it('writes Buddhist-era Thai dates with Thai month names, and Gregorian English dates', () => {
    const d = parseIsoDate('2022-03-14');
    if (!d) throw new Error('date expected');
    expect(thaiDate(d)).toBe('14 มีนาคม 2565');
    expect(thaiDate(d, { thaiDigits: true })).toBe('๑๔ มีนาคม ๒๕๖๕');
    expect(thaiDate(d, { short: true })).toBe('14 มี.ค. 65');
    expect(englishDate(d)).toBe('14 March 2022');
    expect(parseIsoDate('2022-02-30')).toBeUndefined();
  });

  it('converts digits to Thai numerals and enumerates with ก ข ค / a b c', () => {
    expect(toThaiDigits('1/2565')).toBe('๑/๒๕๖๕');
    expect([1, 2, 3, 6].map((n) => listLetter(n, 'th'))).toEqual(['ก', 'ข', 'ค', 'ฉ']);
    expect([1, 2, 26, 27].map((n) => listLetter(n, 'en'))).toEqual(['a', 'b', 'z', 'aa']);
  });
});

describe('the template helpers', () => {
  // A scratch template set would need files; the shipped set is enough to exercise helpers through a fragment.
  const t = loadTemplates();
  it('are registered and compile the shipped templates strictly', () => {
    expect(() => t.document('mou', 'sister')).not.toThrow();
    expect(() => t.document('memo', 'partnership')).not.toThrow();
    expect(() => t.document('nope' as 'mou', 'x')).toThrow(/no template/);
  });
});

describe('file names', () => {
  it('names files after both parties, the version and the document', () => {
    const { draft2 } = chiangMaiSejong();
    expect(documentFileName(draft2, 2, 'review')).toBe('MOU_ChiangMai-Sejong_v2_review.docx');
    expect(documentFileName(draft2, 2, 'mou')).toBe('MOU_ChiangMai-Sejong_v2.docx');
    expect(documentFileName(draft2, 3, 'signing', 'sequential')).toBe(
      'MOU_ChiangMai-Sejong_v3_signing_sequential.docx',
    );
    expect(shortPartyName('Hồ Chí Minh City')).toBe('HoChiMinh');
    expect(shortPartyName('../../etc/passwd')).toBe('Etcpasswd');
    expect(shortPartyName('Province')).toBe('Party');
  });
});
