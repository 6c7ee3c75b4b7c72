// GET /api/openapi.json and GET /api/docs: the OpenAPI document and a readable, server-rendered page of it.
import type { Route, RouteModule } from '../types';

type Json = Record<string, unknown>;

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const obj = (v: unknown): Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : {};
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v));

function schemaLink(schema: unknown): string {
  const ref = str(obj(schema).$ref);
  if (ref.startsWith('#/components/schemas/')) {
    const name = ref.slice('#/components/schemas/'.length);
    return `<a href="#schema-${esc(name)}">${esc(name)}</a>`;
  }
  return `<code>${esc(JSON.stringify(schema))}</code>`;
}

function operationHtml(path: string, method: string, op: Json): string {
  const params = arr(op.parameters).map((p) => {
    const q = obj(p);
    return `<tr><td><code>${esc(str(q.name))}</code></td><td>${esc(str(q.in))}</td><td>${q.required === true ? 'yes' : 'no'}</td><td><code>${esc(JSON.stringify(q.schema))}</code></td></tr>`;
  });
  const body = obj(obj(obj(op.requestBody).content)['application/json']).schema;
  const responses = Object.entries(obj(op.responses)).map(([status, r]) => {
    const content = Object.entries(obj(obj(r).content))
      .map(([type, c]) => `${esc(type)}: ${schemaLink(obj(c).schema)}`)
      .join('<br>');
    return `<tr><td>${esc(status)}</td><td>${esc(str(obj(r).description))}</td><td>${content}</td></tr>`;
  });
  return `<section class="card" id="${esc(str(op.operationId))}">
<h3><code>${esc(method.toUpperCase())} ${esc(path)}</code></h3>
<p>${esc(str(op.summary))}</p>${op.description ? `<p>${esc(str(op.description))}</p>` : ''}
<p>Who: ${arr(op['x-roles'])
    .map((r) => esc(str(r)))
    .join(', ')}</p>
${params.length ? `<table><caption>Parameters</caption><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>${params.join('')}</table>` : ''}
${body ? `<p>Request body (application/json): ${schemaLink(body)}</p>` : ''}
<table><caption>Responses</caption><tr><th>status</th><th>meaning</th><th>body</th></tr>${responses.join('')}</table>
</section>`;
}

/** The whole page; every text comes from the OpenAPI document and is escaped. */
export function docsHtml(doc: Json): string {
  const info = obj(doc.info);
  const ops = Object.entries(obj(doc.paths)).flatMap(([path, item]) =>
    Object.entries(obj(item)).map(([method, op]) => operationHtml(path, method, obj(op))),
  );
  const schemas = Object.entries(obj(obj(doc.components).schemas)).map(
    ([name, s]) =>
      `<section class="card" id="schema-${esc(name)}"><h3>${esc(name)}</h3><pre><code>${esc(JSON.stringify(s, null, 2))}</code></pre></section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(str(info.title))} ${esc(str(info.version))}</title><link rel="stylesheet" href="/assets/style.css"></head>
<body><main>
<h1>${esc(str(info.title))} <small>${esc(str(info.version))}</small></h1>
<p>${esc(str(info.description))}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(str(doc.openapi))})</p>
<h2>Operations</h2>
${ops.join('\n')}
<h2>Schemas</h2>
${schemas.join('\n')}
</main></body></html>`;
}

export function openApiModule(build: () => Json): RouteModule {
  let cached: { json: string; html: string } | undefined;
  const get = () => {
    if (!cached) {
      const doc = build();
      cached = { json: JSON.stringify(doc), html: docsHtml(doc) };
    }
    return cached;
  };
  const routes: Route[] = [
    {
      method: 'get',
      path: '/openapi.json',
      access: 'public',
      handler: (_req, res) => {
        res.type('application/json').setHeader('Cache-Control', 'public, max-age=300');
        res.send(get().json);
      },
    },
    {
      method: 'get',
      path: '/docs',
      access: 'public',
      handler: (_req, res) => {
        res.type('text/html').setHeader('Cache-Control', 'public, max-age=300');
        res.send(get().html);
      },
    },
  ];
  return { name: 'api-docs', mount: '/api', routes: () => routes };
}
