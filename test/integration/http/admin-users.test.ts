// Admins manage people: create with a role (secretaries bound to a catalogue province), edit, disable.
import { Client, makeUser, PASSWORD, startApp, type TestApp } from './support';

let app: TestApp;
let c: Client;
beforeAll(async () => {
  app = await startApp();
  await makeUser(app, { username: 'root', role: 'admin' });
  c = new Client(app.base);
  await c.login('root');
});
afterAll(async () => app.close());

async function post(path: string, form: Record<string, string>): Promise<Response> {
  return c.postForm(path, { _csrf: await c.csrf('/admin/users'), ...form });
}

describe('admin users', () => {
  it('creates a Chiang Mai secretary who can then sign in', async () => {
    const r = await post('/admin/users', {
      username: 'New.Sec',
      displayName: 'ใหม่',
      role: 'secretary',
      province: 'chiang-mai',
      locale: 'th',
      password: 'long-enough-1',
    });
    expect(r.status).toBe(303);
    const list = await (await c.get('/admin/users')).text();
    expect(list).toContain('สร้างผู้ใช้งาน new.sec แล้ว');
    expect(list).toContain('จังหวัดเชียงใหม่');
    expect((await new Client(app.base).login('new.sec', 'long-enough-1')).status).toBe(303);
  });

  it('refuses a secretary without a province, a province not in the catalogue, and a duplicate username, showing the form again', async () => {
    const noProvince = await post('/admin/users', {
      username: 'sec2',
      displayName: 'x',
      role: 'secretary',
      province: '',
      password: 'long-enough-1',
    });
    expect(noProvince.status).toBe(422);
    expect(await noProvince.text()).toContain('เลขานุการจังหวัดต้องระบุจังหวัด');
    const badProvince = await post('/admin/users', {
      username: 'sec3',
      displayName: 'x',
      role: 'secretary',
      province: 'atlantis',
      password: 'long-enough-1',
    });
    expect(badProvince.status).toBe(422);
    const dup = await post('/admin/users', {
      username: 'root',
      displayName: 'x',
      role: 'moi',
      password: 'long-enough-1',
    });
    expect(dup.status).toBe(409);
    expect(await dup.text()).toContain('ชื่อผู้ใช้ “root” มีผู้ใช้แล้ว');
    expect(await app.users.findByUsername('sec2')).toBeUndefined();
  });

  it('changes role and province; a non-secretary loses the province', async () => {
    const u = await makeUser(app, { username: 'mover', role: 'secretary', province: 'bangkok' });
    let r = await post(`/admin/users/${u.id}`, {
      displayName: 'Mover',
      role: 'secretary',
      province: 'phuket',
    });
    expect(r.status).toBe(303);
    expect((await app.users.findById(u.id))?.province).toBe('phuket');
    r = await post(`/admin/users/${u.id}`, { displayName: 'Mover', role: 'mfa', province: 'phuket' });
    expect(r.status).toBe(303);
    const after = await app.users.findById(u.id);
    expect(after?.role).toBe('mfa');
    expect(after?.province).toBeUndefined();
    // The password is unchanged when the field is left empty.
    expect((await new Client(app.base).login('mover', PASSWORD)).status).toBe(303);
  });

  it('disables and re-enables a user; an admin cannot disable themselves', async () => {
    const u = await makeUser(app, { username: 'victim' });
    expect((await post(`/admin/users/${u.id}/disabled`, { disabled: 'true' })).status).toBe(303);
    expect((await new Client(app.base).login('victim')).status).toBe(401);
    expect((await post(`/admin/users/${u.id}/disabled`, { disabled: 'false' })).status).toBe(303);
    expect((await new Client(app.base).login('victim')).status).toBe(303);
    const root = await app.users.findByUsername('root');
    expect((await post(`/admin/users/${root?.id ?? ''}/disabled`, { disabled: 'true' })).status).toBe(403);
  });

  it('an unknown user id is a 404 page', async () => {
    expect((await c.get('/admin/users/0123456789abcdef01234567')).status).toBe(404);
    expect((await c.get('/admin/users/not-an-id')).status).toBe(404);
  });
});
