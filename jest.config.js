// Jest runs TypeScript through @swc/jest (fast, no type-check); `npm run typecheck` runs tsc separately.
// Two lanes: `npm test` runs every file; `npm run test:fast` (MOU_TEST_LANE=fast) leaves out the slow lane
// (test/lanes.js).

const { availableParallelism } = require('node:os');
const { SLOW_LANE } = require('./test/lanes.js');

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
  // Jest's default on two cores is one worker; the tests mostly wait (database, LibreOffice, Chromium), so use two.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  // Without timings from an earlier run (a fresh clone), the slow lane first, so that no long file starts last.
  testSequencer: '<rootDir>/test/support/sequencer.js',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  projects: [project('unit', 'unit'), project('integration', 'integration'), project('e2e', 'e2e')],
};
