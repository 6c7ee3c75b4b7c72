// The order of a test run: jest's own (failed first, then longest first by the last run's timings); on a fresh clone,
// with no timings, the slow lane (test/lanes.js) first and then the largest files, so the run does not end waiting
// on a long file that started last.
'use strict';
const { relative } = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;
const { globsToMatcher } = require('jest-util');
const { SLOW_LANE } = require('../lanes.js');

const isSlow = globsToMatcher(SLOW_LANE);

class SlowFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    if (sorted.some((t) => t.duration != null)) return sorted;
    const slow = (t) => isSlow(relative(t.context.config.rootDir, t.path));
    return [...sorted.filter(slow), ...sorted.filter((t) => !slow(t))];
  }
}

module.exports = SlowFirst;
