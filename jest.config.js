// Jest runs TypeScript through @swc/jest (fast, no type-check); `npm run typecheck` runs tsc separately.
// Two lanes: `npm test` runs every file; `npm run test:fast` (MOU_TEST_LANE=fast) leaves out SLOW_LANE.

/**
 * The slow lane, kept here only: tests that start LibreOffice or Chromium, the soak and the record model. In the
 * fast lane a test that starts LibreOffice or Chromium anyway fails and names this list (test/support/fast-lane.ts);
 * test/unit/lanes.test.ts fails on an entry that no longer matches a file.
 */
const SLOW_LANE = [
  'test/e2e/**', // Chromium
  'test/integration/pdf/**', // LibreOffice converts to PDF
  'test/integration/documents/rendering.test.ts', // LibreOffice renders every document
  'test/integration/api/hostile-document.test.ts', // LibreOffice opens hostile documents
  'test/integration/api/access.test.ts', // the PDF routes convert with LibreOffice
  'test/integration/api/review-import.test.ts', // files annotated by LibreOffice
  'test/integration/api/partner-text.test.ts', // files annotated by LibreOffice
  'test/integration/pages/review-import.test.ts', // files annotated by LibreOffice
  'test/integration/pages/partner-text.test.ts', // files annotated by LibreOffice
  'test/integration/soak/**', // the session soak
  'test/integration/model/**', // the record model's random runs
];
const fast = process.env.MOU_TEST_LANE === 'fast';

const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
  ],
};
const common = {
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFilesAfterEnv: [
    '<rootDir>/test/support/timeouts.ts',
    ...(fast ? ['<rootDir>/test/support/fast-lane.ts'] : []),
  ],
};
const project = (displayName, folder) => ({
  ...common,
  displayName,
  testMatch: [
    `<rootDir>/test/${folder}/**/*.test.ts`,
    ...(fast ? SLOW_LANE.map((glob) => `!**/${glob}`) : []),
  ],
});

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [project('unit', 'unit'), project('integration', 'integration'), project('e2e', 'e2e')],
};
