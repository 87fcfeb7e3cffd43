// The answering engine over a seeds folder and its saved index: opens (or rebuilds) the index, then
// answers questions, lists targets and checks the figures a message states.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Answer, Document, Paragraph, Target } from '../model.ts';
import { loadSeeds } from '../corpus/load.ts';
import { buildSearchIndex, summarizeIndex, type SearchIndex } from '../search/build.ts';
import { searchParagraphs, searchTargets } from '../search/query.ts';
import { loadSearchIndex, saveSearchIndex } from '../search/store.ts';
import { extractTargets } from '../targets/extract.ts';
import { normalizeRegion } from '../targets/regions.ts';
import { collectUserTerms, loadDictionary, subWordsOf } from '../text/segment.ts';
import { findFigures } from '../text/figures.ts';
import { clauseAround, splitSentences } from '../text/sentences.ts';
import { composeAnswer, composePlaceAnswer } from './answer.ts';
import { parseQuestion, type Question } from './question.ts';
import { answersQuestion, prepareTargets, rankTargets } from './rank.ts';
import type { ClaimCheck, Engine, TargetFilter } from './types.ts';

export interface EngineOptions {
  seedsDir: string;
  indexDir: string;
  /** One line at a time, for people: notices such as a rebuilt index. */
  log?: (line: string) => void;
  /** Rebuild even when the saved index is current. */
  rebuild?: boolean;
}

export interface OpenedEngine extends Engine {
  /** How the index came to be: loaded from disk, or built (and why). */
  readonly origin: { loaded: true } | { loaded: false; reason: string; ms: number };
  readonly index: SearchIndex;
}

// The index holds what these stages made of the seeds: when their code changes, it is stale.
const PIPELINE_DIRS = ['../corpus', '../text', '../targets'].map((d) => fileURLToPath(new URL(d, import.meta.url)));

