// Layer rules: the pure core (domain, workflows) imports no framework or I/O; only render-docx imports docx; the web
// layer gets services from the composition root (src/composition-root.ts), never the database or the workflow
// runtime; mongoose and the driver stay in src/storage; no cycles.
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
      comment:
        "the database driver, mongoose and the session store adapter are storage's: every other folder gets repositories " +
        "and stores through ports (src/app/ports.ts, src/users/ports.ts) and holds the database only as storage's handle",
      severity: 'error',
      from: { path: '^(src|workflows)/', pathNot: '^src/storage/' },
      to: { path: 'node_modules/(mongoose|mongodb|connect-mongo)/' },
    },
    {
      name: 'platform-is-process-and-os-only',
      comment:
        'src/platform runs processes and timers (FerretDB, LibreOffice, the session sweep); it knows no storage or app',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(storage|http|users|seed|cli)/' },
    },
    {
      name: 'test-doubles-live-in-test',
      comment: 'in-memory twins and other test doubles are under test/, never shipped in src',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
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
