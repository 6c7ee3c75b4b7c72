// Rules per workflow step, over the Agreement aggregate: each returns the issues that block the step.
import type { AgreementFlags, Agreement } from '../aggregate';
import { commentsOfRound } from '../aggregate';
import { anchorLabel } from '../comment';
import { isBlank, type Bilingual } from '../bilingual';
import type { FieldIssue } from '../errors';
import { buddhistYear, isApproving, parseMeeting, Resolution } from '../resolution';
import { Signing, type SigningSignatory } from '../signing';
import { latestVersion, sameContent } from '../version';
import { fromZod, issue } from './issues';

/** A resolution needs a Thai-style meeting number whose year matches the meeting date, and its text in Thai. */
export function resolutionIssues(input: unknown): FieldIssue[] {
  const parsed = Resolution.safeParse(input);
  if (!parsed.success) return fromZod('resolution', parsed.error);
  const r = parsed.data;
  const issues: FieldIssue[] = [];
  const meeting = parseMeeting(r.meeting);
  const by = buddhistYear(r.date);
  // Provinces number meetings by calendar or by fiscal year (October–September), so allow both.
  if (meeting && meeting.yearBE !== by && meeting.yearBE !== by + 1) {
    issues.push(
      issue(
        'resolution.meeting',
        `ปีของการประชุมครั้งที่ ${r.meeting} ไม่ตรงกับวันที่ประชุม (พ.ศ. ${by})`,
        `Meeting ${r.meeting} does not match the meeting date (Buddhist-era year ${by})`,
      ),
    );
  }
  if (isBlank(r.text, 'th')) {
    issues.push(
      issue('resolution.text.th', 'กรุณาบันทึกมติที่ประชุมเป็นภาษาไทย', 'Record the resolution text in Thai'),
    );
  }
  return issues;
}

/** The draft may go to MOI only after the committee approved it (with or without amendments). */
export function moiSubmissionIssues(a: Pick<Agreement, 'resolutions'>): FieldIssue[] {
  const last = a.resolutions.at(-1);
  if (last && isApproving(last.outcome)) return [];
  return [
    issue(
      'resolutions',
      'ต้องมีมติคณะกรรมการเห็นชอบร่างก่อนเสนอกระทรวงมหาดไทย',
      'The committee must approve the draft before it goes to the Ministry of Interior',
    ),
  ];
}

/** A reviewer cannot return a draft with zero comments. */
export function returnWithCommentsIssues(a: Pick<Agreement, 'comments'>, round: number): FieldIssue[] {
  if (commentsOfRound(a, round).some((c) => c.status === 'open')) return [];
  return [
    issue(
      'comments',
      'ต้องมีข้อสังเกตอย่างน้อยหนึ่งข้อจึงจะส่งคืนจังหวัดได้',
      'Add at least one comment before returning the draft',
    ),
  ];
}

/**
 * No objection closes the round, so none of its comments may still be open: a reviewer who no longer stands by
 * one withdraws it first (recorded), or returns the draft with comments. (Closing them silently would leave the
 * province a comment it never answered, and the record would not say who dropped it.)
 */
export function noObjectionIssues(a: Pick<Agreement, 'comments'>, round: number): FieldIssue[] {
  return commentsOfRound(a, round)
    .filter((c) => c.status === 'open')
    .map((c) =>
      issue(
        `comments.${c.id}`,
        `ข้อสังเกต ${c.id} (${anchorLabel(c.anchor).th}) ยังเปิดอยู่: ถอนข้อสังเกตก่อน หรือส่งคืนจังหวัดพร้อมข้อสังเกต`,
        `Comment ${c.id} (${anchorLabel(c.anchor).en}) is still open: withdraw it first, or return the draft with comments`,
      ),
    );
}

/** Every comment of the round needs a status other than open and a response, before resubmission. */
export function resubmitIssues(a: Pick<Agreement, 'comments'>, round: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const c of commentsOfRound(a, round)) {
    if (c.status === 'withdrawn') continue;
    const answered =
      c.status !== 'open' &&
      c.response !== undefined &&
      Boolean(c.response.th?.trim() || c.response.en?.trim());
    if (!answered) {
      issues.push(
        issue(`comments.${c.id}`, `ยังไม่ได้ตอบข้อสังเกต ${c.id}`, `Comment ${c.id} has not been answered yet`),
      );
    }
  }
  return issues;
}

/** The partner can agree only the text MFA cleared: unsent edits must go back to MFA first. */
export function finalTextIssues(a: Pick<Agreement, 'workingDraft' | 'versions'>): FieldIssue[] {
  const v = latestVersion(a.versions);
  if (v && sameContent(v.content, a.workingDraft)) return [];
  return [
    issue(
      'workingDraft',
      'ร่างที่แก้ไขต่างจากฉบับที่กระทรวงการต่างประเทศพิจารณาแล้ว ต้องส่งให้กระทรวงการต่างประเทศพิจารณาอีกครั้ง',
      'The text differs from the version MFA cleared; send the changes to MFA first',
    ),
  ];
}

/** Sending a partner's change to MFA needs an actual change. */
export function partnerChangeIssues(a: Pick<Agreement, 'workingDraft' | 'versions'>): FieldIssue[] {
  const v = latestVersion(a.versions);
  if (!v || !sameContent(v.content, a.workingDraft)) return [];
  return [
    issue(
      'workingDraft',
      'ยังไม่มีการแก้ไขตามที่ฝ่ายต่างประเทศเสนอ',
      'Enter the partner’s changes in the draft first',
    ),
  ];
}

function signatoryIssues(path: string, s: SigningSignatory): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const need = (p: string, label: Bilingual, t: Bilingual | undefined) => {
    for (const lang of ['th', 'en'] as const) {
      if (isBlank(t, lang))
        issues.push(
          issue(`${path}.${p}.${lang}`, `${label.th}ยังว่างอยู่ (${lang})`, `${label.en} is empty (${lang})`),
        );
    }
  };
  need('name', { th: 'ชื่อผู้ลงนาม', en: 'The signatory’s name' }, s.name);
  need('title', { th: 'ตำแหน่งผู้ลงนาม', en: 'The signatory’s title' }, s.title);
  if (s.capacity === 'on-behalf')
    need('onBehalfOf', { th: 'ผู้ที่ลงนามแทน', en: 'On whose behalf' }, s.onBehalfOf);
  return issues;
}

/** A signing needs its date, place and both signatories; full powers when the agreement needs them. */
export function signingIssues(input: unknown, flags: AgreementFlags): FieldIssue[] {
  const parsed = Signing.safeParse(input);
  if (!parsed.success) return fromZod('signing', parsed.error);
  const s = parsed.data;
  const issues: FieldIssue[] = [];
  for (const lang of ['th', 'en'] as const) {
    if (isBlank(s.place, lang))
      issues.push(issue(`signing.place.${lang}`, 'กรุณาระบุสถานที่ลงนาม', 'Enter the place of signing'));
  }
  issues.push(...signatoryIssues('signing.signatories.thai', s.signatories.thai));
  issues.push(...signatoryIssues('signing.signatories.partner', s.signatories.partner));
  if (flags.needsFullPowers && !s.fullPowers) {
    issues.push(
      issue(
        'signing.fullPowers',
        'ความตกลงนี้ต้องมีหนังสือมอบอำนาจเต็มก่อนลงนาม',
        'This agreement needs full powers from MFA before signing',
      ),
    );
  }
  return issues;
}
