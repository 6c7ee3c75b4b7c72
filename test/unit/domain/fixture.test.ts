import { chiangMaiSejong } from '../../support/fixtures';

describe('the Chiang Mai–Sejong fixture', () => {
  it('reads as draft 1 with four articles, five comments and draft 2 with nine articles', () => {
    const s = chiangMaiSejong();
    expect(s.draft1.articles).toHaveLength(4);
    expect(s.draft2.articles).toHaveLength(9);
    expect(s.comments.map((c) => c.anchor)).toEqual([
      { kind: 'document' },
      { kind: 'preamble' },
      { kind: 'article', no: 1 },
      { kind: 'article', no: 2 },
      { kind: 'document' },
    ]);
    expect(s.draft2.parties.partner.name.en).toBe('Sejong Special Self-Governing City');
  });
});
