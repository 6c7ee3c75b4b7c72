// Review comments as pure changes to the comment list: MFA adds them in review, the province answers them.
import {
  Bilingual,
  CommentAnchor,
  CommentStatus,
  PartialBilingual,
  findArticle,
  fromZod,
  invalid,
  issue,
  latestVersion,
  notFound,
  type Actor,
  type Agreement,
  type Comment,
  type Role,
} from '../domain';
import { z } from 'zod';

export const NewComment = z
  .object({
    anchor: CommentAnchor,
    text: Bilingual,
    quote: PartialBilingual.optional(),
    suggestion: PartialBilingual.optional(),
    /** Shown as the Word comment's author; defaults by role. */
    organisation: Bilingual.optional(),
  })
  .strict();
export type NewComment = z.infer<typeof NewComment>;

export const CommentAnswer = z
  .object({ status: CommentStatus.exclude(['open']), response: PartialBilingual })
  .strict();
export type CommentAnswer = z.infer<typeof CommentAnswer>;

const ORGANISATION: Record<Role, Bilingual> = {
  mfa: {
    th: 'กรมสนธิสัญญาและกฎหมาย กระทรวงการต่างประเทศ',
    en: 'MFA – Department of Treaties and Legal Affairs',
  },
  moi: { th: 'กองการต่างประเทศ กระทรวงมหาดไทย', en: 'MOI – Foreign Affairs Division' },
  secretary: { th: 'จังหวัด', en: 'Province' },
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
};

function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, prefix: string): T {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid({ th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid input' }, fromZod(prefix, r.error));
  return r.data;
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
  if (c.anchor.kind === 'article' && !findArticle(version.content, c.anchor.no)) {
    throw invalid({ th: 'ไม่พบข้อที่อ้างถึง', en: 'No such article' }, [
      issue(
        'comment.anchor.no',
        `ร่างฉบับที่ ${version.no} ไม่มีข้อ ${c.anchor.no}`,
        `Version ${version.no} has no article ${c.anchor.no}`,
      ),
    ]);
  }
  const comment: Comment = {
    id,
    round,
    versionNo: version.no,
    author: {
      userId: by.userId,
      name: by.name,
      role: by.role,
      organisation: c.organisation ?? ORGANISATION[by.role],
    },
    anchor: c.anchor,
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
  return a.comments.map((c) =>
    c.id === commentId ? { ...c, status: answer.status, response: answer.response, answeredAt: at } : c,
  );
}
