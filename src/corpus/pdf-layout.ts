// Positioned text of PDF pages → paragraphs. Pure.
//
// A PDF keeps no paragraphs: every line is wrapped and a page break cuts a sentence anywhere. They
// are rebuilt from the geometry, as a reader sees them:
// - lines are the text pieces sharing a baseline, left to right;
// - page furniture goes: a page number (1, - 2 -, 第3页, 3/34) as a page's first or last line, and a
//   running header or footer, a first or last line that recurs (digits aside) on most pages;
// - a line starts a paragraph when the line before it ends short of the right margin, when it is
//   indented past the left margin (a first line), when a wider gap than the usual line spacing
//   separates it from the line above, or when its type size differs; otherwise it continues the
//   paragraph, across a page break too.
// Margins and the usual line spacing are measured on the document itself (the most common left
// edge, the right edge that most lines reach, the most common baseline distance).
import { isCjk, joinPdfLines, normaliseCjkSpacing } from './cjk-spacing.ts';

export interface PdfTextItem {
  text: string;
  /** Left end of the baseline, in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Type size (the item's height). */
  size: number;
}

export interface PdfPage {
  items: PdfTextItem[];
}

export interface PdfLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  page: number;
}

/** Shapes of a page number standing alone on a line. */
const PAGE_NUMBER_SHAPES: readonly RegExp[] = [
  /^\d{1,4}$/,
  /^[-–—－]\s*\d{1,4}\s*[-–—－]$/,
  /^第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$/i,
];

/** Lines at the top and at the bottom of a page that may be its furniture. */
const FURNITURE_LINES = 2;
/** A running header or footer recurs on at least this share of the pages (and on two or more). */
const RUNNING_SHARE = 0.5;
/** A line ending this many type sizes short of the right margin ends its paragraph. */
const SHORT_LINE_EMS = 1;
/** A line starting this many type sizes right of the left margin is indented. */
const INDENT_EMS = 0.5;
/** A gap this many times the usual line spacing separates paragraphs. */
const PARAGRAPH_GAP = 1.4;
/** Sizes within this ratio are the same type size. */
const SIZE_TOLERANCE = 0.1;

const isBlank = (text: string): boolean => text.trim() === '';

/**
 * The text of a line's pieces, left to right. A blank piece next to a Chinese character is a gap
 * pdf.js measured between two pieces (justification, a change of font), not a space of the text.
 */
function lineText(items: readonly PdfTextItem[]): string {
  let text = '';
  items.forEach((item, k) => {
    if (!isBlank(item.text)) {
      text += item.text;
      return;
    }
    const before = text.trimEnd().at(-1) ?? '';
    const after = items.slice(k + 1).find((i) => !isBlank(i.text))?.text.trimStart()[0] ?? '';
    if (before !== '' && after !== '' && !isCjk(before) && !isCjk(after)) text += ' ';
  });
  return text;
}

/** The text pieces of a page grouped into lines, top to bottom, each left to right. */
export function pageLines(page: PdfPage, pageIndex: number): PdfLine[] {
  const items = page.items.filter((item) => item.text !== '');
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const current = groups.at(-1);
    const anchor = current?.find((i) => !isBlank(i.text)) ?? current?.[0];
    if (current !== undefined && anchor !== undefined && Math.abs(anchor.y - item.y) <= 0.3 * Math.max(anchor.size, item.size, 1)) {
      current.push(item);
    } else {
      groups.push([item]);
    }
  }
  const lines: PdfLine[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    const visible = group.filter((i) => !isBlank(i.text));
    if (visible.length === 0) continue;
    const last = visible.at(-1)!;
    lines.push({
      text: normaliseCjkSpacing(lineText(group)),
      x0: visible[0]!.x,
      x1: last.x + last.width,
      y: visible[0]!.y,
      size: Math.max(...visible.map((i) => i.size)),
      page: pageIndex,
    });
  }
  return lines;
}

