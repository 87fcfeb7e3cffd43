// Scoring answers across documents against gold read from the reports: each row's figure as the
// document writes it, the places or years it must say have none, and a check's verdict. A row
// whose figure is not the gold's, or a row where the gold has none, is a wrong figure shown.
import { z } from 'zod';
import { parseJsonLines } from '../jsonl.ts';
import { VerdictSchema, type Answer } from '../model.ts';

const Figures = z.union([z.string(), z.array(z.string()).min(1)]);

export const ComparisonGoldSchema = z.object({
  q: z.string().min(1),
  kind: z.enum(['places', 'years', 'check']),
  /** Each row's label (a place, 2019年, 目标/结果) and its figure as written (or the ones accepted). */
  rows: z.record(z.string(), Figures),
  /** Labels the answer must name as having no figure. */
  missing: z.array(z.string()).default([]),
  verdict: VerdictSchema.optional(),
});
export type ComparisonGold = z.infer<typeof ComparisonGoldSchema>;

export function parseComparisonGold(text: string, file: string): ComparisonGold[] {
  return parseJsonLines(text, file, ComparisonGoldSchema, '{"q", "kind", "rows", "missing"?, "verdict"?}');
}

export interface ComparisonVerdict {
  question: string;
  answer: string;
  kindRight: boolean;
  /** Gold rows shown with the gold figure. */
  rowsRight: number;
  rowsOf: number;
  /** Rows shown with another figure, or where the gold has none. */
  wrongRows: string[];
  missingRight: boolean;
  verdictRight: boolean | null;
  passed: boolean;
}

export function judgeComparison(gold: ComparisonGold, answer: Answer): ComparisonVerdict {
  const comparison = answer.comparison;
  const shown = new Map((comparison?.rows ?? []).map((r) => [r.label, r.target.figure?.text ?? r.target.due ?? '']));
  let rowsRight = 0;
  const wrongRows: string[] = [];
  for (const [label, figures] of Object.entries(gold.rows)) {
    const accepted = typeof figures === 'string' ? [figures] : figures;
    const got = shown.get(label);
    if (got !== undefined && accepted.includes(got)) rowsRight++;
    else if (got !== undefined) wrongRows.push(`${label} ${got}`);
  }
  for (const [label, got] of shown) if (!Object.hasOwn(gold.rows, label)) wrongRows.push(`${label} ${got} (no such row)`);
  const said = new Set((comparison?.missing ?? []).map((m) => m.label));
  const missingRight = gold.missing.every((label) => said.has(label));
  const verdictRight = gold.verdict === undefined ? null : answer.verdict === gold.verdict;
  const kindRight = comparison?.kind === gold.kind;
  const rowsOf = Object.keys(gold.rows).length;
  const passed = kindRight && rowsRight === rowsOf && wrongRows.length === 0 && missingRight && verdictRight !== false;
  return { question: gold.q, answer: answer.answer, kindRight, rowsRight, rowsOf, wrongRows, missingRight, verdictRight, passed };
}
