// GET /api/v1/agreements/{id}/checks: the checks of the working draft, the same findings as the domain and the CLI give.
import type { Actor } from '../../../src/domain';
import { checkContent, FindingList } from '../../../src/domain/checks';
import { fingerprint } from '../../../src/app/drafting-gate';
import { agreementsPath, startApi, story, type ApiApp } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const secretary = (): Actor => ({
  userId: api.userId.secretary,
  name: 'secretary',
  role: 'secretary',
  province: 'chiang-mai',
});

describe('GET /api/v1/agreements/{id}/checks', () => {
  it('gives { findings } on the working draft: draft 1 has the errors MFA commented on, the revised draft none', async () => {
    const a = await api.services.agreements.createDraft(secretary(), {
      province: 'chiang-mai',
      content: story.draft1,
    });
    const first = await api.call('mfa', 'GET', `${agreementsPath}/${a.id}/checks`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const { findings } = FindingList.parse(first.body);
    expect(findings).toEqual(checkContent(a.workingDraft));
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('wording.shall');

    const put = await api.call('secretary', 'PUT', `${agreementsPath}/${a.id}/content`, {
      expectedRev: a.rev,
      content: story.draft2,
    });
    expect(put.status).toBe(200);
    const after = FindingList.parse(
      (await api.call('secretary', 'GET', `${agreementsPath}/${a.id}/checks`)).body,
    );
    expect(after.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('the pre-review gate over the API', () => {
  const send = (id: string, rev: number, extra: Record<string, unknown> = {}) =>
    api.call(
      'secretary',
      'POST',
      `${agreementsPath}/${id}/events`,
      { event: { type: 'SUBMIT_TO_COMMITTEE' }, expectedRev: rev, ...extra },
      { 'accept-language': 'en' },
    );

  it('refuses draft 1 (422 validation-failed, every error at its field, in both languages) and stores nothing', async () => {
    const a = await api.services.agreements.createDraft(secretary(), {
      province: 'chiang-mai',
      content: story.draft1,
    });
    const r = await send(a.id, a.rev, { acknowledgeWarnings: true });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toMatch(/problem\+json/);
    const body = r.body as { type: string; errors: { path: string; message: string }[] };
    expect(body.type).toBe('/problems/validation-failed');
    const errors = checkContent(a.workingDraft).filter((f) => f.severity === 'error');
    expect(body.errors).toHaveLength(errors.length);
    expect(body.errors.map((e) => e.message)).toEqual(errors.map((f) => f.message.en));
    const th = await api.call(
      'secretary',
      'POST',
      `${agreementsPath}/${a.id}/events`,
      {
        event: { type: 'SUBMIT_TO_COMMITTEE' },
        expectedRev: a.rev,
      },
      { 'accept-language': 'th' },
    );
    expect((th.body as { errors: { message: string }[] }).errors.map((e) => e.message)).toEqual(
      errors.map((f) => f.message.th),
    );
    expect((await api.services.agreements.get(secretary(), a.id)).rev).toBe(a.rev);
  });

  it('asks for draft 2’s warnings to be acknowledged (422 warnings-unacknowledged), then takes the step and records them', async () => {
    const a = await api.services.agreements.createDraft(secretary(), {
      province: 'chiang-mai',
      content: story.draft2,
    });
    const first = await send(a.id, a.rev);
    expect(first.status).toBe(422);
    const body = first.body as { type: string; errors: unknown[] };
    expect(body.type).toBe('/problems/warnings-unacknowledged');
    const warnings = checkContent(story.draft2).filter((f) => f.severity === 'warning');
    expect(body.errors).toHaveLength(warnings.length);
    const second = await send(a.id, a.rev, { acknowledgeWarnings: true });
    expect(second.status).toBe(200);
    expect((second.body as { state: string }).state).toBe('committeeReview');
    const rec = await api.services.agreements.get(secretary(), a.id);
    expect(rec.history.at(-1)?.acknowledged).toEqual([...new Set(warnings.map(fingerprint))]);
  });
});
