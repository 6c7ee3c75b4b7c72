// HTML preview of a document model (same templates as the .docx): for the web app, no Word involved.
import type { BiParas, Block, DocModel, Lang, Para, Span } from './model';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function span(s: Span): string {
  let h = esc(s.text);
  if (s.bold) h = `<b>${h}</b>`;
  if (s.italic) h = `<i>${h}</i>`;
  if (s.change === 'ins') h = `<ins>${h}</ins>`;
  if (s.change === 'del') h = `<del>${h}</del>`;
  return h;
}

function para(p: Para, lang: Lang): string {
  const style = p.align ? ` style="text-align:${p.align}"` : '';
  return `<p lang="${lang === 'th' ? 'th' : 'en'}"${style}>${p.spans.map(span).join('')}</p>`;
}

function bi(b: BiParas, tag: string, attrs = ''): string {
  const side = (lang: Lang) =>
    b[lang] ? `<div class="${lang}">${(b[lang] ?? []).map((p) => para(p, lang)).join('')}</div>` : '';
  return `<${tag} class="bi"${attrs}>${side('th')}${side('en')}</${tag}>`;
}

function block(b: Block, notes: ReadonlyMap<string, string>): string {
  switch (b.kind) {
    case 'text': {
      const note = b.anchor ? (notes.get(b.anchor) ?? '') : '';
      return (
        bi(b, 'section', ` data-role="${b.role}"${b.anchor ? ` data-anchor="${esc(b.anchor)}"` : ''}`) + note
      );
    }
    case 'article':
      return `<article data-no="${b.no}">${bi(b.heading, 'h2')}${bi(b.body, 'div')}</article>${notes.get(b.anchor) ?? ''}`;
    case 'table':
      return `<table>${b.rows
        .map((r) => `<tr>${r.map((c) => (c.header ? bi(c, 'th') : bi(c, 'td'))).join('')}</tr>`)
        .join('')}</table>`;
    case 'signatures':
      return `<div class="signatures">${b.parties
        .map((lines) => `<div class="party">${lines.map((l) => para(l.para, l.lang)).join('')}</div>`)
        .join('')}</div>`;
    case 'pagebreak':
      return '<hr class="pagebreak">';
  }
}

/** An HTML fragment (no <html> shell): bilingual sections, articles, tables; comments as <aside> after their block. */
export function modelToHtml(model: DocModel): string {
  const notes = new Map<string, string>();
  for (const n of model.notes) {
    const html = `<aside class="comment" data-author="${esc(n.author)}">${n.paras.map((p) => para(p.para, p.lang)).join('')}</aside>`;
    notes.set(n.anchor, (notes.get(n.anchor) ?? '') + html);
  }
  const mark = model.mark ? bi(model.mark, 'header', ' class="draft-mark"') : '';
  return `<div class="mou-document">${mark}${model.blocks.map((b) => block(b, notes)).join('')}</div>`;
}
