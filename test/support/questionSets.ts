// Every question set of the project, as plain questions: what the index's own dictionary must
// answer exactly as jieba's whole one does.
import { readFileSync } from 'node:fs';
import { parseEvalQuestions } from '../../src/qa/evaluate.ts';

export const QUESTION_SETS = [
  'test/fixtures/dev-questions.jsonl',
  'test/fixtures/more-questions.jsonl',
  'test/fixtures/corpus-questions.jsonl',
  'test/fixtures/gold/questions-national.jsonl',
  'test/fixtures/gold/questions-provinces.jsonl',
] as const;

export function allQuestions(): string[] {
  return QUESTION_SETS.flatMap((file) => parseEvalQuestions(readFileSync(file, 'utf8'), file).map((q) => q.q));
}
