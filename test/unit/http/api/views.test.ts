// What leaves the API is built from the response schemas: a field the storage adds to a record never appears.
import { createAgreementService } from '../../../../src/app/agreement-service';
import type { AgreementRecord } from '../../../../src/app/ports';
import { summaryOf } from '../../../../src/storage/agreement-summary';
import { createMemoryAgreementRepository } from '../../../support/agreement-memory-repository';
import { AgreementSummaryView, AgreementView } from '../../../../src/http/api/schemas';
import { agreementView, summaryView } from '../../../../src/http/api/views';
import { secretary, sequentialIds, steppingClock, story } from '../../../integration/agreement-helpers';
import { memoryRecords } from '../../../support/records';

const service = createAgreementService({
  repository: createMemoryAgreementRepository(),
  clock: steppingClock(),
  newId: sequentialIds(),
  records: memoryRecords(),
});

/** A record as a later storage layer might hand it over: with fields of its own beside the domain's. */
async function recordWithStorageFields(): Promise<AgreementRecord> {
  const record = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  return Object.assign(record, { storageOnly: 'internal', _id: 'mongo-id', lockedBy: { pid: 1 } });
}

describe('the agreement the API sends', () => {
  it('holds exactly the fields AgreementView declares: no snapshot, machine version or other stored field', async () => {
    const record = await recordWithStorageFields();
    const view = agreementView(service, secretary, record);
    for (const stored of ['snapshot', 'machineVersion', 'storageOnly', '_id', 'lockedBy']) {
      expect(record).toHaveProperty(stored);
      expect(view).not.toHaveProperty(stored);
    }
    expect(Object.keys(view).sort()).toEqual(
      Object.keys(AgreementView.shape)
        // Only once signed: the signing and its term.
        .filter((k) => k !== 'signing' && k !== 'term')
        .sort(),
    );
    // Strict: it would throw on any field the schema does not declare.
    expect(AgreementView.parse(view)).toEqual(view);
    expect(view.availableEvents).toEqual(['SUBMIT_TO_COMMITTEE', 'WITHDRAW']);
  });

  it('a list row holds exactly the fields AgreementSummaryView declares', async () => {
    const record = await recordWithStorageFields();
    const row = Object.assign(summaryOf(record), { snapshot: record.snapshot, storageOnly: 'x' });
    const view = summaryView(row);
    // expiresOn only on a signed agreement's row.
    expect(Object.keys(view).sort()).toEqual(
      Object.keys(AgreementSummaryView.shape)
        .filter((k) => k !== 'expiresOn')
        .sort(),
    );
    expect(AgreementSummaryView.parse(view)).toEqual(view);
  });
});
