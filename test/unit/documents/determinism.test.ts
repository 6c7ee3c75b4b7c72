// The same input renders the same bytes, whatever the clock says.
import { createHash } from 'node:crypto';
import { renderDocument } from '../../../src/documents';
import { DOC_TYPES, fixtureInput } from '../../support/doc-inputs';
import { part } from '../../support/doc-xml';

/** Fakes only Date (timers stay real, so the renders run as usual), starting at `now`. */
const fakeClockAt = (now: Date) =>
  jest.useFakeTimers({
    now,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });

describe('determinism', () => {
  // The clock is an input: only Date is faked, so the two renders are a day and three seconds apart (more than the
  // zip's 2-second resolution) without waiting.
  afterEach(() => jest.useRealTimers());
  it.each(DOC_TYPES)('renders the %s byte-identically every time and reports its SHA-256', async (doc) => {
    fakeClockAt(new Date('2031-03-04T05:06:07Z'));
    const a = await renderDocument(fixtureInput(doc));
    jest.setSystemTime(new Date('2031-03-05T05:06:10Z'));
    expect(new Date().toISOString()).toBe('2031-03-05T05:06:10.000Z');
    const b = await renderDocument(fixtureInput(doc));
    expect(b.buffer.equals(a.buffer)).toBe(true);
    expect(a.sha256).toBe(createHash('sha256').update(a.buffer).digest('hex'));
    expect(b.sha256).toBe(a.sha256);
  });

  it('stamps the document date, not the clock, into the core properties and the zip entries', async () => {
    const { buffer } = await renderDocument(fixtureInput('mou'));
    const core = part(buffer, 'docProps/core.xml');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2022-05-20T00:00:00Z</dcterms:created>',
    );
    expect(core).toContain(
      '<dcterms:modified xsi:type="dcterms:W3CDTF">2022-05-20T00:00:00Z</dcterms:modified>',
    );
    // Every central-directory entry: DOS time 0, date 1980-01-01.
    let entries = 0;
    for (let i = buffer.indexOf(0x02014b50 & 0xff); i >= 0 && i < buffer.length - 4; i++) {
      if (buffer.readUInt32LE(i) !== 0x02014b50) continue;
      entries++;
      expect(buffer.readUInt16LE(i + 12)).toBe(0);
      expect(buffer.readUInt16LE(i + 14)).toBe(0x21);
    }
    expect(entries).toBeGreaterThan(8);
  });

  it('changes the bytes when the content changes', async () => {
    const input = fixtureInput('mou');
    const other = { ...input, versionNo: 3 };
    expect((await renderDocument(other)).sha256).not.toBe((await renderDocument(input)).sha256);
  });
});
