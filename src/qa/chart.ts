// The chart of an answer across documents, as a spec for src/charts: bars for places, a line over
// the years with its gaps, the target band and the result for a check. Each mark is a row's figure
// as the document writes it; rows in another unit than most stay in the table, not the chart.
import type { ChartSpecInput } from '../charts/spec.ts';
import { MAX_CHART_ROWS } from '../charts/spec.ts';
import type { Answer, Figure, Target } from '../model.ts';

function unitOf(figure: Figure): string {
  return figure.unit;
}

/** The unit most rows' figures are in, and the rows in it. */
function commonUnit(targets: readonly Target[]): { unit: string; kept: Target[] } {
  const counts = new Map<string, number>();
  for (const t of targets) if (t.figure !== null) counts.set(unitOf(t.figure), (counts.get(unitOf(t.figure)) ?? 0) + 1);
  const unit = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { unit, kept: targets.filter((t) => t.figure !== null && unitOf(t.figure) === unit) };
}

function figureFields(figure: Figure) {
  const value = figure.value;
  return Array.isArray(value)
    ? { value: [value[0], value[1]] as [number, number], qualifier: 'range' as const, text: figure.text }
    : { value, qualifier: figure.qualifier === 'range' ? ('eq' as const) : figure.qualifier, text: figure.text };
}

/** The chart of an answer, or null when it has none to draw (one figure, or nothing comparable). */
export function chartOf(answer: Answer): ChartSpecInput | null {
  const comparison = answer.comparison;
  if (comparison === undefined || comparison.rows.length === 0) return null;
  const metric = comparison.rows[0]!.target.metric;
  const title = `${comparison.label} · ${metric}`.slice(0, 60);
  if (comparison.kind === 'places') {
    const { unit, kept } = commonUnit(comparison.rows.map((r) => r.target));
    const rows = comparison.rows.filter((r) => kept.includes(r.target)).slice(0, MAX_CHART_ROWS);
    if (rows.length < 2) return null;
    return { kind: 'places', title, unit, rows: rows.map((r) => ({ label: r.label, ...figureFields(r.target.figure!) })) };
  }
  if (comparison.kind === 'years') {
    const { unit, kept } = commonUnit(comparison.rows.map((r) => r.target));
    const rows = comparison.rows.filter((r) => kept.includes(r.target));
    if (rows.length < 2) return null;
    const yearOf = (label: string) => Number(label.replace('年', ''));
    const years = rows.map((r) => yearOf(r.label));
    const gaps = comparison.missing.map((m) => yearOf(m.label)).filter((y) => Number.isInteger(y) && y > Math.min(...years) && y < Math.max(...years));
    return { kind: 'years', title, unit, rows: rows.map((r) => ({ year: yearOf(r.label), ...figureFields(r.target.figure!) })), gaps };
  }
  const target = comparison.rows.find((r) => r.label === '目标')?.target;
  const result = comparison.rows.find((r) => r.label === '结果')?.target;
  if (target?.figure == null || result?.figure == null || target.year === null || result.year === null) return null;
  if (unitOf(target.figure) !== unitOf(result.figure) || Array.isArray(result.figure.value)) return null;
  return {
    kind: 'check',
    title,
    unit: unitOf(target.figure),
    target: { ...figureFields(target.figure), year: target.year },
    result: { value: result.figure.value, text: result.figure.text, year: result.year, forecast: result.kind === 'forecast' },
    verdict: answer.verdict ?? 'unknown',
  };
}
