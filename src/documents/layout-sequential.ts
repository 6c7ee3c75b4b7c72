// Layouts that give each language its own run of pages: sequential (one text, Thai then English) and
// separate (two originals in one file: the Thai text with the Thai party first, then the English text with the
// partner first, each with its own signature block).
import {
  Anchors,
  articleParts,
  paras,
  signatureGrid,
  tableGrid,
  textRole,
  type LaidItem,
  type LaidPara,
} from './layout-parts';
import type { Block, DocModel, Lang } from './model';

/** One language of a list of blocks; signature blocks in place when `signatures`, else left out. */
function pass(blocks: readonly Block[], lang: Lang, anchors: Anchors, signatures: boolean): LaidItem[] {
  const items: LaidItem[] = [];
  const emit = (ps: LaidPara[]) => {
    items.push(...ps.map((p): LaidItem => ({ t: 'para', p })));
    return ps;
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'text': {
        const emitted = emit(paras(b, lang, textRole(b)));
        anchors.attach(b.anchor, emitted);
        anchors.bookmarks.text(b, emitted);
        break;
      }
      case 'article':
        anchors.attach(
          b.anchor,
          articleParts(b).flatMap(({ bi, role, part }) => {
            const emitted = emit(paras(bi, lang, role));
            anchors.bookmarks.article(b, part, emitted);
            return emitted;
          }),
        );
        break;
      case 'table':
        items.push(tableGrid(b, [lang]));
        break;
      case 'signatures':
        if (signatures) items.push(signatureGrid(b.parties));
        break;
      case 'pagebreak':
        items.push({ t: 'pagebreak' });
        break;
    }
  }
  return items;
}

/** Sequential: the whole Thai text, a page break, the whole English text; signature blocks once at the end. */
export function sequential(model: DocModel, anchors: Anchors): LaidItem[] {
  const items = pass(model.blocks, 'th', anchors, false);
  if (model.blocks.some(hasEnglish)) {
    items.push({ t: 'pagebreak' });
    items.push(...pass(model.blocks, 'en', anchors, false));
  }
  for (const b of model.blocks) if (b.kind === 'signatures') items.push(signatureGrid(b.parties));
  return items;
}

/**
 * Separate: the Thai original (Thai party named first, its signature block in place), a page break, then the
 * English original from `model.counterpart` (composed with the partner named first). Without a counterpart
 * (compose only builds one for the MOU and the signing copy) the English text repeats `model.blocks`.
 */
export function separate(model: DocModel, anchors: Anchors): LaidItem[] {
  const english = model.counterpart ?? model.blocks;
  const items = pass(model.blocks, 'th', anchors, true);
  if (english.some(hasEnglish)) {
    items.push({ t: 'pagebreak' });
    items.push(...pass(english, 'en', anchors, true));
  }
  return items;
}

function hasEnglish(b: Block): boolean {
  switch (b.kind) {
    case 'text':
      return (b.en?.length ?? 0) > 0;
    case 'article':
      return b.heading.en !== undefined || b.body.en !== undefined;
    case 'table':
      return b.rows.some((r) => r.some((c) => c.en !== undefined));
    case 'signatures':
    case 'pagebreak':
      return false;
  }
}
