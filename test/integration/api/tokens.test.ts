// Personal API tokens at the API: a revoked token is refused at once, and no token is ever stored in clear.
import { hashToken } from '../../../src/users/tokens';
import { Client } from '../http/support';
import { agreementsPath, startApi, story, WHO, type ApiApp } from './support';

let api: ApiApp;
beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());

describe('tokens', () => {
  it('a revoked token is refused with 401 on every kind of route', async () => {
    const u = await api.users.createUser({
      username: 'api-revoked',
      displayName: 'R',
      role: 'moi',
      password: 'correct horse battery',
    });
    const t = await api.tokens.create(u.id, 'soon revoked');
    const created = await api.call('secretary', 'POST', agreementsPath, {
      province: 'chiang-mai',
      content: story.draft1,
    });
    const a = { id: String((created.body as { id: string }).id) };
    const get = () =>
      fetch(`${api.base}${agreementsPath}/${a.id}`, { headers: { authorization: `Bearer ${t.token}` } });
    expect((await get()).status).toBe(200);
    // Revoked where people revoke them: on the API tokens page, with the session and its CSRF token.
    const c = new Client(api.base);
    expect((await c.login('api-revoked')).status).toBe(303);
    const _csrf = await c.csrf('/account/tokens');
    expect((await c.postForm(`/account/tokens/${t.id}/revoke`, { _csrf })).status).toBe(303);
    const r = await get();
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ type: '/problems/unauthenticated' });
    const post = await fetch(`${api.base}${agreementsPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.status).toBe(401);
  });

  it('are never stored in clear: no collection holds any token, only its SHA-256', async () => {
    const dump: string[] = [];
    for (const c of (await api.db.connection.db?.listCollections().toArray()) ?? []) {
      dump.push(JSON.stringify(await api.db.connection.collection(c.name).find().toArray()));
    }
    const all = dump.join('\n');
    for (const who of WHO) {
      expect(all).not.toContain(api.token[who]);
      expect(all).not.toContain(api.token[who].slice(12));
      expect(all).toContain(hashToken(api.token[who]));
    }
  });
});
