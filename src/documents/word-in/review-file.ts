// A reviewer's Word file read once: its body paragraphs, what it says it is, and its comments with the paragraph
// each starts in. Placing it on a version (review-import.ts) and finding the version it matches (version-match.ts)
// both work on this, so an upload is parsed once however often it is placed.
import { bodyOf, readBody, type BodyPara } from './body';
import { readComments, type WordComment } from './comments';
import { readIdentity, type FileIdentity } from './identity';
import type { WordPackage } from './package';
import { parseXml } from './xml';

export interface ReviewFile {
  readonly paras: readonly BodyPara[];
  readonly identity: FileIdentity;
  readonly comments: readonly WordComment[];
  /** The paragraph (index) each comment's range starts in. */
  readonly startOf: ReadonlyMap<string, number>;
}

export async function readReviewFile(pkg: WordPackage): Promise<ReviewFile> {
  const docXml = await pkg.part('word/document.xml');
  const document = docXml ? parseXml(docXml, 'word/document.xml') : undefined;
  const body = document ? bodyOf(document) : undefined;
  const paras = body ? readBody(body) : [];
  const identity = await readIdentity(pkg, paras);
  const startOf = new Map<string, number>();
  for (const p of paras) for (const id of p.commentStarts) if (!startOf.has(id)) startOf.set(id, p.index);
  const comments = await readComments(pkg, document);
  return { paras, identity, comments, startOf };
}

/** The version the file names itself: its custom properties, else the one version its bookmarks name. */
export function namedVersion(identity: FileIdentity): number | undefined {
  return (
    identity.versionNo ?? (identity.bookmarkVersions.length === 1 ? identity.bookmarkVersions[0] : undefined)
  );
}
