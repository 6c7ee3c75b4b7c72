// Errors reach people as a page in their language and programs as problem+json; never a stack trace.
import { DomainError } from '../../../src/domain/errors';
import type { RouteModule } from '../../../src/http/types';
import { Client, makeUser, startApp, type TestApp } from './support';

class FakeServerSelectionError extends Error {
  override name = 'MongoServerSelectionError';
}

const failing: RouteModule = {
  name: 'failing',
  routes: () => [
    {
      method: 'get',
      path: '/boom',
      access: 'public',
      handler: () => {
        throw new Error('secret internals at /srv/app.js:12');
      },
    },
    {
      method: 'get',
      path: '/api/v1/boom',
      access: 'public',
      handler: () => {
        throw new Error('secret internals');
      },
    },
    {
      method: 'get',
      path: '/api/v1/db-down',
      access: 'public',
      handler: async () => {
        throw new FakeServerSelectionError('connect ECONNREFUSED');
      },
    },
    {
      method: 'get',
      path: '/db-down',
      access: 'public',
      handler: async () => {
        throw new FakeServerSelectionError('connect ECONNREFUSED');
      },
    },
    {
      method: 'get',
      path: '/api/v1/stale',
      access: 'public',
      handler: () => {
        throw new DomainError('conflict', { th: 'มีผู้แก้ไขก่อน', en: 'Someone changed it first' });
      },
    },
    {
      method: 'get',
      path: '/api/v1/invalid',
      access: 'public',
      handler: () => {
        throw new DomainError('validation-failed', { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid data' }, [
          { path: 'articles.0.text', message: { th: 'ว่างเปล่า', en: 'is empty' } },
        ]);
      },
    },
    {
      method: 'post',
      path: '/api/v1/echo',
      access: 'login',
      handler: (req, res) => void res.json({ got: req.body as unknown }),
    },
  ],
};

let app: TestApp;
let json: Record<string, string>;
beforeAll(async () => {
  app = await startApp({ routes: [failing] });
  const u = await makeUser(app, { username: 'english', locale: 'en' });
  const { token } = await app.tokens.create(u.id, 'tests');
  json = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
});
afterAll(async () => app.close());

function noStack(html: string): void {
  expect(html).not.toMatch(/secret internals|\.js:\d+|\bat \w+ \(|Error:/);
}

describe('error pages', () => {
  it('an unknown page is a 404 page in Thai by default', async () => {
    const r = await new Client(app.base).get('/no/such/page');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('text/html');
    const html = await r.text();
    expect(html).toContain('<html lang="th">');
    expect(html).toContain('ไม่พบข้อมูล');
  });

  it("an unexpected error is a 500 page in the user's language, with no stack trace or message", async () => {
    const th = await new Client(app.base).get('/boom');
    expect(th.status).toBe(500);
    const thHtml = await th.text();
    expect(thHtml).toContain('เกิดข้อผิดพลาด');
    noStack(thHtml);

    const c = new Client(app.base);
    await c.login('english');
    const en = await c.get('/boom');
    expect(en.status).toBe(500);
    const enHtml = await en.text();
    expect(enHtml).toContain('<html lang="en">');
    expect(enHtml).toContain('Something went wrong');
    noStack(enHtml);
  });

  it('a database outage is a 503 page with Retry-After', async () => {
    const r = await new Client(app.base).get('/db-down');
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('5');
    expect(await r.text()).toContain('ระบบไม่พร้อมใช้งานชั่วคราว');
  });
});

describe('problem+json under /api', () => {
  const problem = async (r: Response) => {
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    return (await r.json()) as {
      type: string;
      title: string;
      status: number;
      detail: string;
      errors: unknown[];
    };
  };

  it('malformed JSON → 400 invalid-input', async () => {
    const r = await fetch(`${app.base}/api/v1/echo`, { method: 'POST', headers: json, body: '{"a": ' });
    expect(r.status).toBe(400);
    expect(await problem(r)).toMatchObject({
      type: '/problems/invalid-input',
      status: 400,
      title: 'Invalid request',
    });
  });

  it('a JSON body over 1 MB → 413, and so is a form over 1 MB on a page', async () => {
    const big = JSON.stringify({ text: 'ก'.repeat(400_000) }); // 1.2 MB in UTF-8
    const r = await fetch(`${app.base}/api/v1/echo`, { method: 'POST', headers: json, body: big });
    expect(r.status).toBe(413);
    expect(await problem(r)).toMatchObject({ type: '/problems/payload-too-large', status: 413 });
    const form = await fetch(`${app.base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=${'a'.repeat(1_100_000)}`,
    });
    expect(form.status).toBe(413);
    expect(await form.text()).toContain('ข้อมูลใหญ่เกินไป');
  });

  it('a body just under the limit is accepted', async () => {
    const body = JSON.stringify({ text: 'a'.repeat(1_000_000) });
    const r = await fetch(`${app.base}/api/v1/echo`, { method: 'POST', headers: json, body });
    expect(r.status).toBe(200);
  });

  it('domain errors keep their code: conflict 409, validation 422 with field errors', async () => {
    const c = await fetch(`${app.base}/api/v1/stale`);
    expect(c.status).toBe(409);
    expect(await problem(c)).toMatchObject({
      type: '/problems/conflict',
      detail: 'Someone changed it first',
    });
    const v = await fetch(`${app.base}/api/v1/invalid`, { headers: { 'accept-language': 'th' } });
    expect(v.status).toBe(422);
    expect(await problem(v)).toEqual({
      type: '/problems/validation-failed',
      title: 'ข้อมูลไม่ถูกต้อง',
      status: 422,
      detail: 'ข้อมูลไม่ถูกต้อง',
      errors: [{ path: 'articles.0.text', message: 'ว่างเปล่า' }],
    });
  });

  it('unexpected errors → 500 without internals; database outage → 503 with Retry-After; unknown route → 404', async () => {
    const boom = await fetch(`${app.base}/api/v1/boom`);
    expect(boom.status).toBe(500);
    const body = JSON.stringify(await problem(boom));
    expect(body).not.toContain('secret');
    const down = await fetch(`${app.base}/api/v1/db-down`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect(await problem(down)).toMatchObject({ type: '/problems/db-unavailable' });
    const missing = await fetch(`${app.base}/api/v1/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await problem(missing)).toMatchObject({ type: '/problems/not-found' });
  });
});

describe('security headers', () => {
  it('sends a CSP that allows only this site, and no X-Powered-By', async () => {
    const r = await fetch(`${app.base}/login`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https:|unsafe-inline|\*/);
    expect(r.headers.get('x-powered-by')).toBeNull();
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the session cookie is HttpOnly and SameSite=Lax', async () => {
    const r = await fetch(`${app.base}/login`);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('mou.sid=')) ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});
