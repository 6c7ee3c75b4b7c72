// Benchmark: the same 1-, 6-, 30- and 120-page MOU by our pipeline, by docxtemplater, and the zip-only floor.
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article, AgreementContent } from '../../src/domain/agreement';
import { storyFromFixture } from '../../src/domain/fixture';
import { renderDocument, type RenderInput } from '../../src/documents';
import { zipParts } from './zip-floor';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURE = [join(ROOT, 'fixtures', 'chiang-mai-sejong.json'), join(__dirname, '..', '..', 'fixtures', 'chiang-mai-sejong.json')];
const story = storyFromFixture(JSON.parse(readFileSync(FIXTURE.find((p) => { try { readFileSync(p); return true; } catch { return false; } }) ?? '', 'utf8')));

/** LibreOffice lays the fixture's 9 articles (parallel, with title, preamble, closing, signatures) on 6 pages. */
const ARTICLES_PER_PAGE = 9 / 6;
const SIZES = [1, 6, 30, 120] as const;

function contentOfPages(pages: number): AgreementContent {
  const base = story.draft2;
  const n = Math.max(1, Math.round(pages * ARTICLES_PER_PAGE) - (pages === 1 ? 1 : 0));
  const articles: Article[] = Array.from({ length: n }, (_, i) => {
    const a = base.articles[i % base.articles.length] ?? base.articles[0];
    if (!a) throw new Error('fixture has no articles');
    return { ...a, no: i + 1 };
  });
  return { ...base, articles };
}

const input = (content: AgreementContent): RenderInput => ({ doc: 'mou', layout: 'parallel', content, versionNo: 2, meta: { date: '2022-05-20' } });

/** The docxtemplater template: our own 1-article output with the article rows wrapped in a {#articles} loop. */
async function buildTemplate(): Promise<Buffer> {
  const marker = (s: string) => ({ th: `${s}TH`, en: `${s}EN` });
  const c = { ...story.draft2, title: marker('TITLE'), preamble: marker('PREAMBLE'), closing: marker('CLOSING'), articles: [{ no: 1, heading: marker('HEAD'), text: marker('BODY') }] };
  const zip = new PizZip((await renderDocument(input(c))).buffer);
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
    titleTh: c.title.th, titleEn: c.title.en, preambleTh: c.preamble.th, preambleEn: c.preamble.en,
    closingTh: c.closing?.th ?? '', closingEn: c.closing?.en ?? '',
    articles: c.articles.map((a) => ({ headTh: `ข้อ ${thaiNo(a.no)} ${a.heading.th}`, headEn: `Article ${a.no} ${a.heading.en}`, bodyTh: a.text.th, bodyEn: a.text.en })),
  };
}

function unzip(buf: Buffer): Map<string, Buffer> {
  const zip = new PizZip(buf);
  const out = new Map<string, Buffer>();
  for (const [name, f] of Object.entries(zip.files)) if (!f.dir) out.set(name, Buffer.from(f.asUint8Array()));
  return out;
}

interface Result { median: number; heapPeakMb: number }

async function measure(fn: () => Promise<unknown> | unknown, runs: number): Promise<Result> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? NaN, heapPeakMb: (peak - base) / 2 ** 20 };
}

async function main(): Promise<void> {
  const template = await buildTemplate();
  const rows: string[][] = [];
  const ours: number[] = [];
  for (const pages of SIZES) {
    const content = contentOfPages(pages);
    const runs = pages >= 120 ? 10 : pages >= 30 ? 20 : 40;
    const output = await renderDocument(input(content));
    const parts = unzip(output.buffer);
    const pipe = await measure(() => renderDocument(input(content)), runs);
    const tmpl = await measure(() => {
      const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true });
      doc.render(templaterData(content));
      return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    }, runs);
    const floor = await measure(() => zipParts(parts), runs);
    // Same document from both: docxtemplater's copy must hold every article too.
    const check = new Docxtemplater(new PizZip(template), { paragraphLoop: true });
    check.render(templaterData(content));
    const xml = check.getZip().file('word/document.xml')?.asText() ?? '';
    const last = content.articles[content.articles.length - 1];
    if (!last || !xml.includes(`Article ${last.no} ${last.heading.en}`) || (xml.match(/<w:tr>/g) ?? []).length < content.articles.length * 2) {
      throw new Error('docxtemplater output is not the same document');
    }
    ours.push(pipe.median);
    rows.push([
      String(pages), String(content.articles.length), pipe.median.toFixed(1), tmpl.median.toFixed(1), floor.median.toFixed(1),
      (pipe.median / floor.median).toFixed(1), (pipe.median / tmpl.median).toFixed(2), (pipe.median / pages).toFixed(2),
      pipe.heapPeakMb.toFixed(1), tmpl.heapPeakMb.toFixed(1),
    ]);
  }
  const head = ['pages', 'articles', 'ours ms', 'docxtemplater ms', 'floor ms', 'ours/floor', 'ours/templater', 'ours ms/page', 'ours heap MB', 'templater heap MB'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
  const [, six, thirty, big] = ours;
  console.log(`growth: 30p/6p = ${((thirty ?? 0) / (six ?? 1)).toFixed(1)}× for 5× pages; 120p/30p = ${((big ?? 0) / (thirty ?? 1)).toFixed(1)}× for 4× pages`);
  console.log(`peak RSS of the whole run: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
