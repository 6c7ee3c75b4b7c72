// Personal API tokens: created in the UI and shown once, stored only as a SHA-256 hash, revocable.
import { createHash } from 'node:crypto';
import { userModels } from '../../../src/storage/users';
import { Client, makeUser, startApp, type TestApp } from './support';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
  await makeUser(app, {
    username: 'cm-secretary',
    displayName: 'สมศรี',
    role: 'secretary',
    province: 'chiang-mai',
  });
});
afterAll(async () => app.close());

const me = (token: string) =>
  fetch(`${app.base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

async function createInUi(c: Client, name: string): Promise<{ token: string; html: string }> {
  const _csrf = await c.csrf('/account/tokens');
  const r = await c.postForm('/account/tokens', { _csrf, name });
  expect(r.status).toBe(201);
  const html = await r.text();
  const m = /<code class="token" id="new-token">([^<]+)<\/code>/.exec(html);
  if (!m?.[1]) throw new Error('token not shown');
  return { token: m[1], html };
}

describe('API tokens', () => {
  it("are created in the UI, shown once, and work as Bearer tokens with the user's role and province", async () => {
    const c = new Client(app.base);
    await c.login('cm-secretary');
    const { token } = await createInUi(c, 'provincial system');
    const r = await me(token);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      id: expect.any(String),
      username: 'cm-secretary',
      displayName: 'สมศรี',
      role: 'secretary',
      province: 'chiang-mai',
      locale: 'th',
    });
    const list = await (await c.get('/account/tokens')).text();
    expect(list).toContain('provincial system');
    expect(list).not.toContain(token);
  });

  it('are stored only as a SHA-256 hash', async () => {
    const c = new Client(app.base);
    await c.login('cm-secretary');
    const { token } = await createInUi(c, 'hash check');
    const { ApiToken } = userModels(app.db.connection);
    const docs = await ApiToken.find().lean().exec();
    expect(JSON.stringify(docs)).not.toContain(token);
    expect(docs.map((d) => d.hash)).toContain(createHash('sha256').update(token).digest('hex'));
  });

  it('stop working once revoked in the UI', async () => {
    const c = new Client(app.base);
    await c.login('cm-secretary');
    const { token } = await createInUi(c, 'to revoke');
    expect((await me(token)).status).toBe(200);
    const [listed] = (
      await app.tokens.list((await app.users.findByUsername('cm-secretary'))?.id ?? '')
    ).filter((t) => t.name === 'to revoke');
    const _csrf = await c.csrf('/account/tokens');
    const r = await c.postForm(`/account/tokens/${listed?.id ?? ''}/revoke`, { _csrf });
    expect(r.status).toBe(303);
    const after = await me(token);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
    expect(await (await c.get('/account/tokens')).text()).not.toContain('to revoke');
  });

  it('cannot be revoked by another user (404), and a garbage or empty token is 401', async () => {
    const owner = await app.users.findByUsername('cm-secretary');
    const created = await app.tokens.create(owner?.id ?? '', 'mine');
    await makeUser(app, { username: 'intruder' });
    const c = new Client(app.base);
    await c.login('intruder');
    const _csrf = await c.csrf('/account/tokens');
    expect((await c.postForm(`/account/tokens/${created.id}/revoke`, { _csrf })).status).toBe(404);
    expect((await me(created.token)).status).toBe(200);
    expect((await me('mou_not-a-real-token')).status).toBe(401);
    expect((await fetch(`${app.base}/api/v1/me`, { headers: { authorization: 'Bearer ' } })).status).toBe(
      401,
    );
  });

  it('of a disabled user stop working', async () => {
    const u = await makeUser(app, { username: 'temp-user' });
    const { token } = await app.tokens.create(u.id, 'x');
    expect((await me(token)).status).toBe(200);
    await app.users.update(u.id, { disabled: true });
    expect((await me(token)).status).toBe(401);
  });

  it('refuse an empty name with the form shown again (422)', async () => {
    const c = new Client(app.base);
    await c.login('cm-secretary');
    const _csrf = await c.csrf('/account/tokens');
    const r = await c.postForm('/account/tokens', { _csrf, name: '   ' });
    expect(r.status).toBe(422);
    expect(await r.text()).toContain('กรุณาตั้งชื่อโทเคน');
  });
});
