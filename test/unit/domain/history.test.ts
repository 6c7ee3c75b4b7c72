import {
  chainEntry,
  GENESIS_HASH,
  hashEntry,
  verifyHistoryChain,
  type HistoryEntry,
  type HistoryEntryInput,
} from '../../../src/domain';

const actor = { userId: 'u1', name: 'Secretary', role: 'secretary' as const };
const steps: HistoryEntryInput[] = [
  { at: '2022-03-01T00:00:00.000Z', actor, event: 'CREATE', from: null, to: 'drafting' },
  {
    at: '2022-03-02T00:00:00.000Z',
    actor,
    event: 'SUBMIT_TO_COMMITTEE',
    from: 'drafting',
    to: 'committeeReview',
    versionNo: 1,
  },
  {
    at: '2022-03-14T00:00:00.000Z',
    actor,
    event: 'RECORD_RESOLUTION',
    from: 'committeeReview',
    to: 'committeeApproved',
    versionNo: 1,
    note: '1/2565 approved',
  },
  {
    at: '2022-03-20T00:00:00.000Z',
    actor,
    event: 'SUBMIT_TO_MOI',
    from: 'committeeApproved',
    to: 'moiReview',
    documentSha256: 'a'.repeat(64),
  },
];

function chain(id = 'agr-1'): HistoryEntry[] {
  return steps.reduce<HistoryEntry[]>((h, s) => [...h, chainEntry(id, h, s)], []);
}

describe('the hash-chained history', () => {
  it('links each entry to the one before, starting from the genesis hash', () => {
    const h = chain();
    expect(h.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
    expect(h[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < h.length; i++) expect(h[i]?.prevHash).toBe(h[i - 1]?.hash);
    expect(verifyHistoryChain('agr-1', h)).toEqual({ ok: true, length: 4, head: h[3]?.hash });
  });

  it('is deterministic: the same steps give the same hashes', () => {
    expect(chain().map((e) => e.hash)).toEqual(chain().map((e) => e.hash));
  });

  it('detects an edited field in any entry', () => {
    const fields: ((e: HistoryEntry) => HistoryEntry)[] = [
      (e) => ({ ...e, to: 'withdrawn' }),
      (e) => ({ ...e, at: '2021-01-01T00:00:00.000Z' }),
      (e) => ({ ...e, actor: { ...e.actor, role: 'admin' } }),
      (e) => ({ ...e, documentSha256: 'b'.repeat(64) }),
      (e) => ({ ...e, note: 'changed' }),
    ];
    for (const [i] of steps.entries()) {
      for (const edit of fields) {
        const h = chain();
        h[i] = edit(h[i] as HistoryEntry);
        expect(verifyHistoryChain('agr-1', h)).toEqual({ ok: false, brokenAt: i, reason: 'hash-mismatch' });
      }
    }
  });

  it('detects a forged entry whose own hash was recomputed, at the next link', () => {
    const h = chain();
    const { hash: _ignored, ...rest } = { ...(h[1] as HistoryEntry), event: 'WITHDRAW' };
    void _ignored;
    h[1] = { ...rest, hash: hashEntry('agr-1', rest) };
    expect(verifyHistoryChain('agr-1', h)).toEqual({ ok: false, brokenAt: 2, reason: 'broken-link' });
  });

  it('detects removed or reordered entries', () => {
    const h = chain();
    expect(verifyHistoryChain('agr-1', [h[0], h[2], h[3]] as HistoryEntry[])).toMatchObject({
      ok: false,
      brokenAt: 1,
    });
    expect(verifyHistoryChain('agr-1', [h[1], h[0]] as HistoryEntry[])).toMatchObject({
      ok: false,
      brokenAt: 0,
    });
  });

  it('binds the chain to its agreement: another agreement’s history does not verify', () => {
    expect(verifyHistoryChain('agr-2', chain('agr-1'))).toEqual({
      ok: false,
      brokenAt: 0,
      reason: 'hash-mismatch',
    });
  });
});
