// What the bot knows about its library, worked out when it starts and again after each update of a
// live index: what the library covers, each document's source link, and examples of questions and
// /target words that the library does answer, checked against the engine itself.
import type { Target } from '../model.ts';
import type { Coverage, Engine } from '../qa/types.ts';

export interface LibraryFacts {
  coverage: Coverage;
  /** The source URL of a document (by its file, as citations name it), when it has an http(s) one. */
  linkOf(doc: string): string | null;
  /** Questions the engine answers with a figure, one per place for the places with most figures. */
  exampleQuestions: string[];
  /** Words for /target that list something: a place with a thing, a place with a year. */
  exampleTargetWords: string[];
  /** The years each place's figures are for. */
  yearsOf(place: string): number[];
}

const EXAMPLE_PLACES = 3;
// A long metric makes a long example; people ask about short things.
const EXAMPLE_METRIC_LENGTH = 12;

/** Only links a reader can open: http and https. */
export function openableUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function exampleQuestion(engine: Engine, target: Target): string | null {
  if (target.region === null || target.figure === null || target.metric.length > EXAMPLE_METRIC_LENGTH) return null;
  const question = `${target.region}${target.metric}${target.kind === 'target' ? '目标' : ''}是多少？`;
  try {
    const answer = engine.ask(question);
    return answer.status === 'answered' && answer.targets[0]?.id === target.id ? question : null;
  } catch {
    // An engine that cannot answer it offers no example; answering questions will say why.
    return null;
  }
}

/**
 * Has the engine build what it builds on first use (the places' Latin names on the first text with
 * Latin letters, about 0.1 s), so that the first requests after a start do not wait for it.
 */
export function warmUp(engine: Engine): void {
  try {
    engine.ask('GDP');
    engine.checkClaims('GDP增长5%');
  } catch {
    // An engine that cannot answer says so on the first question; starting is not the place.
  }
}

export function libraryFacts(engine: Engine): LibraryFacts {
  const coverage = engine.coverage();
  const links = new Map<string, string>();
  for (const document of coverage.documents) {
    const url = openableUrl(document.url);
    if (url !== null) links.set(document.file, url);
  }
  const byPlace = new Map<string, Target[]>();
  const placeTargets = (place: string): Target[] => {
    let list = byPlace.get(place);
    if (list === undefined) byPlace.set(place, (list = engine.targets({ region: place })));
    return list;
  };
  const exampleQuestions: string[] = [];
  const exampleTargetWords: string[] = [];
  for (const [rank, { place }] of coverage.places.slice(0, EXAMPLE_PLACES).entries()) {
    const targets = placeTargets(place);
    for (const target of targets) {
      const question = exampleQuestion(engine, target);
      if (question === null) continue;
      exampleQuestions.push(question);
      break;
    }
    const withSubject = targets.find((t) => t.subject !== '' && t.subject.length <= 6 && engine.targets({ words: `${place} ${t.subject}` }).length > 0);
    if (withSubject) exampleTargetWords.push(`${place} ${withSubject.subject}`);
    // One example of a year, with the place that has most figures.
    const year = rank === 0 ? targets.find((t) => t.year !== null)?.year : undefined;
    if (year != null) exampleTargetWords.push(`${place} ${year}`);
  }
  return {
    coverage,
    linkOf: (doc) => links.get(doc) ?? null,
    exampleQuestions,
    exampleTargetWords: [...new Set(exampleTargetWords)].slice(0, EXAMPLE_PLACES),
    yearsOf: (place) => [...new Set(placeTargets(place).flatMap((t) => (t.year !== null ? [t.year] : [])))].sort((a, b) => b - a),
  };
}

/**
 * The library's facts as they stand: worked out now, and again on first use after each update
 * that `onUpdate` reports (a document added, changed or removed in the seeds folder).
 */
export function followLibrary(engine: Engine, onUpdate?: (listener: () => void) => void): () => LibraryFacts {
  let facts: LibraryFacts | null = libraryFacts(engine);
  onUpdate?.(() => {
    facts = null;
  });
  return () => (facts ??= libraryFacts(engine));
}
