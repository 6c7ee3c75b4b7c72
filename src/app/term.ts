// The term of a signed agreement as the steps record it: at signing (confirmed or proposed), renewed, expired.
import {
  bangkokDay,
  DEFAULT_TERM,
  issue,
  latestVersion,
  proposeTerm,
  renew,
  termFrom,
  termStanding,
  type Agreement,
  type FieldIssue,
  type Renewal,
  type Signing,
  type TermRecord,
} from '../domain';
import { parseIsoDate, thaiDate } from '../domain/thai-format';

/** The term proposed from the signed text's duration clause (the latest version, else the working draft). */
export function proposedTerm(a: Pick<Agreement, 'versions' | 'workingDraft'>) {
  return proposeTerm(latestVersion(a.versions)?.content ?? a.workingDraft);
}

/** The term recorded at signing: the one the secretary confirmed, else the one the text proposes. */
export function signedTerm(a: Agreement, signing: Signing): TermRecord {
  if (signing.term) return termFrom(signing.date, signing.term, 'confirmed');
  const { term, found } = proposedTerm(a);
  return termFrom(signing.date, term, found ? 'proposed' : 'default');
}

/** The agreement's term: as recorded, or (signed before terms were recorded) proposed from its text now. */
export function currentTerm(a: Agreement): TermRecord | undefined {
  if (a.term) return a.term;
  if (!a.signing) return undefined;
  const { term, found } = proposedTerm(a);
  return termFrom(a.signing.date, term, found ? 'proposed' : 'default');
}

/** A renewal extends the term; without the event's own, for the term's years from the day the step is taken. */
export function renewedTerm(
  a: Agreement,
  given: Renewal | undefined,
  at: string,
): { term: TermRecord; renewal: Renewal } {
  const term = currentTerm(a) ?? termFrom(bangkokDay(new Date(at)), DEFAULT_TERM, 'default');
  const renewal = given ?? { date: bangkokDay(new Date(at)), years: term.years };
  return { term: renew(term, renewal), renewal };
}

const dates = (iso: string) => {
  const d = parseIsoDate(iso);
  return { th: d ? thaiDate(d) : iso, en: iso };
};

/** Expiry is recorded only once the term has run out: from the day after its expiry date (Bangkok's day). */
export function expiryIssues(a: Agreement, at: string | undefined): FieldIssue[] {
  const term = currentTerm(a);
  if (!term || at === undefined) return [];
  if (termStanding(term.expiresOn, bangkokDay(new Date(at))) === 'expired') return [];
  const d = dates(term.expiresOn);
  return [
    issue(
      'event',
      `ความตกลงยังมีผลถึงวันที่ ${d.th} บันทึกการสิ้นสุดได้ตั้งแต่วันถัดไป`,
      `The agreement is in force until ${d.en}; its expiry can be recorded from the day after`,
    ),
  ];
}

/**
 * The term's steps are offered when due (the machine accepts them in force; its deadlines are data): the renewal from
 * the last six months of the term, the expiry once the term has run out. Other steps pass as they are.
 */
export function offeredWhenDue<E extends string>(events: readonly E[], a: Agreement, now: Date): E[] {
  const term = currentTerm(a);
  if (!term) return [...events];
  const standing = termStanding(term.expiresOn, bangkokDay(now));
  return events.filter((e) =>
    e === 'PROPOSE_RENEWAL' ? standing !== 'running' : e === 'RECORD_EXPIRY' ? standing === 'expired' : true,
  );
}
