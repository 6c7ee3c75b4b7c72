// "New draft from a Word file": read the text of an existing MOU (title, preamble, articles, closing) and create a
// draft with it; the parties come from the province and the partner picked on the form, as the wizard's do.
import {
  AGREEMENT_KINDS,
  AREAS,
  DEFAULT_VARIABLES,
  invalid,
  modelDraft,
  type Actor,
  type AgreementContentInput,
  type AgreementKind,
  type Bilingual,
  type FieldIssue,
} from '../domain';
import { readDraftFromWord, type DraftReport } from '../documents/word-in/draft-from-word';
import { openWordPackage } from '../documents/word-in/package';
import type { AgreementService } from './agreement-service';
import type { GazetteerService } from './gazetteer-service';
import type { AgreementRecord } from './ports';

export interface DraftFromWordDeps {
  agreements: AgreementService;
  gazetteer: GazetteerService;
}

export interface DraftFromWordInput {
  /** Province id of the Thai side (a secretary's own). */
  province: string;
  /** Id of the foreign side in the gazetteer. */
  partner: string;
  /** A kind of relations; absent or '': the one the title names ("พี่เมืองน้อง", "Sister City" …), else sister. */
  kind?: string;
  areas?: readonly string[];
  file: Buffer;
}

export interface DraftFromWordResult {
  record: AgreementRecord;
  report: DraftReport;
}

const INVALID = { th: 'ข้อมูลที่เลือกยังไม่ครบหรือไม่ถูกต้อง', en: 'Some choices are missing or invalid' };

const KIND_WORDS: readonly [AgreementKind, RegExp][] = [
  ['sister', /พี่เมืองน้อง|sister/iu],
  ['friendship', /ฉันมิตร|friendship/iu],
  ['partnership', /หุ้นส่วน|partnership/iu],
];

/** The kind of relations the title names, if it names one. */
export function kindOfTitle(title: Bilingual): AgreementKind | undefined {
  return KIND_WORDS.find(([, words]) => words.test(`${title.th} ${title.en}`))?.[0];
}

const kindNamed = (k: string): AgreementKind | undefined => AGREEMENT_KINDS.find((x) => x === k);

function choiceIssues(input: DraftFromWordInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.province === '')
    issues.push({ path: 'province', message: { th: 'กรุณาเลือกจังหวัด', en: 'Choose the province' } });
  if (input.partner === '')
    issues.push({
      path: 'partner',
      message: { th: 'กรุณาเลือกเมืองคู่ความร่วมมือ', en: 'Choose the partner' },
    });
  if (input.kind && kindNamed(input.kind) === undefined)
    issues.push({
      path: 'kind',
      message: { th: 'กรุณาเลือกประเภทความสัมพันธ์', en: 'Choose the kind of relations' },
    });
  const unknown = (input.areas ?? []).filter((a) => !AREAS.some((x) => x.id === a));
  if (unknown.length > 0)
    issues.push({
      path: 'areas',
      message: { th: 'ไม่พบสาขาความร่วมมือที่เลือก', en: 'An area chosen is not known' },
    });
  return issues;
}

/**
 * Reads the file (a hostile or unreadable one is refused with a DomainError before anything is stored) and creates
 * the draft through the one createDraft path; the report says what was recognised and what was not.
 */
export async function newDraftFromWord(
  deps: DraftFromWordDeps,
  actor: Actor,
  input: DraftFromWordInput,
): Promise<DraftFromWordResult> {
  const issues = choiceIssues(input);
  if (issues.length > 0) throw invalid(INVALID, issues);
  const { content: text, report } = await readDraftFromWord(await openWordPackage(input.file));
  const kind = (input.kind ? kindNamed(input.kind) : undefined) ?? kindOfTitle(text.title) ?? 'sister';
  // The model form knows how the gazetteer names both sides and their signatories; only its parties are taken.
  const { parties } = modelDraft(
    { ...DEFAULT_VARIABLES, kind, province: input.province, partner: input.partner },
    await deps.gazetteer.current(),
  );
  const content: AgreementContentInput = {
    kind,
    parties,
    areas: [...(input.areas ?? [])],
    title: text.title,
    preamble: text.preamble,
    articles: text.articles,
    ...(text.closing ? { closing: text.closing } : {}),
  };
  const record = await deps.agreements.createDraft(actor, { province: input.province, content });
  return { record, report };
}
