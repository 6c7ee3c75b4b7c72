// The review import's preview in the JSON API: its response schema, and the response built from it field by field.
import { z } from 'zod';
import type { ImportPreview } from '../../app/review-import';
import type { ImportAnchor } from '../../documents/word-in/review-import';
import type { VersionScore } from '../../documents/word-in/version-match';

const Anchor = z.object({
  kind: z.enum(['article', 'title', 'preamble', 'closing', 'document']),
  no: z.number().int().optional(),
  key: z.string().optional(),
  lang: z.literal('partner').optional().describe("On the article's partner-language text"),
});
const Lang = z.enum(['th', 'en']);
const Score = z.object({
  versionNo: z.number().int(),
  share: z.number().describe('Of the file’s article texts, the share that is this version’s (0–1)'),
  coverage: z.number().describe('Of this version’s article texts, the share the file holds (0–1)'),
});
export const ImportPreviewSchema = z.object({
  fileSha256: z.string(),
  versionNo: z.number().int(),
  placedBy: z.enum(['bookmarks', 'text']),
  identity: z.object({
    agreement: z.string().optional(),
    versionNo: z.number().int().optional(),
    doc: z.string().optional(),
    layout: z.string().optional(),
    bookmarkVersions: z.array(z.number().int()),
    application: z.string().optional(),
  }),
  comments: z.array(
    z.object({
      id: z.string(),
      anchor: Anchor,
      lang: Lang.optional(),
      author: z.string(),
      date: z.string().optional(),
      text: z.string(),
      quote: z.string().optional(),
      resolved: z.boolean().optional(),
      replies: z.array(z.object({ author: z.string(), text: z.string() })).optional(),
    }),
  ),
  suggestions: z.array(
    z.object({
      id: z.string(),
      anchor: Anchor,
      lang: Lang,
      kind: z.enum(['insert', 'delete', 'replace', 'untracked']),
      field: z.enum(['heading', 'text']).optional(),
      before: z.string().optional(),
      after: z.string().optional(),
      wording: z.string(),
      author: z.string().optional(),
      date: z.string().optional(),
    }),
  ),
  unplaced: z.array(
    z.object({ item: z.enum(['comment', 'suggestion']), text: z.string(), author: z.string().optional() }),
  ),
  alreadyRecorded: z.number().int(),
  proposed: z.array(z.string()),
  match: z
    .object({
      best: Score.describe('The version the file’s wording matches best'),
      runnerUp: Score.optional(),
    })
    .optional()
    .describe('Only for a file without the anchors MOU Engine writes: which version its text matches'),
});

export type ImportPreviewView = z.output<typeof ImportPreviewSchema>;

const opt = <K extends string, V>(k: K, v: V | undefined) =>
  v === undefined ? {} : ({ [k]: v } as Record<K, V>);

function anchorView(a: ImportAnchor): z.output<typeof Anchor> {
  return a.kind === 'article'
    ? { kind: a.kind, no: a.no, key: a.key, ...(a.lang ? { lang: a.lang } : {}) }
    : { kind: a.kind };
}

/** The preview as the API gives it: built field by field from its schema, never by spreading internal records. */
export function importPreviewView(p: ImportPreview): ImportPreviewView {
  const id = p.identity;
  return {
    fileSha256: p.fileSha256,
    versionNo: p.versionNo,
    placedBy: p.placedBy,
    identity: {
      ...opt('agreement', id.agreement),
      ...opt('versionNo', id.versionNo),
      ...opt('doc', id.doc),
      ...opt('layout', id.layout),
      bookmarkVersions: [...id.bookmarkVersions],
      ...opt('application', id.application),
    },
    comments: p.comments.map((c) => ({
      id: c.id,
      anchor: anchorView(c.anchor),
      ...opt('lang', c.lang),
      author: c.author,
      ...opt('date', c.date),
      text: c.text,
      ...opt('quote', c.quote),
      ...opt('resolved', c.resolved),
      ...opt(
        'replies',
        c.replies?.map((r) => ({ author: r.author, text: r.text })),
      ),
    })),
    suggestions: p.suggestions.map((s) => ({
      id: s.id,
      anchor: anchorView(s.anchor),
      lang: s.lang,
      kind: s.kind,
      ...opt('field', s.field),
      ...opt('before', s.before),
      ...opt('after', s.after),
      wording: s.wording,
      ...opt('author', s.author),
      ...opt('date', s.date),
    })),
    unplaced: p.unplaced.map((u) => ({ item: u.item, text: u.text, ...opt('author', u.author) })),
    alreadyRecorded: p.alreadyRecorded,
    proposed: [...p.proposed],
    ...opt(
      'match',
      p.match && {
        best: { ...score(p.match.best) },
        ...opt('runnerUp', p.match.runnerUp && score(p.match.runnerUp)),
      },
    ),
  };
}

function score(s: VersionScore): z.output<typeof Score> {
  return { versionNo: s.versionNo, share: s.share, coverage: s.coverage };
}
