// The JSON API's schemas: the same zod objects validate requests and generate the OpenAPI document.
import { z } from 'zod';
import { CommentAnswer, NewComment } from '../../app/comments';
import { AgreementSummarySchema } from '../../app/summary';
import {
  Agreement,
  AgreementContent,
  AgreementContentInput,
  AgreementKind,
  Bilingual,
  Comment,
  HistoryEntry,
  PROBLEM_KINDS,
  Resolution,
  Role,
  ActivityInput,
  Renewal,
  Signing,
  Version,
  EvaluationInput,
} from '../../domain';
import { Finding, FindingList } from '../../domain/checks';
import { DOC_TYPES, LAYOUTS } from '../../documents';
import { EVENT_TYPES, type AgreementEvent } from '../../../workflows';

// ---- path parameters (a value that does not match names no resource: 404) ----
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const AgreementId = z.string().regex(UUID, 'must be a UUID');
export const VersionNo = z
  .string()
  .regex(/^[1-9]\d{0,2}$/, 'must be a version number 1–999')
  .transform(Number);

export const AgreementParams = z.object({ id: AgreementId }).strict();
export const VersionParams = z.object({ id: AgreementId, n: VersionNo }).strict();
export const CommentParams = z.object({ id: AgreementId, commentId: AgreementId }).strict();
export const DocumentParams = z.object({ id: AgreementId, n: VersionNo, doc: z.enum(DOC_TYPES) }).strict();

// ---- query strings ----
export const ListQuery = z
  .object({
    province: z.string().min(1).max(64).optional(),
    state: z.string().min(1).max(64).optional(),
    kind: AgreementKind.optional(),
    /** The partner's country, in English (e.g. "Republic of Korea"). */
    partnerCountry: z.string().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();
export const DocumentQuery = z.object({ layout: z.enum(LAYOUTS).default('parallel') }).strict();
export const PdfVariantQuery = z.enum(['0', '1']).default('0');
export const PdfDocumentQuery = z
  .object({ layout: z.enum(LAYOUTS).default('parallel'), pdfa: PdfVariantQuery })
  .strict();
export const PdfIssuedQuery = z.object({ pdfa: PdfVariantQuery }).strict();
export const NoQuery = z.object({}).strict();

// ---- request bodies ----
const ExpectedRev = z.number().int().min(0).max(1_000_000_000);

// Content sent in may leave article keys out (older clients): an article without one keeps the key of the working
// draft's article it matches by heading or wording, else gets a new one. Content sent back always has them.
export const CreateAgreementBody = z
  .object({ province: z.string().min(1).max(64), content: AgreementContentInput })
  .strict();
export const UpdateContentBody = z
  .object({
    expectedRev: ExpectedRev,
    content: AgreementContentInput,
    /** Articles whose other language you checked after one language changed alone: "<article key>:th|en". */
    confirm: z.array(z.string().max(40)).max(400).optional(),
  })
  .strict();
export const NewCommentBody = z.object({ ...NewComment.shape, expectedRev: ExpectedRev }).strict();
export const WithdrawCommentBody = z.object({ expectedRev: ExpectedRev }).strict();
export const AnswerCommentBody = z.object({ ...CommentAnswer.shape, expectedRev: ExpectedRev }).strict();

const plain = <T extends (typeof EVENT_TYPES)[number]>(type: T) =>
  z.object({ type: z.literal(type) }).strict();

/** One member per workflow event; the compile-time check below keeps it equal to AgreementEvent. */
export const AgreementEventSchema = z.discriminatedUnion('type', [
  plain('SUBMIT_TO_COMMITTEE'),
  z
    .object({ type: z.literal('RECORD_RESOLUTION'), resolution: Resolution.omit({ versionNo: true }) })
    .strict(),
  plain('SUBMIT_TO_MOI'),
  plain('FORWARD_TO_MFA'),
  plain('RETURN_TO_PROVINCE'),
  z
    .object({
      type: z.literal('GIVE_NO_OBJECTION'),
      needsCabinetApproval: z.boolean(),
      needsFullPowers: z.boolean(),
    })
    .strict(),
  plain('RETURN_WITH_COMMENTS'),
  plain('RESUBMIT'),
  plain('AGREE_FINAL_TEXT'),
  plain('SUBMIT_PARTNER_CHANGES'),
  plain('RECORD_CABINET_APPROVAL'),
  z.object({ type: z.literal('RECORD_SIGNING'), signing: Signing }).strict(),
  plain('PROPOSE_AMENDMENT'),
  plain('ABANDON_AMENDMENT'),
  plain('PROPOSE_RENEWAL'),
  z.object({ type: z.literal('RECORD_RENEWAL'), renewal: Renewal.optional() }).strict(),
  plain('RECORD_EXPIRY'),
  plain('TERMINATE'),
  plain('WITHDRAW'),
]);
type Parsed = z.output<typeof AgreementEventSchema>;
const sameAsDomain: [Parsed] extends [AgreementEvent]
  ? [AgreementEvent['type']] extends [Parsed['type']]
    ? true
    : never
  : never = true;
void sameAsDomain;

export const EventBody = z
  .object({
    event: AgreementEventSchema,
    expectedRev: ExpectedRev,
    /** Recorded in the history entry (e.g. a reason for withdrawing). */
    note: z.string().max(1000).optional(),
    /**
     * The sender has read the pre-review warnings (GET …/checks) and goes on; recorded in the history entry. Without
     * it, a step that sends the draft on (SUBMIT_TO_COMMITTEE, SUBMIT_TO_MOI, RESUBMIT) with warnings not acknowledged
     * before answers 422 warnings-unacknowledged, listing them.
     */
    acknowledgeWarnings: z.boolean().optional(),
  })
  .strict();

// ---- responses ----
export const DocumentLink = z
  .object({
    doc: z.enum(DOC_TYPES),
    layout: z.enum(LAYOUTS),
    fileName: z.string(),
    href: z.string(),
    /** issued: the href returns the bytes a step issued (stored, checked on read); preview: rendered now. */
    status: z.enum(['issued', 'preview']),
  })
  .strict();

/** A document exactly as a step issued it. */
export const IssuedDocumentView = z
  .object({
    seq: z.number().int().min(0),
    event: z.string(),
    versionNo: z.number().int().min(1),
    doc: z.enum(DOC_TYPES),
    layout: z.enum(LAYOUTS),
    sha256: z.string(),
    issuedAt: z.string(),
    fileName: z.string(),
    href: z.string(),
  })
  .strict();
export const IssuedList = z.object({ items: z.array(IssuedDocumentView) }).strict();
export const IssuedParams = z
  .object({
    id: AgreementId,
    seq: z
      .string()
      .regex(/^(0|[1-9]\d{0,6})$/, 'must be a history entry number')
      .transform(Number),
  })
  .strict();

export const VerificationView = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.object({ seq: z.number().int(), hash: z.string() }).strict().nullable(),
    problems: z.array(
      z
        .object({
          kind: z.enum(PROBLEM_KINDS),
          seq: z.number().int().optional(),
          message: Bilingual,
        })
        .strict(),
    ),
  })
  .strict();

