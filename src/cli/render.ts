// Plain-text renderings for people at a terminal: the answer view laid out without markup.
import stringWidth from 'string-width';
import type { Answer, Comparison, Figure, Target } from '../model.ts';
import { viewAnswer, type SourceView } from '../qa/view.ts';
import { describeSource, describeTarget, figureWords, NEAREST_WORDS, whenWords } from '../qa/wording.ts';

function padded(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** Columns lined up by their width on a terminal (a Han character is two columns). */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => stringWidth(r[i] ?? ''))));
  return rows.map((r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : padded(cell, widths[i]!))).join('  ')}`.trimEnd());
}

const ROW_HEADS: Record<Comparison['kind'], string> = { places: '地方', years: '年份', check: '' };

/** A comparison: its line, a table of its rows with their sources, and what is missing. */
function renderComparison(answer: Answer, comparison: Comparison): string {
  const lines = [answer.answer];
  if (comparison.rows.length > 0) {
    const head = [ROW_HEADS[comparison.kind], '数字', '年份 · 类别', '指标', '出处'];
    lines.push(...table([head, ...comparison.rows.map((r) => [r.label, figureWords(r.target), whenWords(r.target), r.target.metric, describeSource(r.target.citation)])]));
  }
  if (comparison.kind === 'check') for (const r of comparison.rows) lines.push(`  ${r.label}：「${r.target.citation.quote}」`);
  if (comparison.missing.length > 0 && comparison.kind !== 'check') {
    const byWhy = new Map<string, string[]>();
    for (const m of comparison.missing) byWhy.set(m.why, [...(byWhy.get(m.why) ?? []), m.label]);
    for (const [why, labels] of byWhy) lines.push(`  没有数字：${labels.join('、')}（${why}）`);
  }
  for (const note of comparison.notes) lines.push(`  注意：${note}`);
  return lines.join('\n');
}

function quoted(source: SourceView): string[] {
  return [`  「${source.citation.quote}」`, `  —— ${source.source}`];
}

export function renderAnswer(answer: Answer): string {
  if (answer.comparison !== undefined) return renderComparison(answer, answer.comparison);
  const view = viewAnswer(answer);
  const lines = [view.line];
  for (const source of view.shown) lines.push(...quoted(source));
  const further = view.further.filter((source) => source.kind === 'target');
  if (view.status === 'answered' && !view.conflict && further.length > 0) {
    lines.push('  其他相关：');
    for (const source of further) if (source.kind === 'target') lines.push(`  · ${describeTarget(source.target)}（${source.source}）`);
  } else {
    for (const source of view.further) lines.push(...quoted(source));
  }
  if (view.nearest !== null) {
    lines.push(`  ${NEAREST_WORDS}${describeTarget(view.nearest.target)}`, ...quoted(view.nearest));
  }
  return lines.join('\n');
}

export function renderTarget(target: Target): string {
  return `${describeTarget(target)}  —— ${describeSource(target.citation)}`;
}

function amount(value: Figure['value']): string {
  return Array.isArray(value) ? `${value[0]}–${value[1]}` : String(value);
}

export function renderFigure(figure: Figure): string {
  return `${figure.text} = ${amount(figure.value)}${figure.unit} (${amount(figure.base)}${figure.baseUnit}, ${figure.qualifier}, ${figure.kind})`;
}
