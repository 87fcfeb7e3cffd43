// Document text → articles and paragraphs, with the breaks that page and column layout left in the
// text mended. Pure: no I/O, no knowledge of any particular document — every decision is taken from
// the shape of a line (its length, its punctuation, its numbering) and of the lines around it.
//
// How the text is cut up:
// - An *article* starts at
//   · a headline: a short line (≤ 30 chars) with no sentence punctuation inside or at its end
//     (：, 《》, “”, brackets are fine), followed by more text. Up to three consecutive such lines
//     form one headline (附件1 + 2025年省十件民生实事 → "附件1 2025年省十件民生实事");
//   · a top-level numbered heading of a report (一、2020年工作回顾): reports are cited as
//     `文件 · 一、2020年工作回顾 · 第N段`, and numbering paragraphs per top-level part keeps N small;
//   · a continuation marker such as (上接第1版): the text after it belongs to a story whose start is
//     on another page, so it must not be cited under the headline above it. Such an article has
//     `continued: true` and, when no headline stands right above the marker, the marker itself as
//     its headline ("(上接第1版)"), which tells a reader where to look. A headline right above the
//     marker (铆足干劲促发展 / (上接第1版)) is that article's headline.
// - A *section* (`Paragraph.section`) is a second-level numbered heading inside an article:
//   （一）… on a line of its own, or the first sentence of a paragraph that opens with （一）.
//   It holds until the next section or article.
// - The lines at the very top of a document that are headline-shaped or a dated subtitle (title,
//   来源, ——2021年3月5日在…, speaker) are its *header*: the first is the first article's headline
//   (and the document title when the document is shaped like a report, see docMeta.ts), the others
//   are that article's first paragraphs, so that nothing in the file is lost and a byline never
//   becomes a headline.
// - A *paragraph* is a line of body text, extended over following lines while it is broken (see
//   `mendBrokenParagraphs`). List items (1. / 一是 / —— / （1）) and indented lines always start a
//   new paragraph.
//
// Offsets: `start`/`end` of a paragraph are offsets into the text after line-ending normalisation
// (CRLF/CR → LF, see decode.ts), of its first and one past its last source character. The text is
// trimmed (U+3000 indentation included) and cleared of zero-width characters, and a mended paragraph
// joins its lines without the line breaks, so `text` equals `source.slice(start, end)` exactly when
// the paragraph is one line without zero-width characters.
import type { Article, Paragraph } from '../model.ts';
import { normaliseLineEndings } from './decode.ts';

/** A non-empty line of the document. */
export interface SourceLine {
  /** Trimmed, zero-width characters removed. */
  text: string;
  /** Offset of the first and one past the last non-blank character in the normalised text. */
  start: number;
  end: number;
  /** Starts with whitespace (paragraph indentation, e.g. U+3000 U+3000). */
  indented: boolean;
  /** Preceded by an empty line (or the start of the document). */
  afterBlank: boolean;
}

export type LineKind =
  /** Body text. */
  | 'text'
  /** Body text that always starts a paragraph: 1. / 一是 / —— / （1） / （一）…。… */
  | 'item'
  /** Headline-shaped: short, no sentence punctuation. A headline when more text follows it. */
  | 'short'
  /** 一、… */
  | 'heading'
  /** （一）… on its own line. */
  | 'subheading'
  /** (上接第1版) */
  | 'jumpFrom'
  /** (下转第2版): layout noise, dropped. */
  | 'jumpTo';

export interface DocumentLayout {
  articles: Article[];
  /**
   * The headline-shaped and dated lines at the top of the document, mended (政府工作报 + 告 →
   * 政府工作报告): the first is the first article's headline, the rest its first paragraphs.
   * Empty when the document starts with body text.
   */
  header: string[];
}

// Dropped everywhere: they only carry invisible layout (U+200B page-break artefacts, BOMs, soft hyphens).
const ZERO_WIDTH = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;
const HAS_ZERO_WIDTH = /[\u00AD\u200B-\u200F\u2060\uFEFF]/;

/** Punctuation that ends a sentence or a clause introducing what follows (各位代表：). */
const PARAGRAPH_END = new Set(['。', '！', '？', '；', '…', '：', '!', '?', ';', ':', '.', '．']);
/** Closing marks that may follow the final punctuation: 。” / ！） */
const CLOSING = new Set(['”', '’', '」', '』', '》', '〉', '）', ')', '】', '〕', '"', "'"]);
/** Sentence punctuation a headline never contains. */
const SENTENCE_PUNCTUATION = /[，、。；！？…,;!?]/;
const SENTENCE_END_INSIDE = /[。！？；!?;]/;

