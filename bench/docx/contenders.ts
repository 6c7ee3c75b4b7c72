// The three contenders of the docx benchmark, on the same MOU at a given number of pages: our pipeline, docxtemplater
// filling an equivalent template, and the floor (only zipping the final XML parts our pipeline produced).
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Article, AgreementContent } from '../../src/domain/agreement';
import { derivedArticleKey } from '../../src/domain/article-key';
import { fixtureStory } from '../support';
import { renderDocument, type RenderInput } from '../../src/documents';
import { zipParts } from './zip-floor';

const story = fixtureStory();

export const SIZES = [1, 6, 30, 120] as const;
export const CONTENDERS = ['ours', 'docxtemplater', 'floor'] as const;
export type Contender = (typeof CONTENDERS)[number];

/** LibreOffice lays the fixture's 9 articles (parallel, with title, preamble, closing, signatures) on 6 pages. */
const ARTICLES_PER_PAGE = 9 / 6;

export function contentOfPages(pages: number): AgreementContent {
  const base = story.draft2;
  const n = Math.max(1, Math.round(pages * ARTICLES_PER_PAGE) - (pages === 1 ? 1 : 0));
  const articles: Article[] = Array.from({ length: n }, (_, i) => {
    const a = base.articles[i % base.articles.length] ?? base.articles[0];
    if (!a) throw new Error('fixture has no articles');
    // Repeated articles need keys of their own: a text's keys are unique.
    return { ...a, no: i + 1, key: derivedArticleKey('bench', i) };
  });
  return { ...base, articles };
}

export const mouInput = (content: AgreementContent): RenderInput => ({
  doc: 'mou',
  layout: 'parallel',
  content,
  versionNo: 2,
  meta: { date: '2022-05-20' },
});

/** The docxtemplater template: our own 1-article output with the article rows wrapped in a {#articles} loop. */
async function buildTemplate(): Promise<Buffer> {
  const marker = (s: string) => ({ th: `${s}TH`, en: `${s}EN` });
  const c = {
    ...story.draft2,
    title: marker('TITLE'),
    preamble: marker('PREAMBLE'),
    closing: marker('CLOSING'),
    articles: [{ no: 1, key: derivedArticleKey('bench', 0), heading: marker('HEAD'), text: marker('BODY') }],
  };
  const zip = new PizZip((await renderDocument(mouInput(c))).buffer);
  let xml = zip.file('word/document.xml')?.asText() ?? '';
  const swap = (from: string, to: string) => {
    if (!xml.includes(from)) throw new Error(`template marker ${from} missing`);
    xml = xml.replace(from, to);
  };
  swap('TITLETH', '{titleTh}');
  swap('TITLEEN', '{titleEn}');
  swap('PREAMBLETH', '{preambleTh}');
  swap('PREAMBLEEN', '{preambleEn}');
  swap('ข้อ ๑ HEADTH', '{#articles}{headTh}');
  swap('Article 1 HEADEN', '{headEn}');
  swap('BODYTH', '{bodyTh}');
  swap('BODYEN', '{bodyEn}{/articles}');
  swap('CLOSINGTH', '{closingTh}');
  swap('CLOSINGEN', '{closingEn}');
  zip.file('word/document.xml', xml);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const thaiNo = (n: number) => String(n).replace(/\d/g, (d) => THAI_DIGITS[Number(d)] ?? d);

function templaterData(c: AgreementContent) {
  return {
    titleTh: c.title.th,
    titleEn: c.title.en,
    preambleTh: c.preamble.th,
    preambleEn: c.preamble.en,
    closingTh: c.closing?.th ?? '',
    closingEn: c.closing?.en ?? '',
    articles: c.articles.map((a) => ({
      headTh: `ข้อ ${thaiNo(a.no)} ${a.heading.th}`,
      headEn: `Article ${a.no} ${a.heading.en}`,
      bodyTh: a.text.th,
      bodyEn: a.text.en,
    })),
  };
}

function unzip(buf: Buffer): Map<string, Buffer> {
  const zip = new PizZip(buf);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, Buffer.from(f.asUint8Array()));
  return out;
}

export type Job = () => Promise<Buffer> | Buffer;

/** One job per contender for the MOU of `pages` pages, checked to produce the same document. */
export async function jobsFor(pages: number): Promise<{ articles: number; jobs: Record<Contender, Job> }> {
  const content = contentOfPages(pages);
  const template = await buildTemplate();
  const data = templaterData(content);
  const templater = (): Buffer => {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true });
    doc.render(data);
    return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
  };
  const parts = unzip((await renderDocument(mouInput(content))).buffer);
  // Same document from both: docxtemplater's copy must hold every article too.
  const xml = new PizZip(templater()).file('word/document.xml')?.asText() ?? '';
  const last = content.articles[content.articles.length - 1];
  if (
    !last ||
    !xml.includes(`Article ${last.no} ${last.heading.en}`) ||
    (xml.match(/<w:tr>/g) ?? []).length < content.articles.length * 2
  ) {
    throw new Error('docxtemplater output is not the same document');
  }
  return {
    articles: content.articles.length,
    jobs: {
      ours: async () => (await renderDocument(mouInput(content))).buffer,
      docxtemplater: templater,
      floor: () => zipParts(parts),
    },
  };
}
