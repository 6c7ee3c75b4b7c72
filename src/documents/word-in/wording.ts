// How the import compares a file's wording with a version's: spaces as one plain space, a heading's printed number off.
export const norm = (s: string): string => s.replace(/[\s\u00A0\u200B]+/g, ' ').trim();

/** "ข้อ 3." / "Article 3" at the start of a printed heading. */
export const ARTICLE_PREFIX = /^(?:ข้อ|Article)\s*[0-9๐-๙]+\.?\s*/i;
