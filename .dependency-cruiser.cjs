// Layer rules: the pure core (domain, workflows) imports no framework or I/O; only render-docx imports docx; the web
// layer gets services from the composition root (src/compose.ts), never the database or the workflow runtime.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^src/domain' },
      to: {
        path: 'node_modules/(express|mongoose|mongodb|docx|handlebars|pino)|^src/(storage|http|app|documents)',
      },
    },
    {
      name: 'workflows-are-pure',
      severity: 'error',
      from: { path: '^workflows' },
      to: { path: 'node_modules/(express|mongoose|mongodb|docx|pino)|^src/(storage|http|app|documents)' },
    },
    {
      name: 'only-render-docx-imports-docx',
      severity: 'error',
      from: { path: '^src', pathNot: '^src/documents/render' },
      to: { path: 'node_modules/docx/' },
    },
    {
      name: 'only-storage-knows-mongodb',
      severity: 'error',
      from: { path: '^src/(domain|documents|app|events)' },
      to: { path: 'node_modules/(mongoose|mongodb)/' },
    },
    {
      name: 'http-gets-services-not-storage',
      comment:
        'src/http talks to application services only: no storage, database driver or session store of its own, and no ' +
        'statechart runtime (what an actor may do is asked of the agreement service)',
      severity: 'error',
      from: { path: '^src/http' },
      to: {
        path: '^src/storage|^src/app/workflow-runtime|node_modules/(mongoose|mongodb|connect-mongo|xstate)/',
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
  },
};
