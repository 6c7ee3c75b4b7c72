// The agreement page shows the closing clause as it reads: blanks before signing, place and date after.
import { chiangMaiSejong } from '../../support/fixtures';
import { place, startPages, type PagesApp } from './support';

let app: PagesApp;
beforeAll(async () => {
  app = await startPages();
});
afterAll(async () => app.close());

const draft2 = chiangMaiSejong().draft2;

describe('the closing clause on the agreement page', () => {
  it('shows dotted blanks, not template placeholders, before the signing is recorded', async () => {
    const r = await place(app, 'readyToSign', { content: draft2 });
    const html = await (await (await app.login('secretary')).get(`/agreements/${r.id}`)).text();
    expect(html).toContain('Signed in duplicate at …………………… on ……………………');
    expect(html).not.toContain('{{place');
  });

  it('shows the place and the date (Buddhist era in Thai digits on the Thai side, as the documents) once signed', async () => {
    const r = await place(app, 'inForce', { content: draft2 });
    const html = await (await (await app.login('secretary')).get(`/agreements/${r.id}`)).text();
    expect(html).toContain('Signed in duplicate at Chiang Mai on 17 November 2022');
    expect(html).toContain('ทำขึ้นเป็นคู่ฉบับ ณ จังหวัดเชียงใหม่ เมื่อวันที่ ๑๗ พฤศจิกายน ๒๕๖๕');
  });
});
