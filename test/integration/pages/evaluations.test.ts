// The evaluations page: the province's secretary sees the year due in her queue, records it with the form (Thai and
// English notes), and the queue no longer lists it; MOI comments from the same page. On the real database.
import { Client } from '../http/support';
import { importPairInForce, startApi, type ApiApp } from '../api/support';

let api: ApiApp;
let id: string;
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  api = await startApi();
  api.services.door.start();
  const pair = await importPairInForce(api, { th: 'เมืองหน้าประเมิน', en: 'Pagetown' });
  id = pair.id;
});
afterAll(async () => {
  await api.services.door.stop();
  await api.close();
});

async function signedIn(who: 'moi' | 'secretary'): Promise<Client> {
  const c = new Client(api.base);
  expect((await c.login(`api-${who}`)).status).toBe(303);
  return c;
}

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

async function until(ok: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error('not in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the evaluations page', () => {
  it('a secretary records the year due from her queue, in Thai and English', async () => {
    const c = await signedIn('secretary');
    await until(async () => (await (await c.get('/queue')).text()).includes(`data-evaluation-due="${id}"`));
    const page = await c.get(`/agreements/${id}/evaluations`);
    const html = await page.text();
    expect(html).toContain('บันทึกผลการประเมินประจำปี');
    const tokens = { _csrf: csrfOf(html) };
    const empty = await c.postForm(`/agreements/${id}/evaluations`, {
      ...tokens,
      year: String(year),
      activitiesPlanned: '4',
      activitiesHeld: '3',
      rating: '4',
      notesTh: 'จัดกิจกรรมแล้ว',
      notesEn: '',
    });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('notes.en');
    const r = await c.postForm(`/agreements/${id}/evaluations`, {
      ...tokens,
      year: String(year),
      activitiesPlanned: '4',
      activitiesHeld: '3',
      rating: '4',
      notesTh: 'จัดกิจกรรมแลกเปลี่ยนเยาวชนแล้ว',
      notesEn: 'The youth exchange took place.',
    });
    expect(r.status).toBe(303);
    const after = await (await c.get(`/agreements/${id}/evaluations`)).text();
    expect(after).toContain('จัดกิจกรรมแลกเปลี่ยนเยาวชนแล้ว');
    await until(async () => !(await (await c.get('/queue')).text()).includes(`data-evaluation-due="${id}"`));
  });

  it('MOI comments on it', async () => {
    const c = await signedIn('moi');
    const html = await (await c.get(`/agreements/${id}/evaluations`)).text();
    expect(html).not.toContain('บันทึกผลการประเมินประจำปี');
    const r = await c.postForm(`/agreements/${id}/evaluations/${year}/comments`, {
      _csrf: csrfOf(html),
      text: 'ขอให้เพิ่มกิจกรรมด้านการค้า',
    });
    expect(r.status).toBe(303);
    expect(await (await c.get(`/agreements/${id}/evaluations`)).text()).toContain('ขอให้เพิ่มกิจกรรมด้านการค้า');
  });
});
