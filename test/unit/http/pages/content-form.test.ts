import {
  applyOp,
  contentFromForm,
  formFromBody,
  formFromContent,
} from '../../../../src/http/pages/content-form';
import { story } from '../../../integration/agreement-helpers';

const keys = story.draft1.articles.map((a) => a.key);
const articlesOf = (content: unknown) => (content as { articles: { no: number; key?: string }[] }).articles;

describe('the draft editor carries each article’s key', () => {
  it('through the form and back into the content it saves', () => {
    const form = formFromContent(story.draft1);
    expect(form.articles.map((a) => a.key)).toEqual(keys);
    expect(articlesOf(contentFromForm(form)).map((a) => a.key)).toEqual(keys);
  });

  it('moving an article keeps its key with it; removing it takes its key away', () => {
    const moved = applyOp(formFromContent(story.draft1), { op: 'up', index: 3 });
    expect(moved.articles.map((a) => a.key)).toEqual([keys[0], keys[1], keys[3], keys[2]]);
    expect(articlesOf(contentFromForm(moved)).map((a) => [a.no, a.key])).toEqual([
      [1, keys[0]],
      [2, keys[1]],
      [3, keys[3]],
      [4, keys[2]],
    ]);
    const removed = applyOp(moved, { op: 'remove', index: 1 });
    expect(removed.articles.map((a) => a.key)).toEqual([keys[0], keys[3], keys[2]]);
  });

  it('an added article has no key until it is saved (the service gives it one)', () => {
    const added = applyOp(formFromContent(story.draft1), { op: 'add' });
    expect(added.articles.at(-1)?.key).toBe('');
    expect(articlesOf(contentFromForm(added)).at(-1)).not.toHaveProperty('key');
  });

  it('reads the key from the hidden field of each posted article', () => {
    const body = {
      'articles.0.key': keys[2],
      'articles.0.heading.th': 'ก',
      'articles.1.heading.en': 'New',
      'articles.1.key': '',
    };
    expect(formFromBody(body).articles.map((a) => a.key)).toEqual([keys[2], '']);
  });
});
