// The partner's returned text (partner agreement): read from their Word file, compared with the text MFA cleared —
// each changed article classed substantive or editorial, a proposal (SUBMIT_PARTNER_CHANGES or AGREE_FINAL_TEXT),
// the redline, and the returned text as content the secretary may take into the working draft. Stores nothing.
import { derivedArticleKey, DomainError, sha256Hex, type Agreement, type AgreementContent } from '../domain';
import { pairArticles } from '../domain/article-alignment';
import { classifyPartnerChanges, type PartnerChanges, type ReturnedText } from '../domain/partner-changes';
import { fillClosing, renderDocument } from '../documents';
import { fillPartnerClosing } from '../documents/partner-context';
import { openWordPackage } from '../documents/word-in/package';
import { readDraftFromWord } from '../documents/word-in/draft-from-word';
import { readReturnedText } from '../documents/word-in/returned-text';
import { refuseForeignFile } from './review-import';

export interface PartnerTextResult extends PartnerChanges {
  readonly fileSha256: string;
  /** How the file's articles were found: our anchors (the file we sent), or their headings (any other file). */
  readonly readBy: 'bookmarks' | 'headings';
  /** The cleared version the text was compared with. */
  readonly versionNo: number;
  /** The returned text as agreement content (the cleared one's parties and areas; articles renumbered in order). */
  readonly content: AgreementContent;
}

/** The cleared text as the documents print it: the closing's placeholders blank, an empty title left out. */
function asPrinted(c: AgreementContent): AgreementContent {
  const closing = c.closing && {
    th: fillClosing(c.closing.th, 'th', undefined, undefined),
    en: fillClosing(c.closing.en, 'en', undefined, undefined),
  };
  const p = c.partnerText;
  const partnerText = p?.closing !== undefined && {
    ...p,
    closing: fillPartnerClosing(p.closing, p.lang, undefined, undefined),
  };
  return { ...c, ...(closing ? { closing } : {}), ...(partnerText ? { partnerText } : {}) };
}

/**
 * The partner's text with what the file changed in it: title, preamble, the closing (its placeholders kept unless
 * its words changed), and each article on its key; articles the returned text no longer has are left out.
 */
function returnedPartnerText(
  cleared: AgreementContent,
  r: ReturnedText,
  keys: ReadonlySet<string>,
): Pick<AgreementContent, 'partnerText'> {
  const p = cleared.partnerText;
  if (!p) return {};
  const back = r.partner;
  const printed = asPrinted(cleared).partnerText?.closing;
  const byKey = new Map(back?.articles.map((a) => [a.key, a]));
  return {
    partnerText: {
      ...p,
      ...(back?.title !== undefined ? { title: back.title } : {}),
      ...(back?.preamble !== undefined ? { preamble: back.preamble } : {}),
      ...(back?.closing !== undefined && back.closing !== printed ? { closing: back.closing } : {}),
      articles: p.articles
        .filter((a) => keys.has(a.key))
        .map((a) => {
          const b = byKey.get(a.key);
          return b && b.heading.trim() !== '' && b.text.trim() !== ''
            ? { key: a.key, heading: b.heading, text: b.text }
            : a;
        }),
    },
  };
}

function returnedContent(cleared: AgreementContent, r: ReturnedText, seed: string): AgreementContent {
  const taken = new Set<string>();
  const pairedKey = new Map<number, string>();
  for (const [ci, ri] of pairArticles(cleared.articles, r.articles)) {
    const k = cleared.articles[ci]?.key;
    if (k) pairedKey.set(ri, k);
  }
  const printed = asPrinted(cleared).closing;
  // The closing keeps its placeholders unless the partner changed its words.
  const closingChanged =
    r.closing !== undefined &&
    printed !== undefined &&
    (r.closing.th !== printed.th || r.closing.en !== printed.en);
  const articles = r.articles.map((a, i) => {
    // An article read by its heading keeps the key of the cleared article it was paired with.
    const paired = pairedKey.get(i);
    const own = a.key ?? paired;
    const key = own && !taken.has(own) ? own : derivedArticleKey(seed, 'returned', i);
    taken.add(key);
    return { no: i + 1, key, heading: a.heading, text: a.text };
  });
  return {
    ...cleared,
    ...(r.title && cleared.title.th !== '' ? { title: r.title } : {}),
    ...(r.preamble ? { preamble: r.preamble } : {}),
    ...(closingChanged && r.closing ? { closing: r.closing } : {}),
    articles,
    ...returnedPartnerText(cleared, r, taken),
  };
}

export async function comparePartnerText(
  record: Agreement & { readonly id: string },
  bytes: Buffer,
): Promise<PartnerTextResult> {
  const cleared = record.versions.at(-1);
  if (!cleared)
    throw new DomainError('not-found', {
      th: 'ยังไม่มีร่างที่ผ่านการพิจารณา',
      en: 'There is no cleared version yet',
    });
  const pkg = await openWordPackage(bytes);
  const read = await readReturnedText(pkg, cleared.content, cleared.no);
  refuseForeignFile(read.identity, record.id, cleared.no);
  // A file that lost our anchors (retyped, or another program's) is read by its article headings.
  const text: ReturnedText = read.anchored ? read.text : (await readDraftFromWord(pkg)).content;
  const fileSha256 = sha256Hex(bytes);
  // An empty title prints as the default one: nothing to compare it with.
  const { title, ...rest } = text;
  const compared = cleared.content.title.th === '' || !title ? rest : { ...rest, title };
  const changes = classifyPartnerChanges(asPrinted(cleared.content), compared);
  return {
    ...changes,
    fileSha256,
    versionNo: cleared.no,
    readBy: read.anchored ? 'bookmarks' : 'headings',
    content: returnedContent(cleared.content, text, fileSha256),
  };
}

/** The redline from the cleared text to the partner's (tracked changes in Word), as a .docx. */
export async function partnerRedline(
  record: Agreement & { readonly id: string },
  result: PartnerTextResult,
): Promise<{ buffer: Buffer; fileName: string }> {
  const cleared = record.versions.find((v) => v.no === result.versionNo);
  if (!cleared) throw new DomainError('not-found', { th: 'ไม่พบร่าง', en: 'No such version' });
  const partner = cleared.content.parties.partner.name.en;
  const r = await renderDocument({
    doc: 'redline',
    layout: 'parallel',
    previous: cleared.content,
    content: result.content,
    versionNo: result.versionNo + 1,
    meta: { agreement: record.id, province: record.province, revisionAuthor: partner },
  });
  return { buffer: r.buffer, fileName: r.fileName.replace(/\.docx$/, '_partner-text.docx') };
}
