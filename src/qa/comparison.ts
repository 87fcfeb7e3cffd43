// Which questions ask across documents, and how: places side by side (a group such as 长三角 or
// 各省, or several places named), years side by side (历年, 2014年以来, 近几年, 2016到2019年), or a
// target against its result (完成了吗). What is left once those words are taken out is an ordinary
// question, read as any other and asked once per place or year. Pure functions over the text.
import {
  CHECK_WORDS,
  EVERY_YEAR_WORDS,
  EXTREME_WORDS,
  FILTER_WORDS_BEFORE,
  GROUP_TAILS,
  MAINLAND_PROVINCES,
  PLACE_GROUPS,
  RECENT_YEARS_SPAN,
  RECENT_YEARS_WORDS,
  SINCE_YEAR_WORDS,
  type FigureTest,
} from '../lexicon/comparisons.ts';
import { alternation } from '../lexicon/pattern.ts';
import { PREFIX_QUALIFIERS } from '../lexicon/phrases.ts';
import { ASKS_FOR_TARGET } from '../lexicon/questions.ts';
import { SPAN_JOINERS } from '../lexicon/time.ts';
import type { Figure } from '../model.ts';
import { findRegionMentions } from '../targets/regions.ts';
import { findFigures } from '../text/figures.ts';

/** A filter on the rows' figures: 5.5%以上 (test gte, figure 5.5%), 最高 (test max, no figure). */
export interface FigureFilter {
  test: FigureTest;
  figure: Figure | null;
  /** As the question says it. */
  text: string;
}

export type YearSpan = { from: number | null; to: number | null } | { recent: number };

export type ComparisonAsk =
  | { kind: 'places'; places: string[]; label: string; filter: FigureFilter | null; rest: string }
  | { kind: 'years'; span: YearSpan; rest: string }
  | { kind: 'check'; rest: string };

const GROUPS = PLACE_GROUPS.flatMap((group) => group.words.map((word) => ({ word, group })));
const GROUP_PATTERN = new RegExp(`(${alternation(GROUPS.map((g) => g.word))})(?:${alternation(GROUP_TAILS)})*`);
const CHECK = new RegExp(`(?:${alternation(CHECK_WORDS)})[?？吗呢了]*`);
const EVERY_YEAR = new RegExp(alternation(EVERY_YEAR_WORDS));
const RECENT_YEARS = new RegExp(`${alternation(RECENT_YEARS_WORDS)}(?:来)?`);
const JOINER = alternation(SPAN_JOINERS);
const YEAR_SPAN = new RegExp(`((?:19|20)\\d{2})年?(?:${JOINER})((?:19|20)\\d{2})年?`);
const SINCE_YEAR = new RegExp(`((?:19|20)\\d{2})年?(?:${alternation(SINCE_YEAR_WORDS)})+`);
const BEFORE_FILTER = new RegExp(`(${alternation(FILTER_WORDS_BEFORE)})`);
const EXTREME = new RegExp(`(${alternation(Object.keys(EXTREME_WORDS))})`);
const QUALIFIER_TESTS: Partial<Record<Figure['qualifier'], FigureTest>> = { gte: 'gte', gt: 'gt', lte: 'lte', lt: 'lt' };
const TARGET_ASKED = new RegExp(alternation(ASKS_FOR_TARGET));
const PLACE_JOINERS = /^[、和与及,，\s]*$|^(?:以及|还有|跟|同)$/;

function cut(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${text.slice(end)}`;
}

/** The filter a question puts on the figures, and the question without it. */
function readFilter(text: string): { filter: FigureFilter | null; rest: string } {
  for (const figure of findFigures(text)) {
    // The figure's own qualifier (5.5%以上, 超过5%) says the test; else a word before it (大于5%).
    const lookFrom = Math.max(0, figure.start - 4);
    const before = BEFORE_FILTER.exec(text.slice(lookFrom, figure.start));
    const test: FigureTest | undefined = QUALIFIER_TESTS[figure.qualifier] ?? (before !== null ? QUALIFIER_TESTS[PREFIX_QUALIFIERS[before[1]!]!] : undefined);
    if (test === undefined) continue;
    const start = before !== null ? lookFrom + before.index : figure.start;
    // 在5.5%以上: the 在 goes with it.
    const from = text[start - 1] === '在' ? start - 1 : start;
    return { filter: { test, figure, text: text.slice(from, figure.end) }, rest: cut(text, from, figure.end) };
  }
  const extreme = EXTREME.exec(text);
  if (extreme !== null) {
    return {
      filter: { test: EXTREME_WORDS[extreme[1]!]!, figure: null, text: extreme[1]! },
      rest: cut(text, extreme.index, extreme.index + extreme[0].length),
    };
  }
  return { filter: null, rest: text };
}

/** Several places named together: 广东、浙江和江苏. */
function namedPlaces(text: string): { places: string[]; rest: string } | null {
  const mentions = findRegionMentions(text);
  const run: typeof mentions = [];
  for (const m of mentions) {
    const last = run.at(-1);
    if (last === undefined || PLACE_JOINERS.test(text.slice(last.end, m.start))) run.push(m);
    else if (run.length < 2) run.splice(0, run.length, m);
    else break;
  }
  const places = [...new Set(run.map((m) => m.region))];
  if (places.length < 2) return null;
  return { places, rest: cut(text, run[0]!.start, run.at(-1)!.end) };
}

/** How a (folded) question asks across documents, or null when it asks for one figure. */
export function readComparison(text: string): ComparisonAsk | null {
  const check = CHECK.exec(text);
  if (check !== null) return { kind: 'check', rest: cut(text, check.index, check.index + check[0].length) };

  // 2021-2025年 alone is a plan's period; with 历年 or 每年 it is the years to list.
  const every = EVERY_YEAR.exec(text);
  const recent = RECENT_YEARS.exec(text);
  const span = YEAR_SPAN.exec(text);
  if (span !== null && (every !== null || recent !== null)) {
    const [a, b] = [Number(span[1]), Number(span[2])].sort((x, y) => x - y) as [number, number];
    const without = cut(text, span.index, span.index + span[0].length);
    return { kind: 'years', span: { from: a, to: b }, rest: without.replace(EVERY_YEAR, '').replace(RECENT_YEARS, '') };
  }
  const since = SINCE_YEAR.exec(text);
  if (since !== null && (every !== null || TARGET_ASKED.test(text))) {
    return { kind: 'years', span: { from: Number(since[1]), to: null }, rest: cut(text, since.index, since.index + since[0].length).replace(EVERY_YEAR, '') };
  }
  if (recent !== null) return { kind: 'years', span: { recent: RECENT_YEARS_SPAN }, rest: cut(text, recent.index, recent.index + recent[0].length) };
  if (every !== null) return { kind: 'years', span: { from: null, to: null }, rest: cut(text, every.index, every.index + every[0].length) };

  const group = GROUP_PATTERN.exec(text);
  if (group !== null) {
    const row = GROUPS.find((g) => g.word === group[1])!.group;
    const { filter, rest } = readFilter(cut(text, group.index, group.index + group[0].length));
    return { kind: 'places', places: [...(row.members === 'provinces' ? MAINLAND_PROVINCES : row.members)], label: group[1]!, filter, rest };
  }
  const named = namedPlaces(text);
  if (named !== null) {
    const { filter, rest } = readFilter(named.rest);
    return { kind: 'places', places: named.places, label: named.places.join('、'), filter, rest };
  }
  return null;
}
