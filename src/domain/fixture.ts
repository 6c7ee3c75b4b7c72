// Reads the sample-agreement format of fixtures/*.json (draft 1, review comments, draft 2) into domain types.
import { z } from 'zod';
import { AgreementContentInput, AgreementKind, type AgreementContent, type Party } from './agreement';
import { derivedArticleKey } from './article-key';
import { Bilingual } from './bilingual';
import { anchorFromArticleRef, type CommentAnchor } from './comment';
import { keyChain, keyOfArticle } from './ensure-article-keys';

const FixtureParty = z.object({
  name: Bilingual,
  country: Bilingual,
  signatory: Bilingual,
  language: Bilingual.optional(),
});

const FixtureDraft = z.object({
  title: Bilingual,
  preamble: Bilingual,
  articles: z.array(z.object({ no: z.number().int(), heading: Bilingual, text: Bilingual })),
  closing: Bilingual.optional(),
});

export const FixtureFile = z.object({
  kind: AgreementKind,
  parties: z.object({ thai: FixtureParty, partner: FixtureParty }),
  committee: z.object({ meeting: z.string(), date: z.string(), resolution: Bilingual }),
  areas: z.array(z.string()),
  draft1: FixtureDraft,
  comments: z.array(z.object({ article: z.number().int().nullable(), by: z.string(), text: Bilingual })),
  draft2: FixtureDraft,
});
export type FixtureFile = z.infer<typeof FixtureFile>;

export interface FixtureStory {
  draft1: AgreementContent;
  draft2: AgreementContent;
  committee: FixtureFile['committee'];
  comments: { anchor: CommentAnchor; text: Bilingual; by: string }[];
}

function party(p: z.infer<typeof FixtureParty>): Party {
  return {
    name: p.name,
    country: p.country,
    signatory: { title: p.signatory },
    ...(p.language ? { language: p.language } : {}),
  };
}

/** Fixtures carry no article keys: draft 1's are derived from the article numbers, draft 2 inherits them. */
const FIXTURE_SEED = 'fixture';

function keyedAnchor(ref: number | null, draft1: AgreementContent): CommentAnchor {
  const a = anchorFromArticleRef(ref);
  if (a.kind !== 'article') return a;
  return { ...a, key: keyOfArticle(draft1, a.no) ?? derivedArticleKey(FIXTURE_SEED, 'missing', a.no) };
}

export function storyFromFixture(json: unknown): FixtureStory {
  const f = FixtureFile.parse(json);
  const base = {
    kind: f.kind,
    parties: { thai: party(f.parties.thai), partner: party(f.parties.partner) },
    areas: f.areas,
  };
  const content = (d: z.infer<typeof FixtureDraft>) => AgreementContentInput.parse({ ...base, ...d });
  const [draft1, draft2] = keyChain(FIXTURE_SEED, [content(f.draft1), content(f.draft2)]);
  if (!draft1 || !draft2) throw new Error('a fixture story has two drafts');
  return {
    draft1,
    draft2,
    committee: f.committee,
    comments: f.comments.map((c) => ({ anchor: keyedAnchor(c.article, draft1), text: c.text, by: c.by })),
  };
}
