// Documents generated from hostile data (markup of every layer, lone Thai marks, emoji) still open in LibreOffice.
import { AgreementView, CommentResult } from '../../../src/http/api/schemas';
import type { AgreementContent } from '../../../src/domain';
import { docxToPdfs, normalize, type Pdf } from '../../support/doc-pdf';
import { part, text } from '../../support/doc-xml';
import { mapStrings, NASTY, storable } from './hostile-inputs';
import { agreementsPath, approved, startApi, story, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi({ gate: false });
});
afterAll(async () => api.close());

/** Every storable nasty piece, joined: what each text field of the agreement ends with. */
const SUFFIX = ` ${NASTY.map(storable)
  .filter((s) => s.trim() !== '')
  .join(' ')}`;
const MARKERS = [
  '{{constructor}}',
  '<script>alert(1)</script>',
  '<w:p><w:r><w:t>x</w:t></w:r></w:p>',
  ']]>',
  '../../etc/passwd',
];

// Article keys are identifiers (checked against a pattern), not text: they stay as they are.
const hostile: AgreementContent = mapStrings(story.draft1, (s, path) =>
  /^\.(kind|areas)|\.key$/.test(path) ? s : s + SUFFIX,
);

describe('a document from hostile data', () => {
  let id = '';
  let rev = 0;
  async function send(who: Who, event: Record<string, unknown>) {
    const r = await api.call(who, 'POST', `${agreementsPath}/${id}/events`, { event, expectedRev: rev });
    expect({ status: r.status, text: r.status === 200 ? '' : r.text }).toEqual({ status: 200, text: '' });
    rev = AgreementView.parse(r.body).rev;
  }

  it('is stored as sent, frozen as version 1 and commented on with more hostile text', async () => {
    const created = await api.call('secretary', 'POST', agreementsPath, {
      province: 'chiang-mai',
      content: hostile,
    });
    expect(created.status).toBe(201);
    const view = AgreementView.parse(created.body);
    expect(view.workingDraft).toEqual(hostile);
    id = view.id;
    rev = view.rev;
    await send('secretary', { type: 'SUBMIT_TO_COMMITTEE' });
    await send('secretary', {
      type: 'RECORD_RESOLUTION',
      resolution: { ...approved, text: { th: approved.text.th + SUFFIX, en: approved.text.en + SUFFIX } },
    });
    await send('secretary', { type: 'SUBMIT_TO_MOI' });
    await send('moi', { type: 'FORWARD_TO_MFA' });
    for (const anchor of [{ kind: 'document' }, { kind: 'preamble' }, { kind: 'article', no: 2 }]) {
      const r = await api.call('mfa', 'POST', `${agreementsPath}/${id}/comments`, {
        expectedRev: rev,
        anchor,
        text: { th: `ข้อสังเกต${SUFFIX}`, en: `Comment${SUFFIX}` },
      });
      expect(r.status).toBe(201);
      rev = CommentResult.parse(r.body).rev;
    }
    const v1 = AgreementView.parse((await api.call('mfa', 'GET', `${agreementsPath}/${id}`)).body)
      .versions[0];
    expect(v1?.content).toEqual(hostile);
  });

  const DOCS = [
    ['review', ''],
    ['mou', '?layout=sequential'],
    ['memo', ''],
  ] as const;
  const download = (doc: string, query: string) =>
    api.call('mfa', 'GET', `${agreementsPath}/${id}/versions/1/documents/${doc}${query}`);
  // The three copies go through one LibreOffice run (starting it costs more than a conversion), once asked for.
  let converted: Promise<Pdf[]> | undefined;
  const pdfOf = async (doc: string) => {
    converted ??= Promise.all(DOCS.map(([d, q]) => download(d, q))).then((rs) =>
      docxToPdfs(rs.map((r, i) => ({ buffer: r.bytes, name: `hostile-${DOCS[i]?.[0] ?? i}` }))),
    );
    const pdf = (await converted)[DOCS.findIndex(([d]) => d === doc)];
    if (!pdf) throw new Error(`no PDF of the ${doc} copy`);
    return pdf;
  };

  it.each(DOCS)(
    'the %s copy keeps the markup as literal text and converts to PDF in LibreOffice',
    async (doc, query) => {
      const r = await download(doc, query);
      expect(r.status).toBe(200);
      const xmlText =
        text(part(r.bytes, 'word/document.xml')) +
        (doc === 'review' ? text(part(r.bytes, 'word/comments.xml')) : '');
      for (const m of MARKERS) expect(xmlText).toContain(m);
      const pdf = await pdfOf(doc);
      expect(pdf.pages).toBeGreaterThan(0);
      const pdfText = normalize(pdf.text);
      // Only pieces before the right-to-left override (U+202E) in SUFFIX: after it, the line is reversed, as it should be.
      for (const m of ['{{constructor}}', '<script>alert(1)</script>', '<!DOCTYPE x ['])
        expect(pdfText).toContain(normalize(m));
      if (doc === 'review') expect(pdf.annotations.map((a) => a.contents).join('\n')).toContain('Comment');
    },
  );
});
