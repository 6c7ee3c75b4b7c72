// Every refusal is application/problem+json with a stable type, the right status and a message in the caller's language.
import { randomUUID } from 'node:crypto';
import { Problem } from '../../../src/http/api/schemas';
import { agreementsPath, startApi, story, type ApiApp, type ApiResult } from './support';

let api: ApiApp;
let id = '';
let rev = 0;
beforeAll(async () => {
  api = await startApi();
  const r = await api.call('secretary', 'POST', agreementsPath, {
    province: 'chiang-mai',
    content: story.draft1,
  });
  id = String((r.body as { id: string }).id);
  rev = Number((r.body as { rev: number }).rev);
});
afterAll(async () => api.close());

function expectProblem(r: ApiResult, status: number, type: string) {
  expect({ status: r.status, type: (r.body as { type?: string } | undefined)?.type }).toEqual({
    status,
    type: `/problems/${type}`,
  });
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Problem.parse(r.body)).toMatchObject({ status });
  expect(r.text).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
}

describe('problem types', () => {
  const p = () => `${agreementsPath}/${id}`;
  it.each([
    [
      'a malformed JSON body',
      400,
      'invalid-input',
      () => api.call('secretary', 'PUT', `${p()}/content`, '{"expectedRev": 0, "content": {'),
    ],
    [
      'a body that is not JSON',
      400,
      'invalid-input',
      () =>
        api.call('secretary', 'POST', `${p()}/events`, 'event=WITHDRAW', {
          'content-type': 'application/x-www-form-urlencoded',
        }),
    ],
    [
      'an unknown field in the body',
      422,
      'validation-failed',
      () =>
        api.call('secretary', 'POST', `${p()}/events`, {
          event: { type: 'WITHDRAW' },
          expectedRev: rev,
          extra: 1,
        }),
    ],
    [
      'an unknown field inside the event',
      422,
      'validation-failed',
      () =>
        api.call('secretary', 'POST', `${p()}/events`, {
          event: { type: 'WITHDRAW', why: 'x' },
          expectedRev: rev,
        }),
    ],
    [
      'an unknown event',
      422,
      'validation-failed',
      () =>
        api.call('secretary', 'POST', `${p()}/events`, {
          event: { type: 'DELETE_EVERYTHING' },
          expectedRev: rev,
        }),
    ],
    [
      'a wrong type',
      422,
      'validation-failed',
      () => api.call('secretary', 'POST', `${p()}/events`, { event: { type: 'WITHDRAW' }, expectedRev: '0' }),
    ],
    [
      'an unknown query parameter',
      422,
      'validation-failed',
      () => api.call('secretary', 'GET', `${agreementsPath}?sort=evil`),
    ],
    [
      'a page size out of range',
      422,
      'validation-failed',
      () => api.call('secretary', 'GET', `${agreementsPath}?limit=1000`),
    ],
    [
      'an unknown layout',
      422,
      'validation-failed',
      () => api.call('secretary', 'GET', `${p()}/versions/1/documents/mou?layout=../x`),
    ],
    [
      'an id that is not a UUID',
      404,
      'not-found',
      () => api.call('secretary', 'GET', `${agreementsPath}/not-an-id`),
    ],
    [
      'an id of the MongoDB kind',
      404,
      'not-found',
      () => api.call('secretary', 'GET', `${agreementsPath}/507f1f77bcf86cd799439011`),
    ],
    [
      'an agreement that does not exist',
      404,
      'not-found',
      () => api.call('secretary', 'GET', `${agreementsPath}/${randomUUID()}`),
    ],
    ['version 0', 404, 'not-found', () => api.call('secretary', 'GET', `${p()}/versions/0`)],
    [
      'a version that does not exist yet',
      404,
      'not-found',
      () => api.call('secretary', 'GET', `${p()}/versions/1`),
    ],
    [
      'path traversal in a document name',
      404,
      'not-found',
      () => api.call('secretary', 'GET', `${p()}/versions/1/documents/..%2F..%2Fpackage.json`),
    ],
    [
      'an unknown document',
      404,
      'not-found',
      () => api.call('secretary', 'GET', `${p()}/versions/1/documents/secret`),
    ],
    ['an unknown API path', 404, 'not-found', () => api.call('secretary', 'GET', '/api/v1/nothing-here')],
    [
      'a stale expectedRev',
      409,
      'conflict',
      () => api.call('secretary', 'PUT', `${p()}/content`, { expectedRev: rev + 7, content: story.draft2 }),
    ],
    [
      'a step the state does not allow',
      403,
      'not-allowed',
      () => api.call('secretary', 'POST', `${p()}/events`, { event: { type: 'RESUBMIT' }, expectedRev: rev }),
    ],
    [
      'a body over 1 MB',
      413,
      'payload-too-large',
      () =>
        api.call(
          'secretary',
          'PUT',
          `${p()}/content`,
          JSON.stringify({ expectedRev: rev, content: { pad: 'x'.repeat(1_100_000) } }),
        ),
    ],
    ['no credentials', 401, 'unauthenticated', () => api.call(undefined, 'POST', agreementsPath, {})],
    [
      'an unknown token',
      401,
      'unauthenticated',
      () =>
        fetch(`${api.base}${agreementsPath}`, { headers: { authorization: 'Bearer mou_nope' } }).then(
          asResult,
        ),
    ],
  ] as const)('%s → %i %s', async (_what, status, type, send) => {
    expectProblem(await send(), status, type);
  });

  it('nothing above changed the agreement', async () => {
    const r = await api.call('secretary', 'GET', `${agreementsPath}/${id}`);
    expect(r.body).toMatchObject({ rev, state: 'drafting', workingDraft: story.draft1 });
  });

  it('answers in Thai when asked (Accept-Language), with the field that failed', async () => {
    const r = await api.call(
      'secretary',
      'POST',
      `${agreementsPath}/${id}/events`,
      { event: { type: 'WITHDRAW' }, expectedRev: -1 },
      { 'accept-language': 'th' },
    );
    expectProblem(r, 422, 'validation-failed');
    expect(Problem.parse(r.body).detail).toMatch(/[ก-๙]/);
    expect(Problem.parse(r.body).errors.map((e) => e.path)).toEqual(['expectedRev']);
  });
});

async function asResult(res: Response): Promise<ApiResult> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString('utf8');
  return { status: res.status, headers: res.headers, bytes, text, body: JSON.parse(text) };
}
