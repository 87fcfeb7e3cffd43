// How well a target answers a question: the place and year must fit, the words naming the thing
// must be found in what the target measures, and the kind of figure must fit what is asked.
import { alternation } from '../lexicon/pattern.ts';
import { NATION } from '../lexicon/places.ts';
import { EXCLUSIVE_MODIFIERS, GROWTH_WORDS, MEASURE_MODIFIERS } from '../lexicon/phrases.ts';
import { ASKS_FOR_RESULT, ASKS_FOR_TARGET, FIGURE_KINDS_OF_ASK, GENERIC_WORDS } from '../lexicon/questions.ts';
import type { Target } from '../model.ts';
import { foldForMatching } from '../text/fold.ts';
import type { Segmenter } from '../text/segmenter.ts';
import type { Question } from './question.ts';

export interface ScoredTarget {
  target: Target;
  score: number;
  /** Share of the question's words (by weight) that the target speaks of. */
  recall: number;
  /** True when at least one question word names what the target measures. */
  metricHit: boolean;
  /** False when the target's figure is of a kind that cannot answer what is asked (an amount for a share). */
  kindFits: boolean;
}

/** Words that say little on their own: a match on them counts for less. */
const GENERIC: ReadonlySet<string> = new Set(GENERIC_WORDS);
const ASKS_TARGET = new RegExp(alternation(ASKS_FOR_TARGET));
const ASKS_RESULT = new RegExp(alternation(ASKS_FOR_RESULT));
const CHANGE = new RegExp(alternation(GROWTH_WORDS));
const MODIFIER = new RegExp(alternation(MEASURE_MODIFIERS));

/** The question names one (only) of a row of EXCLUSIVE_MODIFIERS and the metric another, not that one. */
function namesAnotherMeasure(question: string, metric: string): boolean {
  for (const row of EXCLUSIVE_MODIFIERS) {
    const asked = row.filter((w) => question.includes(w));
    if (asked.length === 1 && !metric.includes(asked[0]!) && row.some((w) => w !== asked[0] && metric.includes(w))) return true;
  }
  return false;
}

function weightOf(word: string): number {
  if (GENERIC.has(word)) return 0.6;
  if (word.length >= 3) return 1.5;
  if (word.length === 2) return 1;
  return 0.4;
}

interface TargetWords {
  metric: string[];
  context: string[];
  metricWords: string[];
  /** Folded texts, for words that jieba cut differently inside a longer term (企业上云上平台). */
  metricText: string;
  contextText: string;
}

/**
 * A question word is found when a token begins with it, as the index matches, or when the text
 * holds it whole (jieba may have cut it inside a longer word).
 */
function found(word: string, tokens: string[], text: string): boolean {
  for (const token of tokens) if (token.startsWith(word)) return true;
  return word.length >= 2 && text.includes(word);
}


function askFit(question: Question, target: Target): number {
  const figure = target.figure;
  switch (question.ask) {
    case 'when':
      return figure === null ? 0.25 : target.year !== null ? 0 : -0.2;
    case 'share':
      return figure?.kind === 'percent' ? 0.15 : -0.2;
    case 'growth':
      return figure?.kind === 'percent' || figure?.kind === 'percentage_points' ? 0.1 : -0.1;
    case 'count':
      return figure?.kind === 'count' ? 0.1 : figure ? -0.15 : -0.3;
    case 'amount':
      return figure?.kind === 'money' ? 0.1 : figure ? 0 : -0.3;
    default:
      return figure ? 0 : -0.1;
  }
}

export interface Ranker {
  /** Scores a target for a question; null when its place or year rules it out. */
  score(question: Question, target: Target): ScoredTarget | null;
  /** The targets that fit, best first. Ties keep the documents' order. */
  rank(question: Question, candidates: Iterable<Target>): ScoredTarget[];
  /** Segments targets' words ahead of the first question (worth it for a small corpus). */
  prepare(targets: readonly Target[]): void;
}

