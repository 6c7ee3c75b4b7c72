// Word comments of an imported package: author, date, text, the text they cover, reply threads and resolved state.
import type { WordPackage } from './package';
import { childrenNamed, descendants, parseXml, type XmlElement, type XmlNode } from './xml';

export interface WordReply {
  readonly author: string;
  readonly text: string;
}

export interface WordComment {
  readonly id: string;
  readonly author: string;
  readonly date?: string;
  readonly text: string;
  /** The document text between the comment's range start and end. */
  readonly quote?: string;
  readonly resolved?: boolean;
  readonly replies: readonly WordReply[];
}

interface Raw {
  id: string;
  author: string;
  date?: string;
  text: string;
  paraIds: string[];
}

const textOf = (el: XmlElement): string =>
  descendants(el, 'w:p')
    .map((p) =>
      descendants(p, 'w:t')
        .map((t) => t.children.join(''))
        .join(''),
    )
    .join('\n')
    .trim();

function rawComments(root: XmlElement): Raw[] {
  return childrenNamed(root, 'w:comment').map((c) => ({
    id: c.attrs['w:id'] ?? '',
    author: c.attrs['w:author'] ?? '',
    ...(c.attrs['w:date'] ? { date: c.attrs['w:date'] } : {}),
    text: textOf(c),
    paraIds: descendants(c, 'w:p')
      .map((p) => p.attrs['w14:paraId'])
      .filter((x): x is string => !!x),
  }));
}

/** paraId of a comment's last paragraph → its parent's paraId and done flag (commentsExtended.xml). */
function threadInfo(root: XmlElement | undefined) {
  const info = new Map<string, { parent?: string; done: boolean }>();
  if (!root) return info;
  for (const ex of childrenNamed(root, 'w15:commentEx')) {
    const id = ex.attrs['w15:paraId'];
    if (!id) continue;
    const parent = ex.attrs['w15:paraIdParent'];
    info.set(id, { ...(parent ? { parent } : {}), done: ex.attrs['w15:done'] === '1' });
  }
  return info;
}

/**
 * The text each comment range covers, walking the body in document order, as it read before any tracked change
 * (deleted text kept, inserted text left out): the words the reviewer commented on, which the version has.
 */
export function coveredTexts(body: XmlElement): Map<string, string> {
  const open = new Map<string, string[]>();
  const done = new Map<string, string>();
  const walk = (node: XmlNode) => {
    if (typeof node === 'string') return;
    if (node.name === 'w:ins' || node.name === 'w:moveTo') {
      // Range marks inside an insertion still count; its text does not.
      for (const c of node.children)
        if (typeof c !== 'string' && (c.name === 'w:commentRangeStart' || c.name === 'w:commentRangeEnd'))
          walk(c);
      return;
    }
    if (node.name === 'w:commentRangeStart') open.set(node.attrs['w:id'] ?? '', []);
    else if (node.name === 'w:commentRangeEnd') {
      const id = node.attrs['w:id'] ?? '';
      const parts = open.get(id);
      if (parts) done.set(id, parts.join('').trim());
      open.delete(id);
    } else if (node.name === 'w:t' || node.name === 'w:delText') {
      const text = node.children.filter((c): c is string => typeof c === 'string').join('');
      for (const parts of open.values()) parts.push(text);
    } else node.children.forEach(walk);
    if (node.name === 'w:p') for (const parts of open.values()) parts.push('\n');
  };
  walk(body);
  return done;
}

/** The package's comments as threads: top-level comments in order, each with its replies (`document`: parsed already). */
export async function readComments(pkg: WordPackage, document?: XmlElement): Promise<WordComment[]> {
  const xml = await pkg.part('word/comments.xml');
  if (!xml) return [];
  const raws = rawComments(parseXml(xml, 'word/comments.xml'));
  const ext = await pkg.part('word/commentsExtended.xml');
  const info = threadInfo(ext ? parseXml(ext, 'word/commentsExtended.xml') : undefined);
  // The body as the caller already parsed it, else read here.
  const doc = document ?? (await pkg.part('word/document.xml'));
  const root =
    doc === undefined ? undefined : Buffer.isBuffer(doc) ? parseXml(doc, 'word/document.xml') : doc;
  const quotes = root ? coveredTexts(root) : new Map<string, string>();
  const byParaId = new Map<string, Raw>();
  for (const r of raws) for (const p of r.paraIds) byParaId.set(p, r);
  const lastInfo = (r: Raw) => info.get(r.paraIds[r.paraIds.length - 1] ?? '');
  const parentOf = (r: Raw): Raw | undefined => {
    let parent = byParaId.get(lastInfo(r)?.parent ?? '');
    const seen = new Set<Raw>([r]);
    while (parent && !seen.has(parent)) {
      const up = byParaId.get(lastInfo(parent)?.parent ?? '');
      if (!up) return parent;
      seen.add(parent);
      parent = up;
    }
    return parent;
  };
  const replies = new Map<Raw, WordReply[]>();
  const tops: Raw[] = [];
  for (const r of raws) {
    const parent = parentOf(r);
    if (parent && parent !== r)
      replies.set(parent, [...(replies.get(parent) ?? []), { author: r.author, text: r.text }]);
    else tops.push(r);
  }
  return tops.map((r) => {
    const quote = quotes.get(r.id);
    return {
      id: r.id,
      author: r.author,
      ...(r.date ? { date: r.date } : {}),
      text: r.text,
      ...(quote ? { quote } : {}),
      ...(lastInfo(r)?.done ? { resolved: true } : {}),
      replies: replies.get(r) ?? [],
    };
  });
}
