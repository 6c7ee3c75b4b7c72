// Tracked changes of an imported document body: insertions, deletions and moves, table cells included, in order.
import type { XmlElement, XmlNode } from './xml';

export interface WordChange {
  readonly kind: 'insert' | 'delete';
  readonly author?: string;
  readonly date?: string;
  readonly text: string;
}

const KIND: Record<string, WordChange['kind']> = {
  'w:ins': 'insert',
  'w:moveTo': 'insert',
  'w:del': 'delete',
  'w:moveFrom': 'delete',
};

function textIn(el: XmlElement): string {
  let out = '';
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') return;
    if (n.name === 'w:t' || n.name === 'w:delText')
      out += n.children.filter((c): c is string => typeof c === 'string').join('');
    else n.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** Every run-level tracked change under `body`, in document order (paragraph-mark changes carry no text, skipped). */
export function readChanges(body: XmlElement): WordChange[] {
  const out: WordChange[] = [];
  const walk = (n: XmlNode, inRunProps: boolean) => {
    if (typeof n === 'string') return;
    const kind = KIND[n.name];
    if (kind && !inRunProps) {
      const text = textIn(n);
      if (text)
        out.push({
          kind,
          ...(n.attrs['w:author'] ? { author: n.attrs['w:author'] } : {}),
          ...(n.attrs['w:date'] ? { date: n.attrs['w:date'] } : {}),
          text,
        });
      return;
    }
    for (const c of n.children) walk(c, inRunProps || n.name === 'w:rPr');
  };
  walk(body, false);
  return out;
}