const HEADLINE_MAX = 30;
/** Lines a headline may span (附件1 / 2025年省十件民生实事). */
const HEADLINE_MAX_LINES = 3;
const HEADING_MAX = 40;
const SUBHEADING_MAX = 60;

const NUMBERED_HEADING = /^[一二三四五六七八九十百零〇]+、/;
const NUMBERED_SUBHEADING = /^[（(][一二三四五六七八九十百零〇]+[)）]/;
/** Markers that open a list item, which is its own paragraph and never a headline. */
const LIST_ITEM = /^(?:\d{1,3}[.．、](?![0-9])|[（(]\d{1,3}[)）]|[一二三四五六七八九十]+是|[①-⑳])/;
const JUMP_FROM = /^[（(]\s*上接\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[)）]/;
const JUMP_TO = /^[（(]\s*下转\s*第?\s*[0-9０-９一二三四五六七八九十]+\s*版\s*[)）]$/;
/** A dated subtitle: ——2021年3月5日在第十三届全国人民代表大会第四次会议上 */
const DATELINE = /^[—\-－–]*\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日/;
/** Marks that can only continue a sentence, never start one. */
const CONTINUATION_START = /^[，、。；：！？…》”’）)】」』,;:!?%％]/;
const FRAGMENT_MAX = 2;
const HAN_CHARACTER = /\p{Script=Han}/u;

function isBlankCode(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xad ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0xfeff
  );
}

function isZeroWidthCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff;
}

/** Non-empty lines with their offsets; lines of only whitespace or zero-width characters are dropped. */
export function splitSourceLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let afterBlank = true;
  let pos = 0;
  const length = source.length;
  while (pos <= length) {
    let lineEnd = source.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = length;
    let start = pos;
    let end = lineEnd;
    let indented = false;
    while (start < end && isBlankCode(source.charCodeAt(start))) {
      if (!isZeroWidthCode(source.charCodeAt(start))) indented = true;
      start++;
    }
    while (end > start && isBlankCode(source.charCodeAt(end - 1))) end--;
    if (start === end) {
      afterBlank = true;
    } else {
      const raw = source.slice(start, end);
      const text = HAS_ZERO_WIDTH.test(raw) ? raw.replace(ZERO_WIDTH, '') : raw;
      lines.push({ text, start, end, indented, afterBlank });
      afterBlank = false;
    }
    pos = lineEnd + 1;
  }
  return lines;
}

function lastMeaningfulChar(text: string): string {
  let i = text.length - 1;
  while (i > 0 && CLOSING.has(text[i]!)) i--;
  return text[i] ?? '';
}

/** Ends with sentence-final punctuation (closing quotes and brackets after it allowed). */
export function endsParagraph(text: string): boolean {
  return PARAGRAPH_END.has(lastMeaningfulChar(text));
}

/**
 * Short, and without sentence punctuation inside or at the end: 北京：2022年信息消费产业规模将达1.4万亿元,
 * 十项任务细化《行动计划》. A line broken by layout is told apart by its shape: it is long or carries
 * ，、。 inside (四是推动信息基础设施建设及服务优化。包括推动信息基础设施).
 */
export function isHeadlineShape(text: string): boolean {
  if (text.length === 0 || text.length > HEADLINE_MAX) return false;
  // A line of only digits, letters or dashes (the 2 of a subscript M2, a bare ——) heads nothing.
  if (!HAN_CHARACTER.test(text)) return false;
  if (SENTENCE_PUNCTUATION.test(text)) return false;
  if (endsParagraph(text)) return false;
  if (LIST_ITEM.test(text)) return false;
  return true;
}

/** A top-level numbered heading: 一、2020年工作回顾 (not a numbered list item with sentences). */
export function isNumberedHeading(text: string): boolean {
  return (
    NUMBERED_HEADING.test(text) &&
    text.length <= HEADING_MAX &&
    !SENTENCE_END_INSIDE.test(text) &&
    !endsParagraph(text)
  );
}

