// Scoring answers against a questions file: is the figure right, does the first citation state it,
// and is a question the documents cannot answer refused.
import { z } from 'zod';
import { parseJsonLines } from '../jsonl.ts';
import type { Answer } from '../model.ts';

export const EvalQuestionSchema = z.object({
  q: z.string().min(1),
  /** Figures the answer must state, as the documents write them. */
  expect: z.array(z.string()),
  /** Text the first citation must contain. */
  quote: z.string().optional(),
  /** True when the documents do not answer: the answer must not give a figure. */
  none: z.boolean().optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

export interface Verdict {
  question: string;
  status: Answer['status'];
  answer: string;
  /** null where the question does not ask for it. */
  figureRight: boolean | null;
  citationRight: boolean | null;
  refusalRight: boolean | null;
  /** A figure shown that is not the one asked for, or any figure where a refusal is due. */
  wrongFigure: boolean;
  passed: boolean;
}

export function judgeAnswer(item: EvalQuestion, answer: Answer): Verdict {
  let figureRight: boolean | null = null;
  let citationRight: boolean | null = null;
  let refusalRight: boolean | null = null;
  if (item.none) {
    refusalRight = answer.status !== 'answered';
  } else {
    figureRight = answer.status === 'answered' && item.expect.every((figure) => answer.answer.includes(figure));
    if (item.quote !== undefined) citationRight = answer.citations[0]?.quote.includes(item.quote) ?? false;
  }
  const passed = [figureRight, citationRight, refusalRight].every((v) => v !== false);
  const wrongFigure = answer.status === 'answered' && (item.none === true || figureRight === false);
  return { question: item.q, status: answer.status, answer: answer.answer, figureRight, citationRight, refusalRight, wrongFigure, passed };
}

export interface EvalTotals {
  questions: number;
  passed: number;
  figures: { right: number; of: number };
  citations: { right: number; of: number };
  refusals: { right: number; of: number };
  /** Answers that showed a wrong figure: the count that must be zero. */
  wrongFigures: number;
}

export function totalVerdicts(verdicts: Verdict[]): EvalTotals {
  const count = (pick: (v: Verdict) => boolean | null) => ({
    right: verdicts.filter((v) => pick(v) === true).length,
    of: verdicts.filter((v) => pick(v) !== null).length,
  });
  return {
    questions: verdicts.length,
    passed: verdicts.filter((v) => v.passed).length,
    figures: count((v) => v.figureRight),
    citations: count((v) => v.citationRight),
    refusals: count((v) => v.refusalRight),
    wrongFigures: verdicts.filter((v) => v.wrongFigure).length,
  };
}

/** Reads a questions file (one JSON object a line); a bad line is an error naming its number. */
export function parseEvalQuestions(text: string, file: string): EvalQuestion[] {
  return parseJsonLines(text, file, EvalQuestionSchema, 'a question {"q", "expect": [...]}');
}
