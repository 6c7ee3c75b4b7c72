// GET /api/v1/agreements/{id}/checks: the checks of the working draft, the same findings as the domain and the CLI give.
import type { Actor } from '../../../src/domain';
import { checkContent, FindingList } from '../../../src/domain/checks';
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
