// The document service: every document of every version, the impossible ones refused, results cached.
import { createHash } from 'node:crypto';
import { createAgreementService, type AgreementService } from '../../../src/app/agreement-service';
import { createDocumentRenderer } from '../../../src/app/document-renderer';
import { createDocumentService, type DocumentService } from '../../../src/app/document-service';
import { renderDocument, type RenderInput } from '../../../src/documents';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import { part, text } from '../../support/doc-xml';
import {
  mfaReviewer,
  moiOfficer,
  otherSecretary,
  secretary,
  sejongSigning,
  sequentialIds,
  steppingClock,
  story,
  signedSejongJourney,
} from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';

let agreements: AgreementService;
let documents: DocumentService;
let renders: RenderInput[];
let records: ReturnType<typeof memoryRecords>;

beforeEach(() => {
  records = memoryRecords();
  agreements = createAgreementService({
    repository: createMemoryAgreementRepository(),
    clock: steppingClock(),
    newId: sequentialIds(),
    records,
  });
  renders = [];
  documents = createDocumentService({
    agreements,
    files: records.files,
    renderer: createDocumentRenderer({
      renderer: (input) => {
        renders.push(input);
        return renderDocument(input);
      },
    }),
  });
});

const signedJourney = () => signedSejongJourney(agreements);

describe('which documents exist', () => {
  it('lists, per version, exactly the documents that make sense, named like MOU_ChiangMai-Sejong_v2_review.docx', async () => {
    const a = await signedJourney();
    expect(documents.list(a).map((v) => [v.versionNo, v.documents.map((d) => d.fileName)])).toEqual([
      [
        1,
        [
          'MOU_ChiangMai-Sejong_v1.docx',
          'MOU_ChiangMai-Sejong_v1_sequential.docx',
          'MOU_ChiangMai-Sejong_v1_separate.docx',
          'MOU_ChiangMai-Sejong_v1_review.docx',
          'MOU_ChiangMai-Sejong_v1_memo.docx',
          'MOU_ChiangMai-Sejong_v1_plan.docx',
        ],
      ],
      [
        2,
        [
          'MOU_ChiangMai-Sejong_v2.docx',
          'MOU_ChiangMai-Sejong_v2_sequential.docx',
          'MOU_ChiangMai-Sejong_v2_separate.docx',
          'MOU_ChiangMai-Sejong_v2_redline.docx',
          'MOU_ChiangMai-Sejong_v2_comparison.docx',
          'MOU_ChiangMai-Sejong_v2_memo.docx',
          'MOU_ChiangMai-Sejong_v2_plan.docx',
          'MOU_ChiangMai-Sejong_v2_signing.docx',
          'MOU_ChiangMai-Sejong_v2_signing_sequential.docx',
          'MOU_ChiangMai-Sejong_v2_signing_separate.docx',
        ],
      ],
    ]);
  });

  it('an agreement still in drafting has no versions and so no documents', async () => {
    const a = await agreements.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
    expect(documents.list(a)).toEqual([]);
  });

  it.each([
    [1, 'redline', /no earlier version/],
    [1, 'comparison', /no earlier version/],
    [1, 'signing', /not cleared version 1/],
    [2, 'review', /No comments were made on version 2/],
    [3, 'mou', /no version 3/],
  ] as const)('refuses version %i %s with a message in both languages', async (no, doc, en) => {
    const a = await signedJourney();
    const e = await documents.render(secretary, a.id, no, doc).catch((x: unknown) => x);
    expect(e).toMatchObject({
      code: 'not-found',
      userMessage: { en: expect.stringMatching(en), th: expect.stringMatching(/[ก-๙]/) },
    });
  });

  it('hides an agreement from another province’s secretary as not found, not as forbidden', async () => {
    const a = await signedJourney();
    await expect(documents.render(otherSecretary, a.id, 1, 'mou')).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(documents.render(mfaReviewer, a.id, 1, 'mou')).resolves.toMatchObject({
      fileName: 'MOU_ChiangMai-Sejong_v1.docx',
    });
  });
});

