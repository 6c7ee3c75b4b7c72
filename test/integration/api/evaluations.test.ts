// Yearly evaluations over the API, on the real database: the province's secretary records the year's evaluation of
// a pair in force (its SHA-256 in the history), MOI comments, and MOI's statistics list the evaluations still due.
import { evaluationSha256 } from '../../../src/app/evaluation-service';
import { field, importPairInForce, startApi, type ApiApp } from './support';

let api: ApiApp;
let id: string;
const year = new Date().getUTCFullYear() - 1;

beforeAll(async () => {
  api = await startApi();
  api.services.door.start();
  const pair = await importPairInForce(api, { th: 'เมืองประเมิน', en: 'Evaltown' });
  expect(pair.imported).toBe(1);
  id = pair.id;
});
afterAll(async () => {
  await api.services.door.stop();
  await api.close();
});

const good = {
  year,
  activitiesPlanned: 4,
  activitiesHeld: 3,
  rating: 4,
  notes: { th: 'จัดกิจกรรมแลกเปลี่ยนเยาวชนแล้ว', en: 'The youth exchange took place.' },
};

async function missing(): Promise<{ id: string; year: number }[]> {
  const r = await api.call('moi', 'GET', '/api/v1/statistics');
  return field(r.body, 'missingEvaluations');
}

async function eventually<T>(read: () => Promise<T>, ok: (t: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('evaluations', () => {
  it('shows the year just ended as due in MOI’s statistics until the province records it', async () => {
    const due = await eventually(missing, (m) => m.some((x) => x.id === id));
    expect(due).toContainEqual(expect.objectContaining({ id, year }));

    const r = await api.call('secretary', 'POST', `/api/v1/agreements/${id}/evaluations`, good);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ ...good, agreementId: id, province: 'chiang-mai', comments: [] });
    const record = await api.services.repository.get(id);
    expect(record.history.at(-1)).toMatchObject({
      event: 'RECORD_EVALUATION',
      from: 'inForce',
      to: 'inForce',
      detail: { code: 'evaluation', year, sha256: evaluationSha256(r.body as never) },
    });
    const after = await eventually(missing, (m) => !m.some((x) => x.id === id));
    expect(after.some((x) => x.id === id)).toBe(false);
  });

  it('takes one evaluation a year, from the province’s own secretary, with valid fields', async () => {
    const again = await api.call('secretary', 'POST', `/api/v1/agreements/${id}/evaluations`, good);
    expect(again.status).toBe(409);
    const other = await api.call('foreign', 'POST', `/api/v1/agreements/${id}/evaluations`, {
      ...good,
      year: year - 1,
    });
    expect(other.status).toBe(404);
    const moi = await api.call('moi', 'POST', `/api/v1/agreements/${id}/evaluations`, {
      ...good,
      year: year - 1,
    });
    expect(moi.status).toBe(403);
    const bad = await api.call(
      'secretary',
      'POST',
      `/api/v1/agreements/${id}/evaluations`,
      { ...good, year: year - 1, rating: 7 },
      { 'accept-language': 'th' },
    );
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/rating/);
  });

  it('MOI comments, and everyone who may see the agreement reads the evaluations with the comments', async () => {
    const c = await api.call('moi', 'POST', `/api/v1/agreements/${id}/evaluations/${year}/comments`, {
      text: 'ขอให้เพิ่มกิจกรรมด้านการค้า',
    });
    expect(c.status).toBe(201);
    const list = await api.call('secretary', 'GET', `/api/v1/agreements/${id}/evaluations`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        year,
        comments: [expect.objectContaining({ text: 'ขอให้เพิ่มกิจกรรมด้านการค้า' })],
      }),
    ]);
    const byProvince = await api.call(
      'secretary',
      'POST',
      `/api/v1/agreements/${id}/evaluations/${year}/comments`,
      {
        text: 'x',
      },
    );
    expect(byProvince.status).toBe(403);
  });
});
