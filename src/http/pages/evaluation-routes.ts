// The yearly evaluations of an agreement for people: the list with MOI's comments, the province's form, MOI's
// comment form. The same service as the API decides who may do what.
import type { Request, Response } from 'express';
import type { EvaluationService } from '../../app/evaluation-service';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field } from '../validate';
import { formError } from './render';
import { agreementId, labelsFor } from './shared';

const FIELDS = ['year', 'activitiesPlanned', 'activitiesHeld', 'rating', 'notesTh', 'notesEn'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function evaluationRoutes(s: { evaluations?: EvaluationService }, catalogue: Catalogue): Route[] {
  const svc = () => {
    if (!s.evaluations) throw new Error('evaluations are not wired');
    return s.evaluations;
  };

  async function page(
    req: Request,
    res: Response,
    extras: { status?: number; error?: ReturnType<typeof formError>; values?: Values } = {},
  ) {
    const actor = actorOf(req);
    const l = labelsFor(req, catalogue);
    const { record, evaluations } = await svc().list(actor, agreementId(req));
    const year = String(new Date().getUTCFullYear() - 1);
    const values = extras.values ?? {
      year,
      activitiesPlanned: '',
      activitiesHeld: '',
      rating: '3',
      notesTh: '',
      notesEn: '',
    };
    res.status(extras.status ?? 200).render('agreements/evaluations', {
      pageTitle: l.t('statistics.evaluation.title'),
      agreement: { id: record.id, title: record.workingDraft.title[l.locale] },
      evaluations: evaluations.map((e) => ({ ...e, notes: e.notes[l.locale] })),
      mayRecord: actor.role === 'secretary' && actor.province === record.province,
      mayComment: actor.role === 'moi' || actor.role === 'admin',
      form: values,
      ratings: [1, 2, 3, 4, 5].map((n) => ({ id: String(n), selected: values.rating === String(n) })),
      ...(extras.error ? { error: extras.error } : {}),
    });
  }

  return [
    {
      method: 'get',
      path: '/agreements/:id/evaluations',
      access: 'login',
      handler: (req, res) => page(req, res),
    },
    {
      method: 'post',
      path: '/agreements/:id/evaluations',
      access: 'login',
      handler: async (req, res) => {
        const values = Object.fromEntries(FIELDS.map((f) => [f, field(req.body, f) ?? ''])) as Values;
        try {
          await svc().record(actorOf(req), agreementId(req), {
            year: values.year,
            activitiesPlanned: values.activitiesPlanned,
            activitiesHeld: values.activitiesHeld,
            rating: values.rating,
            notes: { th: values.notesTh, en: values.notesEn },
          });
          flash(req, { kind: 'success', key: 'statistics.evaluation.recorded' });
          res.redirect(303, `/agreements/${agreementId(req)}/evaluations`);
        } catch (e) {
          const error = formError(e, labelsFor(req, catalogue).locale);
          await page(req, res, { status: error.status, error, values });
        }
      },
    },
    {
      method: 'post',
      path: '/agreements/:id/evaluations/:year/comments',
      access: ['moi', 'admin'],
      handler: async (req, res) => {
        try {
          await svc().comment(
            actorOf(req),
            agreementId(req),
            Number(req.params.year),
            field(req.body, 'text'),
          );
          flash(req, { kind: 'success', key: 'statistics.evaluation.commented' });
          res.redirect(303, `/agreements/${agreementId(req)}/evaluations`);
        } catch (e) {
          const error = formError(e, labelsFor(req, catalogue).locale);
          await page(req, res, { status: error.status, error });
        }
      },
    },
  ];
}
