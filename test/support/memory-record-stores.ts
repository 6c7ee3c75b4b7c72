// In-memory twins of the issued-file and history-anchor stores, with the same rules, for unit tests.
import type { HistoryHead, HistoryHeadStore, IssuedFile, IssuedFileStore } from '../../src/app/ports';

const fileId = (agreementId: string, seq: number, sha256: string) => `${agreementId}:${seq}:${sha256}`;
const headId = (agreementId: string, seq: number) => `${agreementId}:${seq}`;

export function createMemoryIssuedFileStore(): IssuedFileStore & { files: Map<string, IssuedFile> } {
  const files = new Map<string, IssuedFile>();
  return {
    files,
    async put(f) {
      const id = fileId(f.agreementId, f.seq, f.sha256);
      if (!files.has(id)) files.set(id, { ...f, bytes: Buffer.from(f.bytes) });
    },
    async get(agreementId, seq, sha256) {
      const f = files.get(fileId(agreementId, seq, sha256));
      return f && { ...f, bytes: Buffer.from(f.bytes) };
    },
  };
}

export function createMemoryHistoryHeadStore(): HistoryHeadStore & { heads: Map<string, HistoryHead> } {
  const heads = new Map<string, HistoryHead & { agreementId: string }>();
  return {
    heads,
    async anchor(agreementId, list) {
      for (const h of list) {
        const id = headId(agreementId, h.seq);
        if (!heads.has(id)) heads.set(id, { agreementId, seq: h.seq, hash: h.hash });
      }
    },
    async get(agreementId, seq) {
      const h = heads.get(headId(agreementId, seq));
      return h && { seq: h.seq, hash: h.hash };
    },
    async newest() {
      const out = new Map<string, HistoryHead>();
      for (const h of heads.values())
        if ((out.get(h.agreementId)?.seq ?? -1) < h.seq) out.set(h.agreementId, { seq: h.seq, hash: h.hash });
      return out;
    },
  };
}
