import {
  derivedArticleKey,
  ensureArticleKeys,
  UnkeyedAgreement,
  type AgreementContentInput,
  type CommentInput,
} from '../../../src/domain';
import { story } from '../../integration/agreement-helpers';

/** Content as stored before keys existed: no article has one. */
function unkeyed(c: AgreementContentInput): AgreementContentInput {
  return { ...c, articles: c.articles.map(({ key: _key, ...a }) => a) };
}

const v1 = unkeyed(story.draft1);
const v2 = unkeyed(story.draft2);

function comment(id: string, versionNo: number, no: number): CommentInput {
  return {
    id,
    round: versionNo,
    versionNo,
    author: { userId: 'u', name: 'MFA', role: 'mfa', organisation: { th: 'กต.', en: 'MFA' } },
    anchor: { kind: 'article', no },
    text: { th: 'ข้อสังเกต', en: 'A comment' },
    status: 'open',
    createdAt: '2022-05-20T00:00:00Z',
  };
}

/** An agreement as an old database holds it: two versions, a draft being revised, comments without keys. */
function oldAgreement(workingDraft: AgreementContentInput = v2) {
  const at = '2022-05-01T00:00:00Z';
  const author = { userId: 'u', name: 'Secretary' };
  return UnkeyedAgreement.parse({
    id: 'agreement-1',
    province: 'chiang-mai',
    workingDraft,
    versions: [
      { no: 1, content: v1, author, createdAt: at },
      { no: 2, content: v2, author, createdAt: at },
    ],
    comments: [
      comment('c1', 1, 2),
      comment('c2', 2, 9),
      { ...comment('c3', 1, 1), anchor: { kind: 'preamble' } },
    ],
    resolutions: [],
    flags: { needsCabinetApproval: false, needsFullPowers: false },
    state: 'revision',
    stateSince: at,
    round: 2,
    history: [],
    createdAt: at,
    updatedAt: at,
  });
}

describe('ensureArticleKeys (agreements stored before article keys)', () => {
  it('keys version 1 from the agreement id and the article number', () => {
    const a = ensureArticleKeys(oldAgreement());
    expect(a.versions[0]?.content.articles.map((x) => x.key)).toEqual(
      v1.articles.map((x) => derivedArticleKey('agreement-1', x.no)),
    );
  });

  it('lets each later version inherit the key of the article it aligns with, and gives new articles new keys', () => {
    const a = ensureArticleKeys(oldAgreement());
    const [first, second] = a.versions.map((v) => v.content.articles);
    // The fixture's draft 2 continues all four articles of draft 1 (reworded, renumbered) and adds five.
    const inherited = (second ?? []).filter((x) => (first ?? []).some((y) => y.key === x.key));
    expect(inherited).toHaveLength(4);
    expect(new Set(second?.map((x) => x.key)).size).toBe(9);
    const added = (second ?? []).filter((x) => !inherited.includes(x));
    expect(added.map((x) => x.key)).toEqual(added.map((x) => derivedArticleKey('agreement-1', 'v2', x.no)));
  });

  it('lets the working draft inherit from the latest version', () => {
    const a = ensureArticleKeys(oldAgreement());
    expect(a.workingDraft.articles.map((x) => x.key)).toEqual(
      a.versions[1]?.content.articles.map((x) => x.key),
    );
  });

  it('fills an old comment’s key from the article of that number in the comment’s own version', () => {
    const a = ensureArticleKeys(oldAgreement());
    const [c1, c2, c3] = a.comments;
    expect(c1?.anchor).toEqual({ kind: 'article', no: 2, key: a.versions[0]?.content.articles[1]?.key });
    expect(c2?.anchor).toEqual({ kind: 'article', no: 9, key: a.versions[1]?.content.articles[8]?.key });
    expect(c3?.anchor).toEqual({ kind: 'preamble' });
  });

  it('gives the same keys on every read, and leaves keys already stored as they are', () => {
    const once = ensureArticleKeys(oldAgreement());
    expect(ensureArticleKeys(oldAgreement())).toEqual(once);
    expect(ensureArticleKeys(once)).toEqual(once);
    const kept = ensureArticleKeys(oldAgreement(story.draft2));
    expect(kept.workingDraft.articles.map((x) => x.key)).toEqual(story.draft2.articles.map((x) => x.key));
  });
});
