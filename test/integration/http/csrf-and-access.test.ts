// Every state-changing route refuses a request without the session's CSRF token; admin pages refuse other roles.
import { loadConfig } from '../../../src/config';
import { appRouteModules, routeContext } from '../../../src/http/app';
import { appServices } from '../../../src/composition-root';
import { actorOf } from '../../../src/http/auth/actor';
import { listRoutes, type ListedRoute } from '../../../src/http/routing';
import type { AppDeps, RouteModule } from '../../../src/http/types';
import { createLogger } from '../../../src/logger';
import type { UserView } from '../../../src/users/service';
import { Client, makeUser, startApp, type TestApp } from './support';

/** A module of the kind other areas plug in: a state-changing API route and a page. */
const probe: RouteModule = {
  name: 'probe',
  mount: '/api/v1',
  routes: () => [
    {
      method: 'post',
      path: '/probe',
      access: 'login',
      handler: (req, res) => void res.status(201).json({ by: actorOf(req).role }),
    },
    {
      method: 'delete',
      path: '/probe/:id',
      access: ['mfa'],
      handler: (_req, res) => void res.status(204).end(),
    },
  ],
};

let app: TestApp;
let victim: UserView;
let routes: ListedRoute[];
const FAKE_ID = '0123456789abcdef01234567';

beforeAll(async () => {
  app = await startApp({ routes: [probe] });
  await makeUser(app, { username: 'admin', role: 'admin' });
  await makeUser(app, { username: 'cm-sec', role: 'secretary', province: 'chiang-mai' });
  victim = await makeUser(app, { username: 'moi', role: 'moi' });
  await makeUser(app, { username: 'mfa', role: 'mfa' });
  const deps: AppDeps = {
    ...appServices({
      config: loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(40) }),
      connection: app.db.connection,
      logger: createLogger('silent'),
    }),
    routes: [probe],
  };
  routes = listRoutes(appRouteModules(deps), routeContext(deps));
});
afterAll(async () => app.close());

const concrete = (path: string, id: string) => path.replace(/:\w+/g, id);

describe('CSRF', () => {
  it('lists the state-changing routes (sanity: the walk below covers them)', () => {
    const changing = routes.filter((r) => r.method !== 'get').map((r) => `${r.method} ${r.path}`);
    expect(changing).toEqual(
      expect.arrayContaining([
        'post /login',
        'post /logout',
        'post /locale',
        'post /admin/users',
        'post /account/tokens',
        'post /api/v1/probe',
      ]),
    );
  });

  it('every POST/PUT/PATCH/DELETE route answers 403 without a token and with a wrong token, even for an admin', async () => {
    const c = new Client(app.base);
    expect((await c.login('admin')).status).toBe(303);
    await c.csrf('/queue');
    for (const r of routes.filter((x) => x.method !== 'get')) {
      // A real user's id, so that routes with :id would act if the token check were missing.
      const path = concrete(r.path, victim.id);
      for (const token of [undefined, 'wrong-token']) {
        const form: Record<string, string> = { username: 'admin', password: 'x', locale: 'en', name: 'n' };
        if (token) form._csrf = token;
        const res = await c.request(r.method.toUpperCase(), path, {
          body: new URLSearchParams(form).toString(),
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });
        expect({ route: `${r.method} ${path}`, token, status: res.status }).toEqual({
          route: `${r.method} ${path}`,
          token,
          status: 403,
        });
        if (!path.startsWith('/api/')) expect(await res.text()).toContain('แบบฟอร์มหมดอายุ');
      }
    }
    // Nothing above was acted on: still signed in, the user is neither disabled nor changed.
    expect((await c.get('/admin/users')).status).toBe(200);
    expect(await app.users.findById(victim.id)).toEqual(victim);
  });

  it('accepts the token in the X-CSRF-Token header for JSON requests made with the session cookie', async () => {
    const c = new Client(app.base);
    await c.login('moi');
    const token = await c.csrf('/queue');
    const r = await c.request('POST', '/api/v1/probe', {
      body: '{}',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token },
    });
    expect(r.status).toBe(201);
  });

  it('bearer-token API requests need no CSRF token', async () => {
    const moi = await app.users.findByUsername('moi');
    const { token } = await app.tokens.create(moi?.id ?? '', 'script');
    const r = await fetch(`${app.base}/api/v1/probe`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(201);
    expect(await r.json()).toEqual({ by: 'moi' });
  });
});

describe('access', () => {
  const adminPages = ['/admin/users', `/admin/users/${FAKE_ID}`];

  it.each(['cm-sec', 'moi', 'mfa'])(
    '%s gets 403 with the error page on every admin page and admin action',
    async (username) => {
      const c = new Client(app.base);
      await c.login(username);
      for (const p of adminPages) {
        const r = await c.get(p);
        expect(r.status).toBe(403);
        expect(await r.text()).toContain('ไม่มีสิทธิ์');
      }
      const _csrf = await c.csrf('/queue');
      const r = await c.postForm('/admin/users', {
        _csrf,
        username: 'sneaky',
        displayName: 'x',
        role: 'admin',
        password: 'password123',
      });
      expect(r.status).toBe(403);
      expect(await app.users.findByUsername('sneaky')).toBeUndefined();
      const nav = await (await c.get('/queue')).text();
      expect(nav).not.toContain('href="/admin/users"');
    },
  );

  it('an admin sees the admin pages and the Admin link in the nav', async () => {
    const c = new Client(app.base);
    await c.login('admin');
    const r = await c.get('/admin/users');
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('href="/admin/users"');
  });

  it('anonymous visitors are sent to the login page (pages) or get 401 problem+json (API)', async () => {
    const c = new Client(app.base);
    const page = await c.get('/admin/users');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers');
    const api = await c.get('/api/v1/me');
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(await api.json()).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
  });

  it('a role-restricted API route refuses other roles with 403 problem+json', async () => {
    const c = new Client(app.base);
    await c.login('moi');
    const token = await c.csrf('/queue');
    const r = await c.request('DELETE', `/api/v1/probe/${FAKE_ID}`, { headers: { 'x-csrf-token': token } });
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ type: '/problems/not-allowed' });
  });
});
