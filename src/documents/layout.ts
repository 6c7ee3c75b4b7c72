// Layout: turns the document model into a sheet of paragraphs and grids — parallel (two columns), sequential
// or separate (layout-sequential.ts).
import type { Layout } from './input';
import {
  Anchors,
  articleParts,
  paras,
  signatureGrid,
  stacked,
  tableGrid,
  textRole,
  type LaidItem,
  type LaidPara,
  type LaidRow,
  type ParaRole,
} from './layout-parts';
import { pass, separate, sequential } from './layout-sequential';
import type { BiParas, DocModel } from './model';

export type { LaidItem, LaidPara, LaidRow, ParaRole } from './layout-parts';

export interface Sheet extends Omit<DocModel, 'blocks'> {
  readonly items: readonly LaidItem[];
}

/** Rows short enough to move whole to the next page are kept in one piece; longer ones may split, or they leave a gap. */
const UNSPLIT_CHARS = 400;
function shortEnough(cells: readonly (readonly LaidPara[])[]): boolean {
  return cells.every(
    (ps) => ps.reduce((n, p) => n + p.para.spans.reduce((m, s) => m + s.text.length, 0), 0) <= UNSPLIT_CHARS,
  );
}

/**
 * Parallel: a borderless two-column table, Thai left, English right, one row per block (heading and body apart).
 * A partner-language text follows the two columns whole, after a page break and before the signatures (README:
 * "The partner's language").
 */
function parallel(model: DocModel, anchors: Anchors): LaidItem[] {
  const items = parallelPair(model, anchors);
  if (!model.partner) return items;
  const signatures = items.findIndex((it) => it.t === 'grid' && it.style === 'signatures');
  const at = signatures < 0 ? items.length : signatures;
  items.splice(at, 0, { t: 'pagebreak' }, ...pass(model.blocks, 'partner', anchors, false));
  return items;
}

function parallelPair(model: DocModel, anchors: Anchors): LaidItem[] {
  const items: LaidItem[] = [];
  let rows: LaidRow[] | undefined;
  const row = (bi: BiParas, role: ParaRole): LaidPara[] => {
    const th = paras(bi, 'th', role);
    const en = paras(bi, 'en', role);
    if (!rows) {
      rows = [];
      items.push({ t: 'grid', style: 'parallel', widths: [1, 1], rows });
    }
    rows.push({ header: false, cantSplit: shortEnough([th, en]), cells: [th, en] });
    return [...th, ...en];
  };
  const single = (bi: BiParas, role: ParaRole): LaidPara[] => {
    rows = undefined;
    const out = stacked(bi, role);
    items.push(...out.map((p): LaidItem => ({ t: 'para', p })));
    return out;
  };
  for (const b of model.blocks) {
    switch (b.kind) {
      case 'text': {
        const bilingual = b.th !== undefined && b.en !== undefined;
        const emitted = bilingual ? row(b, textRole(b)) : single(b, textRole(b));
        anchors.attach(b.anchor, emitted);
        anchors.bookmarks.text(b, emitted);
        break;
      }
      case 'article':
        anchors.attach(
          b.anchor,
          articleParts(b).flatMap(({ bi, role, part }) => {
            const emitted = row(bi, role);
            anchors.bookmarks.article(b, part, emitted);
            return emitted;
          }),
        );
        break;
      case 'table':
        rows = undefined;
        items.push(tableGrid(b, ['th', 'en']));
        break;
      case 'signatures':
        rows = undefined;
        items.push(signatureGrid(b.parties));
        break;
      case 'pagebreak':
        rows = undefined;
        items.push({ t: 'pagebreak' });
        break;
    }
  }
  return items;
}

export function layout(model: DocModel, kind: Layout): Sheet {
  const anchors = new Anchors(model.notes, model.identity?.versionNo);
  const items =
    kind === 'parallel'
      ? parallel(model, anchors)
      : kind === 'sequential'
        ? sequential(model, anchors)
        : separate(model, anchors);
  anchors.flush(items);
  const { blocks: _blocks, counterpart: _counterpart, ...rest } = model;
  return { ...rest, items };
}
