// Test timeouts by folder (jest reads testTimeout only at the top level, so each project sets it here).
const path = expect.getState().testPath ?? '';
jest.setTimeout(
  /[\\/]test[\\/]e2e[\\/]/.test(path)
    ? 600_000
    : /[\\/]test[\\/]integration[\\/]/.test(path)
      ? 120_000
      : 10_000,
);
