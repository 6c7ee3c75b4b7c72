// The agreement page, the new-agreement page and the draft editor (save, add, remove and reorder articles).
import type { Request, Response } from 'express';
import type { AgreementRecord } from '../../app/ports';
import { DomainError, findProvince, type Actor, type AgreementContent } from '../../domain';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { localeError } from '../errors';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field } from '../validate';
import {
  applyOp,
  confirmationsOf,
  contentFromForm,
  emptyForm,
  formFromBody,
  formFromContent,
  parseOp,
  type ContentForm,
} from './content-form';
import { partnerColumnProblems } from './partner-form';
import {
  contentOfForm,
  draftingView,
  findingToTake,
  insertClause,
  resetArticle,
  takeSuggestion,
} from './drafting';
import { editorView } from './editor-view';
import { fromWordRoutes, takeWordReport, type WordReportView } from './from-word';
import { wizardRoutes, wizardView } from './wizard';
import { formError, renderAgreement, type FormError } from './render';
import { expectedRev, labelsFor, loadFor, type PageServices } from './shared';

interface EditorPage {
  form: ContentForm;
  /** Absent for a new agreement. */
  id?: string;
  rev?: number;
  keep?: Pick<AgreementContent, 'actionPlan'>;
  /** The saved working draft (article keys, parity locks); absent for a new agreement. */
  record?: AgreementRecord;
  province: string;
  /** Locale key of a notice about a drafting operation (a suggestion that no longer applies). */
  notice?: string;
  status?: number;
  error?: FormError;
  unsaved?: boolean;
  /** What was read from the Word file this draft was just made from. */
  wordReport?: WordReportView;
}

/** Applies an editor operation to the posted form: the article operations, or a drafting one (findings, clauses). */
async function operate(
  s: PageServices,
  form: ContentForm,
  op: ReturnType<typeof parseOp>,
  body: unknown,
  current: AgreementContent | undefined,
): Promise<{ form: ContentForm; gone?: boolean }> {
  switch (op.op) {
    case 'fix': {
      const content = contentOfForm(form, current);
      const findings = content ? await s.drafting.check(content) : [];
      const f = findingToTake(op.value, findings);
      return f ? { form: takeSuggestion(form, f) } : { form, gone: true };
    }
    case 'reset':
      return { form: resetArticle(form, op.index, contentOfForm(form, current)) };
    case 'insert':
      return { form: insertClause(form, field(body, 'clause'), contentOfForm(form, current)) };
    default:
      return { form: applyOp(form, op) };
  }
}

