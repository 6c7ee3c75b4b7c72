// Issued documents stay as issued: later steps, a re-signed amendment, or a new renderer never change them.
import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import { createDocumentRenderer } from '../../../src/app/document-renderer';
import { createDocumentService } from '../../../src/app/document-service';
import type { AgreementRecord } from '../../../src/app/ports';
import { createVerifier, verifyAgreement } from '../../../src/app/verification';
import { sha256Hex } from '../../../src/domain';
import { renderDocument } from '../../../src/documents';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import {
  approved,
  moiOfficer,
  mfaReviewer,
  secretary,
  sejongSigning,
  sequentialIds,
  signedSejongJourney,
  steppingClock,
  story,
} from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';

let records: ReturnType<typeof memoryRecords>;
let agreements: AgreementService;
beforeEach(() => {
  records = memoryRecords();
  agreements = createAgreementService({
    repository: createMemoryAgreementRepository(),
    clock: steppingClock(),
    newId: sequentialIds(),
    records,
  });
});

const documentsWith = (renderer = createDocumentRenderer()) =>
  createDocumentService({ agreements, renderer, files: records.files });

/** A signed MOU amended (draft 2 with a changed article) and signed again elsewhere, on another day. */
async function amendedAndResigned(a: AgreementRecord): Promise<AgreementRecord> {
  a = await agreements.send(secretary, a.id, a.rev, { type: 'PROPOSE_AMENDMENT' });
  const content = structuredClone(story.draft2);
  const first = content.articles[0];
  if (first) first.text.en = `${first.text.en} (amended)`;
  a = await agreements.updateContent(secretary, a.id, a.rev, content);
  for (const [who, e] of [
    [secretary, { type: 'SUBMIT_TO_COMMITTEE' }],
    [secretary, { type: 'RECORD_RESOLUTION', resolution: approved }],
    [secretary, { type: 'SUBMIT_TO_MOI' }],
    [moiOfficer, { type: 'FORWARD_TO_MFA' }],
    [mfaReviewer, { type: 'GIVE_NO_OBJECTION', needsCabinetApproval: false, needsFullPowers: false }],
    [secretary, { type: 'AGREE_FINAL_TEXT' }],
    [
      secretary,
      {
        type: 'RECORD_SIGNING',
        signing: { ...sejongSigning, date: '2024-03-31', place: { th: 'เซจง', en: 'Sejong' } },
      },
    ],
  ] as const)
    a = await agreements.send(who, a.id, a.rev, e);
  return a;
}

describe('documents issued by the steps', () => {
  it('are stored with the SHA-256 their history entry records, for each step that issues one', async () => {
    const a = await signedSejongJourney(agreements);
    const docs = documentsWith();
    expect(docs.issued(a).map((i) => `${i.event}:${i.doc}:v${i.versionNo}`)).toEqual([
      'SUBMIT_TO_COMMITTEE:mou:v1',
      'SUBMIT_TO_MOI:memo:v1',
      'RETURN_WITH_COMMENTS:review:v1',
      'RESUBMIT:redline:v2',
      'RECORD_SIGNING:signing:v2',
    ]);
    for (const i of docs.issued(a)) {
      const f = await docs.issuedFile(a, i.seq);
      expect(sha256Hex(f.buffer)).toBe(i.sha256);
    }
  });

  it('the first signing copy and the signed version’s committee draft do not change when an amendment is signed', async () => {
    const signed = await signedSejongJourney(agreements);
    const docs = documentsWith();
    const before = await Promise.all(docs.issued(signed).map((i) => docs.issuedFile(signed, i.seq)));
    const after = await amendedAndResigned(signed);
    const signings = docs.issued(after).filter((i) => i.doc === 'signing');
    expect(signings).toHaveLength(2);
    // What was issued before the amendment downloads byte for byte the same afterwards.
    for (const [k, i] of docs.issued(signed).entries()) {
      expect((await docs.issuedFile(after, i.seq)).sha256).toBe(before[k]?.sha256);
    }
    // A preview of the first signing copy now would differ (its place and date are the later signing's).
    const preview = await docs.renderRecord(after, 2, 'signing');
    expect(preview.sha256).not.toBe(signings[0]?.sha256);
    expect((await verifyAgreement(records, after)).ok).toBe(true);
  });

  it('a new renderer (templates upgraded) changes previews, never what was issued', async () => {
    const a = await signedSejongJourney(agreements);
    const old = documentsWith();
    const upgraded = documentsWith(
      createDocumentRenderer({
        renderer: (input) => renderDocument({ ...input, meta: { ...input.meta, numerals: 'arabic' } }),
      }),
    );
    for (const i of old.issued(a)) {
      const was = await old.download(a, i.versionNo, i.doc);
      const now = await upgraded.download(a, i.versionNo, i.doc);
      expect(now.issued?.seq).toBe(was.issued?.seq);
      expect(now.file.sha256).toBe(was.file.sha256);
    }
    const p1 = await old.download(a, 1, 'mou', 'sequential');
    const p2 = await upgraded.download(a, 1, 'mou', 'sequential');
    expect(p1.issued).toBeUndefined();
    expect(p2.file.sha256).not.toBe(p1.file.sha256);
  });

  it('a stored file that no longer matches is refused (integrity-failure), never returned', async () => {
    const a = await signedSejongJourney(agreements);
    const docs = documentsWith();
    const memo = docs.issued(a).find((i) => i.doc === 'memo')!;
    const key = `${a.id}:${memo.seq}:${memo.sha256}`;
    const stored = records.files.files.get(key)!;
    records.files.files.set(key, { ...stored, bytes: Buffer.concat([stored.bytes, Buffer.from(' ')]) });
    await expect(docs.download(a, 1, 'memo')).rejects.toMatchObject({ code: 'integrity-failure' });
    const v = await verifyAgreement(records, a);
    expect(v.problems).toEqual([expect.objectContaining({ kind: 'document-mismatch', seq: memo.seq })]);
    records.files.files.delete(key);
    expect((await verifyAgreement(records, a)).problems).toEqual([
      expect.objectContaining({ kind: 'document-missing', seq: memo.seq }),
    ]);
  });
});

describe('the history anchor kept outside the agreement', () => {
  it('is written with every change, so a record verifies; without it the newest entry is reported unanchored', async () => {
    const a = await signedSejongJourney(agreements);
    expect(await verifyAgreement(records, a)).toMatchObject({
      ok: true,
      entries: a.history.length,
      head: { seq: a.history.at(-1)?.seq },
    });
    records.heads.heads.clear();
    expect((await verifyAgreement(records, a)).problems.map((p) => p.kind)).toEqual(['unanchored']);
  });

  it('the page’s check is remembered per (agreement, rev) for a while, the API’s is fresh', async () => {
    let t = 0;
    const a = await signedSejongJourney(agreements);
    const verifier = createVerifier(records, 60_000, () => t);
    expect((await verifier.recent(a)).ok).toBe(true);
    records.heads.heads.clear();
    expect((await verifier.recent(a)).ok).toBe(true);
    expect((await verifier.verify(a)).ok).toBe(false);
    t = 61_000;
    expect((await verifier.recent(a)).ok).toBe(false);
  });
});
