// The answering engine over an opened index: answers questions, lists targets and checks the
// figures a message states. Opening the index (load or build) is src/indexing/open.ts's job.
import type { SeedsReport } from '../corpus/load.ts';
import type { Answer, Target } from '../model.ts';
import { openIndex, type IndexOrigin, type OpenedIndex, type OpenIndexOptions } from '../indexing/open.ts';
import { summarizeIndex, type SearchIndex } from '../search/build.ts';
import { normalizeRegion } from '../targets/regions.ts';
import { composeAnswer, composePlaceAnswer } from './answer.ts';
import { createClaimChecker } from './claims.ts';
import { createComparer } from './compare.ts';
import { readComparison } from './comparison.ts';
import { createQuestionReader, questionPart } from './question.ts';
import { foldForMatching } from '../text/fold.ts';
import { answersQuestion, createRanker } from './rank.ts';
import { createRetriever } from './retrieve.ts';
import type { Coverage, Engine, TargetFilter } from './types.ts';

export interface OpenedEngine extends Engine {
  /** How the index came to be: loaded from disk, or built (and why). */
  readonly origin: IndexOrigin;
  readonly index: SearchIndex;
  /** What was read and skipped, when the seeds were read to build the index (null when loaded). */
  readonly report: SeedsReport | null;
}

export type EngineOptions = OpenIndexOptions;

/** Opens the index of a seeds folder (see openIndex) and an engine over it. */
export async function openEngine(options: EngineOptions): Promise<OpenedEngine> {
  return createEngine(await openIndex(options));
}

const LISTED_CANDIDATES = 1_000;
// Up to this many targets are segmented for ranking when the engine opens (about 50 µs each).
const PREPARED_TARGETS = 2_000;

function coverageOf(index: SearchIndex): Coverage {
  const count = <K>(keys: Iterable<K>): Map<K, number> => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const places = count(index.targets.flatMap((t) => (t.region !== null ? [t.region] : [])));
  const years = count(index.targets.flatMap((t) => (t.year !== null ? [t.year] : [])));
  const perDocument = count(index.targets.map((t) => t.citation.doc));
  const placeOfDocument = new Map<string, string | null>();
  for (const t of index.targets) if (!placeOfDocument.has(t.citation.doc)) placeOfDocument.set(t.citation.doc, t.region);
  return {
    places: [...places].sort((a, b) => b[1] - a[1]).map(([place, targets]) => ({ place, targets })),
    years: [...years].sort((a, b) => b[0] - a[0]).map(([year, targets]) => ({ year, targets })),
    documents: index.documents.map((d) => ({
      file: d.file,
      title: d.source?.title ?? d.title,
      year: d.year,
      place: placeOfDocument.get(d.file) ?? null,
      url: d.source?.url ?? null,
      targets: perDocument.get(d.file) ?? 0,
    })),
  };
}

export function createEngine(opened: OpenedIndex): OpenedEngine {
  const { index, origin } = opened;
  const latestYear = index.documents.reduce<number | null>(
    (latest, d) => (d.year !== null && (latest === null || d.year > latest) ? d.year : latest),
    null,
  );
  const readQuestion = createQuestionReader({ segmenter: index.segmenter, latestYear, rewrites: opened.rewrites });
  const ranker = createRanker(index.segmenter);
  if (index.targets.length <= PREPARED_TARGETS) ranker.prepare(index.targets);
  const retriever = createRetriever(index);
  const claims = createClaimChecker(readQuestion, retriever, ranker);
  const compare = createComparer({
    readQuestion,
    answering: (question, accept) =>
      ranker
        .rank(question, retriever.candidates(question))
        .filter(answersQuestion)
        .map((s) => s.target)
        .filter(accept),
    documents: index.documents,
    targets: index.targets,
  });

  function targets(filter: TargetFilter): Target[] {
    let list: readonly Target[] = index.targets;
    const words = filter.words?.trim() ?? '';
    let region = filter.region === undefined ? null : (normalizeRegion(filter.region) ?? filter.region);
    let year = filter.year ?? null;
    if (words.length > 0) {
      const question = readQuestion(words);
      region ??= question.region;
      year ??= question.year;
      if (question.words.length > 0) {
        // The index finds the targets that share a word; ranking all of a large corpus would not scale.
        const asked = { ...question, region, year };
        list = ranker
          .rank(asked, retriever.candidates(asked, LISTED_CANDIDATES))
          .filter((s) => s.metricHit || s.recall >= 0.5)
          .map((s) => s.target);
      }
    }
    return list.filter((t) => (region === null || t.region === region) && (year === null || t.year === year));
  }

  function ask(text: string): Answer {
    // Places side by side, years side by side, a target against its result: one answer per row.
    const across = readComparison(foldForMatching(questionPart(text)));
    if (across !== null) return compare(across, text);
    const question = readQuestion(text);
    // A place alone asks for the place's figures: list them, as /target does.
    if (question.words.length === 0 && question.region !== null) {
      return composePlaceAnswer(question, targets({ region: question.region, ...(question.year !== null ? { year: question.year } : {}) }));
    }
    const ranked = ranker.rank(question, retriever.candidates(question));
    const passages = ranked.some(answersQuestion) ? [] : retriever.passages(question);
    return composeAnswer(question, ranked, passages);
  }

  return {
    origin,
    index,
    report: opened.report,
    ask,
    targets,
    checkClaims: (text) => claims.check(text),
    summary: () => summarizeIndex(index),
    coverage: () => coverageOf(index),
  };
}
