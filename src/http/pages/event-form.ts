// Workflow events from the action forms: the resolution, no-objection and signing forms carry data, the rest none.
import {
  proposeTerm,
  Renewal,
  Resolution,
  Signing,
  type AgreementContent,
  type Bilingual,
} from '../../domain';
import type { AgreementEvent, AgreementEventType } from '../../../workflows';
import type { Catalogue } from '../../i18n/catalogue';
import { field, parseInput } from '../validate';

export type FormValues = Record<string, string>;

const SIGNING_FIELDS = [
  'date',
  'place.th',
  'place.en',
  ...['thai', 'partner'].flatMap((side) => [
    `${side}.name.th`,
    `${side}.name.en`,
    `${side}.title.th`,
    `${side}.title.en`,
    `${side}.capacity`,
    `${side}.onBehalfOf.th`,
    `${side}.onBehalfOf.en`,
  ]),
  'fullPowers.reference',
  'fullPowers.issuedOn',
  'term.years',
  'term.noticeMonths',
];
const RESOLUTION_FIELDS = ['meeting', 'date', 'outcome', 'text.th', 'text.en'];

/** The posted values of a form, to show again when it is refused (nothing the user typed is lost). */
export function postedValues(body: unknown, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((n) => [n, field(body, n)]));
}

export const resolutionValues = (body: unknown) => postedValues(body, RESOLUTION_FIELDS);
export const signingValues = (body: unknown) => postedValues(body, SIGNING_FIELDS);

export function resolutionDefaults(): FormValues {
  return { meeting: '', date: '', outcome: 'approved', 'text.th': '', 'text.en': '' };
}

/** The signing form starts from the parties' signatories and the Thai party's name as the place. */
export function signingDefaults(c: AgreementContent): FormValues {
  const side = (name: 'thai' | 'partner') => {
    const s = c.parties[name].signatory;
    return {
      [`${name}.name.th`]: s.name?.th ?? '',
      [`${name}.name.en`]: s.name?.en ?? '',
      [`${name}.title.th`]: s.title.th,
      [`${name}.title.en`]: s.title.en,
      [`${name}.capacity`]: 'principal',
      [`${name}.onBehalfOf.th`]: '',
      [`${name}.onBehalfOf.en`]: '',
    };
  };
  return {
    date: '',
    'place.th': c.parties.thai.name.th,
    'place.en': c.parties.thai.name.en,
    ...side('thai'),
    ...side('partner'),
    'fullPowers.reference': '',
    'fullPowers.issuedOn': '',
    // The secretary confirms the term the duration clause proposes (or corrects it).
    'term.years': String(proposeTerm(c).term.years),
    'term.noticeMonths': String(proposeTerm(c).term.noticeMonths),
  };
}

/** A whole number typed in a form, or the text as typed (refused at its field). */
const whole = (s: string | undefined): unknown =>
  s !== undefined && /^\d{1,3}$/.test(s.trim()) ? Number(s) : s;

const bi = (v: FormValues, name: string): Bilingual => ({
  th: v[`${name}.th`] ?? '',
  en: v[`${name}.en`] ?? '',
});

function signatory(v: FormValues, side: string) {
  const onBehalfOf = bi(v, `${side}.onBehalfOf`);
  return {
    name: bi(v, `${side}.name`),
    title: bi(v, `${side}.title`),
    capacity: v[`${side}.capacity`] ?? '',
    ...(onBehalfOf.th || onBehalfOf.en ? { onBehalfOf } : {}),
  };
}

export function eventFromForm(type: AgreementEventType, body: unknown, catalogue: Catalogue): AgreementEvent {
  switch (type) {
    case 'RECORD_RESOLUTION': {
      const v = resolutionValues(body);
      const resolution = parseInput(
        Resolution,
        { meeting: v.meeting, date: v.date, outcome: v.outcome, text: bi(v, 'text') },
        catalogue,
      );
      return { type, resolution };
    }
    case 'GIVE_NO_OBJECTION':
      return {
        type,
        needsCabinetApproval: field(body, 'needsCabinetApproval') === 'yes',
        needsFullPowers: field(body, 'needsFullPowers') === 'yes',
      };
    case 'RECORD_SIGNING': {
      const v = signingValues(body);
      const reference = v['fullPowers.reference'] ?? '';
      const years = v['term.years'] ?? '';
      const signing = parseInput(
        Signing,
        {
          date: v.date,
          place: bi(v, 'place'),
          signatories: { thai: signatory(v, 'thai'), partner: signatory(v, 'partner') },
          ...(reference ? { fullPowers: { reference, issuedOn: v['fullPowers.issuedOn'] } } : {}),
          ...(years
            ? { term: { years: whole(years), noticeMonths: whole(v['term.noticeMonths'] ?? '0') } }
            : {}),
        },
        catalogue,
      );
      return { type, signing };
    }
    case 'SUBMIT_TO_COMMITTEE':
    case 'SUBMIT_TO_MOI':
    case 'FORWARD_TO_MFA':
    case 'RETURN_TO_PROVINCE':
    case 'RETURN_WITH_COMMENTS':
    case 'RESUBMIT':
    case 'AGREE_FINAL_TEXT':
    case 'SUBMIT_PARTNER_CHANGES':
    case 'RECORD_CABINET_APPROVAL':
    case 'PROPOSE_AMENDMENT':
    case 'ABANDON_AMENDMENT':
    case 'RECORD_RENEWAL': {
      const date = field(body, 'renewal.date');
      const years = field(body, 'renewal.years');
      if (!date && !years) return { type };
      return { type, renewal: parseInput(Renewal, { date, years: whole(years) }, catalogue) };
    }
    case 'PROPOSE_RENEWAL':
    case 'RECORD_EXPIRY':
    case 'TERMINATE':
    case 'WITHDRAW':
      return { type };
  }
}
