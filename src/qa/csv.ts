// Targets as a CSV table, for a file: the command line's --csv and Slack's export of /target. One
// row per target (a comparison's rows in the order shown, then what is missing), with the figure
// as the document states it and its reading, and the passage that states it.
import { stringify } from 'csv-stringify/sync';
import type { Answer, Target } from '../model.ts';
import { KIND_WORDS } from './wording.ts';

const HEADER = ['row', 'region', 'metric', 'figure', 'value', 'unit', 'qualifier', 'year', 'kind', 'doc', 'article', 'paragraph', 'quote', 'url', 'missing'];

function amount(value: number | [number, number] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? `${value[0]}-${value[1]}` : String(value);
}

function targetRow(label: string, t: Target, url: string | null): string[] {
  return [
    label,
    t.region ?? '',
    t.metric,
    t.figure?.text ?? t.due ?? '',
    amount(t.figure?.value),
    t.figure?.unit ?? '',
    t.figure?.qualifier ?? '',
    t.period ? `${t.period[0]}-${t.period[1]}` : t.year === null ? '' : String(t.year),
    KIND_WORDS[t.kind],
    t.citation.doc,
    t.citation.article,
    String(t.citation.paragraph),
    t.citation.quote,
    url ?? '',
    '',
  ];
}

export type UrlOf = (doc: string) => string | null;

/** The targets as CSV (with a header line). */
export function targetsCsv(targets: readonly Target[], urlOf: UrlOf = () => null): string {
  return stringify([HEADER, ...targets.map((t, i) => targetRow(String(i + 1), t, urlOf(t.citation.doc)))]);
}

/** An answer's table as CSV: a comparison's rows and what is missing, or the answer's targets. */
export function answerCsv(answer: Answer, urlOf: UrlOf = () => null): string {
  const comparison = answer.comparison;
  if (comparison === undefined) return targetsCsv(answer.targets, urlOf);
  const rows = comparison.rows.map((r) => targetRow(r.label, r.target, urlOf(r.target.citation.doc)));
  const missing = comparison.missing.map((m) => [m.label, ...HEADER.slice(1, -1).map(() => ''), m.why]);
  return stringify([HEADER, ...rows, ...missing]);
}
