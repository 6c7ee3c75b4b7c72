// Background work waits for a quiet moment of change requests, but never longer than its bound.
import { createActivity } from '../../../src/platform/activity';

it('is quiet at once when nothing is in flight, waits while a change is, and gives up waiting at the bound', async () => {
  const a = createActivity({ quietMs: 5, stepMs: 2 });
  let t = Date.now();
  await a.quiet(1_000);
  expect(Date.now() - t).toBeLessThan(50);

  const leave = a.enter();
  expect(a.inFlight()).toBe(1);
  t = Date.now();
  setTimeout(leave, 60);
  await a.quiet(5_000);
  expect(Date.now() - t).toBeGreaterThanOrEqual(60);
  expect(a.inFlight()).toBe(0);
  leave(); // a second call changes nothing
  expect(a.inFlight()).toBe(0);

  const stuck = a.enter();
  t = Date.now();
  await a.quiet(80);
  expect(Date.now() - t).toBeGreaterThanOrEqual(75);
  expect(Date.now() - t).toBeLessThan(500);
  stuck();
});
