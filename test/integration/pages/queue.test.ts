// My queue shows each role the agreements waiting for it, longest waiting first, with days and overdue badges.
import { waitingStates } from '../../../workflows';
import { place, startPages, type PagesApp, type Who } from './support';

let app: PagesApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  // Overdue after 30 days, except MFA review after 60.
  app = await startPages({ MOU_OVERDUE_DAYS: '30', MOU_OVERDUE_DAYS_BY_STATE: '{"mfaReview":60}' });
  ids.cmDraftOld = (await place(app, 'drafting', { daysAgo: 45 })).id;
  ids.cmDraftNew = (await place(app, 'drafting', { daysAgo: 2 })).id;
  ids.cmMfa = (await place(app, 'mfaReview', { daysAgo: 50 })).id;
  ids.cmInForce = (await place(app, 'inForce')).id;
  ids.lpMoi = (await place(app, 'moiReview', { province: 'lampang', daysAgo: 40 })).id;
  ids.lpRevision = (await place(app, 'revision', { province: 'lampang' })).id;
  ids.lpWithdrawn = (await place(app, 'withdrawn', { province: 'lampang' })).id;
});
afterAll(async () => app.close());

async function queueOf(who: Who): Promise<string> {
  const c = await app.login(who);
  const r = await c.get('/queue');
  expect(r.status).toBe(200);
  return r.text();
}

const listed = (html: string) =>
  Object.entries(ids)
    .filter(([, id]) => html.includes(`/agreements/${id}"`))
    .map(([k]) => k)
    .sort();

describe('my queue', () => {
  it('waiting states come from the machine and the permission table', () => {
    expect(waitingStates('moi')).toEqual(['moiReview', 'cabinetApproval']);
    expect(waitingStates('mfa')).toEqual(['mfaReview']);
    expect(waitingStates('secretary')).toEqual(
      expect.arrayContaining([
        'drafting',
        'committeeReview',
        'committeeApproved',
        'revision',
        'partnerAgreement',
        'readyToSign',
      ]),
    );
    expect(waitingStates('secretary')).not.toContain('moiReview');
    expect(waitingStates('admin')).not.toContain('inForce');
  });

  it('a secretary sees only their own province, in the steps where the province acts', async () => {
    expect(listed(await queueOf('secretary'))).toEqual(['cmDraftNew', 'cmDraftOld']);
    expect(listed(await queueOf('foreign'))).toEqual(['lpRevision']);
  });

  it('MOI sees what waits in MOI review; MFA what waits in MFA review; from every province', async () => {
    expect(listed(await queueOf('moi'))).toEqual(['lpMoi']);
    expect(listed(await queueOf('mfa'))).toEqual(['cmMfa']);
  });

  it('an admin sees every active agreement, nothing signed or withdrawn', async () => {
    expect(listed(await queueOf('admin'))).toEqual([
      'cmDraftNew',
      'cmDraftOld',
      'cmMfa',
      'lpMoi',
      'lpRevision',
    ]);
  });

  it('shows days in the step, longest waiting first, and marks overdue per the step’s limit', async () => {
    const html = await queueOf('admin');
    const order = ['cmMfa', 'cmDraftOld', 'lpMoi'].map((k) => html.indexOf(`/agreements/${ids[k]}"`));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const row = (k: string) => html.slice(html.indexOf(`/agreements/${ids[k]}"`)).split('</tr>')[0] ?? '';
    // Drafting for 45 days with a 30-day limit: overdue by 15. MFA review for 50 days with a 60-day limit: not overdue.
    expect(row('cmDraftOld')).toMatch(/45[\s\S]*เกินกำหนด 15 วัน/);
    expect(row('cmMfa')).toContain('50');
    expect(row('cmMfa')).not.toContain('เกินกำหนด');
    expect(row('lpMoi')).toContain('เกินกำหนด 10 วัน');
    expect(row('cmDraftNew')).not.toContain('เกินกำหนด');
    expect(row('lpMoi')).toContain('มหาดไทยพิจารณา');
  });

  it('offers the new-agreement page to secretaries and admins only', async () => {
    expect(await queueOf('secretary')).toContain('href="/agreements/new"');
    expect(await queueOf('mfa')).not.toContain('href="/agreements/new"');
    const mfa = await app.login('mfa');
    expect((await mfa.get('/agreements/new')).status).toBe(403);
  });
});
