// Answers across documents (see comparison.ts for how such a question is read): one row per place
// or per year, each the answer the engine gives for that place or year alone, held to it (its
// place, its year, that year's own report); or a target and its result, and whether it was met.
// Every figure shown is a cited target's; a place or year without one is named, never filled in.
import { APPROXIMATE_TOLERANCE, LOWER_IS_BETTER, RECENT_YEARS_SPAN } from '../lexicon/comparisons.ts';
import { alternation } from '../lexicon/pattern.ts';
import { NATION } from '../lexicon/places.ts';
import { ASKS_FOR_RESULT } from '../lexicon/questions.ts';
import type { Answer, Comparison, Document, Figure, Target, Verdict } from '../model.ts';
import type { ComparisonAsk, FigureFilter, YearSpan } from './comparison.ts';
import type { Question, QuestionReader } from './question.ts';
import { distinctCitations, sameValue } from './answer.ts';
import { figureWords, statusLine } from './wording.ts';


/** What the comparer needs of the engine. */
export interface ComparerDeps {
  readQuestion: QuestionReader;
  /** The targets that answer a question, best first, of those `accept` takes. */
  answering(question: Question, accept: (target: Target) => boolean): Target[];
  documents: readonly Document[];
  targets: readonly Target[];
}

// ---- figures compared ---------------------------------------------------------------------------

interface Bounds {
  low: number;
  high: number;
  /** Where a figure stands for sorting: its value, or the middle of a range. */
  point: number;
  /** The bound is not reached itself (超过5%: above 5). */
  openLow: boolean;
  openHigh: boolean;
}

function boundsOf(figure: Figure): Bounds {
  const base = figure.base;
  if (Array.isArray(base)) return { low: base[0], high: base[1], point: (base[0] + base[1]) / 2, openLow: false, openHigh: false };
  switch (figure.qualifier) {
    case 'gte':
      return { low: base, high: Infinity, point: base, openLow: false, openHigh: false };
    case 'gt':
      return { low: base, high: Infinity, point: base, openLow: true, openHigh: false };
    case 'lte':
      return { low: -Infinity, high: base, point: base, openLow: false, openHigh: false };
    case 'lt':
      return { low: -Infinity, high: base, point: base, openLow: false, openHigh: true };
    default:
      return { low: base, high: base, point: base, openLow: false, openHigh: false };
  }
}

function scalar(figure: Figure): number | null {
  return Array.isArray(figure.base) ? null : figure.base;
}

/** Whether a figure passes a filter with a figure (5.5%以上: gte 5.5): read with its qualifier. */
export function passesFilter(figure: Figure, filter: FigureFilter): boolean {
  const limit = filter.figure === null ? null : scalar(filter.figure);
  if (limit === null || filter.figure === null || figure.baseUnit !== filter.figure.baseUnit) return false;
  const b = boundsOf(figure);
  switch (filter.test) {
    case 'gte':
      return b.low >= limit;
    case 'gt':
      return b.low > limit || (b.low === limit && b.openLow);
    case 'lte':
      return b.high <= limit;
    case 'lt':
      return b.high < limit || (b.high === limit && b.openHigh);
    default:
      return true;
  }
}

const LOWER_BETTER = new RegExp(alternation(LOWER_IS_BETTER));

/**
 * Whether a result meets a target, the target read with its qualifier: 6%以上 is met by 8.1%; 5%左右
 * by 5% and by a little less (APPROXIMATE_TOLERANCE); for a thing of which less is better (失业率,
 * 涨幅) the target is a ceiling. Unknown when they are not in one unit or either lacks a figure.
 */
export function verdictOf(target: Target, result: Target): Verdict {
  const t = target.figure;
  const r = result.figure;
  if (t === null || r === null || t.baseUnit !== r.baseUnit) return 'unknown';
  const reached = scalar(r);
  if (reached === null) return 'unknown';
  const b = boundsOf(t);
  const ceiling = t.qualifier === 'lte' || t.qualifier === 'lt' || (t.qualifier !== 'gte' && t.qualifier !== 'gt' && LOWER_BETTER.test(target.metric));
  if (ceiling) {
    const limit = Number.isFinite(b.high) ? b.high : b.point;
    const slack = t.qualifier === 'approx' ? Math.abs(limit) * APPROXIMATE_TOLERANCE : 0;
    if (t.qualifier === 'lt') return reached < limit ? 'met' : 'not_met';
    return reached <= limit + slack ? 'met' : 'not_met';
  }
  const floor = Number.isFinite(b.low) ? b.low : b.point;
  const slack = t.qualifier === 'approx' ? Math.abs(floor) * APPROXIMATE_TOLERANCE : 0;
  if (t.qualifier === 'gt') return reached > floor ? 'met' : 'not_met';
  return reached >= floor - slack ? 'met' : 'not_met';
}

export const VERDICT_WORDS: Record<Verdict, string> = { met: '完成了', not_met: '没有完成', unknown: '无法判断' };

// ---- the comparer -------------------------------------------------------------------------------