// Without the cleared-text hashes (an index for "cleared before", not something a client reads).
export const AgreementView = Agreement.omit({ cleared: true })
  .extend({
    rev: z.number().int(),
    /** Workflow events this caller may send now. */
    availableEvents: z.array(z.enum(EVENT_TYPES)),
  })
  .strict();

export const AgreementSummaryView = AgreementSummarySchema;

export const AgreementPage = z
  .object({
    items: z.array(AgreementSummaryView),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .strict();

export const VersionSummaryView = z
  .object({
    no: z.number().int(),
    createdAt: z.string(),
    author: Version.shape.author,
    documents: z.array(DocumentLink),
  })
  .strict();
export const VersionList = z.object({ items: z.array(VersionSummaryView) }).strict();
export const VersionView = Version.extend({
  comments: z.array(Comment),
  documents: z.array(DocumentLink),
}).strict();
export const CommentResult = z.object({ rev: z.number().int(), comment: Comment }).strict();
export const DocumentList = z
  .object({
    items: z.array(DocumentLink),
    /** The documents steps issued for this version, oldest first (the same document may be issued twice). */
    issued: z.array(IssuedDocumentView),
  })
  .strict();

export const MeView = z
  .object({
    id: z.string(),
    username: z.string().optional(),
    displayName: z.string(),
    role: Role,
    province: z.string().optional(),
    locale: z.enum(['th', 'en']),
  })
  .strict();

/** GET …/checks: the pre-review and bilingual checks' findings (the same JSON as `mou check --json`). */
export const CheckList = FindingList;

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() }).strict()),
  })
  .strict();

/** MOI's comment on a year's evaluation. */
export const EvaluationCommentBody = z.object({ text: z.string().min(1).max(4000) }).strict();

/** Named schemas, shared by reference in the OpenAPI document's components. */
export const NAMED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  Bilingual,
  AgreementContent,
  AgreementContentInput,
  Resolution,
  Signing,
  Comment,
  HistoryEntry,
  AgreementEvent: AgreementEventSchema,
  CreateAgreementBody,
  UpdateContentBody,
  NewCommentBody,
  AnswerCommentBody,
  WithdrawCommentBody,
  EventBody,
  DocumentLink,
  AgreementView,
  AgreementSummaryView,
  AgreementPage,
  VersionList,
  VersionView,
  CommentResult,
  DocumentList,
  IssuedDocumentView,
  IssuedList,
  VerificationView,
  Finding,
  CheckList,
  MeView,
  Problem,
  ActivityInput,
  EvaluationInput,
  EvaluationCommentBody,
};
