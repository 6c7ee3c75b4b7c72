// Word-level diff of two paragraphs (Thai, Chinese, Japanese… segmented with Intl.Segmenter), yielding spans marked
// ins/del.
import type { Para, Span } from './model';

/** The language words are found by: th, en, or the partner's BCP 47 tag (ko, zh-Hans, ja…). */
export type SegmentLang = string;

interface Token {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
}

const segmenters = new Map<SegmentLang, Intl.Segmenter>();
function segmenter(lang: SegmentLang): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, s);
  }
  return s;
}

/** Words, spaces and punctuation as separate tokens; Thai has no spaces, so the segmenter finds word ends. */
export function tokenize(text: string, lang: SegmentLang): string[] {
  return Array.from(segmenter(lang).segment(text), (s) => s.segment);
}

function tokens(para: Para | undefined, lang: SegmentLang): Token[] {
  return (para?.spans ?? []).flatMap((s) =>
    tokenize(s.text, lang).map((text) => ({ text, bold: s.bold === true, italic: s.italic === true })),
  );
}

const same = (a: Token, b: Token) => a.text === b.text && a.bold === b.bold && a.italic === b.italic;

/** Above this many cells the LCS table is skipped and the changed middle is replaced whole. */
const MAX_CELLS = 4_000_000;

type Op = { op: 'eq' | 'ins' | 'del'; tok: Token };

function lcsOps(a: readonly Token[], b: readonly Token[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    return [...a.map((tok): Op => ({ op: 'del', tok })), ...b.map((tok): Op => ({ op: 'ins', tok }))];
  }
  // len[i][j] = LCS length of a[i..] and b[j..], in one flat array.
  const w = m + 1;
  const len = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const ai = a[i];
      const bj = b[j];
      len[i * w + j] =
        ai && bj && same(ai, bj)
          ? (len[(i + 1) * w + j + 1] ?? 0) + 1
          : Math.max(len[(i + 1) * w + j] ?? 0, len[i * w + j + 1] ?? 0);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const ai = a[i];
    const bj = b[j];
    if (ai && bj && same(ai, bj)) {
      ops.push({ op: 'eq', tok: bj });
      i++;
      j++;
    } else if (bj && (!ai || (len[i * w + j + 1] ?? 0) >= (len[(i + 1) * w + j] ?? 0))) {
      ops.push({ op: 'ins', tok: bj });
      j++;
    } else if (ai) {
      ops.push({ op: 'del', tok: ai });
      i++;
    }
  }
  return ops;
}

/** Deletions before insertions inside each changed stretch, then adjacent tokens of one kind merged into spans. */
function toSpans(ops: readonly Op[]): Span[] {
  const ordered: Op[] = [];
  let pending: { del: Op[]; ins: Op[] } = { del: [], ins: [] };
  const flush = () => {
    ordered.push(...pending.del, ...pending.ins);
    pending = { del: [], ins: [] };
  };
  for (const o of ops) {
    if (o.op === 'eq') {
      flush();
      ordered.push(o);
    } else pending[o.op].push(o);
  }
  flush();
  const spans: Span[] = [];
  let cur: { text: string; bold: boolean; italic: boolean; op: Op['op'] } | undefined;
  const push = () => {
    if (!cur) return;
    spans.push({
      text: cur.text,
      ...(cur.bold ? { bold: true } : {}),
      ...(cur.italic ? { italic: true } : {}),
      ...(cur.op !== 'eq' ? { change: cur.op } : {}),
    });
  };
  for (const { op, tok } of ordered) {
    if (cur && cur.op === op && cur.bold === tok.bold && cur.italic === tok.italic) cur.text += tok.text;
    else {
      push();
      cur = { text: tok.text, bold: tok.bold, italic: tok.italic, op };
    }
  }
  push();
  return spans;
}

/** The current paragraph with what changed since the previous one as tracked insertions and deletions. */
export function diffParas(previous: Para | undefined, current: Para | undefined, lang: SegmentLang): Para {
  const spans = toSpans(lcsOps(tokens(previous, lang), tokens(current, lang)));
  const base = current ?? previous;
  return {
    ...(base?.align ? { align: base.align } : {}),
    ...(base?.indentMm !== undefined ? { indentMm: base.indentMm } : {}),
    spans,
  };
}

/** Paragraph lists diffed pairwise; surplus paragraphs are wholly inserted or deleted. */
export function diffParaLists(
  previous: readonly Para[] | undefined,
  current: readonly Para[] | undefined,
  lang: SegmentLang,
): Para[] {
  const p = previous ?? [];
  const c = current ?? [];
  return Array.from({ length: Math.max(p.length, c.length) }, (_, i) => diffParas(p[i], c[i], lang));
}
