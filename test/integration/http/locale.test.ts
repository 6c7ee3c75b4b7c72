// The interface language: Thai by default, switched with a form, remembered on the user and in the visitor's session.
import { userModels } from '../../../src/storage/users';
import { Client, makeUser, startApp, type TestApp } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await makeUser(app, { username: 'wipa', displayName: 'วิภา', role: 'secretary', province: 'chiang-mai' });
});
afterAll(async () => app.close());

async function switchTo(c: Client, locale: 'th' | 'en', from = '/queue'): Promise<Response> {
  const _csrf = await c.csrf(from);
  return c.postForm('/locale', { _csrf, locale, returnTo: from });
}

describe('language', () => {
  it('is Thai by default, with Buddhist-era dates on the Thai side', async () => {
    const c = new Client(app.base);
    await makeUser(app, { username: 'admin-th', role: 'admin' });
    await c.login('admin-th');
    const html = await (await c.get('/admin/users')).text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('งานของฉัน');
    const beYear = String(new Date().getUTCFullYear() + 543);
    expect(html).toContain(beYear);
  });

  it("a signed-in user's choice is stored on the user and follows them to a new session", async () => {
    const c = new Client(app.base);
    await c.login('wipa');
    const r = await switchTo(c, 'en');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/queue');
    const page = await (await c.get('/queue')).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('My queue');
    expect(page).toContain('Chiang Mai Province');

    const { User } = userModels(app.db.connection);
    expect((await User.findOne({ username: 'wipa' }).lean().exec())?.locale).toBe('en');

    const other = new Client(app.base);
    await other.login('wipa');
    expect(await (await other.get('/queue')).text()).toContain('<html lang="en">');

    await switchTo(other, 'th');
    expect(await (await c.get('/queue')).text()).toContain('<html lang="th">');
  });

  it("an anonymous visitor's choice is kept in their session (and the login page follows it)", async () => {
    const c = new Client(app.base);
    await switchTo(c, 'en', '/login');
    const html = await (await c.get('/login')).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Sign in');
    expect(await (await new Client(app.base).get('/login')).text()).toContain('<html lang="th">');
  });

  it('refuses an unknown language with a 400 page and does not change anything', async () => {
    const c = new Client(app.base);
    await c.login('wipa');
    const _csrf = await c.csrf('/queue');
    const r = await c.postForm('/locale', { _csrf, locale: 'fr' });
    expect(r.status).toBe(400);
    expect(await r.text()).toContain('กรุณาเลือกภาษาไทยหรือภาษาอังกฤษ');
  });

  it('does not redirect to another site after switching', async () => {
    const c = new Client(app.base);
    const _csrf = await c.csrf('/login');
    const r = await c.postForm('/locale', { _csrf, locale: 'en', returnTo: 'https://evil.example/' });
    expect(r.headers.get('location')).toBe('/');
  });
});
