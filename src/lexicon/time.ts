// Words for time in policy text: years said relative to the document's own, plan periods, the
// words that make a year a deadline, and the words that close a span. Years and question parsing
// read these tables; a new time word is one row.

export interface RelativeYear {
  readonly word: string;
  /** Years after (+) or before (−) the year the document speaks from. */
  readonly offset: number;
  /** For a span (过去五年): how many years it covers, ending at the offset year. */
  readonly span?: number;
  /** 全年, 本年, 当年: "the year spoken of", which a heading or a question may fix otherwise. */
  readonly inTheYear?: true;
}

export const RELATIVE_YEARS: readonly RelativeYear[] = [
  { word: '今年', offset: 0 },
  { word: '全年', offset: 0, inTheYear: true },
  { word: '本年', offset: 0, inTheYear: true },
  { word: '当年', offset: 0, inTheYear: true },
  { word: '明年', offset: 1 },
  { word: '去年', offset: -1 },
  { word: '前年', offset: -2 },
  { word: '过去一年', offset: -1 },
  { word: '过去五年', offset: -1, span: 5 },
];

/** Five-year plans by their names: 十四五 runs 2021–2025 and is due in its last year. */
export const PLAN_PERIODS: readonly { readonly word: string; readonly from: number; readonly to: number }[] = [
  { word: '十一五', from: 2006, to: 2010 },
  { word: '十二五', from: 2011, to: 2015 },
  { word: '十三五', from: 2016, to: 2020 },
  { word: '十四五', from: 2021, to: 2025 },
  { word: '十五五', from: 2026, to: 2030 },
];

/** Words after a plan period's name that still name the period (十四五时期, 十四五规划). */
export const PLAN_PERIOD_SUFFIXES: readonly string[] = ['时期', '期间', '规划', '末'];

/** Before a year they make it a deadline: 到2025年, 截至2024年底. Longest first. */
export const DEADLINE_WORDS: readonly string[] = ['截止到', '截至', '截止', '到', '至'];

/** After a year they name its end: 2020年年底, 2025年末. Longest first. */
export const YEAR_END_WORDS: readonly string[] = ['年底', '年末', '底', '末'];

/** After a year's end, "before": 2020年底前. */
export const BEFORE_WORD = '前';

/** Words joining the two years of a span: 2019-2022年, 2021至2025年. */
export const SPAN_JOINERS: readonly string[] = ['-', '—', '–', '~', '～', '至', '到'];

/** Headings of a review of the past, whose figures are results. */
export const REVIEW_HEADING_WORDS: readonly string[] = ['回顾', '过去一年'];

/** After a year, words that make it the start of a span (2007年以来), not the year of a figure. */
export const SINCE_WORDS: readonly string[] = ['以来', '来'];

/** After a year, words that make it the base of a comparison (与2020年相比). */
export const COMPARED_BASE_AFTER: readonly string[] = ['相比', '相较', '比较'];

/** After "N年", words that make it a time limit counted from the document's year (力争3年内). */
export const WITHIN_YEARS_WORDS: readonly string[] = ['内', '时间'];

/**
 * A document that states no date speaks from the year before the one whose work it lays out
 * (会议对2020年重点工作进行了部署: said in 2019). The words of such a sentence: the work planned and
 * the verbs of laying it out.
 */
export const PLANNED_WORK_WORDS: readonly string[] = ['工作', '任务'];
export const LAYING_OUT_VERBS: readonly string[] = ['部署', '安排'];
