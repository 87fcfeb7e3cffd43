// An answer as any channel shows it: what to say first, which sources to show with it and which to
// keep for a "more sources" request, each source already in words. Channels (Slack's Block Kit,
// the command line, a web page) only lay this out.
import type { Answer, AnswerStatus, Citation, Target } from '../model.ts';
import { CONFLICT_WORDS, describeSource, figureWords, STATUS_WORDS, targetHeadline, whenWords } from './wording.ts';

/** A source to show: a target with its figure, or a passage without one. */
export type SourceView =
  | {
      kind: 'target';
      target: Target;
      citation: Citation;
      /** 广州 · 汽车产业集群规模 */
      headline: string;
      /** The figure as the document words it (or the deadline of a dated target). */
      figure: string;
      /** 2021年 · 目标 */
      when: string;
      /** 文件 · 标题 · 第N段 */
      source: string;
    }
  | { kind: 'passage'; citation: Citation; source: string };

export type TargetSourceView = Extract<SourceView, { kind: 'target' }>;

export interface AnswerView {
  status: AnswerStatus;
  /** The answer in one line (Answer.answer). */
  line: string;
  /** What to say before the sources: the status's wording, or that the documents differ; null for a plain answer. */
  notice: string | null;
  conflict: boolean;
  /** The sources shown with the answer, best first. */
  shown: SourceView[];
  /** Up to MAX_FURTHER_SOURCES more, for a "more sources" request. */
  further: SourceView[];
  /** For an answer without a figure: the closest figure the documents state, marked as such (NEAREST_WORDS). */
  nearest: TargetSourceView | null;
}

/** At most this many sources wait behind a "more sources" request. */
export const MAX_FURTHER_SOURCES = 3;

export function targetSource(target: Target): TargetSourceView {
  return {
    kind: 'target',
    target,
    citation: target.citation,
    headline: targetHeadline(target),
    figure: figureWords(target),
    when: whenWords(target),
    source: describeSource(target.citation),
  };
}

function passageSource(citation: Citation): SourceView {
  return { kind: 'passage', citation, source: describeSource(citation) };
}

const citationKey = (citation: Citation) => `${citation.paragraphId}:${citation.start}:${citation.end}`;

function figureKey(target: Target): string {
  return target.figure === null ? `year:${target.year}` : `${JSON.stringify(target.figure.base)}${target.figure.baseUnit}:${target.figure.qualifier}`;
}

/** The sources the answer itself shows: its target (and, when documents differ, the other figure). */
function shownSources(answer: Answer): SourceView[] {
  if (answer.status === 'not_found') return [];
  if (answer.status === 'no_figure') return answer.citations.slice(0, MAX_FURTHER_SOURCES).map(passageSource);
  const [first, ...rest] = answer.targets;
  if (first === undefined) {
    const citation = answer.citations[0];
    return citation ? [passageSource(citation)] : [];
  }
  const shown = [targetSource(first)];
  if (answer.conflict) {
    const differing = rest.find((target) => figureKey(target) !== figureKey(first));
    if (differing) shown.push(targetSource(differing));
  }
  return shown;
}

/** Up to three targets or passages the answer does not show yet. */
function furtherSources(answer: Answer, shown: readonly SourceView[]): SourceView[] {
  if (answer.status === 'not_found') return [];
  const seenCitations = new Set(shown.map((source) => citationKey(source.citation)));
  const shownTargets = new Set(shown.flatMap((source) => (source.kind === 'target' ? [source.target] : [])));
  const candidates: SourceView[] = [
    ...(answer.status === 'answered' ? answer.targets.filter((target) => !shownTargets.has(target)).map(targetSource) : []),
    ...answer.citations.map(passageSource),
  ];
  const further: SourceView[] = [];
  for (const candidate of candidates) {
    const key = citationKey(candidate.citation);
    // A passage that states a target already listed adds nothing; two targets in one sentence both count.
    if (candidate.kind === 'passage' && seenCitations.has(key)) continue;
    seenCitations.add(key);
    further.push(candidate);
  }
  return further.slice(0, MAX_FURTHER_SOURCES);
}

export function viewAnswer(answer: Answer): AnswerView {
  const shown = shownSources(answer);
  const notice =
    answer.status === 'answered' ? (answer.conflict && shown.length > 1 ? CONFLICT_WORDS : null) : STATUS_WORDS[answer.status];
  const nearest = answer.status !== 'answered' && answer.nearest !== undefined ? targetSource(answer.nearest) : null;
  return { status: answer.status, line: answer.answer, notice, conflict: answer.conflict, shown, further: furtherSources(answer, shown), nearest };
}
