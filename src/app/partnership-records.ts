// What the partnership service reads off its records: the files an agreement's history lists, an activity's hash and
// period, and the hashes the record check compares (src/app/verification.ts).
import { sha256Hex, stableStringify, type ActionPlanItem, type Activity } from '../domain';
import { englishDate, parseIsoDate, thaiDate } from '../domain/thai-format';
import type { ActivityStore, AttachmentInfo, AttachmentStore } from './partnership-ports';
import type { AgreementRecord } from './ports';
import type { BesideRecords } from './verification';

/** The SHA-256 an activity's history entry records: of its canonical JSON, as stored. */
export const activitySha256 = (a: Activity): string =>
  sha256Hex(stableStringify(JSON.parse(JSON.stringify(a))));

export function attachmentsOf(record: AgreementRecord): AttachmentInfo[] {
  // Each file is entered once, by the upload that stored it; its type was judged from its bytes then.
  return record.history.flatMap((h): AttachmentInfo[] => {
    const d = h.detail;
    if (d?.code !== 'attachment') return [];
    return [
      {
        id: d.id,
        agreementId: record.id,
        name: d.name,
        kind: d.kind,
        contentType: d.contentType as AttachmentInfo['contentType'],
        size: d.size,
        sha256: d.sha256,
        ...(d.activityId ? { activityId: d.activityId } : {}),
        ...(d.versionNo !== undefined ? { versionNo: d.versionNo } : {}),
        uploadedAt: h.at,
        uploadedBy: { userId: h.actor.userId, name: h.actor.name },
      },
    ];
  });
}

export const cleanName = (name: string) =>
  // A name is shown and sent back in Content-Disposition: no path, no control characters, bounded.
  (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f"]/g, '').slice(0, 200);

export function period(a: Activity): ActionPlanItem['timeline'] {
  const s = parseIsoDate(a.start);
  const e = parseIsoDate(a.end);
  if (!s || !e) return { th: `${a.start} – ${a.end}`, en: `${a.start} – ${a.end}` };
  if (a.start === a.end) return { th: thaiDate(s), en: englishDate(s) };
  return { th: `${thaiDate(s)} – ${thaiDate(e)}`, en: `${englishDate(s)} – ${englishDate(e)}` };
}

/** What the record check reads of the records beside an agreement: each one's SHA-256 as stored now. */
export function besideRecords(activities: ActivityStore, attachments: AttachmentStore): BesideRecords {
  return {
    async attachmentSha256(id: string) {
      const bytes = await attachments.bytes(id);
      return bytes ? sha256Hex(bytes) : undefined;
    },
    async activitySha256(id: string) {
      const a = await activities.get(id);
      return a ? activitySha256(a) : undefined;
    },
  };
}
