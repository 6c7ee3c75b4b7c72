// Tracked changes and plain differences as suggestions: a change split in pieces joined again, a deletion next to an
// insertion read as a replacement, and where two texts part.
import type { BodyChange } from './body';
import { hasThai } from '../../domain/script';

/** Adjacent pieces of one change (LibreOffice splits them) joined; a deletion next to an insertion is a replacement. */
export function groupChanges(changes: readonly BodyChange[]) {
  const merged: BodyChange[] = [];
  for (const c of changes) {
    const last = merged[merged.length - 1];
    if (last && last.kind === c.kind) {
      const adjacent = c.kind === 'insert' ? last.at === c.at : last.at + last.text.length === c.at;
      if (adjacent) {
        merged[merged.length - 1] = { ...last, text: last.text + c.text };
        continue;
      }
    }
    merged.push(c);
  }
  const out: {
    kind: 'insert' | 'delete' | 'replace';
    before?: string;
    after?: string;
    author?: string;
    date?: string;
  }[] = [];
  for (let i = 0; i < merged.length; i++) {
    const c = merged[i];
    if (!c) continue;
    const next = merged[i + 1];
    const meta = { ...(c.author ? { author: c.author } : {}), ...(c.date ? { date: c.date } : {}) };
    if (next && next.kind !== c.kind) {
      const del = c.kind === 'delete' ? c : next;
      const ins = c.kind === 'insert' ? c : next;
      if (ins.at === del.at || ins.at === del.at + del.text.length) {
        out.push({ kind: 'replace', before: del.text, after: ins.text, ...meta });
        i++;
        continue;
      }
    }
    out.push(
      c.kind === 'insert'
        ? { kind: 'insert', after: c.text, ...meta }
        : { kind: 'delete', before: c.text, ...meta },
    );
  }
  return out;
}

/** Where two texts part: the length of their common start, and of their common end (not overlapping it). */
export function differenceBounds(a: string, b: string): { start: number; end: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end])
    end++;
  return { start, end };
}

/** The smallest differing middle of two texts, widened to whole words where the text has spaces. */
export function differingPart(before: string, after: string): { before: string; after: string } {
  let { start, end } = differenceBounds(before, after);
  const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
  if (!hasThai(before + after)) {
    while (start > 0 && !isSpace(before[start - 1])) start--;
    while (end > 0 && !isSpace(before[before.length - end])) end--;
  }
  return {
    before: before.slice(start, before.length - end).trim(),
    after: after.slice(start, after.length - end).trim(),
  };
}
