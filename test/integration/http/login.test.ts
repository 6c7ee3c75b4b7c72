// Signing in and out: argon2 hashes, sessions kept in the database, a fresh session id, the login rate limit.
import { loadConfig } from '../../../src/config';
import { createApp } from '../../../src/http/app';
import { appServices } from '../../../src/composition-root';
import { closeServer, listen } from '../../../src/http/server';
import { createLogger } from '../../../src/logger';
import { userModels } from '../../../src/storage/users';
import { Client, makeUser, PASSWORD, startApp, type TestApp } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ loginLimit: { max: 3, windowMs: 60_000 } });
  await makeUser(app, { username: 'somsri', role: 'secretary', province: 'chiang-mai' });
});
afterAll(async () => app.close());

describe('login', () => {
  it('signs in with the right password, gets a new session id, and reaches pages for signed-in users', async () => {
    const c = new Client(app.base);
    expect((await c.get('/queue')).status).toBe(303);
    await c.csrf('/login');
    const before = c.cookies.get('mou.sid');
    expect(before).toBeDefined();
    const r = await c.login('somsri');
    expect(r.status).toBe(303);
    expect(r.headers.get('location')).toBe('/');
    expect(c.cookies.get('mou.sid')).not.toBe(before);
    expect((await c.get('/')).headers.get('location')).toBe('/queue');
    const queue = await c.get('/queue');
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain('somsri');
  });

  it('refuses a wrong password or an unknown user with 401 and a message, and sets no login', async () => {
    const c = new Client(app.base);
    const r = await c.login('somsri', 'wrong password!');
    expect(r.status).toBe(401);
    expect(await r.text()).toContain('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
    expect((await c.login('nobody-here')).status).toBe(401);
    expect((await c.get('/queue')).status).toBe(303);
  });

  it('returns to the page asked for before signing in, but never to another site', async () => {
    const c = new Client(app.base);
    const _csrf = await c.csrf('/login?next=%2Fregistry');
    let r = await c.postForm('/login', { _csrf, username: 'somsri', password: PASSWORD, next: '/registry' });
    expect(r.headers.get('location')).toBe('/registry');
    const d = new Client(app.base);
    const t = await d.csrf('/login');
    r = await d.postForm('/login', {
      _csrf: t,
      username: 'somsri',
      password: PASSWORD,
      next: '//evil.example/x',
    });
    expect(r.headers.get('location')).toBe('/');
  });

  it('stores an argon2id hash, never the password', async () => {
    const { User } = userModels(app.db.connection);
    const doc = await User.findOne({ username: 'somsri' }).lean().exec();
    expect(doc?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(doc)).not.toContain(PASSWORD);
  });

  it('keeps the session in the database, so another app process on the same database knows the user', async () => {
    const c = new Client(app.base);
    await c.login('somsri');
    const sessions = app.db.connection.collection('sessions');
    const stored = await sessions.find({}).toArray();
    expect(stored.some((s) => JSON.stringify(s.session).includes('userId'))).toBe(true);

    const config = loadConfig({ NODE_ENV: 'test', MOU_SEED_DEMO: 'false', SESSION_SECRET: 'x'.repeat(40) });
    const second = await listen(
      createApp(appServices({ config, connection: app.db.connection, logger: createLogger('silent') })),
      0,
      '127.0.0.1',
    );
    try {
      const addr = second.address();
      const other = new Client(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`);
      for (const [k, v] of c.cookies) other.cookies.set(k, v);
      expect((await other.get('/queue')).status).toBe(200);
    } finally {
      await closeServer(second);
    }
  });

  it('signs out: the session is deleted from the database and the cookie no longer works', async () => {
    const c = new Client(app.base);
    await c.login('somsri');
    const sid = c.cookies.get('mou.sid');
    const _csrf = await c.csrf('/queue');
    const r = await c.postForm('/logout', { _csrf });
    expect(r.headers.get('location')).toBe('/login');
    const replay = new Client(app.base);
    replay.cookies.set('mou.sid', sid ?? '');
    expect((await replay.get('/queue')).status).toBe(303);
  });

  it('a disabled user cannot sign in, and their open session stops working', async () => {
    const u = await makeUser(app, { username: 'leaver' });
    const c = new Client(app.base);
    await c.login('leaver');
    expect((await c.get('/queue')).status).toBe(200);
    await app.users.update(u.id, { disabled: true });
    expect((await c.get('/queue')).status).toBe(303);
    expect((await new Client(app.base).login('leaver')).status).toBe(401);
  });

  it('limits failed attempts per IP and username (429 with a clear message), while other usernames still work', async () => {
    await makeUser(app, { username: 'target' });
    const c = new Client(app.base);
    for (let i = 0; i < 3; i++) expect((await c.login('target', 'bad-password')).status).toBe(401);
    const limited = await c.login('target', 'bad-password');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(await limited.text()).toContain('พยายามเข้าสู่ระบบหลายครั้งเกินไป');
    // Even the right password is refused while limited.
    expect((await c.login('target')).status).toBe(429);
    expect((await c.login('somsri')).status).toBe(303);
  });

  it('successful sign-ins do not count towards the limit', async () => {
    await makeUser(app, { username: 'regular' });
    for (let i = 0; i < 5; i++) expect((await new Client(app.base).login('regular')).status).toBe(303);
  });
});

describe('login limit per IP', () => {
  it('stops one IP trying many usernames (10× the per-username limit)', async () => {
    const spray = await startApp({ loginLimit: { max: 1, windowMs: 60_000 } });
    try {
      await makeUser(spray, { username: 'real-user' });
      const c = new Client(spray.base);
      for (let i = 0; i < 10; i++) expect((await c.login(`guess-${i}`, 'x')).status).toBe(401);
      expect((await c.login('guess-10', 'x')).status).toBe(429);
      expect((await c.login('real-user')).status).toBe(429);
    } finally {
      await spray.close();
    }
  });
});
