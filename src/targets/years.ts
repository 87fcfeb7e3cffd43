// Years a text speaks of, resolved to numbers. Relative words are resolved against the year the
// document speaks from; a plan period such as 十四五 counts as its last year, when it is due. A
// year that opens a span (2007年以来) or is the base of a comparison (较2020年, 比去年) dates no
// figure and is not a mention. The words are the lexicon's (src/lexicon/time.ts).
import { alternation } from '../lexicon/pattern.ts';
import { COMPARED_WITH } from '../lexicon/phrases.ts';
import {
  COMPARED_BASE_AFTER,
  DEADLINE_WORDS,
  PLAN_PERIODS,
  PLAN_PERIOD_SUFFIXES,
  RELATIVE_YEARS,
  SINCE_WORDS,
  SPAN_JOINERS,
  WITHIN_YEARS_WORDS,
} from '../lexicon/time.ts';
import { parseNumeral } from '../text/numerals.ts';

export interface YearMention {
  year: number;
  start: number;
  end: number;
  /** True for 到2021年 / 到2025年 / 3年内: a deadline that governs the clauses after it. */
  deadline: boolean;
  /** For a period (十四五, 过去五年, 2019-2022年): its first year; `year` is its last. */
  from?: number;
  /** 全年, 本年, 当年: "the year spoken of", resolved to the document's year unless context fixes it. */
  inTheYear?: true;
  /** 十四五, 十三五: a plan named by its period, not a year written out. */
  planPeriod?: true;
}

const RELATIVE = new Map(RELATIVE_YEARS.map((r) => [r.word, r]));
const PERIODS = new Map(PLAN_PERIODS.map((p) => [p.word, p]));

// A year that starts a period (2019-2022年) is not the year of a figure; the period's end is.
const YEAR_PATTERN = new RegExp(
  `(${alternation(DEADLINE_WORDS)})?((?:19|20)\\d{2})(?:\\s*(?:${alternation(SPAN_JOINERS)})\\s*((?:19|20)\\d{2}))?\\s*年` +
    `|(${alternation(RELATIVE.keys())})` +
    `|“?(${alternation(PERIODS.keys())})”?(?:${alternation(PLAN_PERIOD_SUFFIXES)})?` +
    `|([0-9一二两三四五六七八九十]{1,2})年(?:${alternation(WITHIN_YEARS_WORDS)})`,
  'g',
);
const SINCE_AFTER = new RegExp(`^(?:${alternation(SINCE_WORDS)})`);
const BASE_AFTER = new RegExp(`^(?:${alternation(COMPARED_BASE_AFTER)})`);
// 比去年, 较2020年, 与2020年相比, 从去年的2.1%提高到2.3%: the year the change starts from.
const BASE_BEFORE = new RegExp(`(?:${alternation(COMPARED_WITH)}|与|同|从)$`);

/** A year the text names only as the start of a span or the base of a comparison. */
function datesNothing(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 2);
  return SINCE_AFTER.test(after) || BASE_AFTER.test(after) || BASE_BEFORE.test(text.slice(Math.max(0, start - 1), start));
}

/** Every year the text names, in order; relative words only when `documentYear` is known. */
export function findYearMentions(text: string, documentYear: number | null): YearMention[] {
  const mentions: YearMention[] = [];
  for (const match of text.matchAll(YEAR_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[6] === undefined && datesNothing(text, start, end)) continue;
    if (match[2] !== undefined) {
      const year = Number(match[3] ?? match[2]);
      const period = match[3] !== undefined ? { from: Number(match[2]) } : {};
      mentions.push({ year, start, end, deadline: match[1] !== undefined, ...period });
    } else if (match[4] !== undefined) {
      if (documentYear === null) continue;
      const relative = RELATIVE.get(match[4])!;
      const year = documentYear + relative.offset;
      mentions.push({
        year,
        start,
        end,
        deadline: false,
        ...(relative.span !== undefined ? { from: year - relative.span + 1 } : {}),
        ...(relative.inTheYear ? { inTheYear: true as const } : {}),
      });
    } else if (match[5] !== undefined) {
      const period = PERIODS.get(match[5])!;
      mentions.push({ year: period.to, start, end, deadline: true, from: period.from, planPeriod: true });
    } else if (match[6] !== undefined && documentYear !== null) {
      // 力争3年内: within three years counted from the document's own, so due in its third.
      const years = parseNumeral(match[6], 'prose');
      if (years !== null && years >= 1 && years <= 15 && Number.isInteger(years)) {
        mentions.push({ year: documentYear + years - 1, start, end, deadline: true, from: documentYear });
      }
    }
  }
  return mentions;
}

// A year as people type it: a bare 2024, no unit after it (not 2024万, 2024个), is 2024年.
const BARE_YEAR = /(?<![0-9.])((?:19|20)\d{2})(?![0-9.年%万亿千百个元])/g;

/** The text with each bare year written as documents write it (2024 → 2024年). */
export function withBareYearsWritten(text: string): string {
  return text.replace(BARE_YEAR, '$1年');
}
