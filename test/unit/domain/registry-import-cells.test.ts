// How a cell of MOI's list is read: dates in every form a Thai office writes them, terms, kinds, states, headers.
import { mapColumns, readDate, readKind, readState, readTerm } from '../../../src/domain/registry-import';

describe('reading the cells of a list of existing pairs', () => {
  it.each([
    ['2019-08-29', '2019-08-29'],
    ['29/08/2562', '2019-08-29'],
    ['29/8/2019', '2019-08-29'],
    ['29-08-2562', '2019-08-29'],
    ['29 ส.ค. 2562', '2019-08-29'],
    ['29 ส.ค. 62', '2019-08-29'],
    ['29 สิงหาคม พ.ศ. 2562', '2019-08-29'],
    ['๒๙ สิงหาคม ๒๕๖๒', '2019-08-29'],
    ['๒๙/๐๘/๒๕๖๒', '2019-08-29'],
    ['29 August 2019', '2019-08-29'],
    ['29 Aug 2019', '2019-08-29'],
  ])('reads the date %s as %s', (cell, iso) => {
    expect(readDate(cell)).toBe(iso);
  });

  it.each([
    '31/02/2562',
    '29 Augustus 2019',
    'sometime in 2019',
    '2019-13-01',
    '30 ก.พ. 2563',
    '29/08/19999',
  ])('refuses the date %s', (cell) => {
    expect(readDate(cell)).toBeUndefined();
  });

  it('reads terms in Thai digits, and only positive numbers', () => {
    expect(readTerm('๕')).toBe(5);
    expect(readTerm('2.5')).toBe(2.5);
    for (const bad of ['0', '-3', 'five', '5 years']) expect(readTerm(bad)).toBeUndefined();
  });

  it('reads kinds and states in Thai or English', () => {
    expect(readKind('เมืองพี่เมืองน้อง')).toBe('sister');
    expect(readKind('Friendship')).toBe('friendship');
    expect(readKind('หุ้นส่วน')).toBe('partnership');
    expect(readKind('twinning')).toBeUndefined();
    expect(readState('มีผล')).toBe('inForce');
    expect(readState('In force')).toBe('inForce');
    expect(readState('สิ้นสุด')).toBe('expired');
    expect(readState('ยกเลิก')).toBe('terminated');
    expect(readState('dormant')).toBeUndefined();
  });

  it('finds the columns by their Thai or English headers in any order', () => {
    const m = mapColumns([
      'หมายเหตุ',
      'Partner_EN',
      'จังหวัด',
      'คู่ร่วมมือ(ไทย)',
      'country',
      'ประเภท',
      'state',
      'extra',
    ]);
    expect(m.at).toMatchObject({
      note: 0,
      partner_en: 1,
      province: 2,
      partner_th: 3,
      country: 4,
      kind: 5,
      state: 6,
    });
    expect(m.missing).toEqual([]);
    expect(m.unknown).toEqual(['extra']);
    expect(mapColumns(['province']).missing).toEqual([
      'partner_th',
      'partner_en',
      'country',
      'kind',
      'state',
    ]);
  });
});
