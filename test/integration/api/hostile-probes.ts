// The probes of the hostile run: each arbitrary yields one request (and its check) against a lane's agreements.
import fc from 'fast-check';
import { NewComment } from '../../../src/app/comments';
import { AgreementContent, stableStringify, type AgreementContentInput } from '../../../src/domain';
import { renderDocument } from '../../../src/documents';
import { hostileContent, hostileText, storable } from './hostile-inputs';
import { accepted, api, call, expectIn, freshReview, rev, stats, type Lane } from './hostile-lane';
import { badSegment, brokenJson, hostileQuery, mutated } from './hostile-requests';
import { agreementsPath, approved, story } from './support';

/** Round trip: a content with hostile text is either refused whole (422) or stored and read back identical. */
const contentWrite = hostileContent(story.draft1).map((content) => async (lane: Lane) => {
  const { drafting } = lane;
  const path = `${agreementsPath}/${drafting.id}/content`;
  const r = await call('secretary', 'PUT', path, { expectedRev: drafting.rev, content });
  if (!AgreementContent.safeParse(content).success) return expectIn(r, [422], 'invalid content');
  expectIn(r, [200], 'valid content');
  drafting.rev = rev(r);
  const back = await call('moi', 'GET', `${agreementsPath}/${drafting.id}`);
  for (const got of [
    (r.body as { workingDraft: unknown }).workingDraft,
    (back.body as { workingDraft: unknown }).workingDraft,
  ]) {
    if (stableStringify(got) !== stableStringify(content))
      throw new Error('stored content differs from what was sent');
  }
  lane.lastContent = content;
  if (++stats.rendered % 40 === 1)
    await renderDocument({ doc: 'review', layout: 'sequential', content, versionNo: 1, comments: [] });
});

const commentWrite = fc
  .record({
    text: fc.record({ th: hostileText(), en: hostileText() }),
    suggestion: fc.option(fc.record({ en: hostileText() }), { nil: undefined }),
    raw: fc.nat(3),
  })
  .map(({ text: t, suggestion: s, raw }) => async (lane: Lane) => {
    const { review } = lane;
    // Mostly storable text, so that comments are stored and read back; sometimes raw (refused when illegal).
    const text = raw === 0 ? t : { th: storable(t.th), en: storable(t.en) };
    const suggestion = s && raw !== 0 ? { en: storable(s.en) } : s;
    if (review.comments >= 20) await freshReview(lane);
    const comment = { anchor: { kind: 'article', no: 1 }, text, ...(suggestion ? { suggestion } : {}) };
    const r = await call('mfa', 'POST', `${agreementsPath}/${review.id}/comments`, {
      expectedRev: review.rev,
      ...comment,
    });
    if (!NewComment.safeParse(comment).success) return expectIn(r, [422], 'invalid comment');
    expectIn(r, [201], 'valid comment');
    review.rev = rev(r);
    review.comments++;
    const stored = (r.body as { comment: { id: string; text: unknown; suggestion?: unknown } }).comment;
    if (stableStringify([stored.text, stored.suggestion]) !== stableStringify([text, suggestion]))
      throw new Error('comment text differs');
    accepted.push({ agreement: review.id, id: stored.id, text: [text, suggestion] });
  });

const WRITE_TARGETS = ['content', 'events', 'comments', 'create', 'answer'] as const;
function target({ drafting, review }: Lane, t: (typeof WRITE_TARGETS)[number]): [string, string] {
  switch (t) {
    case 'content':
      return ['PUT', `${agreementsPath}/${drafting.id}/content`];
    case 'events':
      return ['POST', `${agreementsPath}/${drafting.id}/events`];
    case 'comments':
      return ['POST', `${agreementsPath}/${review.id}/comments`];
    case 'create':
      return ['POST', agreementsPath];
    case 'answer':
      return ['POST', `${agreementsPath}/${drafting.id}/comments/${review.id}/answer`];
  }
}

/** Valid bodies with one thing wrong: wrong type, unknown field, missing field, or something else entirely. */
const mutatedWrite = fc
  .tuple(
    fc.constantFrom(...WRITE_TARGETS),
    fc.constantFrom<Record<string, unknown>>(
      { expectedRev: 0, content: story.draft1 },
      { expectedRev: 0, event: { type: 'RECORD_RESOLUTION', resolution: approved } },
      { expectedRev: 0, anchor: { kind: 'article', no: 1 }, text: { th: 'ก', en: 'a' } },
      { province: 'chiang-mai', content: story.draft1 },
    ),
  )
  .chain(([t, body]) =>
    mutated(body).map((m) => async (lane: Lane) => {
      const { drafting, review } = lane;
      const [method, path] = target(lane, t);
      const r = await call('secretary', method, path, m);
      // A mutation may leave a body valid: then the request may succeed, and we keep track of the revs it moved.
      if (r.status >= 300) return;
      Object.assign(t === 'comments' ? review : drafting, {
        rev: await fetchRev(t === 'comments' ? review.id : drafting.id),
      });
      if (t === 'content')
        lane.lastContent = await storedAsSent(drafting.id, (m as { content: AgreementContentInput }).content);
    }),
  );

