// Review comments as pure changes to the comment list: MFA adds them in review, the province answers them.
import {
  Bilingual,
  CommentAnchorInput,
  CommentStatus,
  PartialBilingual,
  findArticle,
  fromZod,
  invalid,
  issue,
  latestVersion,
  notAllowed,
  notFound,
  REVIEWER_ORGANISATIONS,
  type Actor,
  type Agreement,
  type Comment,
  type CommentAnchor,
  type Version,
} from '../domain';
import { z } from 'zod';

export const NewComment = z
  .object({
    /** On an article: its number in the version under review; its key may be given too (it must then match). */
    anchor: CommentAnchorInput,
    text: Bilingual,
    quote: PartialBilingual.optional(),
    suggestion: PartialBilingual.optional(),
    /** Shown as the Word comment's author; defaults by role. */
    organisation: Bilingual.optional(),
  })
  .strict();
export type NewComment = z.infer<typeof NewComment>;

export const CommentAnswer = z
  .object({ status: CommentStatus.exclude(['open', 'withdrawn']), response: PartialBilingual })
  .strict();
export type CommentAnswer = z.infer<typeof CommentAnswer>;

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, prefix: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid({ th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid input' }, fromZod(prefix, r.error));
  return r.data;
}

/** The anchor with the key of the commented article in the commented version: the comment follows that article. */
function keyedAnchor(anchor: CommentAnchorInput, version: Version): CommentAnchor {
  if (anchor.kind !== 'article') return anchor;
  const article = findArticle(version.content, anchor.no);
  if (!article) {
    throw invalid({ th: 'ไม่พบข้อที่อ้างถึง', en: 'No such article' }, [
      issue(
        'comment.anchor.no',
        `ร่างฉบับที่ ${version.no} ไม่มีข้อ ${anchor.no}`,
        `Version ${version.no} has no article ${anchor.no}`,
      ),
    ]);
  }
  if (anchor.key !== undefined && anchor.key !== article.key) {
    throw invalid({ th: 'ไม่พบข้อที่อ้างถึง', en: 'No such article' }, [
      issue(
        'comment.anchor.key',
        `ข้อ ${anchor.no} ของร่างฉบับที่ ${version.no} มีรหัสข้อ ${article.key} ไม่ใช่ ${anchor.key}`,
        `Article ${anchor.no} of version ${version.no} has the key ${article.key}, not ${anchor.key}`,
      ),
    ]);
  }
  return { kind: 'article', no: article.no, key: article.key };
}

export function addComment(
  a: Agreement,
  round: number,
  input: unknown,
  by: Actor,
  id: string,
  at: string,
): Comment[] {
  const c = parseOrThrow(NewComment, input, 'comment');
  const version = latestVersion(a.versions);
  if (!version)
    throw invalid({ th: 'ยังไม่มีร่างฉบับที่ส่งพิจารณา', en: 'There is no submitted version to comment on' });
  const anchor = keyedAnchor(c.anchor, version);
  const comment: Comment = {
    id,
    round,
    versionNo: version.no,
    author: {
      userId: by.userId,
      name: by.name,
      role: by.role,
      organisation: c.organisation ?? REVIEWER_ORGANISATIONS[by.role],
    },
    anchor,
    text: c.text,
    ...(c.quote ? { quote: c.quote } : {}),
    ...(c.suggestion ? { suggestion: c.suggestion } : {}),
    status: 'open',
    createdAt: at,
  };
  return [...a.comments, comment];
}

export function answerComment(
  a: Agreement,
  round: number,
  commentId: string,
  input: unknown,
  at: string,
): Comment[] {
  const answer = parseOrThrow(CommentAnswer, input, 'answer');
  if (!answer.response.th?.trim() && !answer.response.en?.trim()) {
    throw invalid({ th: 'กรุณาตอบข้อสังเกต', en: 'Write a response to the comment' }, [
      issue('answer.response', 'คำตอบยังว่างอยู่', 'The response is empty'),
    ]);
  }
  const target = a.comments.find((c) => c.id === commentId);
  if (!target) throw notFound({ th: `ไม่พบข้อสังเกต ${commentId}`, en: `No comment ${commentId}` });
  if (target.round !== round) {
    throw invalid({ th: 'ข้อสังเกตนี้เป็นของรอบก่อน', en: 'This comment belongs to an earlier review round' });
  }
  if (target.status === 'withdrawn') {
    throw invalid({
      th: 'ข้อสังเกตนี้ถูกถอนแล้ว ไม่ต้องตอบ',
      en: 'This comment was withdrawn by its author; it needs no answer',
    });
  }
  return a.comments.map((c) =>
    c.id === commentId ? { ...c, status: answer.status, response: answer.response, answeredAt: at } : c,
  );
}

/** The author takes back their own open comment of the current round; it stays on record as withdrawn. */
export function withdrawComment(
  a: Agreement,
  round: number,
  commentId: string,
  by: Actor,
  at: string,
): Comment[] {
  const target = a.comments.find((c) => c.id === commentId);
  if (!target) throw notFound({ th: `ไม่พบข้อสังเกต ${commentId}`, en: `No comment ${commentId}` });
  if (target.author.userId !== by.userId) {
    throw notAllowed({
      th: 'ถอนได้เฉพาะข้อสังเกตที่ท่านเป็นผู้ให้',
      en: 'Only the reviewer who made a comment may withdraw it',
    });
  }
  if (target.round !== round || target.status !== 'open') {
    throw invalid({
      th: 'ถอนได้เฉพาะข้อสังเกตที่ยังเปิดอยู่ของรอบการพิจารณาปัจจุบัน',
      en: 'Only an open comment of the current review round can be withdrawn',
    });
  }
  return a.comments.map((c) => (c.id === commentId ? { ...c, status: 'withdrawn', withdrawnAt: at } : c));
}
