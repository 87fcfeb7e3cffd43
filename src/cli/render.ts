// Plain-text renderings for people at a terminal: the same answer the bot gives, without markup.
import type { Answer, Figure, Target } from '../model.ts';
import { describeSource, describeTarget } from '../qa/answer.ts';

const FURTHER = 3;

export function renderAnswer(answer: Answer): string {
  const lines = [answer.answer];
  const [first, ...rest] = answer.citations;
  if (first) {
    lines.push(`  「${first.quote}」`, `  —— ${describeSource(first)}`);
  }
  if (answer.status === 'answered' && answer.targets.length > 1 && !answer.conflict) {
    const others = answer.targets.slice(1, FURTHER + 1);
    lines.push('  其他相关：');
    for (const target of others) lines.push(`  · ${describeTarget(target)}（${describeSource(target.citation)}）`);
  } else if (answer.conflict || answer.status !== 'answered') {
    for (const citation of rest.slice(0, FURTHER)) {
      lines.push(`  「${citation.quote}」`, `  —— ${describeSource(citation)}`);
    }
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
  return `${figure.text} = ${amount(figure.value)}${figure.unit} (${amount(figure.base)}${figure.baseUnit}, ${figure.qualifier})`;
}
