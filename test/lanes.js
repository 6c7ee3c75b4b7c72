// The slow lane, listed once: tests that start LibreOffice or Chromium, the soak and the record model's random runs.
// `npm run test:fast` leaves these out (jest.config.js); `npm test` runs every file and starts these first.
// In the fast lane a test that starts LibreOffice or Chromium anyway fails and names this list
// (test/support/fast-lane.ts); test/unit/lanes.test.ts fails on an entry that no longer matches a file.
'use strict';

/** Globs relative to the project root. */
const SLOW_LANE = [
  'test/e2e/**', // Chromium
  'test/integration/pdf/**', // LibreOffice converts to PDF
  'test/integration/documents/rendering.test.ts', // LibreOffice renders every document
  'test/integration/documents/partner-language.test.ts', // LibreOffice renders the Korean story's documents
  'test/integration/documents/partner-stories.test.ts', // LibreOffice renders the Chinese and Japanese stories
  'test/integration/documents/partner-import.test.ts', // files annotated by LibreOffice
  'test/integration/api/hostile-document.test.ts', // LibreOffice opens hostile documents
  'test/integration/api/access.test.ts', // the PDF routes convert with LibreOffice
  'test/integration/api/review-import.test.ts', // files annotated by LibreOffice
  'test/integration/api/partner-text.test.ts', // files annotated by LibreOffice
  'test/integration/pages/review-import.test.ts', // files annotated by LibreOffice
  'test/integration/pages/partner-text.test.ts', // files annotated by LibreOffice
  'test/integration/after-signing-story.test.ts', // LibreOffice renders the action plan
  'test/integration/statistics/annual-report.test.ts', // LibreOffice makes a PDF of the annual report
  'test/integration/soak/**', // the session soak
  'test/integration/model/**', // the record model's random runs
];

module.exports = { SLOW_LANE };
