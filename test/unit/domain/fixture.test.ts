import { chiangMaiSejong } from '../../support/fixtures';

describe('the Chiang Mai–Sejong fixture', () => {
  it('reads as draft 1 with four articles, five comments and draft 2 with nine articles', () => {
    const s = chiangMaiSejong();
    expect(s.draft1.articles).toHaveLength(4);
    expect(s.draft2.articles).toHaveLength(9);
    const key = (no: number) => s.draft1.articles[no - 1]?.key;
    expect(s.comments.map((c) => c.anchor)).toEqual([
      { kind: 'document' },
      { kind: 'preamble' },
      { kind: 'article', no: 1, key: key(1) },
      { kind: 'article', no: 2, key: key(2) },
      { kind: 'document' },
    ]);
    expect(s.draft2.parties.partner.name.en).toBe('Sejong Special Self-Governing City');
  });

  it('gives draft 1 keys from its article numbers and lets draft 2 inherit them where the articles continue', () => {
    const s = chiangMaiSejong();
    const again = chiangMaiSejong();
    expect(again.draft1.articles.map((a) => a.key)).toEqual(s.draft1.articles.map((a) => a.key));
    expect(new Set(s.draft2.articles.map((a) => a.key)).size).toBe(9);
    const inherited = s.draft2.articles.filter((a) => s.draft1.articles.some((b) => b.key === a.key));
    expect(inherited).toHaveLength(4);
  });
});