/** A ranker over one index's targets, segmenting with its segmenter; it keeps their words. */
export function createRanker(segmenter: Segmenter): Ranker {
  const wordCache = new WeakMap<Target, TargetWords>();

  function wordsOf(target: Target): TargetWords {
    let words = wordCache.get(target);
    if (!words) {
      words = {
        metric: segmenter.searchTokens(`${target.metric} ${target.subject}`),
        context: segmenter.searchTokens(`${target.citation.quote} ${target.citation.article}`),
        metricWords: segmenter.cut(target.metric),
        metricText: foldForMatching(`${target.metric} ${target.subject}`),
        contextText: foldForMatching(`${target.citation.quote} ${target.citation.article}`),
      };
      wordCache.set(target, words);
    }
    return words;
  }

  /** The shorter words inside a long one (钢铁产业 → 钢铁, 产业), for when it is not found whole. */
  function partsOf(word: string): readonly string[] {
    return word.length >= 4 ? segmenter.subWords(word).filter((p) => p.length >= 2) : [];
  }

  /**
   * 1 when the word is found whole; 0.8 when every part of it is (钢铁产业 → 钢铁…产业); else 0: a
   * part alone (智能 of 人工智能) says nothing of the whole.
   */
  function foundShare(word: string, tokens: string[], text: string): number {
    if (found(word, tokens, text)) return 1;
    const parts = partsOf(word);
    return parts.length > 0 && parts.every((p) => found(p, tokens, text)) ? 0.8 : 0;
  }

  function score(question: Question, target: Target): ScoredTarget | null {
    if (question.region !== null && target.region !== question.region) return null;
    // A question that names no place asks for the nation's figure (or one no place is known for),
    // never a province's.
    if (question.region === null) {
      if (question.within !== null ? !question.within.includes(target.region ?? '') : target.region !== null && target.region !== NATION) return null;
    }
    if (question.year !== null && target.year !== null && target.year !== question.year) return null;
    if (namesAnotherMeasure(question.text, target.metric)) return null;
    const words = wordsOf(target);
    let total = 0;
    let matched = 0;
    let metricHit = false;
    for (const word of question.words) {
      const weight = weightOf(word);
      total += weight;
      const inMetric = foundShare(word, words.metric, words.metricText);
      const inContext = inMetric < 1 ? foundShare(word, words.context, words.contextText) : 0;
      // What the target measures must hold a word that says something on its own, not just 增长 or
      // 规模: whole, or every part of a long one (粮食产量 in 粮食总产量).
      if (inMetric >= 0.8 && !GENERIC.has(word)) metricHit = true;
      matched += weight * Math.max(inMetric, inContext * 0.6);
    }
    const recall = total > 0 ? matched / total : 0;
    // A metric word is the question's when the question says it, or says the word inside it (地区生产总值 ⊇ 生产总值).
    const inQuestion = words.metricWords.filter(
      (w) => question.text.includes(w) || question.words.some((q) => q.length >= 2 && w.includes(q)),
    ).length;
    const precision = words.metricWords.length > 0 ? inQuestion / words.metricWords.length : 0;
    let value = 0.75 * recall + 0.25 * precision + askFit(question, target);
    if (question.year !== null && target.year === question.year) value += 0.1;
    if (question.year !== null && target.year === null) value -= 0.1;
    // A question about a period (十三五时期) wants the figure for the whole period.
    if (question.period !== null && target.period?.[0] === question.period[0] && target.period[1] === question.period[1]) value += 0.1;
    if (question.region === null && target.region === NATION) value += 0.03;
    if (question.forecast && target.kind === 'forecast') value += 0.1;
    const asksTarget = ASKS_TARGET.test(question.text);
    const asksResult = ASKS_RESULT.test(question.text);
    // A question that asks for a plan is not answered by a result, nor one that asks for a result by a plan.
    if (asksTarget && !asksResult) value += target.kind === 'target' ? 0.05 : target.kind === 'actual' ? -0.15 : 0;
    if (asksResult && !asksTarget) value += target.kind === 'actual' ? 0.1 : target.kind === 'target' ? -0.1 : 0;
    // A past year's value is its result, which a later report states, unless a plan is asked for.
    // (A forecast of a past year is the best a report could state then.)
    if (question.past && !asksTarget && target.year === question.year) value += target.kind === 'actual' ? 0.15 : target.kind === 'forecast' ? 0.1 : -0.1;
    // A change (增长5%) answers a question about a change; a level (产量168万辆) one about the level.
    if (question.unitKind !== null && target.figure !== null) value += target.figure.kind === question.unitKind ? 0.1 : -0.15;
    const modifier = MODIFIER.exec(target.metric);
    if (modifier && !question.text.includes(modifier[0])) value -= 0.08;
    const changes = CHANGE.test(target.metric);
    if (changes && !CHANGE.test(question.text) && question.ask !== 'growth' && question.ask !== 'share') value -= 0.2;
    const kinds = FIGURE_KINDS_OF_ASK[question.ask];
    const kindFits = kinds === undefined || target.figure === null || kinds.includes(target.figure.kind);
    return { target, score: value, recall, metricHit, kindFits };
  }

  return {
    score,
    rank(question, candidates) {
      const scored: ScoredTarget[] = [];
      for (const target of candidates) {
        const result = score(question, target);
        if (result && result.recall > 0) scored.push(result);
      }
      return scored.sort((a, b) => b.score - a.score);
    },
    prepare(targets) {
      for (const target of targets) wordsOf(target);
    },
  };
}

/** Enough of the question is found in the target for it to be the answer. */
export function answersQuestion(scored: ScoredTarget): boolean {
  return scored.metricHit && scored.kindFits && scored.recall >= 0.6;
}
