// The registry: what each user may see, search, filters, sorting, pages, counts and the CSV export.
import { contentFor, place, startPages, type PagesApp } from './support';

let app: PagesApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await startPages();
  const partner = (
    p: 'chiang-mai' | 'lampang',
    name: string,
    country: string,
    kind: 'sister' | 'friendship' | 'partnership',
  ) => {
    const c = contentFor(p, name);
    c.parties.partner.country = { th: country, en: country };
    c.kind = kind;
    return c;
  };
  ids.sejong = (
    await place(app, 'mfaReview', {
      content: partner('chiang-mai', 'Sejong', 'Republic of Korea', 'partnership'),
    })
  ).id;
  ids.guangzhou = (
    await place(app, 'drafting', { content: partner('chiang-mai', 'Guangzhou', 'China', 'friendship') })
  ).id;
  ids.odd = (
    await place(app, 'drafting', { content: partner('chiang-mai', '=A.b (c)*', 'Japan', 'sister') })
  ).id;
  ids.nara = (
    await place(app, 'inForce', {
      province: 'lampang',
      content: partner('lampang', 'Nara', 'Japan', 'sister'),
    })
  ).id;
  // 22 more in Lampang, for pages.
  for (let i = 0; i < 22; i++)
    await app.service().createDraft(app.actor.foreign, {
      province: 'lampang',
      content: partner('lampang', `Town${String(i).padStart(2, '0')}`, 'Laos', 'friendship'),
    });
});
afterAll(async () => app.close());

const has = (html: string, key: string) => html.includes(`/agreements/${ids[key]}"`);
/** Handlebars escapes "=" in attributes; browsers read it back the same. */
const page = async (r: Response) => (await r.text()).replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

describe('registry', () => {
  it('counts pairs and provinces, 20 a page, with the next page linked', async () => {
    const c = await app.login('moi');
    const html = await page(await c.get('/registry'));
    expect(html).toContain('26 คู่ความร่วมมือ ใน 2 จังหวัด');
    expect(html.match(/<tr>\s*<td><a href="\/agreements\//g)).toHaveLength(20);
    expect(html).toContain('href="/registry?page=2"');
    const page2 = await (await c.get('/registry?page=2')).text();
    expect(page2.match(/<tr>\s*<td><a href="\/agreements\//g)).toHaveLength(6);
    expect(page2).toContain('หน้า 2 จาก 2');
  });

  it('a secretary sees only their province’s agreements and has no province filter', async () => {
    const c = await app.login('secretary');
    const html = await (await c.get('/registry')).text();
    expect(html).toContain('3 คู่ความร่วมมือ ใน 1 จังหวัด');
    expect(has(html, 'sejong') && has(html, 'guangzhou') && !has(html, 'nara')).toBe(true);
    expect(html).not.toContain('name="province"');
    // Asking for another province through the URL changes nothing.
    expect(await (await c.get('/registry?province=lampang')).text()).toContain('3 คู่ความร่วมมือ ใน 1 จังหวัด');
  });

  it('filters by province, partner country, kind and step, and combines them', async () => {
    const c = await app.login('admin');
    const get = async (q: string) => (await c.get(`/registry?${q}`)).text();
    expect(await get('province=lampang')).toContain('23 คู่ความร่วมมือ ใน 1 จังหวัด');
    const japan = await get('country=Japan');
    expect(japan).toContain('2 คู่ความร่วมมือ ใน 2 จังหวัด');
    expect(has(japan, 'odd') && has(japan, 'nara')).toBe(true);
    const partnership = await get('kind=partnership');
    expect(has(partnership, 'sejong') && !has(partnership, 'guangzhou')).toBe(true);
    expect(await get('state=inForce')).toContain('1 คู่ความร่วมมือ ใน 1 จังหวัด');
    expect(await get('country=Japan&state=drafting')).toContain('1 คู่ความร่วมมือ ใน 1 จังหวัด');
    // Unknown values are ignored rather than matching nothing.
    expect(await get('kind=bogus&state=nowhere')).toContain('26 คู่ความร่วมมือ ใน 2 จังหวัด');
  });

  it('searches titles and partner names as literal text, in either language', async () => {
    const c = await app.login('admin');
    const get = async (q: string) => (await c.get(`/registry?q=${encodeURIComponent(q)}`)).text();
    // Every title here names Sejong (they share the fixture's title); partner names differ.
    expect(await get('SEJONG')).toContain('26 คู่ความร่วมมือ');
    expect(await get('town07')).toContain('1 คู่ความร่วมมือ');
    expect(has(await get('เมืองGuangzhou'), 'guangzhou')).toBe(true);
    // Regex syntax is matched literally: ".*" finds nothing, "A.b (c)*" finds exactly its partner.
    expect(await get('.*')).toContain('0 คู่ความร่วมมือ');
    const odd = await get('A.b (c)*');
    expect(odd).toContain('1 คู่ความร่วมมือ');
    expect(has(odd, 'odd')).toBe(true);
  });

  it('sorts by a column both ways and marks the sorted column', async () => {
    const c = await app.login('admin');
    const order = async (q: string) => {
      const html = await (await c.get(`/registry?${q}`)).text();
      return ['guangzhou', 'odd', 'sejong'].map((k) => html.indexOf(`/agreements/${ids[k]}"`));
    };
    const asc = await order('province=chiang-mai&sort=partner&dir=asc');
    expect(asc[1]).toBeLessThan(asc[0] ?? 0); // "=A.b (c)* City" < "Guangzhou City" < "Sejong City"
    expect(asc[0]).toBeLessThan(asc[2] ?? 0);
    const desc = await order('province=chiang-mai&sort=partner&dir=desc');
    expect(desc[2]).toBeLessThan(desc[0] ?? 0);
    const html = await page(await c.get('/registry?sort=partner&dir=asc'));
    expect(html).toMatch(/aria-sort="ascending"><a href="\/registry\?sort=partner">/);
  });

  it('exports the filtered rows as CSV with a byte-order mark, Thai intact, formulas defused', async () => {
    const c = await app.login('admin');
    const r = await c.get('/registry.csv?country=Japan');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('จังหวัด');
    expect(lines.join('\n')).toContain('จังหวัดลำปาง');
    expect(lines.join('\n')).toContain(ids.nara);
    // A cell that starts like a formula stays text in a spreadsheet.
    expect(lines.join('\n')).toContain("'=A.b (c)* City");
    const all = await (await c.get('/registry.csv')).text();
    expect(all.trimEnd().split('\r\n')).toHaveLength(27);
    const sec = await app.login('secretary');
    expect((await (await sec.get('/registry.csv')).text()).trimEnd().split('\r\n')).toHaveLength(4);
  });
});