/** A second-level heading on a line of its own: （一）保持宏观政策连续性稳定性可持续性，促进经济运行在合理区间。 */
export function isNumberedSubheading(text: string): boolean {
  if (!NUMBERED_SUBHEADING.test(text) || text.length > SUBHEADING_MAX) return false;
  const firstEnd = text.search(SENTENCE_END_INSIDE);
  return firstEnd < 0 || firstEnd >= text.length - 1 - trailingClosingCount(text);
}

function trailingClosingCount(text: string): number {
  let n = 0;
  for (let i = text.length - 1; i >= 0 && CLOSING.has(text[i]!); i--) n++;
  return n;
}

/** The section a paragraph opening with （一） announces: its first sentence, without the full stop. */
export function embeddedSectionHeading(text: string): string | null {
  if (!NUMBERED_SUBHEADING.test(text)) return null;
  const firstEnd = text.search(SENTENCE_END_INSIDE);
  return firstEnd < 0 ? text : text.slice(0, firstEnd);
}

/** (上接第1版) / （上接第一版）: the text below continues a story from another page. */
export function isContinuationMarker(text: string): boolean {
  const m = JUMP_FROM.exec(text);
  return m !== null && m[0].length === text.length;
}

/** A dated subtitle line (——2021年3月5日在…, 2025年1月14日在…会议上): no sentence of body text. */
export function isDateline(text: string): boolean {
  return DATELINE.test(text) && text.length <= SUBHEADING_MAX && !SENTENCE_PUNCTUATION.test(text);
}

export function classifyLine(text: string): LineKind {
  if (isContinuationMarker(text)) return 'jumpFrom';
  if (JUMP_TO.test(text)) return 'jumpTo';
  if (isNumberedHeading(text)) return 'heading';
  if (NUMBERED_SUBHEADING.test(text)) return isNumberedSubheading(text) ? 'subheading' : 'item';
  if (isHeadlineShape(text)) return 'short';
  if (LIST_ITEM.test(text) || text.startsWith('——')) return 'item';
  return 'text';
}

/**
 * A marker printed at the start of a body line, "(上接第1版)六是…", becomes a line of its own, so
 * that it starts an article like a marker on its own line does.
 */
function separateLeadingMarkers(lines: SourceLine[]): SourceLine[] {
  if (!lines.some((l) => JUMP_FROM.test(l.text) && !isContinuationMarker(l.text))) return lines;
  const out: SourceLine[] = [];
  for (const line of lines) {
    const m = JUMP_FROM.exec(line.text);
    if (m === null || m[0].length === line.text.length || line.text.length !== line.end - line.start) {
      out.push(line);
      continue;
    }
    const rest = line.text.slice(m[0].length);
    const restTrimmed = rest.trimStart();
    const restStart = line.start + m[0].length + (rest.length - restTrimmed.length);
    out.push({ ...line, text: m[0], end: line.start + m[0].length });
    out.push({ text: restTrimmed, start: restStart, end: line.end, indented: false, afterBlank: false });
  }
  return out;
}

/**
 * The document's first line directly followed (no empty line, no indentation) by a one- or
 * two-character fragment is a title that the layout broke: 政府工作报 / 告. Only the first line:
 * elsewhere adjacent short lines are more often table cells than a broken headline.
 */
export function joinTitleFragments(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (const line of lines) {
    const previous = out.length === 1 ? out[0] : undefined;
    if (
      previous !== undefined &&
      !line.afterBlank &&
      !line.indented &&
      line.text.length <= FRAGMENT_MAX &&
      isHeadlineShape(line.text) &&
      isHeadlineShape(previous.text) &&
      isHeadlineShape(previous.text + line.text)
    ) {
      out[out.length - 1] = { ...previous, text: previous.text + line.text, end: line.end };
    } else {
      out.push(line);
    }
  }
  return out;
}

/** What the layout pass hands to article assembly, in document order. */
export type LayoutBlock =
  | { type: 'headline'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'section'; text: string }
  | { type: 'marker'; text: string }
  | { type: 'paragraph'; text: string; start: number; end: number; section: string | null };

/** Net count of opening minus closing 《》 “” （） in a line, to know when a sentence is still open. */
function bracketDepth(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case 0x300a: // 《
      case 0x201c: // “
      case 0xff08: // （
        depth++;
        break;
      case 0x300b: // 》
      case 0x201d: // ”
      case 0xff09: // ）
        depth--;
        break;
    }
  }
  return depth;
}