describe('what each document holds', () => {
  it('the review copy is version N with the comments made on it, as Word comments', async () => {
    const a = await signedJourney();
    const f = await documents.renderRecord(a, 1, 'review');
    const notes = text(part(f.buffer, 'word/comments.xml'));
    for (const c of story.comments) expect(notes).toContain(c.text.en);
    expect(renders[0]).toMatchObject({ doc: 'review', versionNo: 1, content: story.draft1 });
    expect(renders[0]?.comments).toHaveLength(5);
  });

  it('the redline and the comparison compare version N with N−1 and the comments on N−1', async () => {
    const a = await signedJourney();
    await documents.renderRecord(a, 2, 'redline');
    await documents.renderRecord(a, 2, 'comparison');
    expect(renders[0]).toMatchObject({ content: story.draft2, previous: story.draft1 });
    expect(renders[1]?.comments?.map((c) => c.response?.en)).toEqual(Array(5).fill('Revised.'));
  });

  it('the memo cites the committee resolution; the signing copy carries the recorded place and date', async () => {
    const a = await signedJourney();
    await documents.renderRecord(a, 1, 'memo');
    const signing = await documents.renderRecord(a, 2, 'signing');
    expect(renders[0]?.meta?.committee).toEqual({
      meeting: '1/2565',
      date: '2022-03-14',
      resolution: story.committee.resolution,
    });
    expect(renders[1]?.meta).toMatchObject({
      final: true,
      signing: { place: sejongSigning.place, date: sejongSigning.date },
    });
    const body = text(part(signing.buffer, 'word/document.xml'));
    expect(body).not.toMatch(/DRAFT|ร่าง\s*$/);
    // The signatories recorded at signing, with the capacity of the one who signed on the governor's behalf.
    const thai = sejongSigning.signatories.thai;
    for (const s of [thai.name.th, thai.name.en, thai.title.th, sejongSigning.signatories.partner.name.en])
      expect(body).toContain(s);
    expect(body).toContain(`ปฏิบัติราชการแทน${thai.onBehalfOf?.th ?? ''}`);
    expect(body).toContain(`On behalf of the ${thai.onBehalfOf?.en ?? ''}`);
  });
});

describe('the cache', () => {
  it('renders a document once; later calls return the same bytes with the same SHA-256', async () => {
    const a = await signedJourney();
    const first = await documents.render(secretary, a.id, 2, 'mou');
    const again = await Promise.all([1, 2, 3].map(() => documents.render(moiOfficer, a.id, 2, 'mou')));
    expect(renders).toHaveLength(1);
    for (const f of again) expect(f.sha256).toBe(first.sha256);
    expect(createHash('sha256').update(first.buffer).digest('hex')).toBe(first.sha256);
    expect(first.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('shares one render between concurrent requests and tells layouts apart', async () => {
    const a = await signedJourney();
    await Promise.all([1, 2, 3, 4].map(() => documents.renderRecord(a, 1, 'mou', 'sequential')));
    await documents.renderRecord(a, 1, 'mou', 'parallel');
    expect(renders.map((r) => r.layout)).toEqual(['sequential', 'parallel']);
  });

  it('keeps only as many files as it was told to', async () => {
    const a = await signedJourney();
    const small = createDocumentService({
      agreements,
      files: records.files,
      renderer: createDocumentRenderer({
        cache: { maxEntries: 2, maxBytes: 1e9 },
        renderer: (i) => (renders.push(i), renderDocument(i)),
      }),
    });
    for (const doc of ['mou', 'plan', 'memo', 'mou'] as const) await small.renderRecord(a, 1, doc);
    expect(renders.map((r) => r.doc)).toEqual(['mou', 'plan', 'memo', 'mou']);
  });
});
