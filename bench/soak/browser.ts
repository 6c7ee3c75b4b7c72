// A browser stand-in over fetch: keeps cookies, does not follow redirects, reads CSRF tokens from pages.
export class BrowserClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    init: { body?: string | FormData | URLSearchParams; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.base + path, { method, headers, body: init.body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request('GET', path, { headers });
  }

  /** A form post; a field given as a list is sent once per value (checkboxes). */
  postForm(path: string, form: Record<string, string | readonly string[]>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(form))
      for (const x of typeof v === 'string' ? [v] : v) body.append(k, x);
    return this.request('POST', path, {
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  /** A multipart/form-data post (a file upload); fetch writes the boundary. */
  postMultipart(path: string, form: FormData): Promise<Response> {
    return this.request('POST', path, { body: form });
  }

  /** The _csrf value from a page's forms (GET of `path`). */
  async csrf(path = '/login'): Promise<string> {
    const html = await (await this.get(path)).text();
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!m?.[1]) throw new Error(`no CSRF token on ${path}`);
    return m[1];
  }

  async login(username: string, password: string): Promise<Response> {
    const _csrf = await this.csrf('/login');
    return this.postForm('/login', { _csrf, username, password });
  }

  /** Signs out with the CSRF token of a signed-in page. */
  async logout(): Promise<Response> {
    return this.postForm('/logout', { _csrf: await this.csrf('/queue') });
  }
}
