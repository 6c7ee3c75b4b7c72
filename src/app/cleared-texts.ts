// "Cleared before": what MFA's no objection records, and which articles of a text MFA cleared in another agreement.
import { articleTextHash, roundVersion, type AgreementContent } from '../domain';
import type { AgreementRecord, AgreementRepository } from './ports';

/** MFA's no objection clears the version it reviewed: its articles' text hashes go on record with the step. */
export function clearedTexts(record: AgreementRecord): string[] {
  const version = roundVersion(record, record.round);
  return [...new Set((version?.content ?? record.workingDraft).articles.map(articleTextHash))];
}

/** Keys of the articles of `content` whose text MFA cleared, word for word, in an agreement other than `record`. */
export async function clearedElsewhere(
  repository: AgreementRepository,
  record: AgreementRecord,
  content: AgreementContent,
): Promise<Set<string>> {
  const byHash = new Map(content.articles.map((a) => [articleTextHash(a), a.key]));
  const found = await repository.clearedAmong([...byHash.keys()], record.id);
  return new Set([...found].map((h) => byHash.get(h)).filter((k): k is string => k !== undefined));
}
