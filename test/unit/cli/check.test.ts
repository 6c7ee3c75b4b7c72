import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { checkContent, FindingList } from '../../../src/domain/checks';
import { chiangMaiSejong, FIXTURES_DIR } from '../../support/fixtures';

describe('mou check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mou-check-'));
  const fixture = join(FIXTURES_DIR, 'chiang-mai-sejong.json');
  const story = chiangMaiSejong();
  let out = '';
  let err = '';
  beforeAll(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
  });
  beforeEach(() => {
    out = '';
    err = '';
  });
  afterAll(() => jest.restoreAllMocks());

  it('checks a fixture story’s last draft by default: no error, exit 0, one line per finding and a summary', async () => {
    expect(await main(['check', fixture])).toBe(0);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(checkContent(story.draft2).length + 1);
    expect(lines.some((l) => l.startsWith('error'))).toBe(false);
    expect(lines.at(-1)).toMatch(/^0 errors, \d+ warnings, \d+ notes \| ข้อผิดพลาด 0 คำเตือน \d+ ข้อสังเกต \d+$/);
  });

  it('checks draft 1 with --draft 1: exit 1, each line in English and Thai', async () => {
    expect(await main(['check', fixture, '--draft', '1'])).toBe(1);
    const shall = out.split('\n').find((l) => l.includes('wording.shall [en]'));
    expect(shall).toMatch(
      /^error +article 1 +wording\.shall \[en\] "shall" reads as a legal obligation.* \| คำว่า "shall"/,
    );
  });

  it('prints { findings } with --json, the same findings as the API gives', async () => {
    expect(await main(['check', '--json', fixture, '--draft', '1'])).toBe(1);
    const printed = FindingList.parse(JSON.parse(out));
    expect(printed.findings).toEqual(checkContent(story.draft1));
  });

  it('reads any file mou render accepts: a render request, or bare content written before article keys', async () => {
    const request = join(dir, 'request.json');
    writeFileSync(request, JSON.stringify({ content: story.draft1, versionNo: 1 }));
    expect(await main(['check', request, '--json'])).toBe(1);
    expect(JSON.parse(out)).toEqual({ findings: checkContent(story.draft1) });
    const bare = join(dir, 'bare.json');
    const keyless = { ...story.draft2, articles: story.draft2.articles.map(({ key: _key, ...a }) => a) };
    writeFileSync(bare, JSON.stringify(keyless));
    expect(await main(['check', bare])).toBe(0);
  });

  it('a file it cannot read, or --draft on a file that is not a story, is a usage error (exit 2, in both languages)', async () => {
    expect(await main(['check', join(dir, 'missing.json')])).toBe(2);
    expect(err).toContain('Cannot read');
    expect(err).toContain('อ่านไฟล์');
    const bare = join(dir, 'bare2.json');
    writeFileSync(bare, JSON.stringify(story.draft2));
    expect(await main(['check', bare, '--draft', '1'])).toBe(2);
    expect(await main(['check'])).toBe(2);
  });
});
