// `mou render … --pdfa` writes a PDF/A-2b of the document and prints its SHA-256.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { FIXTURES_DIR } from '../../support/fixtures';

jest.setTimeout(120_000);

it('mou render --pdfa writes a PDF/A of the fixture and prints its SHA-256', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mou-cli-pdf-'));
  const out = join(dir, 'mou.pdf');
  let printed = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((printed += String(s)), true));
  try {
    const code = await main([
      'render',
      join(FIXTURES_DIR, 'chiang-mai-sejong.json'),
      '--doc',
      'mou',
      '--pdfa',
      '-o',
      out,
    ]);
    write.mockRestore();
    expect(code).toBe(0);
    const pdf = await readFile(out);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/pdfaid:part(="2"|>2<)/);
    expect(printed).toBe(`${createHash('sha256').update(pdf).digest('hex')}  ${out}\n`);
  } finally {
    write.mockRestore();
    await rm(dir, { recursive: true, force: true });
  }
});
