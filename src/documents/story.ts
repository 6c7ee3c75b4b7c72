// Turns a sample-agreement story (fixtures/*.json: draft 1, comments, draft 2) into render requests, one per document.
import type { Comment } from '../domain/comment';
import type { FixtureStory } from '../domain/fixture';
import { REVIEWER_ORGANISATIONS } from '../domain/organisations';
import { Role } from '../domain/roles';
import type { DocType, Layout, RenderInput, RenderMeta } from './input';

/** The story's comments as domain comments on version 1, all dated `reviewedAt`. */
export function storyComments(story: FixtureStory, reviewedAt: string): Comment[] {
  return story.comments.map((c, i) => {
    const role = Role.safeParse(c.by);
    const r: Role = role.success ? role.data : 'mfa';
    return {
      id: `c${i + 1}`,
      round: 1,
      versionNo: 1,
      author: {
        userId: c.by,
        name: REVIEWER_ORGANISATIONS[r].en,
        role: r,
        organisation: REVIEWER_ORGANISATIONS[r],
      },
      anchor: c.anchor,
      text: c.text,
      status: 'open',
      createdAt: `${reviewedAt}T00:00:00Z`,
    };
  });
}

/**
 * The request for one document of the story: drafts (mou, plan, signing) use draft 2; the review copy and the
 * cover memo draft 1; redline and comparison draft 2 against draft 1.
 */
export function storyInput(
  story: FixtureStory,
  doc: DocType,
  layout: Layout,
  meta: RenderMeta = {},
): RenderInput {
  const reviewedAt = meta.date ?? '2022-05-20';
  const committee = {
    meeting: story.committee.meeting,
    date: story.committee.date,
    resolution: story.committee.resolution,
  };
  const m: RenderMeta = { committee, ...meta };
  switch (doc) {
    case 'review':
      return {
        doc,
        layout,
        content: story.draft1,
        versionNo: 1,
        comments: storyComments(story, reviewedAt),
        meta: m,
      };
    case 'memo':
      return { doc, layout, content: story.draft1, versionNo: 1, meta: m };
    case 'redline':
      return { doc, layout, content: story.draft2, previous: story.draft1, versionNo: 2, meta: m };
    case 'comparison':
      return {
        doc,
        layout,
        content: story.draft2,
        previous: story.draft1,
        versionNo: 2,
        comments: storyComments(story, reviewedAt),
        meta: m,
      };
    case 'mou':
    case 'plan':
    case 'signing':
      return { doc, layout, content: story.draft2, versionNo: 2, meta: m };
    case 'renewal':
      return {
        doc,
        layout,
        content: story.draft2,
        versionNo: 2,
        meta: {
          renewal: { signedOn: '2022-11-17', date: '2027-11-17', years: 5, expiresOn: '2032-11-17' },
          ...m,
        },
      };
  }
}
