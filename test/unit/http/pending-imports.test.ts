// Uploaded files waiting for confirmation: only for their person and agreement, gone after the time limit, and
// bounded in number and bytes (oldest first).
import { pendingImports } from '../../../src/http/pages/pending-imports';

const file = (userId: string, n = 10) => ({
  userId,
  agreementId: 'a1',
  versionNo: 1,
  held: Buffer.alloc(n),
  bytes: n,
  fileName: 'x.docx',
});

it('gives the file back to its person and agreement only, until it expires', () => {
  let now = 0;
  const p = pendingImports({ ttlMs: 1000, now: () => now });
  const t = p.put(file('u1'));
  expect(p.get(t, 'u1', 'a1')?.fileName).toBe('x.docx');
  expect(p.get(t, 'u2', 'a1')).toBeUndefined();
  expect(p.get(t, 'u1', 'a2')).toBeUndefined();
  expect(p.get('forged', 'u1', 'a1')).toBeUndefined();
  now = 999;
  expect(p.get(t, 'u1', 'a1')).toBeDefined();
  now = 1000;
  expect(p.get(t, 'u1', 'a1')).toBeUndefined();
  expect(p.size).toBe(0);
});

it('keeps at most maxEntries files and maxBytes, dropping the oldest', () => {
  const p = pendingImports({ maxEntries: 3, maxBytes: 25 });
  const tokens = [1, 2, 3, 4].map((i) => p.put(file(`u${i}`)));
  expect(p.size).toBe(2);
  expect(p.get(tokens[0]!, 'u1', 'a1')).toBeUndefined();
  expect(p.get(tokens[1]!, 'u2', 'a1')).toBeUndefined();
  expect(p.get(tokens[3]!, 'u4', 'a1')).toBeDefined();
  p.drop(tokens[3]!);
  expect(p.get(tokens[3]!, 'u4', 'a1')).toBeUndefined();
});
