// The gazetteer as admins keep it, on the real database: a province's committee and signatory, an added partner that
// the wizard offers and the checks accept; refused input in the person's language; kept across a restart.
import { createGazetteerService } from '../../../src/app/gazetteer-service';
import { systemClock } from '../../../src/app/ports';
import { checkContent } from '../../../src/domain/checks';
import { createGazetteerStore } from '../../../src/storage/gazetteer-store';
import { part, text } from '../../support/doc-xml';
import { formTokens, place, startPages, type PagesApp } from './support';

let app: PagesApp;
beforeAll(async () => {
  app = await startPages();
});
afterAll(async () => app.close());

describe('the gazetteer page', () => {
  it('is for admins only', async () => {
    expect((await (await app.login('secretary')).get('/admin/gazetteer')).status).toBe(403);
    expect((await (await app.login('mfa')).get('/admin/gazetteer')).status).toBe(403);
    const page = await (await app.login('admin')).get('/admin/gazetteer');
    expect(page.status).toBe(200);
    const html = await page.text();
    // The 77 provinces, each with its committee; the partners of the shipped gazetteer.
    expect(html.match(/\/admin\/gazetteer\?province=/g)?.length).toBe(77);
    expect(html).toContain('Sejong Special Self-Governing City');
  });

  it('an admin names Chiang Mai’s committee and adds Kyoto City; the wizard offers Kyoto, its draft names it and passes the checks', async () => {
    const admin = await app.login('admin');
    const t = await formTokens(admin, '/admin/gazetteer');
    const saved = await admin.postForm('/admin/gazetteer/provinces', {
      _csrf: t._csrf,
      province: 'chiang-mai',
      'committee.th': 'คณะทำงานเมืองพี่เมืองน้องจังหวัดเชียงใหม่',
      'committee.en': 'Chiang Mai Sister City Working Group',
      'signatory.th': '',
      'signatory.en': '',
    });
    expect(saved.status).toBe(303);
    const added = await admin.postForm('/admin/gazetteer/partners', {
      _csrf: t._csrf,
      'name.th': 'นครเกียวโต',
      'name.en': 'Kyoto City',
      country: 'japan',
      nativeName: '京都市',
      'level.th': '',
      'level.en': '',
      'signatory.th': 'นายกเทศมนตรีนครเกียวโต',
      'signatory.en': 'Mayor of Kyoto City',
    });
    expect(added.status).toBe(303);
    const html = await (await admin.get('/admin/gazetteer?province=chiang-mai')).text();
    expect(html).toContain('value="Chiang Mai Sister City Working Group"');
    expect(html).toContain('京都市');

    const sec = await app.login('secretary');
    const w = await formTokens(sec, '/agreements/new');
    expect(w.html).toContain('<option value="kyoto-city">');
    const made = await sec.postForm('/agreements/wizard', {
      _csrf: w._csrf,
      kind: 'friendship',
      partner: 'kyoto-city',
      areas: 'culture',
      years: '3',
      noticeMonths: '6',
    });
    expect(made.status).toBe(303);
    const id = (made.headers.get('location') ?? '').split('/').at(-2) ?? '';
    const rec = await app.service().get(app.actor.admin, id);
    expect(rec.workingDraft.parties.partner).toMatchObject({
      name: { th: 'นครเกียวโต', en: 'Kyoto City' },
      nativeName: '京都市',
      signatory: { title: { en: 'Mayor of Kyoto City' } },
    });
    const gazetteer = await createGazetteerService(
      createGazetteerStore(app.db.connection),
      systemClock,
    ).current();
    expect(checkContent(rec.workingDraft, { gazetteer }).filter((f) => f.severity === 'error')).toEqual([]);
    // The cover memo names the committee as the admin named it.
    const approved = await place(app, 'committeeApproved');
    const memo = await (
      await admin.get(`/agreements/${approved.id}/documents/1/memo?layout=parallel`)
    ).arrayBuffer();
    expect(text(part(Buffer.from(memo), 'word/document.xml'))).toContain('คณะทำงานเมืองพี่เมืองน้องจังหวัดเชียงใหม่');
    // Kept in the database: a new service (as after a restart) reads the same committee.
    const again = createGazetteerService(createGazetteerStore(app.db.connection), systemClock);
    expect((await again.committee('chiang-mai'))?.en).toBe('Chiang Mai Sister City Working Group');
    expect((await again.committee('lampang'))?.en).toBe('Sister City Committee of Lampang Province');
  });

  it('refuses a partner without a Thai name or with an unknown country, in Thai, and stores nothing', async () => {
    const admin = await app.login('admin');
    const t = await formTokens(admin, '/admin/gazetteer');
    const refused = await admin.postForm('/admin/gazetteer/partners', {
      _csrf: t._csrf,
      'name.th': '',
      'name.en': 'Atlantis',
      country: 'nowhere',
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('กรุณาเลือกประเทศจากทำเนียบชื่อ');
    const edits = await createGazetteerService(createGazetteerStore(app.db.connection), systemClock).edits();
    expect(edits.map((e) => e.id)).not.toContain('atlantis');
  });

  it('the wizard refuses missing choices field by field, in Thai', async () => {
    const sec = await app.login('secretary');
    const w = await formTokens(sec, '/agreements/new');
    const r = await sec.postForm('/agreements/wizard', {
      _csrf: w._csrf,
      kind: 'sister',
      partner: '',
      years: '99',
      noticeMonths: '6',
    });
    expect(r.status).toBe(422);
    const html = await r.text();
    expect(html).toContain('กรุณาเลือกเมืองคู่ความร่วมมือ');
    expect(html).toContain('กรุณาเลือกสาขาความร่วมมืออย่างน้อยหนึ่งสาขา');
    expect(html).toContain('ระยะเวลาต้องเป็นจำนวนเต็ม ๑ ถึง ๒๐ ปี');
  });
});
