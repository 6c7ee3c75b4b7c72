// `mou check` and `mou render` with --partner-text: the story's draft 2 read with the partner's (Korean) text.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { checkContent, FindingList } from '../../../src/domain/checks';
import { part, text } from '../../support/doc-xml';
import { chiangMaiSejongKo, FIXTURES_DIR, readFixtureJson } from '../../support/fixtures';

describe('mou check and render --partner-text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mou-partner-'));
  const story = join(FIXTURES_DIR, 'chiang-mai-sejong.json');
  const korean = join(FIXTURES_DIR, 'chiang-mai-sejong-ko.json');
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

  it('checks the story with the Korean text: the same findings as the domain gives, exit 0', async () => {
    expect(await main(['check', story, '--partner-text', korean, '--json'])).toBe(0);
    expect(FindingList.parse(JSON.parse(out)).findings).toEqual(checkContent(chiangMaiSejongKo().draft2));
  });

  it('exits 1 on a Korean text that says three years, naming the language at article 9', async () => {
    const json = structuredClone(readFixtureJson('chiang-mai-sejong-ko.json')) as {
      articles: { no: number; text: string }[];
    };
    const a9 = json.articles.find((a) => a.no === 9);
    if (a9) a9.text = a9.text.replace('5년간', '3년간');
    const file = join(dir, 'ko-3.json');
    writeFileSync(file, JSON.stringify(json));
    expect(await main(['check', story, '--partner-text', file])).toBe(1);
    const line = out.split('\n').find((l) => l.startsWith('error'));
    expect(line).toMatch(/^error +article 9 +parity\.partner-numbers \[partner\] .*the Korean text \(ko\)/);
  });

  it('renders the MOU with the Korean text, the place and date of signing in Korean', async () => {
    const docx = join(dir, 'mou.docx');
    const args = ['render', story, '--partner-text', korean, '--doc', 'mou', '--layout', 'sequential'];
    const signing = ['--sign-date', '2026-03-01', '--sign-place-partner', '세종', '-o', docx];
    expect(await main([...args, ...signing])).toBe(0);
    const body = text(part(readFileSync(docx), 'word/document.xml'));
    expect(body).toContain('2026년 3월 1일 세종에서 태국어, 한국어 및 영어로');
    expect(body).toContain('제9조 발효, 유효기간 및 종료');
  });

  it('refuses an unreadable partner text with exit 2 and says why in both languages', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ lang: 'ko', articles: [] }));
    expect(await main(['check', story, '--partner-text', file])).toBe(2);
    expect(err).toContain("The partner's text is incomplete or invalid (language: ");
    expect(err).toContain('ข้อความภาษาของคู่ภาคีไม่ครบหรือไม่ถูกต้อง');
  });
});
