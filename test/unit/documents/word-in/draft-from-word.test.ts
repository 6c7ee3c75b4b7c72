// A new draft from a Word file: our own MOU in every layout comes back as the same title, preamble, articles and closing.
import { composeDocument, renderDocument, type Layout } from '../../../../src/documents';
import type { DocModel } from '../../../../src/documents/model';
import { readDraftFromWord } from '../../../../src/documents/word-in/draft-from-word';
import { openWordPackage } from '../../../../src/documents/word-in/package';
import { fixtureInput } from '../../../support/doc-inputs';

const LAYOUTS: readonly Layout[] = ['parallel', 'sequential', 'separate'];

/** The closing as printed: the fixture's placeholders filled with the place and date of signing. */
function printedClosing(model: DocModel): { th: string; en: string } {
  const block = model.blocks.find((b) => b.kind === 'text' && b.key === 'closing');
  if (!block || block.kind !== 'text') throw new Error('no closing block');
  const text = (paras: typeof block.th) =>
    (paras ?? []).map((p) => p.spans.map((s) => s.text).join('')).join('\n');
  return { th: text(block.th), en: text(block.en) };
}

describe.each(LAYOUTS)('our own MOU, %s layout', (layout) => {
  it('comes back as the same title, preamble, articles and closing, with a clean report', async () => {
    const input = fixtureInput('mou', layout);
    const { buffer } = await renderDocument(input);
    const { content, report } = await readDraftFromWord(await openWordPackage(buffer));
    const c = input.content;
    expect(report.layout).toBe(layout);
    expect(content.title).toEqual(c.title);
    expect(content.preamble).toEqual(c.preamble);
    expect(content.articles).toEqual(c.articles.map(({ no, heading, text }) => ({ no, heading, text })));
    expect(content.closing).toEqual(printedClosing(composeDocument(input)));
    expect(report.notes).toEqual([]);
    expect(report.found.th.articles).toEqual(c.articles.map((a) => a.no));
    expect(report.anchoredHeadings).toBe(2 * c.articles.length);
    expect(report.signatureParagraphs).toBeGreaterThan(0);
  });
});
