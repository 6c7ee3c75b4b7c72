// The PDF beside every .docx on the documents page and in the API: the same access rules and status header,
// a PDF file name, PDF/A on request; without LibreOffice a 503 that says what to install, in the person's language.
import { place, startPages, type PagesApp } from '../pages/support';
import type { AgreementRecord } from '../../../src/app/ports';

jest.setTimeout(240_000);

let app: PagesApp;
let bare: PagesApp;
let a: AgreementRecord;
beforeAll(async () => {
  app = await startPages();
  bare = await startPages({ MOU_SOFFICE: '/nonexistent/soffice' });
  a = await place(app, 'committeeReview');
});
afterAll(async () => {
  await app?.close();
  await bare?.close();
});

describe('PDF routes', () => {
  it('page and API: the PDF of an issued and a preview document, with its status, name and source SHA-256', async () => {
    const c = await app.login('secretary');
    const page = await c.get(`/agreements/${a.id}/documents`);
    const html = await page.text();
    expect(html).toContain(`/agreements/${a.id}/documents/1/mou.pdf`);
    expect(html).toContain(`/agreements/${a.id}/documents/issued/`);
    expect(html).toMatch(/issued\/\d+\.pdf\?pdfa(=|&#x3D;)1/);

    const docx = await c.get(`/agreements/${a.id}/documents/1/mou`);
    const pdf = await c.get(`/agreements/${a.id}/documents/1/mou.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('x-mou-document-status')).toBe(docx.headers.get('x-mou-document-status'));
    expect(pdf.headers.get('x-mou-source-sha256')).toBe(docx.headers.get('x-content-sha256'));
    expect(pdf.headers.get('content-disposition')).toMatch(
      /filename="[^"]+_v1_mou\.pdf"|filename="[^"]+\.pdf"/,
    );
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const api = await c.get(`/api/v1/agreements/${a.id}/versions/1/documents/mou/pdf?pdfa=1`);
    expect(api.status).toBe(200);
    expect(api.headers.get('content-disposition')).toMatch(/_PDFA\.pdf"?$/);
    expect(Buffer.from(await api.arrayBuffer()).toString('latin1')).toMatch(/pdfaid:part(="2"|>2<)/);

    const seq = Number(/issued\/(\d+)\.pdf/.exec(html)?.[1]);
    const issued = await c.get(`/api/v1/agreements/${a.id}/issued/${seq}/pdf`);
    expect(issued.status).toBe(200);
    expect(issued.headers.get('x-mou-document-status')).toBe('issued');
    expect(issued.headers.get('x-mou-issued-entry')).toBe(String(seq));
    const issuedPage = await c.get(`/agreements/${a.id}/documents/issued/${seq}.pdf`);
    expect(issuedPage.headers.get('x-content-sha256')).toBe(issued.headers.get('x-content-sha256'));
  });

  it("another province's secretary and unknown agreements get 404, as for the .docx", async () => {
    const other = await app.login('foreign');
    expect((await other.get(`/agreements/${a.id}/documents/1/mou.pdf`)).status).toBe(404);
    expect((await other.get(`/api/v1/agreements/${a.id}/versions/1/documents/mou/pdf`)).status).toBe(404);
    const c = await app.login('secretary');
    expect((await c.get(`/agreements/00000000-0000-4000-8000-000000000000/documents/1/mou.pdf`)).status).toBe(
      404,
    );
    expect((await c.get(`/agreements/${a.id}/documents/1/nonsense.pdf`)).status).toBe(404);
    expect((await c.get(`/api/v1/agreements/${a.id}/versions/1/documents/mou/pdf?pdfa=2`)).status).toBe(422);
  });

  it('without LibreOffice: the page says what to install, the PDF answers 503 in Thai or English', async () => {
    const b = await place(bare, 'committeeReview');
    const c = await bare.login('secretary');
    const page = await (await c.get(`/agreements/${b.id}/documents`, { 'accept-language': 'en' })).text();
    expect(page).toContain('libreoffice-writer-nogui');
    expect(page).not.toContain('mou.pdf');
    const en = await c.get(`/agreements/${b.id}/documents/1/mou.pdf`, { 'accept-language': 'en' });
    expect(en.status).toBe(503);
    expect(await en.text()).toContain('apt-get install libreoffice-writer-nogui fonts-thai-tlwg');
    const th = await c.get(`/api/v1/agreements/${b.id}/versions/1/documents/mou/pdf`, {
      'accept-language': 'th',
    });
    expect(th.status).toBe(503);
    const problem = (await th.json()) as { code?: string; detail?: string };
    expect(JSON.stringify(problem)).toContain('ต้องใช้โปรแกรม LibreOffice');
    expect((await c.get(`/agreements/${b.id}/documents/1/mou`)).status).toBe(200);
  });
});
