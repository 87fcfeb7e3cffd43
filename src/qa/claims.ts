// Checking the figures a message states against the documents: each figure is read as a question
// made of the words of its own clause and its sentence's place and year, and compared with the
// best target that answers it.
import { findFigures } from '../text/figures.ts';
import { clauseAround, splitSentences } from '../text/sentences.ts';
import type { QuestionReader } from './question.ts';
import { answersQuestion, type Ranker } from './rank.ts';
import type { Retriever } from './retrieve.ts';
import type { ClaimCheck } from './types.ts';

export interface ClaimChecker {
  check(text: string): ClaimCheck[];
}

export function createClaimChecker(readQuestion: QuestionReader, retriever: Retriever, ranker: Ranker): ClaimChecker {
  return {
    check(text) {
      const checks: ClaimCheck[] = [];
      for (const sentence of splitSentences(text)) {
        for (const claim of findFigures(sentence.text)) {
          const clause = clauseAround(sentence.text, claim.start);
          const words = `${sentence.text.slice(0, clause.start)}${clause.text}`.replace(claim.text, '');
          const question = readQuestion(words);
          // A claim without a unit (2万亿) is compared with a figure of any unit.
          const best = ranker
            .rank(question, retriever.candidates(question))
            .find(
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
    },
  };
}
