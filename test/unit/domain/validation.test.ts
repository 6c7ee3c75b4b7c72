import {
  draftIssues,
  DomainError,
  finalTextIssues,
  makeVersion,
  moiSubmissionIssues,
  partnerChangeIssues,
  resolutionIssues,
  resubmitIssues,
  returnWithCommentsIssues,
  signingIssues,
  assertNoIssues,
  type Comment,
  type FieldIssue,
  type Resolution,
  type Signing,
} from '../../../src/domain';
import { chiangMaiSejong } from '../../support/fixtures';

const story = chiangMaiSejong();
const paths = (issues: FieldIssue[]) => issues.map((i) => i.path);
const author = { userId: 'u', name: 'n' };

function expectBilingual(issues: FieldIssue[]) {
  for (const i of issues) {
    expect(i.message.th.trim()).not.toBe('');
    expect(i.message.en.trim()).not.toBe('');
  }
}

describe('a draft going to the committee', () => {
  it('passes with titles in both languages and complete articles (draft 1 of Chiang Mai–Sejong)', () => {
    expect(draftIssues(story.draft1)).toEqual([]);
  });

  it('needs a title in both languages and at least one article', () => {
    const issues = draftIssues({ ...story.draft1, title: { th: 'ชื่อ', en: ' ' }, articles: [] });
    expect(paths(issues)).toEqual(['title.en', 'articles']);
    expectBilingual(issues);
    expect(issues[0]?.message.en).toBe('The title is missing in English');
  });

  it('needs every article in both languages and numbered in order', () => {
    const [a1, a2] = story.draft1.articles;
    if (!a1 || !a2) throw new Error('fixture');
    const issues = draftIssues({
      ...story.draft1,
      articles: [a1, { ...a2, no: 5, text: { th: '', en: 'x' } }],
    });
    expect(paths(issues)).toEqual(['articles.1.no', 'articles.1.text.th']);
  });
});

describe('committee resolutions', () => {
  const ok: Resolution = {
    meeting: '1/2565',
    date: '2022-03-14',
    outcome: 'approved',
    text: story.committee.resolution,
  };

  it('accept a Thai-style meeting number of the meeting’s Buddhist-era year', () => {
    expect(resolutionIssues(ok)).toEqual([]);
    expect(resolutionIssues({ ...ok, meeting: '2/2566', date: '2022-11-01' })).toEqual([]); // fiscal year 2566 began Oct 2022
  });

  it('refuse a malformed meeting number, a year that does not match the date, an impossible date or an empty Thai text', () => {
    expect(paths(resolutionIssues({ ...ok, meeting: '1-2565' }))).toEqual(['resolution.meeting']);
    expect(paths(resolutionIssues({ ...ok, meeting: '1/2022' }))).toEqual(['resolution.meeting']);
    expect(paths(resolutionIssues({ ...ok, meeting: '1/2560' }))).toEqual(['resolution.meeting']);
    expect(paths(resolutionIssues({ ...ok, date: '2022-02-30' }))).toEqual(['resolution.date']);
    expect(paths(resolutionIssues({ ...ok, text: { th: '', en: 'x' } }))).toEqual(['resolution.text.th']);
    expectBilingual(resolutionIssues({ ...ok, meeting: '1/2560' }));
  });

  it('let a draft go to MOI only after an approving resolution (approval with amendments counts)', () => {
    expect(moiSubmissionIssues({ resolutions: [] })).toHaveLength(1);
    expect(moiSubmissionIssues({ resolutions: [{ ...ok, outcome: 'sent-back' }] })).toHaveLength(1);
    expect(
      moiSubmissionIssues({
        resolutions: [
          { ...ok, outcome: 'sent-back' },
          { ...ok, outcome: 'approved-with-amendments' },
        ],
      }),
    ).toEqual([]);
    expect(moiSubmissionIssues({ resolutions: [ok, { ...ok, outcome: 'sent-back' }] })).toHaveLength(1);
  });
});