/**
 * What a mutated (still valid) content write must have stored: the content as sent, except that an article sent
 * without a key (a mutation may delete one and leave the body valid) carries the key the server gave it.
 */
async function storedAsSent(id: string, sent: AgreementContentInput): Promise<AgreementContent> {
  const r = await call('moi', 'GET', `${agreementsPath}/${id}`);
  const stored = (r.body as { workingDraft: AgreementContent }).workingDraft;
  return AgreementContent.parse({
    ...sent,
    articles: sent.articles.map((a, i) => ({ ...a, key: a.key ?? stored.articles[i]?.key })),
  });
}

async function fetchRev(id: string): Promise<number> {
  return rev(await call('admin', 'GET', `${agreementsPath}/${id}`));
}

const malformed = fc
  .tuple(
    fc.constantFrom(...WRITE_TARGETS),
    brokenJson(JSON.stringify({ expectedRev: 0, content: story.draft1 })),
    fc.constantFrom(
      'application/json',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/merge-patch+json',
    ),
  )
  .map(([t, body, type]) => async (lane: Lane) => {
    const [method, path] = target(lane, t);
    expectIn(
      await call('secretary', method, path, body, { 'content-type': type }),
      [400, 403, 413, 415, 422],
      'malformed body',
    );
  });

const oversized = fc.integer({ min: 1_048_600, max: 1_400_000 }).map((n) => async (lane: Lane) => {
  const [method, path] = target(lane, 'content');
  expectIn(
    await call('secretary', method, path, `{"expectedRev":0,"content":"${'x'.repeat(n)}"}`),
    [413],
    'oversized body',
  );
});

const badPath = fc
  .tuple(badSegment, fc.constantFrom('id', 'n', 'doc', 'comment', 'event-id'))
  .map(([seg, where]) => async ({ review }: Lane) => {
    const a = `${agreementsPath}/${review.id}`;
    const [method, path, body] = {
      id: ['GET', `${agreementsPath}/${seg}`],
      n: ['GET', `${a}/versions/${seg}`],
      doc: ['GET', `${a}/versions/1/documents/${seg}`],
      comment: [
        'POST',
        `${a}/comments/${seg}/answer`,
        { expectedRev: 0, status: 'accepted', response: { en: 'x' } },
      ],
      'event-id': [
        'POST',
        `${agreementsPath}/${seg}/events`,
        { expectedRev: 0, event: { type: 'WITHDRAW' } },
      ],
    }[where] as [string, string, unknown?];
    // An empty or dot segment is normalised away by the URL parser and names another (real) route: 200 is right there.
    const renamed = seg === '' || new URL(api.base + path).pathname !== path.split('?')[0];
    expectIn(
      await call('secretary', method, path, body),
      [400, 403, 404, 409, 422, ...(renamed ? [200] : [])],
      `bad ${where} segment`,
    );
  });

const badQuery = fc.tuple(hostileQuery, fc.boolean()).map(([q, docs]) => async ({ review }: Lane) => {
  const path = docs
    ? `${agreementsPath}/${review.id}/versions/1/documents/mou?${q}`
    : `${agreementsPath}?${q}`;
  expectIn(await call(docs ? 'mfa' : 'moi', 'GET', path), [200, 404, 422], 'hostile query');
});

const hostileEvent = fc
  .tuple(fc.record({ meeting: hostileText(3), th: hostileText(), place: hostileText() }), fc.boolean())
  .map(([{ meeting, th, place }, resolution]) => async ({ drafting }: Lane) => {
    const who = { name: { th, en: th }, title: { th, en: th }, capacity: 'principal' };
    const event = resolution
      ? { type: 'RECORD_RESOLUTION', resolution: { ...approved, meeting, text: { th, en: place } } }
      : {
          type: 'RECORD_SIGNING',
          signing: {
            date: '2022-11-17',
            place: { th: place, en: th },
            signatories: { thai: who, partner: who },
          },
        };
    // Drafting allows neither step: a well-formed event is refused by the state (403), a malformed one by the schema.
    const r = await call('secretary', 'POST', `${agreementsPath}/${drafting.id}/events`, {
      expectedRev: drafting.rev,
      event,
    });
    expectIn(r, [403, 422], 'hostile event');
  });

/** One hostile request of any kind; writes that should succeed are rarer, since they are the slow ones. */
export const probe = fc.oneof(
  { weight: 1, arbitrary: contentWrite },
  { weight: 1, arbitrary: commentWrite },
  { weight: 4, arbitrary: mutatedWrite },
  { weight: 3, arbitrary: malformed },
  { weight: 4, arbitrary: badPath },
  { weight: 3, arbitrary: badQuery },
  { weight: 2, arbitrary: hostileEvent },
  { weight: 1, arbitrary: oversized },
);