const RESULT_ASKED = new RegExp(alternation(ASKS_FOR_RESULT));

function tally<K>(keys: Iterable<K>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function createComparer(deps: ComparerDeps): (ask: ComparisonAsk, original: string) => Answer {
  const yearOf = new Map(deps.documents.map((d) => [d.file, d.year]));
  // A document speaks for the place most of its figures belong to (a province's report, the nation's).
  const placeOf = new Map<string, string | null>();
  const byDocument = new Map<string, Target[]>();
  for (const t of deps.targets) {
    const list = byDocument.get(t.citation.doc);
    if (list === undefined) byDocument.set(t.citation.doc, [t]);
    else list.push(t);
  }
  for (const [doc, list] of byDocument) {
    const top = [...tally(list.flatMap((t) => (t.region === null ? [] : [t.region])))].sort((a, b) => b[1] - a[1])[0];
    placeOf.set(doc, top?.[0] ?? null);
  }
  const reportYears = (place: string): number[] =>
    [...new Set(deps.documents.filter((d) => placeOf.get(d.file) === place && d.year !== null).map((d) => d.year!))].sort((a, b) => a - b);

  const docYear = (t: Target) => yearOf.get(t.citation.doc) ?? null;

  function answer(original: string, comparison: Comparison, extra: Partial<Answer> = {}): Answer {
    const targets = comparison.rows.map((r) => r.target);
    const citations = distinctCitations(targets);
    return {
      question: original,
      status: targets.length > 0 ? 'answered' : 'not_found',
      answer: lineOf(comparison, extra.verdict),
      targets,
      citations,
      conflict: false,
      comparison,
      ...extra,
    };
  }

  function places(ask: Extract<ComparisonAsk, { kind: 'places' }>, original: string): Answer {
    const rows: Comparison['rows'] = [];
    const missing: Comparison['missing'] = [];
    for (const place of ask.places) {
      // Read as the question for that place alone (GDP of a province is its 地区生产总值).
      const question: Question = { ...deps.readQuestion(`${place}${ask.rest}`), region: place, within: null };
      const found = deps.answering(question, (t) => t.region === place && (question.year === null || t.year === question.year))[0];
      if (found === undefined || found.figure === null) missing.push({ label: place, why: '文件中没有这个地方的这项数字' });
      else rows.push({ label: place, target: found });
    }
    let shown = rows;
    const filter = ask.filter;
    if (filter !== null) {
      if (filter.test === 'max' || filter.test === 'min') {
        // The extreme among figures of one unit: the unit most rows have.
        const unit = [...tally(rows.map((r) => r.target.figure!.baseUnit))].sort((a, b) => b[1] - a[1])[0]?.[0];
        const sameUnit = rows.filter((r) => r.target.figure!.baseUnit === unit);
        const points = sameUnit.map((r) => boundsOf(r.target.figure!).point);
        const extreme = filter.test === 'max' ? Math.max(...points) : Math.min(...points);
        shown = sameUnit.filter((_, i) => points[i] === extreme);
      } else {
        shown = rows.filter((r) => passesFilter(r.target.figure!, filter));
      }
    }
    // Highest first, the group's order among equals.
    shown = [...shown].sort((a, b) => boundsOf(b.target.figure!).point - boundsOf(a.target.figure!).point);
    const comparison: Comparison = { kind: 'places', label: ask.label, rows: shown, missing, notes: [], ...(filter !== null ? { filter: filter.text } : {}) };
    if (filter !== null && rows.length > 0 && shown.length === 0) comparison.notes.push(`${rows.length} 个地方有数字，没有一个${filter.text}`);
    return answer(original, comparison);
  }

  function yearsOf(span: YearSpan, available: number[]): number[] {
    const latest = available.at(-1);
    if (latest === undefined) return [];
    let from: number;
    let to: number;
    if ('recent' in span) {
      to = latest;
      from = latest - (span.recent ?? RECENT_YEARS_SPAN) + 1;
    } else {
      from = span.from ?? available[0]!;
      to = span.to ?? latest;
    }
    const years: number[] = [];
    for (let y = from; y <= to; y++) years.push(y);
    return years;
  }

  function years(ask: Extract<ComparisonAsk, { kind: 'years' }>, original: string): Answer {
    const base = deps.readQuestion(ask.rest);
    const place = base.region ?? NATION;
    const results = RESULT_ASKED.test(base.text);
    const available = reportYears(place);
    const rows: Comparison['rows'] = [];
    const missing: Comparison['missing'] = [];
    for (const year of yearsOf(ask.span, available)) {
      const question: Question = { ...base, region: place, year, period: null, past: results, forecast: false };
      // Each year's target from that year's own report; its result from the next year's review.
      const reportYear = results ? year + 1 : year;
      const found = deps.answering(
        question,
        (t) => t.region === place && t.year === year && t.figure !== null && t.kind === (results ? 'actual' : 'target') && docYear(t) === reportYear,
      )[0];
      if (found !== undefined) rows.push({ label: `${year}年`, target: found });
      else if (!available.includes(reportYear)) missing.push({ label: `${year}年`, why: results ? '文件库里没有下一年的报告（结果在其中回顾）' : '文件库里没有这一年的报告' });
      else missing.push({ label: `${year}年`, why: results ? '下一年的报告没有写明这项结果' : '这一年的报告没有写明这项数字' });
    }
    const first = rows[0]?.label ?? missing[0]?.label;
    const last = rows.at(-1)?.label ?? missing.at(-1)?.label;
    const label = `${place}${first !== undefined ? ` · ${first}—${last}` : ''}`;
    return answer(original, { kind: 'years', label, rows, missing, notes: [] });
  }

  function check(ask: Extract<ComparisonAsk, { kind: 'check' }>, original: string): Answer {
    const base = deps.readQuestion(ask.rest);
    const place = base.region ?? NATION;
    const available = reportYears(place);
    const year = base.year ?? (available.length > 1 ? available.at(-2)! : null);
    const notes: string[] = [];
    const missing: Comparison['missing'] = [];
    const rows: Comparison['rows'] = [];
    if (year === null) {
      return answer(original, { kind: 'check', label: place, rows, missing: [{ label: '年份', why: '问题没有说哪一年' }], notes }, { verdict: 'unknown' });
    }
    // One year's figure: not a five-year total or average that ends in it.
    const held = (t: Target) => t.region === place && t.year === year && t.figure !== null && t.period === undefined;
    const asTarget: Question = { ...base, region: place, year, past: false, forecast: false };
    const targets = deps.answering(asTarget, (t) => held(t) && t.kind === 'target');
    // The year's own report sets its target; another report's mention of it comes second.
    const target = targets.find((t) => docYear(t) === year) ?? targets[0];
    const asResult: Question = { ...base, region: place, year, past: true, forecast: false };
    const results = deps.answering(asResult, (t) => held(t) && (t.kind === 'actual' || t.kind === 'forecast'));
    const sameUnit = (t: Target) => target === undefined || t.figure!.baseUnit === target.figure!.baseUnit;
    const result =
      results.find((t) => t.kind === 'actual' && docYear(t) === year + 1 && sameUnit(t)) ??
      results.find((t) => t.kind === 'actual' && sameUnit(t)) ??
      results.find((t) => sameUnit(t));
    if (target !== undefined) rows.push({ label: '目标', target });
    else missing.push({ label: '目标', why: available.includes(year) ? `${year}年的报告没有写明这项目标` : `文件库里没有${year}年的报告` });
    if (result !== undefined) rows.push({ label: '结果', target: result });
    else missing.push({ label: '结果', why: available.includes(year + 1) ? `${year + 1}年的报告没有写明${year}年的结果` : `文件库里没有${year + 1}年的报告` });
    if (result?.kind === 'forecast') notes.push('结果是预计数（预计），不是最终数字');
    if (result !== undefined) {
      const differing = results.filter(
        (t) => t !== result && t.kind === result.kind && t.metric === result.metric && t.figure!.baseUnit === result.figure!.baseUnit && !sameValue(t, result),
      );
      if (differing.length > 0) notes.push(`文件所载的结果不一致：${[result, ...differing].map((t) => `${figureWords(t)}（${t.citation.doc}）`).join('；')}`);
    }
    const verdict: Verdict = target !== undefined && result !== undefined ? verdictOf(target, result) : 'unknown';
    return answer(original, { kind: 'check', label: `${place} · ${year}年`, rows, missing, notes }, { verdict });
  }

  return (ask, original) => (ask.kind === 'places' ? places(ask, original) : ask.kind === 'years' ? years(ask, original) : check(ask, original));
}

/** The answer line: each row's figure as the document states it, and what is missing. */
function lineOf(comparison: Comparison, verdict: Verdict | undefined): string {
  if (comparison.kind === 'check') {
    const target = comparison.rows.find((r) => r.label === '目标')?.target;
    const result = comparison.rows.find((r) => r.label === '结果')?.target;
    const parts = [`${comparison.label}：${VERDICT_WORDS[verdict ?? 'unknown']}`];
    if (target !== undefined) parts.push(`目标 ${target.metric} ${figureWords(target)}`);
    if (result !== undefined) parts.push(`${result.kind === 'forecast' ? '预计' : '实际'} ${figureWords(result)}`);
    for (const m of comparison.missing) parts.push(`${m.label}：${m.why}`);
    return parts.join('；');
  }
  if (comparison.rows.length === 0) {
    return comparison.notes[0] ?? statusLine('not_found', null);
  }
  const metric = comparison.rows[0]!.target.metric;
  const rows = comparison.rows.map((r) => `${r.label} ${figureWords(r.target)}`).join('；');
  const missing = comparison.missing.length > 0 ? `（${comparison.missing.length} 个没有数字：${comparison.missing.slice(0, 6).map((m) => m.label).join('、')}${comparison.missing.length > 6 ? '等' : ''}）` : '';
  const filter = comparison.filter !== undefined ? `${comparison.filter}的：` : '';
  return `${comparison.label} · ${metric}：${filter}${rows}${missing}`;
}
