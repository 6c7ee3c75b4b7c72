// Programs with a bearer token are not browsers: their requests neither set a cookie nor store a session.
import { startApi, type ApiApp } from '../api/support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

describe('bearer-token requests and sessions', () => {
  it('render pages (with their CSRF fields) without storing a session or setting a cookie', async () => {
    const sessions = () => api.db.connection.collection('sessions').countDocuments();
    const before = await sessions();
    for (const path of ['/queue', '/registry', '/account/tokens']) {
      const r = await fetch(api.base + path, { headers: { authorization: `Bearer ${api.token.secretary}` } });
      expect(r.status).toBe(200);
      expect(r.headers.get('set-cookie')).toBeNull();
    }
    expect(await sessions()).toBe(before);
  });

  it('while a browser visitor still gets a session once a form needs a CSRF token', async () => {
    const r = await fetch(`${api.base}/login`);
    expect(r.status).toBe(200);
    expect(r.headers.get('set-cookie')).toMatch(/mou\.sid=/);
  });
});
