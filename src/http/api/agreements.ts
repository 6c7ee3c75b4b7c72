// /api/v1/agreements: create, read, list, edit the working draft, comments, workflow events, versions.
import type { PdfService } from '../../app/pdf-service';
import type { DraftingChecks } from '../../app/drafting-gate';
import type { AgreementService } from '../../app/agreement-service';
import type { DocumentService } from '../../app/document-service';
import type { Verifier } from '../../app/verification';
import type { AgreementFilter } from '../../app/ports';
import type { AgreementEvent } from '../../../workflows';
import { EVENT_TYPES } from '../../../workflows';
import { apiModule, apiRoute, problem } from './define';
import {
  AgreementPage,
  AgreementParams,
  AgreementView,
  AnswerCommentBody,
  CommentParams,
  CommentResult,
  CreateAgreementBody,
  EventBody,
  ListQuery,
  NewCommentBody,
  NoQuery,
  UpdateContentBody,
  VersionList,
  VersionParams,
  VersionView,
  WithdrawCommentBody,
} from './schemas';
import { agreementPath, agreementView, API_V1, summaryView, versionSummaries, versionView } from './views';

const READ_ERRORS = {
  401: problem('Not signed in, or the token is unknown or revoked'),
  404: problem('No such agreement, or not visible to you'),
};
const WRITE_ERRORS = {
  ...READ_ERRORS,
  400: problem('The body is not JSON'),
  403: problem('Your role may not do this on this agreement'),
  409: problem('expectedRev is stale: someone changed the agreement first'),
  413: problem('The body is larger than 1 MB'),
  422: problem('The input, or the state of the agreement, does not allow this'),
};

export interface ApiServices {
  agreements: AgreementService;
  documents: DocumentService;
  verifier: Verifier;
  /** The pre-review checks, with the gazetteer as the admins keep it. */
  drafting: DraftingChecks;
  /** PDFs of the documents (LibreOffice); without it the PDF routes answer 404. */
  pdf?: PdfService;
}