export function agreementRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  async function editor(req: Request, res: Response, p: EditorPage): Promise<void> {
    const l = labelsFor(req, catalogue);
    const v = editorView(p.form, l);
    const isAdmin = actorOf(req).role === 'admin';
    const content = contentOfForm(p.form, p.record?.workingDraft);
    const findings = content ? await s.drafting.check(content) : [];
    const drafting = draftingView(content, findings, p.record?.stale ?? [], l.locale, (k, params) =>
      l.t(k, params),
    );
    res.status(p.status ?? 200).render('agreements/edit', {
      drafting,
      wizard: p.id
        ? undefined
        : wizardView(l, await s.gazetteer.current(), { isAdmin, province: p.province }),
      notice: p.notice ? l.t(p.notice) : undefined,
      pageTitle: l.t(p.id ? 'agreement.edit.title' : 'agreement.new.title'),
      ...v,
      articles: v.articles.map((a, i) => ({
        ...a,
        findings: drafting.at[`articles.${i}`] ?? [],
        aid: drafting.articles[i],
      })),
      provinces: isAdmin && !p.id ? v.provinceOptions(p.province) : undefined,
      provinceLabel: l.province(p.province),
      action: p.id ? `/agreements/${encodeURIComponent(p.id)}/content` : '/agreements',
      id: p.id,
      rev: p.rev,
      error: p.error,
      unsaved: p.unsaved ?? false,
      wordReport: p.wordReport,
    });
  }

  return [
    {
      method: 'get',
      path: '/agreements/new',
      access: ['secretary', 'admin'],
      handler: (req, res) => editor(req, res, { form: emptyForm(), province: actorOf(req).province ?? '' }),
    },
    ...wizardRoutes(s, catalogue),
    ...fromWordRoutes(s, catalogue),
    {
      method: 'post',
      path: '/agreements',
      access: ['secretary', 'admin'],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const province = actor.role === 'secretary' ? (actor.province ?? '') : field(req.body, 'province');
        const op = parseOp(field(req.body, 'op'));
        const { form, gone } = await operate(s, formFromBody(req.body), op, req.body, undefined);
        if (op.op !== 'save') return editor(req, res, { form, province, unsaved: true, ...goneNotice(gone) });
        try {
          if (!findProvince(province))
            throw localeError(catalogue, 'validation-failed', 'agreement.new.provinceRequired');
          ensurePartnerColumn(form, catalogue);
          const created = await s.agreements.createDraft(actor, { province, content: contentFromForm(form) });
          flash(req, { kind: 'success', key: 'agreement.flash.created' });
          res.redirect(303, `/agreements/${encodeURIComponent(created.id)}`);
        } catch (e) {
          await editor(req, res, { form, province, ...statusAndError(e, req) });
        }
      },
    },
    {
      method: 'get',
      path: '/agreements/:id',
      access: 'login',
      handler: async (req, res) => {
        const { actor, record } = await loadFor(req, s.agreements);
        await renderAgreement(s, catalogue, req, res, actor, record, {
          verification: await s.verifier.recent(record),
        });
      },
    },
    {
      method: 'get',
      path: '/agreements/:id/edit',
      access: 'login',
      handler: async (req, res) => {
        const { actor, record } = await loadFor(req, s.agreements);
        ensureEditable(s, actor, record, catalogue);
        await editor(req, res, {
          form: formFromContent(record.workingDraft),
          id: record.id,
          rev: record.rev,
          keep: record.workingDraft,
          record,
          province: record.province,
          wordReport: takeWordReport(req, record.id, labelsFor(req, catalogue)),
        });
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/content',
      access: 'login',
      handler: async (req, res) => {
        const { actor, record } = await loadFor(req, s.agreements);
        ensureEditable(s, actor, record, catalogue);
        const op = parseOp(field(req.body, 'op'));
        const { form, gone } = await operate(s, formFromBody(req.body), op, req.body, record.workingDraft);
        const rev = expectedRev(req.body);
        const base = { form, id: record.id, province: record.province, record };
        if (op.op !== 'save') return editor(req, res, { ...base, rev, unsaved: true, ...goneNotice(gone) });
        try {
          ensurePartnerColumn(form, catalogue);
          const confirm = confirmationsOf(form);
          await s.agreements.updateContent(
            actor,
            record.id,
            rev,
            contentFromForm(form, record.workingDraft),
            confirm.length > 0 ? { confirm } : {},
          );
          flash(req, { kind: 'success', key: 'agreement.flash.saved' });
          res.redirect(303, `/agreements/${encodeURIComponent(record.id)}`);
        } catch (e) {
          const err = statusAndError(e, req);
          // On a conflict the form keeps what was typed and takes the current rev: saving again overwrites knowingly.
          await editor(req, res, { ...base, rev: err.error.conflict ? record.rev : rev, ...err });
        }
      },
    },
  ];
}

/** The partner column's half-written articles are named by their number on the page before the service sees them. */
function ensurePartnerColumn(form: ContentForm, catalogue: Catalogue): void {
  const issues = partnerColumnProblems(form.partnerText, form.articles);
  if (issues.length > 0)
    throw new DomainError(
      'validation-failed',
      catalogue.bilingual('agreement.partnerColumn.incomplete'),
      issues,
    );
}

/** "That suggestion no longer applies": the text changed between the page and the click. */
function goneNotice(gone: boolean | undefined): { notice?: string } {
  return gone ? { notice: 'agreement.drafting.gone' } : {};
}

function statusAndError(e: unknown, req: Request): { status: number; error: FormError } {
  const error = formError(e, req.locale ?? 'th');
  return { status: error.status, error };
}

/** The editor is offered only in states that allow editing, to those who may edit (the service checks again on save). */
function ensureEditable(s: PageServices, actor: Actor, record: AgreementRecord, catalogue: Catalogue): void {
  if (!s.agreements.capabilities(actor, record).editContent) {
    throw localeError(catalogue, 'not-allowed', 'agreement.edit.notEditable');
  }
}
