// Merges the models of version N−1 and N into one model whose paragraphs carry tracked insertions and deletions.
import { diffParaLists } from './diff';
import type { ArticleBlock, BiParas, Block, TextBlock } from './model';

type Keyed = (TextBlock & { key: string }) | ArticleBlock;

function keyOf(b: Block): string | undefined {
  return b.kind === 'text' || b.kind === 'article' ? b.key : undefined;
}

/** `partner`: the partner language's tag, whose words the partner's text is diffed by. */
function diffBi(p: BiParas | undefined, c: BiParas | undefined, partner: string): BiParas {
  const has = (lang: 'th' | 'en' | 'partner') => p?.[lang] !== undefined || c?.[lang] !== undefined;
  return {
    ...(has('th') ? { th: diffParaLists(p?.th, c?.th, 'th') } : {}),
    ...(has('en') ? { en: diffParaLists(p?.en, c?.en, 'en') } : {}),
    ...(has('partner') ? { partner: diffParaLists(p?.partner, c?.partner, partner) } : {}),
  };
}

/** The block as it reads now, with changes since `p`; `c` undefined means the block was removed. */
function diffBlock(p: Keyed | undefined, c: Keyed | undefined, partner: string): Block {
  const base = c ?? p;
  if (!base) throw new Error('diffBlock needs at least one block');
  if (base.kind === 'article') {
    const pa = p?.kind === 'article' ? p : undefined;
    const ca = c?.kind === 'article' ? c : undefined;
    return {
      ...base,
      heading: diffBi(pa?.heading, ca?.heading, partner),
      body: diffBi(pa?.body, ca?.body, partner),
    };
  }
  const pt = p?.kind === 'text' ? p : undefined;
  const ct = c?.kind === 'text' ? c : undefined;
  const { th: _th, en: _en, partner: _partner, ...rest } = base;
  return { ...rest, ...diffBi(pt, ct, partner) };
}

function isKeyed(b: Block): b is Keyed {
  return keyOf(b) !== undefined;
}

/**
 * Walk the current blocks in order; a keyed block is diffed against the previous block with the same key, and
 * previous blocks whose key is gone are emitted as deletions where they used to stand.
 */
export function mergeRedline(
  previous: readonly Block[],
  current: readonly Block[],
  partner = 'und',
): Block[] {
  const prevKeyed = previous.filter(isKeyed);
  const prevIndex = new Map(prevKeyed.map((b, i) => [b.key, i]));
  const curKeys = new Set(current.filter(isKeyed).map((b) => b.key));
  const out: Block[] = [];
  let next = 0;
  let afterLastKeyed = 0;
  const emitRemovedUpTo = (end: number) => {
    for (; next < end; next++) {
      const pb = prevKeyed[next];
      if (pb && !curKeys.has(pb.key)) out.push(diffBlock(pb, undefined, partner));
    }
  };
  for (const cb of current) {
    if (!isKeyed(cb)) {
      out.push(cb);
      continue;
    }
    const idx = prevIndex.get(cb.key);
    if (idx !== undefined) {
      emitRemovedUpTo(idx + 1);
      out.push(diffBlock(prevKeyed[idx], cb, partner));
    } else out.push(diffBlock(undefined, cb, partner));
    afterLastKeyed = out.length;
  }
  const tail = out.splice(afterLastKeyed);
  emitRemovedUpTo(prevKeyed.length);
  out.push(...tail);
  return out;
}
