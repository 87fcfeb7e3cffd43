// Title and year of a laid-out document. Pure.
//
// The year is what 今年/明年/去年 in the document are resolved against, so it must be the year the
// document speaks from, not merely a year it mentions: a report delivered in March 2021 reviews 2020
// and plans 2021. Sources, most reliable first: the dated subtitle (——2021年3月5日在…), a year in
// the title (2025年广东省政府工作报告), a year in the file name (2025_national_…), and last the
// latest "N年工作回顾" heading, since a review of year N is delivered in N+1.
import type { Article } from '../model.ts';
import { alternation } from '../lexicon/pattern.ts';
import { LAYING_OUT_VERBS, PLANNED_WORK_WORDS } from '../lexicon/time.ts';
import { isDateline, isNumberedHeading, type DocumentLayout } from './layout.ts';

export interface DocumentMeta {
  title: string | null;
  year: number | null;
}

const YEAR_IN_TEXT = /((?:19|20)\d{2})年/;
const DATELINE_YEAR = /^[—\-－–]*\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日/;
// A year standing alone in a file name: 2025_national…, report-2021.txt, not the digits of a hash.
const YEAR_IN_FILE_NAME = /(?<![0-9A-Za-z])((?:19|20)\d{2})(?![0-9A-Za-z])/;
const REVIEW_HEADING = /((?:19|20)\d{2})年工作回顾/g;

/**
 * The title a document states: the first line of its header when the document is shaped like a
 * report — the title has header lines under it (来源, a dated subtitle, the speaker) or the text is
 * organised under numbered headings (一、…). A newspaper page whose first line is simply the first
 * story's headline has no title of its own.
 */
export function documentTitle(layout: DocumentLayout): string | null {
  const first = layout.header[0];
  if (first === undefined) return null;
  if (layout.header.length > 1) return first;
  return layout.articles.some((a) => isNumberedHeading(a.headline)) ? first : null;
}

/** The year of a dated subtitle line (——2021年3月5日在…, 2025年1月14日在…会议上), else null. */
export function yearFromDateline(line: string): number | null {
  if (!isDateline(line)) return null;
  const m = DATELINE_YEAR.exec(line);
  return m === null ? null : Number(m[1]);
}

/** A year standing alone in a file name (2025_national_government_work_report.txt), else null. */
export function yearFromFileName(file: string): number | null {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const m = YEAR_IN_FILE_NAME.exec(name);
  return m === null ? null : Number(m[1]);
}

/** The year after the latest year reviewed under a "N年工作回顾" headline or section, else null. */
export function yearAfterLatestReview(articles: readonly Article[]): number | null {
  let latest: number | null = null;
  const consider = (text: string): void => {
    for (const m of text.matchAll(REVIEW_HEADING)) {
      const year = Number(m[1]);
      if (latest === null || year > latest) latest = year;
    }
  };
  for (const article of articles) {
    consider(article.headline);
    let lastSection = '';
    for (const p of article.paragraphs) {
      if (p.section !== lastSection) consider((lastSection = p.section));
    }
  }
  return latest === null ? null : latest + 1;
}

const WORK = alternation(PLANNED_WORK_WORDS);
const LAY_OUT = alternation(LAYING_OUT_VERBS);
const PLANNING = new RegExp(
  `((?:19|20)\\d{2})年[^，。；]{0,8}?(?:${WORK})[^，。；]{0,6}?(?:${LAY_OUT})|(?:${LAY_OUT})[^，。；]{0,4}?((?:19|20)\\d{2})年[^，。；]{0,6}?(?:${WORK})`,
);

/** The year before the one whose work the document lays out (对2020年重点工作进行了部署 → 2019), else null. */
export function yearFromPlannedWork(articles: readonly Article[]): number | null {
  for (const article of articles) {
    for (const p of article.paragraphs) {
      const m = PLANNING.exec(p.text);
      if (m !== null) return Number(m[1] ?? m[2]) - 1;
    }
  }
  return null;
}

export function documentYear(file: string, title: string | null, layout: DocumentLayout): number | null {
  for (const line of layout.header) {
    const year = yearFromDateline(line);
    if (year !== null) return year;
  }
  if (title !== null) {
    const m = YEAR_IN_TEXT.exec(title);
    if (m !== null) return Number(m[1]);
  }
  return yearFromFileName(file) ?? yearAfterLatestReview(layout.articles) ?? yearFromPlannedWork(layout.articles);
}

export function documentMeta(file: string, layout: DocumentLayout): DocumentMeta {
  const title = documentTitle(layout);
  return { title, year: documentYear(file, title, layout) };
}
