import {
  ARTICLE_KEY_PATTERN,
  AgreementContent,
  Article,
  articleKeyIssues,
  derivedArticleKey,
  keyArticles,
  pairArticles,
  type ArticleInput,
  type NewArticleKey,
} from '../../../src/domain';
import { story } from '../../integration/agreement-helpers';

/** A counter: the n-th fresh key is a-new000000n, so a test can say which article got which. */
function counter(): NewArticleKey {
  let n = 0;
  return () => `a-new${String(++n).padStart(7, '0')}`;
}

const art = (no: number, key: string | undefined, heading: string, text: string): ArticleInput => ({
  no,
  ...(key ? { key } : {}),
  heading: { th: heading, en: heading },
  text: { th: text, en: text },
});

const previous: Article[] = [
  { ...art(1, 'a-objective1', 'Objective', 'The Sides will promote cooperation.'), key: 'a-objective1' },
  { ...art(2, 'a-areas00001', 'Areas', 'Trade, tourism and education.'), key: 'a-areas00001' },
  { ...art(3, 'a-costs00001', 'Costs', 'Each Side bears its own costs.'), key: 'a-costs00001' },
];

describe('article keys', () => {
  it('are "a-" and url-safe characters, derived the same way from the same parts', () => {
    const k = derivedArticleKey('agreement-1', 3);
    expect(k).toMatch(ARTICLE_KEY_PATTERN);
    expect(derivedArticleKey('agreement-1', 3)).toBe(k);
    expect(derivedArticleKey('agreement-1', 4)).not.toBe(k);
    expect(Article.shape.key.safeParse('article:3').success).toBe(false);
  });

  it('an edited article keeps its key, a new article gets a fresh one', () => {
    const edited = [
      art(1, 'a-objective1', 'Purpose', 'Entirely new wording.'),
      art(2, undefined, 'Youth', 'Exchanges of young people.'),
    ];
    const keyed = keyArticles(edited, previous, counter());
    expect(keyed.map((a) => a.key)).toEqual(['a-objective1', 'a-new0000001']);
  });

  it('moving and renumbering keep every key', () => {
    // As the editor saves a move: the articles in their new order, numbered 1..n.
    const moved = [previous[2], previous[0], previous[1]]
      .filter((a) => a !== undefined)
      .map((a, i) => ({ ...a, no: i + 1 }));
    expect(moved.map((a) => [a.no, a.key])).toEqual([
      [1, 'a-costs00001'],
      [2, 'a-objective1'],
      [3, 'a-areas00001'],
    ]);
    expect(keyArticles(moved, previous, counter())).toEqual(moved);
  });

  it('an article without a key inherits the key of the previous article with its heading, else its wording', () => {
    const old = [
      art(1, undefined, 'Costs', 'Reworded.'),
      art(2, undefined, 'Scope', 'Trade, tourism and education.'),
      art(3, undefined, 'Visits', 'Exchanges of visits.'),
    ];
    const keyed = keyArticles(old, previous, counter());
    expect(keyed.map((a) => a.key)).toEqual(['a-costs00001', 'a-areas00001', 'a-new0000001']);
  });

  it('a key another article of the text holds is not inherited a second time', () => {
    const input = [art(1, 'a-costs00001', 'Objective', 'x'), art(2, undefined, 'Costs', 'y')];
    const keyed = keyArticles(input, previous, counter());
    expect(keyed.map((a) => a.key)).toEqual(['a-costs00001', 'a-new0000001']);
  });

  it('two blank headings do not make a new empty article the continuation of a removed one', () => {
    const before: Article[] = [{ ...art(1, 'a-blank00001', '', ''), key: 'a-blank00001' }];
    const keyed = keyArticles([art(1, undefined, '', '')], before, counter());
    expect(keyed[0]?.key).toBe('a-new0000001');
  });

  it('a generator that repeats itself still gives distinct keys', () => {
    const keyed = keyArticles(
      [art(1, undefined, 'A', ''), art(2, undefined, 'B', '')],
      undefined,
      () => 'a-same000000',
    );
    expect(new Set(keyed.map((a) => a.key)).size).toBe(2);
    for (const a of keyed) expect(a.key).toMatch(ARTICLE_KEY_PATTERN);
  });

  it('two articles with one key are refused with a message in Thai and English', () => {
    const content = { ...story.draft1, articles: [previous[0], { ...previous[1], key: 'a-objective1' }] };
    const issues = articleKeyIssues(AgreementContent.parse(content));
    expect(issues).toEqual([
      {
        path: 'articles.1.key',
        message: { th: expect.stringContaining('ซ้ำกับข้อ 1'), en: expect.stringContaining('same key') },
      },
    ]);
  });
});

describe('pairing articles between two versions', () => {
  it('pairs by key first, even when heading and wording both changed', () => {
    const current = [
      {
        ...art(1, 'a-costs00001', 'Financial arrangements', 'Subject to available funds.'),
        key: 'a-costs00001',
      },
      { ...art(2, 'a-objective1', 'Purpose', 'Friendship.'), key: 'a-objective1' },
    ];
    expect([...pairArticles(previous, current)]).toEqual([
      [0, 1],
      [2, 0],
    ]);
  });

  it('falls back to headings and wording only for articles whose key has no counterpart', () => {
    const current = [
      art(1, 'a-objective1', 'Objective', 'The Sides will promote cooperation.'),
      art(2, undefined, 'Areas', 'Trade and tourism.'),
      art(3, 'a-other00001', 'Areas', 'A second article with the same heading.'),
    ];
    const pairs = pairArticles(previous, current);
    expect(pairs.get(0)).toBe(0);
    expect(pairs.get(1)).toBe(1);
    expect(pairs.has(2)).toBe(false);
  });
});
