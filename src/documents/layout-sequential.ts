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
import type { Block, DocModel, Slot } from './model';
import { partnerAnchor } from './notes';

/** One language of a list of blocks; signature blocks in place when `signatures`, else left out. */
export function pass(
  blocks: readonly Block[],
  lang: Slot,
  anchors: Anchors,
  signatures: boolean,
): LaidItem[] {
  const items: LaidItem[] = [];
  const emit = (ps: LaidPara[]) => {
    items.push(...ps.map((p): LaidItem => ({ t: 'para', p })));
    return ps;
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'text': {
        const emitted = emit(paras(b, lang, textRole(b)));
        // A comment on a block marks its Thai and English text; the partner's text is marked by its bookmarks only.
        if (lang !== 'partner') anchors.attach(b.anchor, emitted);
        anchors.bookmarks.text(b, emitted);
        break;
      }
      case 'article': {
        const emitted = articleParts(b).flatMap(({ bi, role, part }) => {
          const out = emit(paras(bi, lang, role));
          anchors.bookmarks.article(b, part, out);
          return out;
        });
        anchors.attach(lang === 'partner' ? partnerAnchor(b.anchor) : b.anchor, emitted);
        break;
      }
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
  const items: LaidItem[] = [];
  for (const slot of model.partner?.order ?? ['th', 'en']) {
    if (slot !== 'th' && !model.blocks.some((b) => hasSlot(b, slot))) continue;
    if (items.length > 0) items.push({ t: 'pagebreak' });
    items.push(...pass(model.blocks, slot, anchors, false));
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
  const partnerFirst = model.counterpart ?? model.blocks;
  const items: LaidItem[] = [];
  for (const slot of model.partner?.order ?? ['th', 'en']) {
    const blocks = slot === 'th' ? model.blocks : partnerFirst;
    if (slot !== 'th' && !blocks.some((b) => hasSlot(b, slot))) continue;
    if (items.length > 0) items.push({ t: 'pagebreak' });
    items.push(...pass(blocks, slot, anchors, true));
  }
  return items;
}

function hasSlot(b: Block, slot: Slot): boolean {
  switch (b.kind) {
    case 'text':
      return (b[slot]?.length ?? 0) > 0;
    case 'article':
      return b.heading[slot] !== undefined || b.body[slot] !== undefined;
    case 'table':
      return b.rows.some((r) => r.some((c) => c[slot] !== undefined));
    case 'signatures':
    case 'pagebreak':
      return false;
  }
}
