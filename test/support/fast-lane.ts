// Set up for each test file of `npm run test:fast`: a test that starts LibreOffice or Chromium fails and says where it
// belongs (the slow-lane list in test/lanes.js), even when the code under test catches the refused launch.
import childProcess from 'node:child_process';
import { relative } from 'node:path';
import { guardLaunches } from './lane-guard';

const launched: string[] = [];
const restore = guardLaunches(childProcess, (program, commandLine) => {
  launched.push(`${program}: ${commandLine}`);
  throw new Error(
    `The fast lane does not start ${program} (${commandLine}): add this test file to SLOW_LANE in test/lanes.js.`,
  );
});

afterAll(() => {
  restore();
  if (launched.length > 0) {
    const file = relative(process.cwd(), expect.getState().testPath ?? '');
    throw new Error(
      `${file} started ${launched.join('; ')} in the fast lane: list it in SLOW_LANE (test/lanes.js).`,
    );
  }
});
