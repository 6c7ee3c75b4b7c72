// What a Word file says it is: the agreement, version, document and layout in its custom properties (written by
// render-docx.ts), the versions its bookmarks name, and the program that last saved it.
import { IDENTITY_PROPERTIES, parseBookmarkName } from '../word-anchors';
import type { BodyPara } from './body';
import type { WordPackage } from './package';
import { childrenNamed, descendants, parseXml } from './xml';

/** The document the file says it is (custom properties; versions also from the bookmark names). */
export interface FileIdentity {
  readonly agreement?: string;
  readonly versionNo?: number;
  readonly doc?: string;
  readonly layout?: string;
  /** Versions named by our bookmarks in the file (none: a file without our anchors). */
  readonly bookmarkVersions: readonly number[];
  /** The program that last saved the file (docProps/app.xml). */
  readonly application?: string;
}

export async function readIdentity(pkg: WordPackage, paras: readonly BodyPara[]): Promise<FileIdentity> {
  const props = new Map<string, string>();
  const custom = await pkg.part('docProps/custom.xml');
  if (custom) {
    for (const p of childrenNamed(parseXml(custom, 'docProps/custom.xml'), 'property')) {
      const value = descendants(p, 'vt:lpwstr')[0]?.children.join('') ?? '';
      if (p.attrs.name) props.set(p.attrs.name, value);
    }
  }
  const app = await pkg.part('docProps/app.xml');
  const application = app
    ? descendants(parseXml(app, 'docProps/app.xml'), 'Application')[0]?.children.join('').trim()
    : undefined;
  const versions = new Set<number>();
  for (const p of paras)
    for (const b of p.bookmarks) {
      const a = parseBookmarkName(b);
      if (a) versions.add(a.versionNo);
    }
  const v = Number(props.get(IDENTITY_PROPERTIES.versionNo));
  const agreement = props.get(IDENTITY_PROPERTIES.agreement);
  const doc = props.get(IDENTITY_PROPERTIES.doc);
  const layout = props.get(IDENTITY_PROPERTIES.layout);
  return {
    ...(agreement ? { agreement } : {}),
    ...(Number.isInteger(v) && v > 0 ? { versionNo: v } : {}),
    ...(doc ? { doc } : {}),
    ...(layout ? { layout } : {}),
    bookmarkVersions: [...versions].sort((a, b) => a - b),
    ...(application ? { application } : {}),
  };
}