describe('review comments', () => {
  const comment = (id: string, round: number, status: Comment['status'], response?: string): Comment => ({
    id,
    round,
    versionNo: 1,
    author: { userId: 'm', name: 'MFA', role: 'mfa', organisation: { th: 'กต.', en: 'MFA' } },
    anchor: { kind: 'document' },
    text: { th: 'ข้อสังเกต', en: 'Comment' },
    status,
    ...(response !== undefined ? { response: { en: response } } : {}),
    createdAt: '2022-04-01T00:00:00.000Z',
  });

  it('a reviewer cannot return a draft with zero comments in this round', () => {
    expect(returnWithCommentsIssues({ comments: [] }, 1)).toHaveLength(1);
    expect(returnWithCommentsIssues({ comments: [comment('c1', 1, 'accepted', 'done')] }, 2)).toHaveLength(1);
    expect(returnWithCommentsIssues({ comments: [comment('c2', 2, 'open')] }, 2)).toEqual([]);
  });

  it('the province must answer every comment of the round, with a status and a response', () => {
    const comments = [
      comment('c1', 1, 'open'),
      comment('c2', 1, 'accepted'),
      comment('c3', 1, 'not-accepted', 'because'),
      comment('c4', 2, 'open'),
    ];
    expect(paths(resubmitIssues({ comments }, 1))).toEqual(['comments.c1', 'comments.c2']);
  });
});

describe('agreeing the final text with the partner', () => {
  const versions = [makeVersion([], story.draft2, author, '2022-05-01T00:00:00.000Z')];
  it('is possible only for the text MFA cleared, and a partner change must be an actual change', () => {
    expect(finalTextIssues({ workingDraft: story.draft2, versions })).toEqual([]);
    expect(partnerChangeIssues({ workingDraft: story.draft2, versions })).toHaveLength(1);
    const changed = { ...story.draft2, title: { ...story.draft2.title, en: 'Changed by the partner' } };
    expect(finalTextIssues({ workingDraft: changed, versions })).toHaveLength(1);
    expect(partnerChangeIssues({ workingDraft: changed, versions })).toEqual([]);
  });
});

describe('a signing record', () => {
  const person = {
    name: { th: 'ก', en: 'A' },
    title: { th: 'ผู้ว่าราชการจังหวัด', en: 'Governor' },
    capacity: 'principal' as const,
  };
  const signing: Signing = {
    date: '2022-11-17',
    place: { th: 'เชียงใหม่', en: 'Chiang Mai' },
    signatories: { thai: person, partner: person },
  };
  const none = { needsCabinetApproval: false, needsFullPowers: false };

  it('needs a date, a place and both signatories', () => {
    expect(signingIssues(signing, none)).toEqual([]);
    expect(paths(signingIssues({ ...signing, date: undefined }, none))).toEqual(['signing.date']);
    expect(paths(signingIssues({ ...signing, place: { th: '', en: '' } }, none))).toEqual([
      'signing.place.th',
      'signing.place.en',
    ]);
    expect(paths(signingIssues({ ...signing, signatories: { thai: person } }, none))).toEqual([
      'signing.signatories.partner',
    ]);
    expect(
      paths(
        signingIssues(
          { ...signing, signatories: { thai: { ...person, name: { th: '', en: 'A' } }, partner: person } },
          none,
        ),
      ),
    ).toEqual(['signing.signatories.thai.name.th']);
  });

  it('needs to say on whose behalf a vice-governor signed', () => {
    const vice = { ...person, capacity: 'on-behalf' as const };
    expect(paths(signingIssues({ ...signing, signatories: { thai: vice, partner: person } }, none))).toEqual([
      'signing.signatories.thai.onBehalfOf.th',
      'signing.signatories.thai.onBehalfOf.en',
    ]);
  });

  it('needs full powers only when the agreement is flagged as needing them', () => {
    expect(paths(signingIssues(signing, { ...none, needsFullPowers: true }))).toEqual(['signing.fullPowers']);
    expect(
      signingIssues(
        { ...signing, fullPowers: { reference: 'กต 0601/123', issuedOn: '2022-11-01' } },
        { ...none, needsFullPowers: true },
      ),
    ).toEqual([]);
  });
});

describe('validation errors', () => {
  it('carry the code validation-failed, a bilingual summary and every issue', () => {
    const issues = draftIssues({ ...story.draft1, articles: [] });
    let caught: unknown;
    try {
      assertNoIssues(issues, { th: 'ไม่ผ่าน', en: 'Failed' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({
      code: 'validation-failed',
      userMessage: { th: 'ไม่ผ่าน', en: 'Failed' },
      issues,
    });
    expect(() => assertNoIssues([], { th: '', en: '' })).not.toThrow();
  });
});
