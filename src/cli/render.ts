// Plain-text renderings for people at a terminal: the answer view laid out without markup.
import type { Answer, Figure, Target } from '../model.ts';
import { viewAnswer, type SourceView } from '../qa/view.ts';
import { describeSource, describeTarget, NEAREST_WORDS } from '../qa/wording.ts';

function quoted(source: SourceView): string[] {
  return [`  「${source.citation.quote}」`, `  —— ${source.source}`];
}

export function renderAnswer(answer: Answer): string {
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
