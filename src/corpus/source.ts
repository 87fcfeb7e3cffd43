// A document's source (title, publisher, date, URL): what its text states at the top, and the
// merge of every statement about it. Pure.
//
// Which statement wins, field by field: the seeds' catalogue (a person wrote it for this file),
// then the document's own text (its title line, 来源：…, the dated subtitle), then the file's
// properties (docx core.xml, PDF Info, HTML <head>), which are often the typist's login and the day
// the file was saved or printed rather than the publisher and the date of the document.
import type { Source } from '../model.ts';
import { dateFromChineseText, normaliseDate } from './dates.ts';

/** Labels of the line that names the publisher: 来源：贵州日报. */
const PUBLISHER_LABELS: readonly string[] = ['来源', '稿源', '出处', '发布机构', '发布单位', '发文机关', '发文单位'];
/** Labels that may follow the publisher on the same line (来源：新华社 发布时间：…). */
const FOLLOWING_LABELS: readonly string[] = ['发布时间', '发布日期', '发文日期', '日期', '时间', '作者', '编辑', '责任编辑', '浏览次数', '字号'];
/** Labels of a line that states the date: 发布时间：2025-01-20. */
const DATE_LABELS: readonly string[] = ['发布时间', '发布日期', '发文日期', '成文日期', '日期'];

/** How far into the text the header lines (title, 来源, dated subtitle, speaker) may reach. */
const HEADER_LINES = 8;
/** A body paragraph, not a header line, is longer than this. */
const HEADER_LINE_MAX = 120;

const labelled = (labels: readonly string[]): RegExp => new RegExp(`^(?:${labels.join('|')})\\s*[：:]\\s*`);
const PUBLISHER_LINE = labelled(PUBLISHER_LABELS);
const DATE_LINE = labelled(DATE_LABELS);
// Where a publisher's name ends: a date glued to it (来源：江西省人民政府2025年1月17日在…), or the next label.
const PUBLISHER_END = new RegExp(`\\s*(?:(?:19|20)\\d{2}\\s*[年\\-/.]|(?:${FOLLOWING_LABELS.join('|')})\\s*[：:])|[，,。；;]`);
/** A dated subtitle: ——2025年1月19日在…, 2025年1月20日在…会议上 (not a body sentence: 2025年1月，…). */
const DATELINE = /^[—\-－–]*\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?=\s*(?:在|$|[（(]))|^[—\-－–]+\s*(?:19|20)\d{2}\s*年/;
const FULL_DATE = /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;

function headerLines(text: string): string[] {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.length > HEADER_LINE_MAX || lines.length >= HEADER_LINES) break;
    lines.push(line);
  }
  return lines;
}

/** The publisher named by a 来源：… line, cut where the name ends. */
export function publisherOf(line: string): string | null {
  const label = PUBLISHER_LINE.exec(line);
  if (label === null) return null;
  const rest = line.slice(label[0].length);
  const end = PUBLISHER_END.exec(rest);
  const name = (end === null ? rest : rest.slice(0, end.index)).trim();
  return name === '' ? null : name;
}

/** Publisher and date that the top of a document's text states (title: see docMeta.ts). */
export function sourceFromText(text: string): Pick<Source, 'publisher' | 'date'> {
  let publisher: string | null = null;
  let date: string | null = null;
  for (const line of headerLines(text)) {
    const named = publisherOf(line);
    if (named !== null) {
      publisher ??= named;
      // 来源：江西省人民政府2025年1月17日在…: the dated subtitle glued to the publisher.
      const glued = line.slice(line.indexOf(named) + named.length).trim();
      if (date === null && DATELINE.test(glued)) date = dateFromChineseText(glued);
      continue;
    }
    if (date !== null) continue;
    const label = DATE_LINE.exec(line);
    if (label !== null) {
      const value = line.slice(label[0].length);
      date = normaliseDate(value) ?? dateFromChineseText(value);
    } else if (DATELINE.test(line) && FULL_DATE.test(line)) {
      date = dateFromChineseText(line);
    }
  }
  return { publisher, date };
}

/** Field by field, the first statement that says something (most trusted first). */
export function mergeSources(...statements: readonly Partial<Source>[]): Source {
  const first = (field: keyof Source): string | null => {
    for (const statement of statements) {
      const value = statement[field];
      if (value !== null && value !== undefined && value !== '') return value;
    }
    return null;
  };
  return { title: first('title'), publisher: first('publisher'), date: first('date'), url: first('url') };
}
