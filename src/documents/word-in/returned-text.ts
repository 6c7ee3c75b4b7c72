// The partner's returned text, read from a Word file of ours (the MOU or the signing copy it was sent, edited and sent
// back): each article of the cleared version by its bookmarks, in both languages (and the partner's, when the text
// has one), as it reads with every tracked change accepted; an article the file no longer has is left out, and article headings outside our bookmarks are
// articles the partner added.
import type { AgreementContent } from '../../domain/agreement';
import type { Bilingual, Lang } from '../../domain/bilingual';
import type { ReturnedPartnerText, ReturnedText } from '../../domain/partner-changes';
import { articleLabel } from '../../domain/text-lang';
import { langOfText } from '../../domain/script';
import { parseBookmarkName, type AnchorRef } from '../word-anchors';
import { bodyOf, readBody, type BodyPara } from './body';
import type { WordPackage } from './package';
import { readIdentity, type FileIdentity } from './identity';
import { parseXml } from './xml';

const HEADING = /^(?:ข้อ|Article)\s*([0-9๐-๙]+)\.?\s*(.*)$/i;
const THAI_DIGIT = '๐๑๒๓๔๕๖๗๘๙';
const toNumber = (s: string) => Number(s.replace(/[๐-๙]/g, (d) => String(THAI_DIGIT.indexOf(d))));

export interface ReadReturned {
  readonly text: ReturnedText;
  /** Whether the file still had our anchors for the version (else nothing could be read by them). */
  readonly anchored: boolean;
  readonly identity: FileIdentity;
}

function refId(ref: AnchorRef): string {
  return ref.kind === 'article' ? `a:${ref.key}:${ref.part}` : ref.kind;
}

/** Text under each of our anchors of `versionNo`, per language, tracked changes accepted. */
function anchoredTexts(paras: readonly BodyPara[], versionNo: number) {
  const texts = new Map<string, { th: string[]; en: string[] }>();
  // The partner's own text (a third language), under its _p bookmarks.
  const partner = new Map<string, string[]>();
  const outside: BodyPara[] = [];
  for (const p of paras) {
    const ours = p.bookmarks
      .map(parseBookmarkName)
      .filter((a) => a !== undefined && a.versionNo === versionNo);
    if (ours.length === 0) {
      if (p.text.trim() !== '') outside.push(p);
      continue;
    }
    for (const a of ours) {
      if (!a) continue;
      const id = refId(a.ref);
      if (a.lang === 'partner') {
        partner.set(id, [...(partner.get(id) ?? []), p.text]);
        continue;
      }
      const t = texts.get(id) ?? { th: [], en: [] };
      t[a.lang].push(p.text);
      texts.set(id, t);
    }
  }
  return { texts, partner, outside };
}

/** Headings and their text outside our anchors: the articles the partner added, per language, in order. */
function addedArticles(outside: readonly BodyPara[]) {
  const added: Record<Lang, { no: number; heading: string; text: string[] }[]> = { th: [], en: [] };
  let current: { no: number; heading: string; text: string[] } | undefined;
  for (const p of outside) {
    const lang: Lang = langOfText(p.text);
    const m = HEADING.exec(p.text.trim());
    if (m) {
      current = { no: toNumber(m[1] ?? '0'), heading: (m[2] ?? '').trim(), text: [] };
      added[lang].push(current);
    } else if (current) current.text.push(p.text);
  }
  return added;
}

export async function readReturnedText(
  pkg: WordPackage,
  cleared: AgreementContent,
  versionNo: number,
): Promise<ReadReturned> {
  const xml = await pkg.part('word/document.xml');
  const body = xml ? bodyOf(parseXml(xml, 'word/document.xml')) : undefined;
  const paras = body ? readBody(body) : [];
  const { texts, partner, outside } = anchoredTexts(paras, versionNo);
  const anchored = texts.size > 0;
  const bi = (id: string, strip = false): Bilingual | undefined => {
    const t = texts.get(id);
    if (!t) return undefined;
    const join = (xs: string[]) => {
      const s = xs.join('\n');
      return strip ? s.replace(/^(?:ข้อ|Article)\s*[0-9๐-๙]+\.?\s*/i, '') : s;
    };
    return { th: join(t.th), en: join(t.en) };
  };
  const articles: ReturnedText['articles'][number][] = [];
  for (const a of cleared.articles) {
    const heading = bi(`a:${a.key}:h`, true);
    const text = bi(`a:${a.key}:b`);
    if (!heading && !text) continue;
    articles.push({
      key: a.key,
      no: a.no,
      heading: heading ?? { th: '', en: '' },
      text: text ?? { th: '', en: '' },
    });
  }
  const added = addedArticles(outside);
  const n = Math.max(added.th.length, added.en.length);
  for (let i = 0; i < n; i++) {
    const th = added.th[i];
    const en = added.en[i];
    articles.push({
      no: th?.no ?? en?.no ?? articles.length + 1,
      heading: { th: th?.heading ?? '', en: en?.heading ?? '' },
      text: { th: th?.text.join('\n') ?? '', en: en?.text.join('\n') ?? '' },
    });
  }
  const title = bi('title');
  const preamble = bi('preamble');
  const closing = bi('closing');
  const partnerText = cleared.partnerText ? returnedPartner(partner, cleared) : undefined;
  return {
    anchored,
    identity: await readIdentity(pkg, paras),
    text: {
      ...(title ? { title } : {}),
      ...(preamble ? { preamble } : {}),
      ...(closing ? { closing } : {}),
      articles,
      ...(partnerText ? { partner: partnerText } : {}),
    },
  };
}

/**
 * The partner's text as the file gives it under our _p bookmarks: title, preamble, closing, and each article of the
 * cleared text by its key (the heading without its label, "제9조" or "第9条"); undefined when the file has none.
 */
function returnedPartner(
  found: ReadonlyMap<string, string[]>,
  cleared: AgreementContent,
): ReturnedPartnerText | undefined {
  if (found.size === 0 || !cleared.partnerText) return undefined;
  const tag = cleared.partnerText.lang;
  const get = (id: string) => found.get(id)?.join('\n');
  const articles: ReturnedPartnerText['articles'][number][] = [];
  for (const a of cleared.articles) {
    const heading = get(`a:${a.key}:h`);
    const text = get(`a:${a.key}:b`);
    if (heading === undefined && text === undefined) continue;
    const label = articleLabel(tag, a.no);
    const bare = heading?.startsWith(label)
      ? heading.slice(label.length).replace(/^[\s.:)）]+/u, '')
      : heading;
    articles.push({ key: a.key, heading: bare ?? '', text: text ?? '' });
  }
  const title = get('title');
  const preamble = get('preamble');
  const closing = get('closing');
  return {
    ...(title !== undefined ? { title } : {}),
    ...(preamble !== undefined ? { preamble } : {}),
    ...(closing !== undefined ? { closing } : {}),
    articles,
  };
}
