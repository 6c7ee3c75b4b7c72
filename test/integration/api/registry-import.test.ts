// POST /api/v1/registry/imports on the real database: a dry run names exactly the planted bad rows with their
// reasons in the caller's language, the import brings in the rest and nothing else, a second run adds nothing,
// and hostile files are refused with nothing stored.
import { writeZip, zipEntry } from '../../../src/documents/zip';
import { sha256Hex } from '../../../src/domain';
import { importedId } from '../../../src/app/registry-import';
import { ENGLISH_HEADER, plantedList, THAI_HEADER, toCsv, toXlsx, validRow } from '../../support/pair-lists';
import { startApi, type ApiApp, type Who } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Result {
  rows: number;
  imported: number;
  valid: number;
  refused: { row: number; reasons: string[] }[];
  fileSha256: string;
  newPartners: { id: string }[];
}

async function upload(who: Who, file: Buffer, name: string, dryRun: boolean, lang = 'en') {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append(
    'file',
    new Blob([new Uint8Array(file)], { type: name.endsWith('.csv') ? 'text/csv' : XLSX }),
    name,
  );
  const res = await fetch(`${api.base}/api/v1/registry/imports`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${api.token[who]}`,
      accept: 'application/json',
      'accept-language': lang,
    },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as Result & { detail?: string } };
}

const stored = () => api.services.repository.count({});

describe('POST /api/v1/registry/imports', () => {
  const first = validRow(500);
  let list: ReturnType<typeof plantedList>;
  let xlsx: Buffer;

  beforeAll(async () => {
    // One pair already in the registry, brought in by an earlier list (English headers, CSV with a BOM).
    const r = await upload('moi', toCsv(ENGLISH_HEADER, [first]), 'first.csv', false);
    expect(r.body).toMatchObject({ rows: 1, imported: 1, refused: [] });
    list = plantedList(first);
    xlsx = await toXlsx(THAI_HEADER, list.rows);
  });

  it('a dry run of 120 rows names exactly the 11 planted rows, each with its reason, and stores nothing', async () => {
    const before = await stored();
    const r = await upload('moi', xlsx, 'moi-list.xlsx', true);
    expect(r.status).toBe(200);
    expect(r.body.rows).toBe(120);
    expect(r.body.imported).toBe(0);
    expect(r.body.valid).toBe(109);
    expect(r.body.refused.map((x) => x.row)).toEqual([...list.bad.keys()]);
    for (const x of r.body.refused) expect(x.reasons.join('; ')).toMatch(list.bad.get(x.row)!);
    expect(r.body.fileSha256).toBe(sha256Hex(xlsx));
    expect(await stored()).toBe(before);
  });

  it('gives the reasons in Thai to a Thai caller', async () => {
    const r = await upload('admin', xlsx, 'moi-list.xlsx', true, 'th');
    const row = r.body.refused.find((x) => x.row === 5);
    expect(row?.reasons).toEqual(['ไม่รู้จักจังหวัด "Atlantis"']);
  });

  it('reads the same rows from a CSV with English headers, without a BOM, as from the workbook', async () => {
    const r = await upload('moi', toCsv(ENGLISH_HEADER, list.rows, false), 'moi-list.csv', true);
    expect(r.body.refused.map((x) => x.row)).toEqual([...list.bad.keys()]);
    expect(r.body.valid).toBe(109);
  });

  it('imports the 109 valid rows in their states, each citing the file, and a second import adds nothing', async () => {
    const before = await stored();
    const r = await upload('moi', xlsx, 'moi-list.xlsx', false);
    expect(r.status).toBe(200);
    expect(r.body.imported).toBe(109);
    expect(await stored()).toBe(before + 109);
    const sha = sha256Hex(xlsx);
    const moi = { userId: api.userId.moi, name: 'moi', role: 'moi' as const };
    const all = await api.services.agreements.list(moi, {}, { limit: 1000, skip: 0 });
    const planned = new Set(
      Array.from({ length: 120 }, (_, i) => i + 2)
        .filter((row) => !list.bad.has(row))
        .map((row) => importedId(sha, row)),
    );
    const mine = all.filter((a) => planned.has(a.id));
    expect(mine).toHaveLength(109);
    const states = new Set(mine.map((a) => a.state));
    expect([...states].sort()).toEqual(['expired', 'inForce', 'terminated']);
    // Row 2 is valid row 0: in force, signed 29 August 2019 (written 2019-08-29), one IMPORT entry, no steps.
    const row2 = await api.services.agreements.get(moi, importedId(sha, 2));
    expect(row2.history).toHaveLength(1);
    expect(row2.history[0]).toMatchObject({
      event: 'IMPORT',
      from: null,
      to: 'inForce',
      detail: { code: 'registry-import', fileSha256: sha, row: 2, signed: '2019-08-29', termYears: 5 },
    });
    expect(row2.state).toBe('inForce');
    expect((await api.call('moi', 'GET', `/api/v1/agreements/${row2.id}`)).status).toBe(200);
    expect(api.services.agreements.availableEvents({ ...moi, role: 'admin' }, row2)).not.toContain(
      'RECORD_SIGNING',
    );
    // Sheet rows 3, 4 and 11 say 29/08/2562, 29 ส.ค. 2562 and ๒๙ สิงหาคม ๒๕๖๒ (BE years, Thai digits).
    for (const row of [3, 4, 11]) {
      const r = await api.services.agreements.get(moi, importedId(sha, row));
      expect(r.history[0]?.detail).toMatchObject({ signed: '2019-08-29' });
    }
    // The verifier accepts the imported records.
    const verdict = await api.services.verifier.verify(row2);
    expect(verdict.ok).toBe(true);
    // Unknown partners are now in the gazetteer, marked for an admin to confirm.
    const edits = await api.services.gazetteer.edits();
    const added = edits.filter((e) => e.kind === 'partner' && e.unconfirmed === true);
    expect(added.length).toBeGreaterThanOrEqual(109);

    const again = await upload('moi', xlsx, 'moi-list.xlsx', false);
    expect(again.body.imported).toBe(0);
    expect(again.body.refused).toHaveLength(120);
    for (const x of again.body.refused)
      expect(x.reasons.join(';')).toMatch(/registry|row|unknown|cannot|empty|positive|exist/);
    expect(await stored()).toBe(before + 109);
  });

  it('refuses a secretary (403) and stores nothing', async () => {
    const before = await stored();
    const r = await upload('secretary', toCsv(ENGLISH_HEADER, [validRow(900)]), 'x.csv', false);
    expect(r.status).toBe(403);
    expect(await stored()).toBe(before);
  });

  describe('hostile files: 4xx and nothing stored', () => {
    let before: number;
    beforeEach(async () => {
      before = await stored();
    });
    afterEach(async () => {
      expect(await stored()).toBe(before);
    });

    it('a zip bomb dressed as a workbook', async () => {
      // 30 MB of spaces: within the size a part may declare, but it inflates a thousandfold (counted while inflating).
      const huge = Buffer.alloc(30 * 1024 * 1024, 0x20);
      const bomb = writeZip([
        zipEntry('[Content_Types].xml', '<Types/>'),
        zipEntry('xl/workbook.xml', '<workbook/>'),
        { ...zipEntry('xl/worksheets/sheet1.xml', huge) },
      ]);
      expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
      const r = await upload('moi', bomb, 'bomb.xlsx', false);
      expect(r.status).toBe(413);
    });

    it('a CSV with formula cells (=HYPERLINK) is refused, rows named', async () => {
      const rows = [
        validRow(901),
        Object.assign(validRow(902), { 9: '=HYPERLINK("http://x.invalid","click")' }),
      ];
      const r = await upload('moi', toCsv(ENGLISH_HEADER, rows), 'formula.csv', false);
      expect(r.status).toBe(400);
      expect(r.body.detail).toMatch(/formula.*3/);
    });

    it('100 000 rows, over the limit', async () => {
      const rows = Array.from({ length: 100_000 }, (_, i) => validRow(i));
      const r = await upload('moi', toCsv(ENGLISH_HEADER, rows), 'many.csv', false);
      expect(r.status).toBe(413);
    });

    it('100 000 rows in a workbook, over the limit', async () => {
      const rows = Array.from({ length: 100_000 }, (_, i) => [String(i)]);
      const r = await upload('moi', await toXlsx(['province'], rows), 'many.xlsx', false);
      expect(r.status).toBe(413);
    });

    it('a list whose header lacks a required column, named in the caller’s language', async () => {
      const header = ENGLISH_HEADER.filter((h) => h !== 'country');
      const rows = [validRow(903)].map((r) => r.filter((_, i) => ENGLISH_HEADER[i] !== 'country'));
      const r = await upload('moi', toCsv(header, rows), 'no-country.csv', false, 'th');
      expect(r.status).toBe(422);
      expect(r.body.detail).toContain('ประเทศ');
    });

    it('a file that is neither a workbook nor UTF-8 text', async () => {
      const r = await upload('moi', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41]), 'x.csv', false);
      expect(r.status).toBe(400);
    });
  });
});
