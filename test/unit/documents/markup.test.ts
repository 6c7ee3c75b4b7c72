import Handlebars from 'handlebars';
import { decodeEntities, MarkupError, parseMarkup } from '../../../src/documents/markup';

describe('the template markup parser', () => {
  it('turns blocks, articles, tables and signatures into the typed model', () => {
    const m = parseMarkup(`<document title="T &amp; C" numerals="thai">
      <mark><th>ร่าง</th><en>DRAFT</en></mark>
      <block role="title" key="title" anchor="document"><th>หัว</th><en>Head</en></block>
      <article no="2"><heading><th>ข้อ ๒</th><en>Article 2</en></heading><body><th>ก<br/>ข</th><en><b>bold</b> plain</en></body></article>
      <table widths="1,2"><row header><cell><th>ก</th><en>a</en></cell><cell><th>ข</th></cell></row></table>
      <signatures><party><th>สำหรับ</th><en>For</en><th/></party></signatures>
      <pagebreak/>
    </document>`);
    expect(m.title).toBe('T & C');
    expect(m.thaiNumerals).toBe(true);
    expect(m.mark?.en?.[0]?.spans).toEqual([{ text: 'DRAFT' }]);
    const [title, article, table, sigs, br] = m.blocks;
    expect(title).toMatchObject({ kind: 'text', role: 'title', key: 'title', anchor: 'document' });
    expect(article).toMatchObject({ kind: 'article', no: 2, key: 'article:2', anchor: 'article:2' });
    if (article?.kind !== 'article') throw new Error('article expected');
    expect(article.body.th?.map((p) => p.spans.map((s) => s.text).join(''))).toEqual(['ก', 'ข']);
    expect(article.body.en?.[0]?.spans).toEqual([{ text: 'bold', bold: true }, { text: ' plain' }]);
    expect(table).toMatchObject({ kind: 'table', widths: [1, 2] });
    if (sigs?.kind !== 'signatures') throw new Error('signatures expected');
    expect(sigs.parties[0]?.map((l) => l.lang)).toEqual(['th', 'en', 'th']);
    expect(br).toEqual({ kind: 'pagebreak' });
  });

  it('decodes entities exactly once, so escaped markup in user text stays text', () => {
    const userText = '<w:p>&amp;lt; ]]> {{x}} "\'`=';
    const markup = Handlebars.compile('<document><block role="body"><th>{{t}}</th></block></document>')({
      t: userText,
    });
    const m = parseMarkup(markup);
    const block = m.blocks[0];
    if (block?.kind !== 'text') throw new Error('text block expected');
    expect(block.th?.[0]?.spans).toEqual([{ text: userText }]);
    expect(decodeEntities('&amp;amp;')).toBe('&amp;');
  });

  it('turns newlines in user text into paragraphs and tabs into spaces', () => {
    const m = parseMarkup('<document><block role="body"><en>one\r\ntwo\tthree</en></block></document>');
    const b = m.blocks[0];
    if (b?.kind !== 'text') throw new Error('text block expected');
    expect(b.en?.map((p) => p.spans.map((s) => s.text).join(''))).toEqual(['one', 'two three']);
  });

  it.each([
    ['an unknown element', '<document><script></script></document>'],
    ['a bare ampersand', '<document><block role="body"><th>a & b</th></block></document>'],
    ['text outside a paragraph', '<document>loose</document>'],
    ['a wrong closing tag', '<document><block role="body"><th>x</en></block></document>'],
    [
      'a table row of the wrong width',
      '<document><table widths="1,1"><row><cell><th>x</th></cell></row></table></document>',
    ],
    ['a missing root', '<block role="body"></block>'],
  ])('rejects %s as a template bug', (_name, markup) => {
    expect(() => parseMarkup(markup)).toThrow(MarkupError);
  });
});
