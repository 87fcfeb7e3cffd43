// Retrieval: the targets and paragraphs of an index that may answer a question, found by the
// question's discriminating words, with its place as a filter. Ranking decides among them.
import type { Paragraph, Target } from '../model.ts';
import type { SearchIndex } from '../search/build.ts';
import { searchParagraphs, searchTargets } from '../search/query.ts';
import type { Question } from './question.ts';

export interface Retriever {
  /** Targets sharing a word with the question, in its place when it names one. */
  candidates(question: Question, limit?: number): Target[];
  /** Paragraphs that speak of the question's thing in its place, for answers without a figure. */
  passages(question: Question): Paragraph[];
}

const CANDIDATES = 60;
const PASSAGE_HITS = 50;
const PASSAGES = 4;

export function createRetriever(index: SearchIndex): Retriever {
  /**
   * The tokens of a question worth searching: its content words and the words inside long ones
   * (钢铁产业 → 钢铁, 产业); one-character words match too much to be worth their cost.
   */
  function queryTokens(question: Question): string[] {
    const tokens = new Set<string>();
    for (const word of question.words) {
      if (word.length >= 2 || /[a-z0-9]/.test(word)) tokens.add(word);
      if (word.length >= 4) for (const part of index.segmenter.subWords(word)) if (part.length >= 2) tokens.add(part);
    }
    return [...tokens];
  }

  return {
    candidates(question, limit = CANDIDATES) {
      const tokens = queryTokens(question);
      if (tokens.length === 0) return [];
      const region = question.region ?? question.within;
      const hits = searchTargets(index, { tokens, ...(region !== null ? { region } : {}), limit });
      return hits.map((h) => h.target);
    },
    passages(question) {
      const tokens = queryTokens(question);
      if (tokens.length === 0) return [];
      const hits = searchParagraphs(index, { tokens, limit: PASSAGE_HITS });
      const needed = tokens.filter((w) => !question.words.includes(w) || w.length < 4);
      return hits
        .map((h) => h.paragraph)
        .filter((p) => question.region === null || p.text.includes(question.region) || p.headline.includes(question.region))
        .filter((p) => needed.filter((w) => p.text.includes(w)).length >= Math.max(1, Math.ceil(needed.length * 0.6)))
        .slice(0, PASSAGES);
    },
  };
}
