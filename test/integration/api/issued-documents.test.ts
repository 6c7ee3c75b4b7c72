// Each step that hands a document on records its SHA-256 in the history, and the download matches it.
import { sejongSigning } from '../agreement-helpers';
import { agreementsPath, approved, startApi, story, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

interface View {
  id: string;
  rev: number;
  state: string;
  history: { event: string; versionNo?: number; documentSha256?: string }[];
  comments: { id: string }[];
}

describe('documents issued by the steps', () => {
  it('records the SHA-256 of the draft, memo, review copy, redline and signing copy that each step issues', async () => {
    let r = await api.call('secretary', 'POST', agreementsPath, {
      province: 'chiang-mai',
      content: story.draft1,
    });
    let a = r.body as View;
    const send = async (who: Who, event: Record<string, unknown>) => {
      r = await api.call(who, 'POST', `${agreementsPath}/${a.id}/events`, { event, expectedRev: a.rev });
      expect(r.status).toBe(200);
      a = r.body as View;
      return a.history.at(-1);
    };
    const sha = async (n: number, doc: string) => {
      const d = await api.call('admin', 'GET', `${agreementsPath}/${a.id}/versions/${n}/documents/${doc}`);
      expect(d.status).toBe(200);
      return d.headers.get('x-content-sha256');
    };
    const issued: Record<string, string | undefined> = {};
    issued.committee = (await send('secretary', { type: 'SUBMIT_TO_COMMITTEE' }))?.documentSha256;
    expect(issued.committee).toBe(await sha(1, 'mou'));
    await send('secretary', { type: 'RECORD_RESOLUTION', resolution: approved });
    issued.memo = (await send('secretary', { type: 'SUBMIT_TO_MOI' }))?.documentSha256;
    expect(issued.memo).toBe(await sha(1, 'memo'));
    expect((await send('moi', { type: 'FORWARD_TO_MFA' }))?.documentSha256).toBeUndefined();
    for (const c of story.comments) {
      r = await api.call('mfa', 'POST', `${agreementsPath}/${a.id}/comments`, {
        expectedRev: a.rev,
        anchor: c.anchor,
        text: c.text,
      });
      a = { ...a, rev: (r.body as { rev: number }).rev };
    }
    issued.review = (await send('mfa', { type: 'RETURN_WITH_COMMENTS' }))?.documentSha256;
    expect(issued.review).toBe(await sha(1, 'review'));
    r = await api.call('secretary', 'PUT', `${agreementsPath}/${a.id}/content`, {
      expectedRev: a.rev,
      content: story.draft2,
    });
    a = r.body as View;
    for (const c of a.comments) {
      r = await api.call('secretary', 'POST', `${agreementsPath}/${a.id}/comments/${c.id}/answer`, {
        expectedRev: a.rev,
        status: 'accepted',
        response: { th: 'แก้ไขแล้ว', en: 'Revised.' },
      });
      a = { ...a, rev: (r.body as { rev: number }).rev };
    }
    const resubmitted = await send('secretary', { type: 'RESUBMIT' });
    expect(resubmitted).toMatchObject({ versionNo: 2 });
    expect(resubmitted?.documentSha256).toBe(await sha(2, 'redline'));
    await send('mfa', { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false });
    await send('secretary', { type: 'AGREE_FINAL_TEXT' });
    issued.signing = (await send('secretary', { type: 'RECORD_SIGNING', signing: sejongSigning }))
      ?.documentSha256;
    expect(issued.signing).toBe(await sha(2, 'signing'));
    expect(new Set(Object.values(issued)).size).toBe(Object.keys(issued).length);
    for (const v of Object.values(issued)) expect(v).toMatch(/^[0-9a-f]{64}$/);
  });
});