function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return PAGE_NUMBER_SHAPES.some((shape) => shape.test(trimmed));
}

/** The text of a line with its digits and spaces aside: the same on every page for a running header. */
function runningKey(text: string): string {
  return text.replace(/[\s\d０-９]+/g, '#');
}

/** Each page's lines without page numbers and running headers and footers. */
export function dropPageFurniture(pages: readonly PdfLine[][]): PdfLine[][] {
  const edgeLines = (lines: readonly PdfLine[]): PdfLine[] =>
    lines.length <= 2 * FURNITURE_LINES ? [...lines] : [...lines.slice(0, FURNITURE_LINES), ...lines.slice(-FURNITURE_LINES)];
  const pagesWithKey = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edgeLines(lines).map((l) => runningKey(l.text)))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  }
  const running = (line: PdfLine): boolean => {
    const count = pagesWithKey.get(runningKey(line.text)) ?? 0;
    return pages.length >= 2 && count >= 2 && count >= RUNNING_SHARE * pages.length;
  };
  return pages.map((lines) => {
    const kept = [...lines];
    // Peel furniture off each end, outermost first: a header above a page number is furniture too.
    for (let k = 0; k < FURNITURE_LINES && kept.length > 0; k++) {
      const first = kept[0]!;
      if (isPageNumber(first.text) || running(first)) kept.shift();
    }
    for (let k = 0; k < FURNITURE_LINES && kept.length > 0; k++) {
      const last = kept.at(-1)!;
      if (isPageNumber(last.text) || running(last)) kept.pop();
    }
    return kept;
  });
}

function mode(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  let best: number | null = null;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount || (count === bestCount && best !== null && value < best)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export interface PdfGeometry {
  left: number;
  right: number;
  lineSpacing: number;
}

/** Left margin, right margin and usual line spacing of a document's body lines. */
export function measureGeometry(pages: readonly PdfLine[][]): PdfGeometry {
  const lines = pages.flat();
  const left = mode(lines.map((l) => Math.round(l.x0))) ?? 0;
  // Most body lines are full; the short last lines of paragraphs and headings lie below this.
  const right = quantile(lines.map((l) => l.x1), 0.75);
  const spacings: number[] = [];
  for (const page of pages) {
    for (let i = 1; i < page.length; i++) spacings.push(Math.round(page[i - 1]!.y - page[i]!.y));
  }
  return { left, right, lineSpacing: mode(spacings.filter((s) => s > 0)) ?? 0 };
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= SIZE_TOLERANCE * Math.max(a, b);
}

/** Whether `line` starts a paragraph after `previous` (see the rules at the top). */
export function startsParagraph(previous: PdfLine, line: PdfLine, geometry: PdfGeometry): boolean {
  if (!sameSize(previous.size, line.size)) return true;
  if (previous.x1 < geometry.right - SHORT_LINE_EMS * previous.size) return true;
  if (line.x0 > geometry.left + INDENT_EMS * line.size) return true;
  if (previous.page === line.page && geometry.lineSpacing > 0 && previous.y - line.y > PARAGRAPH_GAP * geometry.lineSpacing) return true;
  return false;
}

/** The paragraphs of a document's pages, in reading order. */
export function pdfParagraphs(pages: readonly PdfPage[]): string[] {
  const body = dropPageFurniture(pages.map((page, k) => pageLines(page, k)));
  const geometry = measureGeometry(body);
  const paragraphs: string[] = [];
  let open: string | null = null;
  let previous: PdfLine | null = null;
  for (const line of body.flat()) {
    if (open !== null && previous !== null && !startsParagraph(previous, line, geometry)) {
      open = joinPdfLines(open, line.text);
    } else {
      if (open !== null) paragraphs.push(open);
      open = line.text;
    }
    previous = line;
  }
  if (open !== null) paragraphs.push(open);
  return paragraphs.map((p) => p.trim()).filter((p) => p !== '');
}