/**
 * Number of lines at the top of the document that form its header: a headline-shaped first line
 * and the headline-shaped or dated lines right after it (来源, ——2025年1月15日在…, speaker).
 */
export function headerLength(lines: readonly SourceLine[], kinds: readonly LineKind[]): number {
  if (kinds[0] !== 'short') return 0;
  let j = 1;
  while (j < lines.length && (kinds[j] === 'short' || isDateline(lines[j]!.text))) j++;
  return j;
}

interface OpenParagraph {
  parts: string[];
  start: number;
  end: number;
  /** Text of the last line, whose ending decides whether the paragraph is broken off. */
  last: string;
  /** Brackets and quotes opened and not yet closed. */
  depth: number;
  section: string | null;
}

function openParagraph(line: SourceLine, section: string | null): OpenParagraph {
  return { parts: [line.text], start: line.start, end: line.end, last: line.text, depth: bracketDepth(line.text), section };
}

function closeParagraph(open: OpenParagraph): LayoutBlock {
  const text = open.parts.length === 1 ? open.parts[0]! : open.parts.join('');
  return { type: 'paragraph', text, start: open.start, end: open.end, section: open.section };
}

/**
 * Turns lines into blocks, mending paragraphs broken by page or column layout: a paragraph that
 * ends without sentence-final punctuation continues in the next line unless that line is a
 * headline (a short line followed by more text), a heading, a marker, a list item or indented.
 * Inside an open 《…》 or “…”, or when the line starts with punctuation that cannot start a
 * sentence, the line continues it even when short (hyperlink remnants: 根据《 / 中共中央关于… / 》，).
 */
export function mendBrokenParagraphs(lines: readonly SourceLine[], kinds: readonly LineKind[]): LayoutBlock[] {
  const n = lines.length;
  // runEnd[i]: index of the first line at or after i that is not headline-shaped.
  const runEnd = new Int32Array(n + 1);
  runEnd[n] = n;
  for (let i = n - 1; i >= 0; i--) runEnd[i] = kinds[i] === 'short' ? runEnd[i + 1]! : i;

  const blankSeparated = isBlankSeparated(lines);
  const blocks: LayoutBlock[] = [];
  const header = headerLength(lines, kinds);
  if (header > 0) {
    blocks.push({ type: 'headline', text: lines[0]!.text });
    for (let k = 1; k < header; k++) {
      const line = lines[k]!;
      blocks.push({ type: 'paragraph', text: line.text, start: line.start, end: line.end, section: null });
    }
  }

  let open: OpenParagraph | null = null;
  for (let i = header; i < n; i++) {
    const line = lines[i]!;
    const kind = kinds[i]!;
    if (open !== null) {
      if (continuesParagraph(open, line, kind, kind === 'short' && runEnd[i]! < n, blankSeparated && !line.afterBlank)) {
        open.parts.push(line.text);
        open.end = line.end;
        open.last = line.text;
        open.depth += bracketDepth(line.text);
        continue;
      }
      blocks.push(closeParagraph(open));
      open = null;
    }
    switch (kind) {
      case 'jumpTo':
        break;
      case 'jumpFrom':
        blocks.push({ type: 'marker', text: line.text });
        break;
      case 'heading':
        blocks.push({ type: 'heading', text: line.text });
        break;
      case 'subheading':
        blocks.push({ type: 'section', text: stripFinalStop(line.text) });
        break;
      case 'short': {
        const end = runEnd[i]!;
        if (end < n) {
          // A longer run of short lines is not one headline but stray short text (table cells,
          // captions): those lines stay paragraphs and the line right above the body is the headline.
          const from = Math.max(i, end - HEADLINE_MAX_LINES);
          for (let k = i; k < from; k++) {
            const stray = lines[k]!;
            blocks.push({ type: 'paragraph', text: stray.text, start: stray.start, end: stray.end, section: null });
          }
          const headline = end - from === 1 ? lines[from]!.text : lines.slice(from, end).map((l) => l.text).join(' ');
          blocks.push({ type: 'headline', text: headline });
          i = end - 1;
        } else {
          // Short lines closing the document (a byline, a note) with nothing after them.
          open = openParagraph(line, null);
        }
        break;
      }
      case 'item':
        open = openParagraph(line, embeddedSectionHeading(line.text));
        break;
      case 'text':
        open = openParagraph(line, null);
        break;
    }
  }
  if (open !== null) blocks.push(closeParagraph(open));
  return blocks;
}

