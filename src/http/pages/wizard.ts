// The new-draft wizard: kind, partner (from the gazetteer), areas, duration and notice → a complete bilingual draft
// from the model form, opened in the editor.
import {
  AGREEMENT_KINDS,
  AREAS,
  DraftChoices,
  fromZod,
  invalid,
  modelDraft,
  PROVINCES,
  type FieldIssue,
} from '../../domain';
import type { Gazetteer } from '../../domain/checks';
import type { Catalogue } from '../../i18n/catalogue';
import { actorOf } from '../auth/actor';
import { flash } from '../page-locals';
import type { Route } from '../types';
import { field } from '../validate';
import type { Labels } from './labels';
import { formError } from './render';
import { formValues, labelsFor, type PageServices } from './shared';

export interface WizardValues {
  kind: string;
  partner: string;
  areas: string[];
  years: string;
  noticeMonths: string;
  province: string;
}

const DEFAULTS: WizardValues = {
  kind: 'sister',
  partner: '',
  areas: [],
  years: '5',
  noticeMonths: '6',
  province: '',
};

export function wizardView(
  l: Labels,
  g: Gazetteer,
  o: { isAdmin: boolean; province: string; values?: WizardValues },
) {
  const v = o.values ?? { ...DEFAULTS, province: o.province };
  const collator = new Intl.Collator(l.locale);
  const country = (id: string) => g.countries.find((c) => c.id === id)?.name[l.locale] ?? id;
  const partners = g.sides
    .filter((s) => s.country !== 'thailand')
    .map((s) => ({
      id: s.id,
      label: `${s.name[l.locale]} — ${country(s.country)}`,
      selected: s.id === v.partner,
    }))
    .sort((a, b) => collator.compare(a.label, b.label));
  return {
    values: v,
    kinds: AGREEMENT_KINDS.map((k) => ({ id: k, label: l.kind(k), selected: v.kind === k })),
    partners,
    areas: AREAS.map((a) => ({ id: a.id, label: a.label[l.locale], checked: v.areas.includes(a.id) })),
    provinces: o.isAdmin
      ? PROVINCES.map((p) => ({ id: p.id, label: p.name[l.locale], selected: p.id === v.province })).sort(
          (a, b) => collator.compare(a.label, b.label),
        )
      : undefined,
  };
}

function valuesFrom(body: unknown, province: string): WizardValues {
  return {
    kind: field(body, 'kind'),
    partner: field(body, 'partner'),
    areas: formValues(body, 'areas'),
    years: field(body, 'years'),
    noticeMonths: field(body, 'noticeMonths'),
    province,
  };
}

const INVALID = { th: 'ข้อมูลที่เลือกยังไม่ครบหรือไม่ถูกต้อง', en: 'Some choices are missing or invalid' };

/** What is wrong with the choices, field by field, in both languages (before the model form is asked). */
function choiceIssues(v: WizardValues): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (path: string, th: string, en: string) => issues.push({ path, message: { th, en } });
  const whole = (x: string, min: number, max: number) => /^\d{1,2}$/.test(x) && +x >= min && +x <= max;
  if (!(AGREEMENT_KINDS as readonly string[]).includes(v.kind))
    add('kind', 'กรุณาเลือกประเภทความสัมพันธ์', 'Choose the kind of relations');
  if (v.province === '') add('province', 'กรุณาเลือกจังหวัด', 'Choose the province');
  if (v.partner === '') add('partner', 'กรุณาเลือกเมืองคู่ความร่วมมือ', 'Choose the partner');
  if (v.areas.length === 0)
    add('areas', 'กรุณาเลือกสาขาความร่วมมืออย่างน้อยหนึ่งสาขา', 'Choose at least one area of cooperation');
  if (!whole(v.years, 1, 20))
    add(
      'years',
      'ระยะเวลาต้องเป็นจำนวนเต็ม ๑ ถึง ๒๐ ปี',
      'The duration must be a whole number of years from 1 to 20',
    );
  if (!whole(v.noticeMonths, 1, 24))
    add(
      'noticeMonths',
      'ระยะเวลาแจ้งล่วงหน้าต้องเป็นจำนวนเต็ม ๑ ถึง ๒๔ เดือน',
      'The notice must be a whole number of months from 1 to 24',
    );
  return issues;
}

export function wizardRoutes(s: PageServices, catalogue: Catalogue): Route[] {
  return [
    {
      method: 'post',
      path: '/agreements/wizard',
      access: ['secretary', 'admin'],
      handler: async (req, res) => {
        const actor = actorOf(req);
        const isAdmin = actor.role === 'admin';
        const province = isAdmin ? field(req.body, 'province') : (actor.province ?? '');
        const values = valuesFrom(req.body, province);
        try {
          const issues = choiceIssues(values);
          if (issues.length > 0) throw invalid(INVALID, issues);
          const parsed = DraftChoices.safeParse({
            ...values,
            years: Number(values.years),
            noticeMonths: Number(values.noticeMonths),
          });
          if (!parsed.success) throw invalid(INVALID, fromZod('', parsed.error));
          const content = modelDraft(parsed.data, await s.gazetteer.current());
          const created = await s.agreements.createDraft(actor, { province, content });
          flash(req, { kind: 'success', key: 'agreement.wizard.created' });
          res.redirect(303, `/agreements/${encodeURIComponent(created.id)}/edit`);
        } catch (e) {
          const l = labelsFor(req, catalogue);
          const error = formError(e, l.locale);
          res.status(error.status).render('agreements/wizard', {
            pageTitle: l.t('agreement.wizard.title'),
            wizard: wizardView(l, await s.gazetteer.current(), { isAdmin, province, values }),
            error,
          });
        }
      },
    },
  ];
}
