// Which documents exist for which version of an agreement, and the render request each one needs (pure).
import {
  isApproving,
  notFound,
  type Bilingual,
  type Comment,
  type Resolution,
  type Version,
} from '../domain';
import type { DocType, Layout, RenderInput, RenderMeta } from '../documents';
import type { AgreementRecord } from './ports';

/** Documents listed per version, in this order; each may be rendered in any layout, these are the ones offered. */
export const OFFERED_LAYOUTS: { readonly [D in DocType]: readonly Layout[] } = {
  mou: ['parallel', 'sequential', 'separate'],
  review: ['parallel'],
  redline: ['parallel'],
  comparison: ['parallel'],
  memo: ['parallel'],
  plan: ['parallel'],
  signing: ['parallel', 'sequential', 'separate'],
  renewal: ['parallel'],
};

export type Availability = { ok: true; input: RenderInput } | { ok: false; why: Bilingual };

const day = (iso: string) => iso.slice(0, 10);

function commentsOn(record: AgreementRecord, versionNo: number): Comment[] {
  // A withdrawn comment stays on record, but was never sent: no document carries it.
  return record.comments.filter((c) => c.versionNo === versionNo && c.status !== 'withdrawn');
}

/** Versions MFA gave no objection to: the texts that may be signed. */
function clearedVersions(record: AgreementRecord): Set<number> {
  return new Set(
    record.history.flatMap((h) =>
      h.event === 'GIVE_NO_OBJECTION' && h.versionNo !== undefined ? [h.versionNo] : [],
    ),
  );
}

function signedVersion(record: AgreementRecord): number | undefined {
  return record.history.findLast((h) => h.event === 'RECORD_SIGNING')?.versionNo;
}

/** The committee resolution a cover memo for version N cites: the latest approving one on N or earlier. */
function memoResolution(record: AgreementRecord, versionNo: number): Resolution | undefined {
  return record.resolutions.findLast((r) => isApproving(r.outcome) && (r.versionNo ?? 0) <= versionNo);
}

export function findVersion(record: AgreementRecord, versionNo: number): Version {
  const v = record.versions.find((x) => x.no === versionNo);
  if (!v) {
    throw notFound({
      th: `ความตกลงฉบับนี้ไม่มีร่างฉบับที่ ${versionNo}`,
      en: `This agreement has no version ${versionNo}`,
    });
  }
  return v;
}

/** Is `doc` of version N a document that exists, and if so, what exactly is rendered. Never reads the clock. */
export function availability(
  record: AgreementRecord,
  versionNo: number,
  doc: DocType,
  layout: Layout,
): Availability {
  const version = findVersion(record, versionNo);
  if (layout === 'separate' && !OFFERED_LAYOUTS[doc].includes('separate')) {
    return {
      ok: false,
      why: {
        th: 'รูปแบบแยกฉบับภาษาไทยและภาษาอังกฤษใช้ได้เฉพาะตัวบันทึกความเข้าใจและฉบับสำหรับลงนาม',
        en: 'The separate layout (a Thai and an English original) is only for the MOU and the signing copy',
      },
    };
  }
  const base = { doc, layout, content: version.content, versionNo };
  const meta: RenderMeta = { province: record.province, agreement: record.id };
  const previous = record.versions.find((x) => x.no === versionNo - 1);
  switch (doc) {
    case 'mou':
      return { ok: true, input: { ...base, meta: { ...meta, final: signedVersion(record) === versionNo } } };
    case 'plan':
      return { ok: true, input: { ...base, meta } };
    case 'review': {
      const comments = commentsOn(record, versionNo);
      const last = comments
        .map((c) => c.createdAt)
        .sort()
        .at(-1);
      if (!last) {
        return {
          ok: false,
          why: {
            th: `ยังไม่มีข้อสังเกตต่อร่างฉบับที่ ${versionNo}`,
            en: `No comments were made on version ${versionNo}, so it has no review copy`,
          },
        };
      }
      return { ok: true, input: { ...base, comments, meta: { ...meta, date: day(last) } } };
    }
    case 'redline':
    case 'comparison': {
      if (!previous) {
        return {
          ok: false,
          why: {
            th: `ร่างฉบับที่ ${versionNo} ไม่มีฉบับก่อนหน้าให้เปรียบเทียบ`,
            en: `Version ${versionNo} has no earlier version to compare with`,
          },
        };
      }
      const comments = commentsOn(record, previous.no);
      if (doc === 'comparison' && comments.length === 0) {
        return {
          ok: false,
          why: {
            th: `ไม่มีข้อสังเกตต่อร่างฉบับที่ ${previous.no} จึงไม่มีตารางเปรียบเทียบ`,
            en: `Version ${previous.no} had no comments, so there is no comparison table`,
          },
        };
      }
      return {
        ok: true,
        input: {
          ...base,
          previous: previous.content,
          ...(doc === 'comparison' ? { comments } : {}),
          meta: { ...meta, date: day(version.createdAt) },
        },
      };
    }
    case 'memo': {
      const r = memoResolution(record, versionNo);
      if (!r) {
        return {
          ok: false,
          why: {
            th: 'ยังไม่มีมติคณะกรรมการที่เห็นชอบร่างนี้ จึงยังจัดทำบันทึกนำส่งไม่ได้',
            en: 'No committee resolution has approved this draft yet, so there is no cover memo',
          },
        };
      }
      return {
        ok: true,
        input: {
          ...base,
          meta: { ...meta, committee: { meeting: r.meeting, date: r.date, resolution: r.text } },
        },
      };
    }
    case 'signing': {
      if (!clearedVersions(record).has(versionNo)) {
        return {
          ok: false,
          why: {
            th: `ร่างฉบับที่ ${versionNo} ยังไม่ได้รับการยืนยันว่าไม่มีข้อขัดข้องจากกระทรวงการต่างประเทศ`,
            en: `MFA has not cleared version ${versionNo} (no objection), so it has no signing copy`,
          },
        };
      }
      const s = signedVersion(record) === versionNo ? record.signing : undefined;
      return {
        ok: true,
        input: {
          ...base,
          meta: {
            ...meta,
            final: true,
            ...(s ? { signing: { place: s.place, date: s.date, signatories: s.signatories } } : {}),
          },
        },
      };
    }
    case 'renewal': {
      // The signed version's record of its latest renewal (issued by RECORD_RENEWAL).
      const renewal = record.term?.renewals.at(-1);
      if (!renewal || !record.signing || signedVersion(record) !== versionNo) {
        return {
          ok: false,
          why: {
            th: `ร่างฉบับที่ ${versionNo} ไม่มีบันทึกการต่ออายุ`,
            en: `Version ${versionNo} has not been renewed, so it has no record of renewal`,
          },
        };
      }
      return {
        ok: true,
        input: {
          ...base,
          meta: {
            ...meta,
            final: true,
            renewal: { signedOn: record.signing.date, ...renewal },
            signing: { place: record.signing.place, date: record.signing.date },
          },
        },
      };
    }
  }
}
