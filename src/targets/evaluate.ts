// Scoring extraction against targets a reader wrote down (gold): for each, is the figure found in
// its sentence, and are its place, year, kind and metric right; for each figure a reader marked as
// no target of the document's, is none extracted. Pure: gold records and targets in, verdicts out.
import { z } from 'zod';
import { parseJsonLines } from '../jsonl.ts';
import { TargetKindSchema, type Target } from '../model.ts';
import { foldForMatching } from '../text/fold.ts';
import { parseFigure } from '../text/figures.ts';

export const GoldTargetSchema = z.object({
  /** The document's file name (its last path segment is enough). */
  doc: z.string().min(1),
  /** A verbatim piece of the sentence that states the figure. */
  sentence: z.string().min(1),
  /** The figure as the document writes it, qualifier words included. */
  figure: z.string().min(1),
  region: z.string().nullable().optional(),
  year: z.number().int().nullable().optional(),
  period: z.tuple([z.number().int(), z.number().int()]).optional(),
  kind: TargetKindSchema.optional(),
  /** Words the metric must contain. */
  metric: z.array(z.string()).optional(),
  /** True for a figure that is no target of the document's place: none must be extracted. */
  notTarget: z.boolean().optional(),
  note: z.string().optional(),
});
export type GoldTarget = z.infer<typeof GoldTargetSchema>;

export function parseGoldTargets(text: string, file: string): GoldTarget[] {
  return parseJsonLines(text, file, GoldTargetSchema, 'a gold target {"doc", "sentence", "figure", …}');
}

export type TargetField = 'figure' | 'region' | 'year' | 'kind' | 'metric';
export const TARGET_FIELDS: readonly TargetField[] = ['figure', 'region', 'year', 'kind', 'metric'];

export interface TargetVerdict {
  gold: GoldTarget;
  /** The extracted target it was matched with, if any. */
  target: Target | null;
  /** Per field: right, wrong, or null where the gold does not say. For a notTarget, only `figure`. */
  fields: Partial<Record<TargetField, boolean>>;
  passed: boolean;
}

function sameDocument(doc: string, gold: string): boolean {
  return doc === gold || doc.endsWith(`/${gold}`);
}

function sameAmount(target: Target, expected: ReturnType<typeof parseFigure>, text: string): boolean {
  if (target.figure === null) return false;
  if (expected === null) return target.figure.text === text;
  return (
    JSON.stringify(target.figure.base) === JSON.stringify(expected.base) &&
    target.figure.baseUnit === expected.baseUnit
  );
}

/** The gold's figure read as the parser reads one; a reader may have written the noun after it (1000个县). */
function expectedFigure(text: string): ReturnType<typeof parseFigure> {
  for (let end = text.length; end > 0; end--) {
    const figure = parseFigure(text.slice(0, end));
    if (figure !== null) return figure;
  }
  return null;
}

/** Targets of the gold's document whose quote holds its sentence and whose figure is its figure. */
function matching(gold: GoldTarget, targets: readonly Target[]): Target[] {
  const expected = expectedFigure(gold.figure);
  return targets.filter(
    (t) => sameDocument(t.citation.doc, gold.doc) && t.citation.quote.includes(gold.sentence) && sameAmount(t, expected, gold.figure),
  );
}

export function judgeTarget(gold: GoldTarget, targets: readonly Target[]): TargetVerdict {
  const found = matching(gold, targets);
  if (gold.notTarget) {
    const right = found.length === 0;
    return { gold, target: found[0] ?? null, fields: { figure: right }, passed: right };
  }
  // Of several readings of the same figure (two clauses, one number), the one that fits best counts.
  const fieldsOf = (target: Target): TargetVerdict['fields'] => ({
    figure: true,
    ...(gold.region !== undefined ? { region: target.region === gold.region } : {}),
    ...(gold.year !== undefined ? { year: target.year === gold.year } : {}),
    ...(gold.kind !== undefined ? { kind: target.kind === gold.kind } : {}),
    ...(gold.metric !== undefined
      ? { metric: gold.metric.every((word) => foldForMatching(target.metric).includes(foldForMatching(word))) }
      : {}),
  });
  const scored = found.map((target) => ({ target, fields: fieldsOf(target) }));
  const best = scored.sort((a, b) => Object.values(b.fields).filter(Boolean).length - Object.values(a.fields).filter(Boolean).length)[0];
  if (best === undefined) return { gold, target: null, fields: { figure: false }, passed: false };
  return { gold, target: best.target, fields: best.fields, passed: Object.values(best.fields).every(Boolean) };
}

export interface TargetTotals {
  gold: number;
  passed: number;
  /** Per field: right of judged. A target not found counts wrong in `figure` and is not judged further. */
  fields: Record<TargetField, { right: number; of: number }>;
  notTargets: { right: number; of: number };
}

export function totalTargetVerdicts(verdicts: readonly TargetVerdict[]): TargetTotals {
  const fields = Object.fromEntries(TARGET_FIELDS.map((f) => [f, { right: 0, of: 0 }])) as TargetTotals['fields'];
  const notTargets = { right: 0, of: 0 };
  for (const v of verdicts) {
    if (v.gold.notTarget) {
      notTargets.of += 1;
      if (v.passed) notTargets.right += 1;
      continue;
    }
    for (const field of TARGET_FIELDS) {
      const right = v.fields[field];
      if (right === undefined) continue;
      fields[field].of += 1;
      if (right) fields[field].right += 1;
    }
  }
  return { gold: verdicts.length, passed: verdicts.filter((v) => v.passed).length, fields, notTargets };
}
