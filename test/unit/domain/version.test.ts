import { latestVersion, makeVersion, sameContent, stableStringify } from '../../../src/domain';
import { chiangMaiSejong } from '../../support/fixtures';

const story = chiangMaiSejong();
const author = { userId: 'u', name: 'Secretary' };

describe('versions', () => {
  it('are numbered 1, 2, … and are copies, not references, of the working draft', () => {
    const draft = structuredClone(story.draft1);
    const v1 = makeVersion([], draft, author, '2022-03-02T00:00:00.000Z');
    const v2 = makeVersion([v1], story.draft2, author, '2022-05-02T00:00:00.000Z');
    expect([v1.no, v2.no]).toEqual([1, 2]);
    expect(latestVersion([v1, v2])).toBe(v2);
    draft.title.en = 'edited later';
    expect(v1.content.title.en).toBe(story.draft1.title.en);
  });

  it('cannot be edited once made', () => {
    const v1 = makeVersion([], story.draft1, author, '2022-03-02T00:00:00.000Z');
    expect(() => {
      (v1.content.title as { en: string }).en = 'tampered';
    }).toThrow(TypeError);
    expect(Object.isFrozen(v1.content.articles[0])).toBe(true);
  });

  it('compare content regardless of key order', () => {
    const reordered = JSON.parse(stableStringify(story.draft2)) as typeof story.draft2;
    expect(sameContent(reordered, story.draft2)).toBe(true);
    expect(sameContent(story.draft1, story.draft2)).toBe(false);
    expect(stableStringify({ b: 1, a: [2, { d: undefined, c: 3 }] })).toBe('{"a":[2,{"c":3}],"b":1}');
  });
});