/** Most lines stand after an empty line: the document sets its paragraphs apart that way. */
function isBlankSeparated(lines: readonly SourceLine[]): boolean {
  return lines.filter((l) => l.afterBlank).length * 2 > lines.length;
}

/**
 * Where paragraphs are set apart by empty lines, a headline stands after one (or under another
 * headline line): a short line right under body text is body text. Hyperlink remnants put a
 * linked word on a line of its own (党的十八届六中全会 / 正式明确 / 习近平 / 总书记的…), and a
 * line right under an unfinished one is the rest of it (see continuesParagraph).
 */
function demoteInlineShortLines(lines: readonly SourceLine[], kinds: LineKind[]): LineKind[] {
  if (!isBlankSeparated(lines)) return kinds;
  let headlineRun = false;
  return kinds.map((kind, i) => {
    if (kind !== 'short') {
      headlineRun = false;
      return kind;
    }
    headlineRun = i === 0 || lines[i]!.afterBlank || headlineRun;
    return headlineRun ? kind : 'text';
  });
}

function continuesParagraph(open: OpenParagraph, line: SourceLine, kind: LineKind, isHeadline: boolean, directlyUnder: boolean): boolean {
  if (endsParagraph(open.last)) return false;
  if ((kind !== 'text' && kind !== 'short') || line.indented) return false;
  return !isHeadline || directlyUnder || open.depth > 0 || CONTINUATION_START.test(line.text);
}

function stripFinalStop(text: string): string {
  return text.endsWith('。') ? text.slice(0, -1) : text;
}

interface ArticleDraft {
  headline: string;
  continued: boolean;
  paragraphs: { section: string; text: string; start: number; end: number }[];
}

/** Groups blocks into articles, numbers them and their paragraphs; articles without text are dropped. */
export function assembleArticles(blocks: readonly LayoutBlock[], file: string): Article[] {
  const drafts: ArticleDraft[] = [];
  let current: ArticleDraft | null = null;
  let section = '';
  const startArticle = (headline: string, continued: boolean): ArticleDraft => {
    const draft: ArticleDraft = { headline, continued, paragraphs: [] };
    drafts.push(draft);
    section = '';
    return draft;
  };
  for (const block of blocks) {
    switch (block.type) {
      case 'headline':
      case 'heading':
        current = startArticle(block.text, false);
        break;
      case 'marker':
        // A headline printed right above the marker is the continued story's headline.
        if (current !== null && current.paragraphs.length === 0 && !current.continued) current.continued = true;
        else current = startArticle(block.text, true);
        break;
      case 'section':
        section = block.text;
        break;
      case 'paragraph':
        if (current === null) current = startArticle('', false);
        if (block.section !== null) section = block.section;
        current.paragraphs.push({ section, text: block.text, start: block.start, end: block.end });
        break;
    }
  }
  const articles: Article[] = [];
  for (const draft of drafts) {
    if (draft.paragraphs.length === 0) continue;
    const index = articles.length + 1;
    const paragraphs: Paragraph[] = draft.paragraphs.map((p, k) => ({
      id: `${file}#${index}.${k + 1}`,
      doc: file,
      article: index,
      headline: draft.headline,
      section: p.section,
      number: k + 1,
      text: p.text,
      start: p.start,
      end: p.end,
    }));
    articles.push({ index, headline: draft.headline, continued: draft.continued, paragraphs });
  }
  return articles;
}

/**
 * Lays out a decoded document. `text` may still have CRLF/CR line endings; offsets refer to the
 * text after `normaliseLineEndings`, which is what `decodeDocumentText` returns.
 */
export function layoutDocument(text: string, file: string): DocumentLayout {
  const source = normaliseLineEndings(text);
  const lines = joinTitleFragments(separateLeadingMarkers(splitSourceLines(source)));
  const kinds = demoteInlineShortLines(lines, lines.map((l) => classifyLine(l.text)));
  const blocks = mendBrokenParagraphs(lines, kinds);
  const header = lines.slice(0, headerLength(lines, kinds)).map((l) => l.text);
  return { articles: assembleArticles(blocks, file), header };
}