export function agreementApi({ agreements, documents }: ApiServices) {
  const base = `${API_V1}/agreements`;
  return apiModule('api-agreements', API_V1, [
    apiRoute({
      method: 'get',
      path: base,
      access: 'login',
      actions: ['VIEW'],
      summary: 'List the agreements you may see, newest change first',
      query: ListQuery,
      responses: {
        200: { description: 'One page and the total count', schema: AgreementPage },
        ...READ_ERRORS,
        422: problem('Bad filter or page'),
      },
      handle: async ({ actor, query, res }) => {
        const filter: AgreementFilter = {
          ...(query.province !== undefined ? { province: query.province } : {}),
          ...(query.state !== undefined ? { state: query.state } : {}),
          ...(query.kind !== undefined ? { kind: query.kind } : {}),
          ...(query.partnerCountry !== undefined ? { partnerCountryEn: query.partnerCountry } : {}),
        };
        // A secretary asking for another province's agreements sees none (the service would scope to their own).
        if (actor.role === 'secretary' && query.province !== undefined && query.province !== actor.province) {
          res.json({ items: [], total: 0, limit: query.limit, offset: query.offset });
          return;
        }
        const [items, total] = await Promise.all([
          agreements.list(actor, filter, { limit: query.limit, skip: query.offset }),
          agreements.count(actor, filter),
        ]);
        res.json({ items: items.map(summaryView), total, limit: query.limit, offset: query.offset });
      },
    }),
    apiRoute({
      method: 'post',
      path: base,
      access: 'login',
      actions: ['CREATE_DRAFT'],
      summary: 'Create an agreement with its first working draft (a province secretary, for their province)',
      body: CreateAgreementBody,
      query: NoQuery,
      responses: {
        201: { description: 'Created; Location names it', schema: AgreementView },
        ...WRITE_ERRORS,
      },
      handle: async ({ actor, body, res }) => {
        const record = await agreements.createDraft(actor, body);
        res
          .status(201)
          .location(agreementPath(record.id))
          .json(agreementView(agreements, actor, record));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/:id`,
      access: 'login',
      actions: ['VIEW'],
      summary:
        'One agreement: working draft, versions, comments, resolutions, history, the events you may send',
      params: AgreementParams,
      query: NoQuery,
      responses: { 200: { description: 'The agreement', schema: AgreementView }, ...READ_ERRORS },
      handle: async ({ actor, params, res }) => {
        res.json(agreementView(agreements, actor, await agreements.get(actor, params.id)));
      },
    }),
    apiRoute({
      method: 'put',
      path: `${base}/:id/content`,
      access: 'login',
      actions: ['EDIT_CONTENT'],
      summary: 'Replace the working draft while the state allows editing',
      params: AgreementParams,
      query: NoQuery,
      body: UpdateContentBody,
      responses: { 200: { description: 'The changed agreement', schema: AgreementView }, ...WRITE_ERRORS },
      handle: async ({ actor, params, body, res }) => {
        const record = await agreements.updateContent(
          actor,
          params.id,
          body.expectedRev,
          body.content,
          body.confirm ? { confirm: body.confirm } : {},
        );
        res.json(agreementView(agreements, actor, record));
      },
    }),
    apiRoute({
      method: 'post',
      path: `${base}/:id/comments`,
      access: 'login',
      actions: ['ADD_COMMENT'],
      summary:
        'Comment on the version under review (MFA), anchored to an article, the preamble or the whole document',
      params: AgreementParams,
      query: NoQuery,
      body: NewCommentBody,
      responses: {
        201: { description: 'The new comment and the agreement’s new rev', schema: CommentResult },
        ...WRITE_ERRORS,
      },
      handle: async ({ actor, params, body, res }) => {
        const { expectedRev, ...comment } = body;
        const record = await agreements.addComment(actor, params.id, expectedRev, comment);
        const created = record.comments.at(-1);
        res.status(201).json({ rev: record.rev, comment: created });
      },
    }),
    apiRoute({
      method: 'post',
      path: `${base}/:id/comments/:commentId/answer`,
      access: 'login',
      actions: ['ANSWER_COMMENT'],
      summary:
        'Answer a comment of the current review round (the province): accepted, partly or not, with a response',
      params: CommentParams,
      query: NoQuery,
      body: AnswerCommentBody,
      responses: {
        200: { description: 'The answered comment and the agreement’s new rev', schema: CommentResult },
        ...WRITE_ERRORS,
      },
      handle: async ({ actor, params, body, res }) => {
        const { expectedRev, ...answer } = body;
        const record = await agreements.answerComment(
          actor,
          params.id,
          expectedRev,
          params.commentId,
          answer,
        );
        res.json({ rev: record.rev, comment: record.comments.find((c) => c.id === params.commentId) });
      },
    }),
    apiRoute({
      method: 'post',
      path: `${base}/:id/comments/:commentId/withdraw`,
      access: 'login',
      actions: ['WITHDRAW_COMMENT'],
      summary:
        'Withdraw your own open comment of the current review round (MFA); it stays on record as withdrawn',
      params: CommentParams,
      query: NoQuery,
      body: WithdrawCommentBody,
      responses: {
        200: { description: 'The withdrawn comment and the agreement’s new rev', schema: CommentResult },
        ...WRITE_ERRORS,
      },
      handle: async ({ actor, params, body, res }) => {
        const record = await agreements.withdrawComment(actor, params.id, body.expectedRev, params.commentId);
        res.json({ rev: record.rev, comment: record.comments.find((c) => c.id === params.commentId) });
      },
    }),
    apiRoute({
      method: 'post',
      path: `${base}/:id/events`,
      access: 'login',
      actions: EVENT_TYPES,
      summary: 'Take a workflow step (send an event) on the agreement at the rev you last saw',
      description:
        'Exactly one of several concurrent senders with the same expectedRev succeeds; the others get 409.',
      params: AgreementParams,
      query: NoQuery,
      body: EventBody,
      responses: {
        200: { description: 'The agreement after the step', schema: AgreementView },
        ...WRITE_ERRORS,
      },
      handle: async ({ actor, params, body, res }) => {
        const event: AgreementEvent = body.event;
        const options = {
          ...(body.note !== undefined ? { note: body.note } : {}),
          ...(body.acknowledgeWarnings !== undefined
            ? { acknowledgeWarnings: body.acknowledgeWarnings }
            : {}),
        };
        const record = await agreements.send(actor, params.id, body.expectedRev, event, options);
        res.json(agreementView(agreements, actor, record));
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/:id/versions`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'The agreement’s versions (oldest first) with the documents each one has',
      params: AgreementParams,
      query: NoQuery,
      responses: { 200: { description: 'Versions', schema: VersionList }, ...READ_ERRORS },
      handle: async ({ actor, params, res }) => {
        res.json({ items: versionSummaries(documents, await agreements.get(actor, params.id)) });
      },
    }),
    apiRoute({
      method: 'get',
      path: `${base}/:id/versions/:n`,
      access: 'login',
      actions: ['VIEW'],
      summary: 'One version: its content, the comments made on it, its documents',
      params: VersionParams,
      query: NoQuery,
      responses: { 200: { description: 'The version', schema: VersionView }, ...READ_ERRORS },
      handle: async ({ actor, params, res }) => {
        res.json(versionView(documents, await agreements.get(actor, params.id), params.n));
      },
    }),
  ]);
}
