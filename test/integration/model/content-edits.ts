// Random edits of a working draft as the editor makes them: insert, move, delete or reword an article (pure).
export interface Article {
  no: number;
  key?: string;
  heading: { th: string; en: string };
  text: { th: string; en: string };
}
export interface Content {
  articles: Article[];
  [field: string]: unknown;
}

export type ContentEdit =
  | { op: 'insert'; at: number; text: string }
  | { op: 'move'; from: number; to: number }
  | { op: 'delete'; at: number }
  | { op: 'reword'; at: number; text: string };

/** The edit applied, articles renumbered 1..n; a new article has no key (the server gives it one). */
export function contentEdit(c: Content, e: ContentEdit): Content {
  const articles = c.articles.map((a) => structuredClone(a));
  const n = articles.length;
  switch (e.op) {
    case 'insert':
      articles.splice(e.at % (n + 1), 0, {
        no: 0,
        heading: { th: `ความร่วมมือด้าน${e.text}`, en: `Cooperation in ${e.text}` },
        text: { th: `ทั้งสองฝ่ายจะส่งเสริม${e.text}`, en: `The Sides will promote ${e.text.toLowerCase()}.` },
      });
      break;
    case 'move': {
      const [a] = articles.splice(e.from % n, 1);
      if (a) articles.splice(e.to % n, 0, a);
      break;
    }
    case 'delete':
      // Keep a text worth reviewing: never fewer than three articles.
      if (n > 3) articles.splice(e.at % n, 1);
      break;
    case 'reword': {
      const a = articles[e.at % n];
      if (a)
        a.text = { th: `${a.text.th} (แก้ไข)`, en: `${a.text.en} The Sides ${e.text} consult each other.` };
      break;
    }
  }
  return { ...c, articles: articles.map((a, i) => ({ ...a, no: i + 1 })) };
}
