// The statistics page: charts as server-rendered SVG each with its table, filters by year and province, CSV and
// .xlsx downloads with the same figures; only MOI, MFA and admins see it. On the real database, through the door.
import ExcelJS from 'exceljs';
import { Client } from '../http/support';
import { startApi, type ApiApp } from '../api/support';
import { ENGLISH_HEADER, toCsv } from '../../support/pair-lists';
import { admin } from '../agreement-helpers';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
  api.services.door.start();
  const rows = [
    ['in force', 'Chiang Mai', 'เมืองหนึ่ง', 'Onecity', 'Japan', 'sister', '2019-08-29', '5', '', ''],
    ['in force', 'เชียงใหม่', 'เมืองสอง', 'Twocity', 'Republic of Korea', 'friendship', '1/4/2566', '5', '', ''],
    ['expired', 'Lampang', 'เมืองสาม', 'Threecity', 'Japan', 'sister', '29 ส.ค. 2562', '', '', ''],
  ];
  const r = await api.services.registryImports.run(
    admin,
    { bytes: toCsv(ENGLISH_HEADER, rows), name: 'x.csv' },
    { dryRun: false },
  );
  expect(r.imported).toBe(3);
  // The door folds the three imports in moments.
  const deadline = Date.now() + 10_000;
  while ((await api.services.statistics.figures(admin, {})).total < 3) {
    if (Date.now() > deadline) throw new Error('statistics did not follow the import');
    await new Promise((res) => setTimeout(res, 50));
  }
});
afterAll(async () => {
  await api.services.door.stop();
  await api.close();
});

async function signedIn(who: 'moi' | 'secretary'): Promise<Client> {
  const c = new Client(api.base);
  const r = await c.login(`api-${who}`);
  expect(r.status).toBe(303);
  return c;
}

describe('the statistics page', () => {
  it('draws each figure as SVG with its table beside it, in Thai', async () => {
    const c = await signedIn('moi');
    const html = await (await c.get('/statistics')).text();
    expect(html).toContain('สถิติคู่ความร่วมมือของประเทศ');
    expect(html).toContain('ความตกลง 3 ฉบับ');
    expect(html.match(/<svg [^>]*role="img"/g)?.length).toBeGreaterThanOrEqual(4);
    expect(html).not.toMatch(/<script/);
    // Pairs by province: Chiang Mai 2, Lampang 1, in the table and as bars.
    const byProvince = /<table id="table-byProvince">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    expect(byProvince).toMatch(/จังหวัดเชียงใหม่<\/td><td>2/);
    expect(byProvince).toMatch(/จังหวัดลำปาง<\/td><td>1/);
    expect(html).toMatch(/<svg [^>]*id="chart-byProvince"[\s\S]*?จังหวัดเชียงใหม่/);
  });

  it('filters by year and province', async () => {
    const c = await signedIn('moi');
    const y2019 = await (await c.get('/statistics?year=2019')).text();
    expect(y2019).toContain('ความตกลง 2 ฉบับ');
    const lampang = await (await c.get('/statistics?year=2019&province=lampang')).text();
    expect(lampang).toContain('ความตกลง 1 ฉบับ');
    const json = await api.call('moi', 'GET', '/api/v1/statistics?year=2023');
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ total: 1, byCountry: [{ country: 'Republic of Korea', count: 1 }] });
    expect((await c.get('/statistics?year=twenty')).status).toBe(400);
  });

  it('downloads a table as CSV and every table as .xlsx with the same figures', async () => {
    const c = await signedIn('moi');
    const csv = await c.get('/statistics/export.csv?table=byKind&year=2019');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('เมืองพี่เมืองน้อง,2');
    const xlsx = await c.get('/statistics/export.xlsx?year=2019');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(9);
    const kinds = wb.worksheets.find((w) => w.name.startsWith('คู่ความร่วมมือแยกตามประเภท'));
    expect(kinds?.getRow(2).values).toEqual([undefined, 'เมืองพี่เมืองน้อง', 2]);
  });

  it('is not for a province secretary', async () => {
    const c = await signedIn('secretary');
    expect((await c.get('/statistics')).status).toBe(403);
    expect((await api.call('secretary', 'GET', '/api/v1/statistics')).status).toBe(403);
  });
});
