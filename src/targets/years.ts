// Years a text speaks of, resolved to numbers. Relative words are resolved against the year the
// document speaks from; a plan period such as 十四五 counts as its last year, when it is due.
// The words are the lexicon's (src/lexicon/time.ts).
import { alternation } from '../lexicon/pattern.ts';
import { DEADLINE_WORDS, PLAN_PERIODS, PLAN_PERIOD_SUFFIXES, RELATIVE_YEARS, SPAN_JOINERS } from '../lexicon/time.ts';

export interface YearMention {
  year: number;
  start: number;
  end: number;
  /** True for 到2021年 / 到2025年: a deadline that governs what follows it in the paragraph. */
  deadline: boolean;
  /** For a period (十四五, 过去五年, 2019-2022年): its first year; `year` is its last. */
  from?: number;
  /** 全年, 本年, 当年: "the year spoken of", resolved to the document's year unless context fixes it. */
  inTheYear?: true;
}

const RELATIVE = new Map(RELATIVE_YEARS.map((r) => [r.word, r]));
const PERIODS = new Map(PLAN_PERIODS.map((p) => [p.word, p]));

// A year that starts a period (2019-2022年) is not the year of a figure; the period's end is.
const YEAR_PATTERN = new RegExp(
  `(${alternation(DEADLINE_WORDS)})?((?:19|20)\\d{2})(?:\\s*(?:${alternation(SPAN_JOINERS)})\\s*((?:19|20)\\d{2}))?\\s*年` +
    `|(${alternation(RELATIVE.keys())})` +
    `|“?(${alternation(PERIODS.keys())})”?(?:${alternation(PLAN_PERIOD_SUFFIXES)})?`,
  'g',
);

/** Every year the text names, in order; relative words only when `documentYear` is known. */
export function findYearMentions(text: string, documentYear: number | null): YearMention[] {
  const mentions: YearMention[] = [];
  for (const match of text.matchAll(YEAR_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
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
      mentions.push({ year: period.to, start, end, deadline: true, from: period.from });
    }
  }
  return mentions;
}
