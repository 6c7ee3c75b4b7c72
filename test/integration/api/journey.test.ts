// The Chiang Mai–Sejong journey over the JSON API: three programs with their own bearer tokens, draft 1 to signing.
import { createHash } from 'node:crypto';
import { verifyHistoryChain } from '../../../src/domain';
import {
  AgreementPage,
  AgreementView,
  CommentResult,
  VersionList,
  VersionView,
} from '../../../src/http/api/schemas';
import { sejongSigning } from '../agreement-helpers';
import { part, text } from '../../support/doc-xml';
import { agreementsPath, approved, startApi, story, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

let id = '';
let rev = 0;
const path = () => `${agreementsPath}/${id}`;

/** Sends an event as `who` at the current rev and expects the new state. */
async function step(
  who: Who,
  event: Record<string, unknown>,
  to: string,
  extra: Record<string, unknown> = {},
) {
  const r = await api.call(who, 'POST', `${path()}/events`, { event, expectedRev: rev, ...extra });
  expect({ status: r.status, body: r.body }).toMatchObject({ status: 200, body: { state: to } });
  const view = AgreementView.parse(r.body);
  expect(view.rev).toBe(rev + 1);
  rev = view.rev;
  return view;
}

async function download(who: Who, n: number, doc: string, query = '') {
  const r = await api.call(who, 'GET', `${path()}/versions/${n}/documents/${doc}${query}`);
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  expect(r.headers.get('x-content-sha256')).toBe(createHash('sha256').update(r.bytes).digest('hex'));
  return {
    bytes: r.bytes,
    disposition: r.headers.get('content-disposition') ?? '',
    sha: r.headers.get('x-content-sha256') ?? '',
  };
}

describe('Chiang Mai and Sejong over the API', () => {
  it('the Chiang Mai secretary creates draft 1 (201, Location) and sends it to the committee', async () => {
    const r = await api.call('secretary', 'POST', agreementsPath, {
      province: 'chiang-mai',
      content: story.draft1,
    });
    expect(r.status).toBe(201);
    const view = AgreementView.parse(r.body);
    id = view.id;
    rev = view.rev;
    expect(r.headers.get('location')).toBe(`${agreementsPath}/${id}`);
    expect(view).toMatchObject({
      state: 'drafting',
      workingDraft: story.draft1,
      availableEvents: expect.arrayContaining(['SUBMIT_TO_COMMITTEE']),
    });
    expect(view).not.toHaveProperty('snapshot');
    await step('secretary', { type: 'SUBMIT_TO_COMMITTEE' }, 'committeeReview');
  });

  it('records resolution 1/2565, downloads the cover memo and submits it to MOI with the memo’s SHA-256', async () => {
    await step('secretary', { type: 'RECORD_RESOLUTION', resolution: approved }, 'committeeApproved');
    const memo = await download('secretary', 1, 'memo');
    expect(memo.disposition).toMatch(/^attachment; filename="?MOU_ChiangMai-Sejong_v1_memo\.docx"?$/);
    expect(text(part(memo.bytes, 'word/document.xml'))).toContain('ครั้งที่ ๑/๒๕๖๕');
    // The hash of what a step issues is the server's to compute: a client's is refused.
    const refused = await api.call('secretary', 'POST', `${agreementsPath}/${id}/events`, {
      event: { type: 'SUBMIT_TO_MOI' },
      expectedRev: rev,
      documentSha256: memo.sha,
    });
    expect(refused.status).toBe(422);
    const view = await step('secretary', { type: 'SUBMIT_TO_MOI' }, 'moiReview');
    // The memo previewed before the step is the one the step issued and stored.
    expect(view.history.at(-1)).toMatchObject({
      event: 'SUBMIT_TO_MOI',
      doc: 'memo',
      documentSha256: memo.sha,
      versionNo: 1,
    });
  });

  it('MOI finds it in the list (with the total) and forwards it to MFA', async () => {
    const list = await api.call(
      'moi',
      'GET',
      `${agreementsPath}?state=moiReview&province=chiang-mai&kind=partnership&partnerCountry=${encodeURIComponent(story.draft1.parties.partner.country.en)}`,
    );
    expect(list.status).toBe(200);
    const page = AgreementPage.parse(list.body);
    expect(page).toMatchObject({ total: 1, limit: 20, offset: 0, items: [{ id, state: 'moiReview' }] });
    await step('moi', { type: 'FORWARD_TO_MFA' }, 'mfaReview');
  });

  it('MFA makes its five comments and returns the draft with comments', async () => {
    for (const c of story.comments) {
      const r = await api.call('mfa', 'POST', `${path()}/comments`, {
        expectedRev: rev,
        anchor: c.anchor,
        text: c.text,
      });
      expect(r.status).toBe(201);
      const result = CommentResult.parse(r.body);
      expect(result.comment).toMatchObject({ anchor: c.anchor, text: c.text, status: 'open', versionNo: 1 });
      rev = result.rev;
    }
    await step('mfa', { type: 'RETURN_WITH_COMMENTS' }, 'revision');
    const review = await download('secretary', 1, 'review');
    const notes = text(part(review.bytes, 'word/comments.xml'));
    for (const c of story.comments) expect(notes).toContain(c.text.en);
  });

  it('the secretary writes draft 2, answers every comment and resubmits', async () => {
    const put = await api.call('secretary', 'PUT', `${path()}/content`, {
      expectedRev: rev,
      content: story.draft2,
    });
    expect(put.status).toBe(200);
    rev = AgreementView.parse(put.body).rev;
    const v1 = VersionView.parse((await api.call('secretary', 'GET', `${path()}/versions/1`)).body);
    for (const c of v1.comments) {
      const r = await api.call('secretary', 'POST', `${path()}/comments/${c.id}/answer`, {
        expectedRev: rev,
        status: 'accepted',
        response: { th: 'แก้ไขตามข้อสังเกตแล้ว', en: 'Revised as advised.' },
      });
      expect(r.status).toBe(200);
      rev = CommentResult.parse(r.body).rev;
    }
    const view = await step('secretary', { type: 'RESUBMIT' }, 'mfaReview');
    expect(view.versions.map((v) => v.no)).toEqual([1, 2]);
  });

  it('version 2 offers its redline and comparison table; the redline tracks changes against version 1', async () => {
    const versions = VersionList.parse((await api.call('mfa', 'GET', `${path()}/versions`)).body);
    expect(versions.items.map((v) => [v.no, v.documents.map((d) => d.doc)])).toEqual([
      [1, ['mou', 'mou', 'mou', 'review', 'memo', 'plan']],
      [2, ['mou', 'mou', 'mou', 'redline', 'comparison', 'memo', 'plan']],
    ]);
    const redline = await download('mfa', 2, 'redline');
    expect(redline.disposition).toContain('MOU_ChiangMai-Sejong_v2_redline.docx');
    expect(part(redline.bytes, 'word/document.xml')).toMatch(/<w:ins /);
    const seq = await download('mfa', 2, 'mou', '?layout=sequential');
    expect(seq.disposition).toContain('MOU_ChiangMai-Sejong_v2_sequential.docx');
  });

  it('MFA gives no objection; Sejong agrees; the vice-governor signs; the signing copy carries place and date', async () => {
    await step(
      'mfa',
      { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false },
      'partnerAgreement',
    );
    await step('secretary', { type: 'AGREE_FINAL_TEXT' }, 'readyToSign');
    const copy = await download('secretary', 2, 'signing');
    const signed = await step('secretary', { type: 'RECORD_SIGNING', signing: sejongSigning }, 'inForce');
    expect(signed.signing).toEqual(sejongSigning);
    // The signing copy issued at signing carries place and date, unlike the blank one previewed before.
    const after = await download('moi', 2, 'signing');
    expect(after.sha).not.toBe(copy.sha);
    expect(signed.history.at(-1)).toMatchObject({ doc: 'signing', documentSha256: after.sha });
    expect(text(part(after.bytes, 'word/document.xml'))).toContain('November 2022');
  });

  it('leaves an unbroken history of ten steps, each by the role that acted, and every comment and edit between', async () => {
    const view = AgreementView.parse((await api.call('admin', 'GET', path())).body);
    const steps = view.history.filter((h) => h.from !== h.to);
    expect(view.history.filter((h) => h.from === h.to).map((h) => `${h.event} ${h.actor.role}`)).toEqual([
      ...Array(5).fill('ADD_COMMENT mfa'),
      'EDIT_CONTENT secretary',
      ...Array(5).fill('ANSWER_COMMENT secretary'),
    ]);
    expect(steps.map((h) => h.actor.role)).toEqual([
      'secretary',
      'secretary',
      'secretary',
      'secretary',
      'moi',
      'mfa',
      'secretary',
      'mfa',
      'secretary',
      'secretary',
    ]);
    expect(view.history.map((h) => h.actor.userId)).toContain(api.userId.mfa);
    expect(steps).toHaveLength(10);
    expect(verifyHistoryChain(id, view.history)).toMatchObject({ ok: true, length: 21 });
  });
});
