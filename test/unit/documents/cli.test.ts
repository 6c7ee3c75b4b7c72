import { mkdtempSync, readdirSync, readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { renderDocument } from '../../../src/documents';
import { fixtureInput } from '../../support/doc-inputs';
import { FIXTURES_DIR } from '../../support/fixtures';
import { parts } from '../../support/doc-xml';

describe('mou render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mou-cli-'));
  const fixture = join(FIXTURES_DIR, 'chiang-mai-sejong.json');
  let out = '';
  beforeAll(() => {
    jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out += String(s);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(() => jest.restoreAllMocks());

  it('renders a fixture story to the same bytes as the API and prints the SHA-256', async () => {
    const target = join(dir, 'review.docx');
    const code = await main(['render', fixture, '--doc', 'review', '--date', '2022-05-20', '-o', target]);
    expect(code).toBe(0);
    const api = await renderDocument({
      ...fixtureInput('review'),
      meta: { ...fixtureInput('review').meta, signing: undefined },
    });
    expect(readFileSync(target).equals(api.buffer)).toBe(true);
    expect(out).toContain(`${api.sha256}  ${target}`);
  });

  it('renders every document of every agreement in a folder, and reports bad files without stopping', async () => {
    const src = join(dir, 'in');
    mkdirSync(src);
    copyFileSync(fixture, join(src, 'cm.json'));
    writeFileSync(join(src, 'broken.json'), '{"kind":"sister"}');
    const target = join(dir, 'out');
    const code = await main(['render', src, '--doc', 'all', '--layout', 'sequential', '-o', target]);
    expect(code).toBe(2);
    // The code is returned, not left on the process: a caller (like jest) keeps its own exit status.
    expect(process.exitCode).toBeUndefined();
    // Every document type: the seven of the approval path and the record of renewal.
    expect(readdirSync(target).sort()).toHaveLength(8);
    expect(readdirSync(target)).toContain('cm__MOU_ChiangMai-Sejong_v1_review_sequential.docx');
  });

  it('renders bare agreement content written before article keys', async () => {
    const content = fixtureInput('mou').content;
    const keyless = { ...content, articles: content.articles.map(({ key: _key, ...a }) => a) };
    const file = join(dir, 'bare.json');
    writeFileSync(file, JSON.stringify(keyless));
    const target = join(dir, 'bare.docx');
    expect(await main(['render', file, '--doc', 'mou', '--version', '2', '-o', target])).toBe(0);
    // Keys are printed only in the anchors' hidden bookmark names: the same text with its keys reads the same.
    const keyed = await renderDocument({ doc: 'mou', layout: 'parallel', content, versionNo: 2, meta: {} });
    const unmarked = (b: Buffer) =>
      (parts(b).get('word/document.xml') ?? '').replace(/<w:bookmark(Start|End) [^>]*\/>/g, '');
    const bare = readFileSync(target);
    expect(unmarked(bare)).toBe(unmarked(keyed.buffer));
    expect(unmarked(bare)).toContain('Sejong');
    expect(parts(bare).get('word/document.xml')).toMatch(/w:name="_mou_a[A-Za-z0-9_]+_v2_th_h"/);
  });

  it('refuses an unknown document type', async () => {
    expect(await main(['render', fixture, '--doc', 'letter', '-o', join(dir, 'x.docx')])).toBe(1);
  });
});
