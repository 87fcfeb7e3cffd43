// Years a text speaks of, resolved to numbers. Relative words are resolved against the year the
// document speaks from; a plan period such as 十四五 counts as its last year, when it is due.

export interface YearMention {
  year: number;
  start: number;
  end: number;
  /** True for 到2021年 / 到2025年: a deadline that governs what follows it in the paragraph. */
  deadline: boolean;
  /** For a period (十四五, 过去五年, 2019-2022年): its first year; `year` is its last. */
  from?: number;
}

const FIVE_YEAR_PLANS: Record<string, number> = {
  十一五: 2010,
  十二五: 2015,
  十三五: 2020,
  十四五: 2025,
  十五五: 2030,
};

// A year that starts a period (2019-2022年) is not the year of a figure; the period's end is.
const YEAR_PATTERN =
  /(到|至|截至|截止到?)?((?:19|20)\d{2})(?:\s*[-—–~～至到]\s*((?:19|20)\d{2}))?\s*年|(今年|明年|去年|全年|本年|当年|前年|过去一年|过去五年)|“?(十[一二三四五]五)”?(?:时期|期间|规划|末)?/g;

const RELATIVE_OFFSET: Record<string, number> = {
  今年: 0,
  全年: 0,
  本年: 0,
  当年: 0,
  明年: 1,
  去年: -1,
  前年: -2,
  过去一年: -1,
  过去五年: -1,
};

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
      const year = documentYear + (RELATIVE_OFFSET[match[4]] ?? 0);
      const period = match[4] === '过去五年' ? { from: year - 4 } : {};
      mentions.push({ year, start, end, deadline: false, ...period });
    } else if (match[5] !== undefined) {
      const year = FIVE_YEAR_PLANS[match[5]];
      if (year !== undefined) mentions.push({ year, start, end, deadline: true, from: year - 4 });
    }
  }
  return mentions;
}
