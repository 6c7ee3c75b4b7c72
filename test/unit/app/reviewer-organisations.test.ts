// One table of reviewer organisations: a comment added in the app and a comment of a fixture story name MFA alike.
import { createAgreementService } from '../../../src/app/agreement-service';
import { REVIEWER_ORGANISATIONS } from '../../../src/domain';
import { storyComments } from '../../../src/documents/story';
import { createMemoryAgreementRepository } from '../../support/agreement-memory-repository';
import {
  mfaReviewer,
  secretary,
  sequentialIds,
  steppingClock,
  story,
  TO_MFA,
  walk,
} from '../../integration/agreement-helpers';
import { memoryRecords } from '../../support/records';

it('names MFA’s department the same on a comment added in review and on a fixture story’s comment', async () => {
  const service = createAgreementService({
    repository: createMemoryAgreementRepository(),
    clock: steppingClock(),
    newId: sequentialIds(),
    records: memoryRecords(),
  });
  const a = await service.createDraft(secretary, { province: 'chiang-mai', content: story.draft1 });
  const r = await walk(service, a, TO_MFA);
  const c = await service.addComment(mfaReviewer, r.id, r.rev, {
    anchor: { kind: 'article', no: 1 },
    text: { th: 'ก', en: 'a' },
  });
  const added = c.comments[0]?.author.organisation;
  const fromStory = storyComments(story, '2022-05-20').find((x) => x.author.role === 'mfa')?.author
    .organisation;
  expect(added).toEqual({
    th: 'กรมสนธิสัญญาและกฎหมาย กระทรวงการต่างประเทศ',
    en: 'MFA – Department of Treaties and Legal Affairs',
  });
  expect(fromStory).toEqual(added);
  expect(REVIEWER_ORGANISATIONS.mfa).toEqual(added);
});
