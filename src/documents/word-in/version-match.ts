// Which version a file without our anchors is a copy of, by its wording: each version's article texts (headings and
// paragraphs, both languages) looked up among the file's paragraphs as they read before the tracked changes.
import type { AgreementContent } from '../../domain/agreement';
import type { BodyPara } from './body';
import { ARTICLE_PREFIX, norm } from './wording';

export interface VersionScore {
  readonly versionNo: number;
  /** Of the file's paragraphs that are the article text of some version, how many are this version's (0–1). */
  readonly share: number;
  /** Of this version's article texts, how many the file holds (0–1). */
  readonly coverage: number;
}

export interface VersionMatch {
  /** The best: the highest share × coverage (on a tie, the later version). */
  readonly best: VersionScore;
  readonly runnerUp?: VersionScore;
}

/** Shorter pieces ("Article 3", a number) would match any version. */
const MIN_LENGTH = 8;

/** A version's article texts: each heading and each paragraph of each text, in both languages. */
function articleTexts(content: AgreementContent): Set<string> {
  const out = new Set<string>();
  for (const a of content.articles)
    for (const lang of ['th', 'en'] as const)
      for (const piece of [a.heading[lang], ...a.text[lang].split('\n')]) {
        const t = norm(piece);
        if (t.length >= MIN_LENGTH) out.add(t);
      }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Scores every version against the file's paragraphs, best first; undefined when no version is given. */
export function matchVersion(
  paras: readonly BodyPara[],
  versions: readonly { readonly no: number; readonly content: AgreementContent }[],
): VersionMatch | undefined {
  const fileTexts = new Set(paras.map((p) => norm(p.original).replace(ARTICLE_PREFIX, '')));
  const texts = versions.map((v) => ({ no: v.no, texts: articleTexts(v.content) }));
  // The file's article paragraphs: those that are an article text of any version.
  const articleParas = new Set<string>();
  for (const v of texts) for (const t of v.texts) if (fileTexts.has(t)) articleParas.add(t);
  const scores = texts.map(({ no, texts: own }) => {
    const found = [...own].filter((t) => fileTexts.has(t)).length;
    return {
      versionNo: no,
      share: articleParas.size === 0 ? 0 : round(found / articleParas.size),
      coverage: own.size === 0 ? 0 : round(found / own.size),
    };
  });
  scores.sort((a, b) => b.share * b.coverage - a.share * a.coverage || b.versionNo - a.versionNo);
  const [best, runnerUp] = scores;
  return best ? { best, ...(runnerUp ? { runnerUp } : {}) } : undefined;
}