async function pipelineCodeHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of PIPELINE_DIRS) {
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort()) {
      hash.update(file).update(await readFile(join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function textsOf(documents: Document[]): string[] {
  return documents.flatMap((d) =>
    d.articles.flatMap((a) => [a.headline, ...a.paragraphs.map((p) => p.text)]),
  );
}

function seedHashesOf(documents: Document[]): Record<string, string> {
  return Object.fromEntries(documents.map((d) => [d.file, d.hash]));
}

/** Builds the targets and the search index of documents (the dictionary must be loaded). */
export function indexDocuments(documents: Document[], dictionaryHash: string): SearchIndex {
  const targets = documents.flatMap(extractTargets);
  return buildSearchIndex({ documents, targets, dictionaryHash, seedHashes: seedHashesOf(documents) });
}

export async function openEngine(options: EngineOptions): Promise<OpenedEngine> {
  const log = options.log ?? (() => {});
  const { documents } = await loadSeeds(options.seedsDir, { warn: log });
  // One key for everything segmentation and extraction depend on: the dictionary and their code.
  const dictionaryHash = `${loadDictionary(collectUserTerms(textsOf(documents)))}-${await pipelineCodeHash()}`;
  const seedHashes = seedHashesOf(documents);
  const loaded = options.rebuild
    ? ({ ok: false, reason: 'rebuild requested' } as const)
    : await loadSearchIndex(options.indexDir, { seedHashes, dictionaryHash });
  if (loaded.ok) return createEngine(loaded.index, { loaded: true });
  const started = performance.now();
  if (!options.rebuild) log(`index: ${loaded.reason}; rebuilding ${options.indexDir}`);
  const index = indexDocuments(documents, dictionaryHash);
  await saveSearchIndex(options.indexDir, index);
  return createEngine(index, { loaded: false, reason: loaded.reason, ms: performance.now() - started });
}

const CANDIDATES = 60;
const LISTED_CANDIDATES = 1_000;
const PASSAGES = 4;

/**
 * The tokens of a question worth searching: its content words and the words inside long ones
 * (钢铁产业 → 钢铁, 产业); one-character words match too much to be worth their cost.
 */
function queryTokens(question: Question): string[] {
  const tokens = new Set<string>();
  for (const word of question.words) {
    if (word.length >= 2 || /[a-z0-9]/.test(word)) tokens.add(word);
    if (word.length >= 4) for (const part of subWordsOf(word)) if (part.length >= 2) tokens.add(part);
  }
  return [...tokens];
}

// Up to this many targets are segmented for ranking when the engine opens (about 50 µs each).
const PREPARED_TARGETS = 2_000;

export function createEngine(index: SearchIndex, origin: OpenedEngine['origin']): OpenedEngine {
  if (index.targets.length <= PREPARED_TARGETS) prepareTargets(index.targets);
  const latestYear = index.documents.reduce<number | null>(
    (latest, d) => (d.year !== null && (latest === null || d.year > latest) ? d.year : latest),
    null,
  );

  function candidatesFor(question: Question, limit = CANDIDATES): Target[] {
    const tokens = queryTokens(question);
    if (tokens.length === 0) return [];
    const hits = searchTargets(index, {
      tokens,
      ...(question.region !== null ? { region: question.region } : {}),
      limit,
    });
    return hits.map((h) => h.target);
  }

  function passagesFor(question: Question): Paragraph[] {
    const tokens = queryTokens(question);
    if (tokens.length === 0) return [];
    const hits = searchParagraphs(index, { tokens, limit: 50 });
    const needed = queryTokens(question).filter((w) => !question.words.includes(w) || w.length < 4);
    return hits
      .map((h) => h.paragraph)
      .filter((p) => question.region === null || p.text.includes(question.region) || p.headline.includes(question.region))
      .filter((p) => needed.filter((w) => p.text.includes(w)).length >= Math.max(1, Math.ceil(needed.length * 0.6)))
      .slice(0, PASSAGES);
  }

  function ask(text: string): Answer {
    const question = parseQuestion(text, latestYear);
    // A place alone asks for the place's figures: list them, as /target does.
    if (question.words.length === 0 && question.region !== null) {
      return composePlaceAnswer(question, targets({ region: question.region, ...(question.year !== null ? { year: question.year } : {}) }));
    }
    const ranked = rankTargets(question, candidatesFor(question));
    const passages = ranked.some(answersQuestion) ? [] : passagesFor(question);
    return composeAnswer(question, ranked, passages);
  }

  function targets(filter: TargetFilter): Target[] {
    let list: readonly Target[] = index.targets;
    const words = filter.words?.trim() ?? '';
    let region = filter.region === undefined ? null : (normalizeRegion(filter.region) ?? filter.region);
    let year = filter.year ?? null;
    if (words.length > 0) {
      const question = parseQuestion(words, latestYear);
      region ??= question.region;
      year ??= question.year;
      if (question.words.length > 0) {
        // The index finds the targets that share a word; ranking all of a large corpus would not scale.
        const asked = { ...question, region, year };
        list = rankTargets(asked, candidatesFor(asked, LISTED_CANDIDATES))
          .filter((s) => s.metricHit || s.recall >= 0.5)
          .map((s) => s.target);
      }
    }
    return list.filter(
      (t) => (region === null || t.region === region) && (year === null || t.year === year),
    );
  }

  function checkClaims(text: string): ClaimCheck[] {
    const checks: ClaimCheck[] = [];
    for (const sentence of splitSentences(text)) {
      const claims = findFigures(sentence.text);
      for (const claim of claims) {
        // Each figure is checked against the words of its own clause and its sentence's place and year.
        const clause = clauseAround(sentence.text, claim.start);
        const words = `${sentence.text.slice(0, clause.start)}${clause.text}`.replace(claim.text, '');
        const question = parseQuestion(words, latestYear);
        // A claim without a unit (2万亿) is compared with a figure of any unit.
        const best = rankTargets(question, candidatesFor(question)).find(
          (s) =>
            answersQuestion(s) &&
            s.target.figure !== null &&
            (claim.baseUnit === '' || s.target.figure.baseUnit === claim.baseUnit),
        );
        const base = { claim: { ...claim, start: claim.start + sentence.start, end: claim.end + sentence.start }, sentence: sentence.text };
        if (!best) {
          checks.push({ ...base, verdict: 'unknown', target: null });
          continue;
        }
        const agrees = JSON.stringify(best.target.figure?.base) === JSON.stringify(claim.base);
        checks.push({ ...base, verdict: agrees ? 'agrees' : 'differs', target: best.target });
      }
    }
    return checks;
  }

  return {
    origin,
    index,
    ask,
    targets,
    checkClaims,
    summary: () => summarizeIndex(index),
  };
}
