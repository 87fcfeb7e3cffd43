// Spaces that PDF text extraction puts into Chinese text, taken out again. Pure.
//
// Office PDF export sets Latin digits and letters in a Western font and spaces them off from the Han
// characters around them ("2025 年", "增长 5.8%"), and a justified line with little to break on is
// stretched with a gap between every character ("速 回 落 影 响 ，"). A reader sees neither space.
// Taken out: spaces between a Han character and a digit, Latin letter or %, spaces next to Chinese
// punctuation, and, in a line stretched like that, the spaces between Han characters (pdf.js reports
// a gap wider than it expects as a space). Kept: a space
// between two Latin words or numbers, and a single space between two Han characters in an ordinary
// line, which the document itself wrote (省长 王清宪).

const HAN = '\\p{Script=Han}';
// CJK symbols and punctuation, full-width forms, and the quotation marks, dashes and ellipsis of
// Chinese text (which Unicode places in General Punctuation).
const CJK_PUNCTUATION = '\\u3000-\\u303F\\uFF00-\\uFFEF\\u2018\\u2019\\u201C\\u201D\\u2014\\u2026\\u00B7';
const LATIN = 'A-Za-z0-9%';
const SPACES = '[ \\u00A0]+';

const CJK_CHARACTER = new RegExp(`^(?:${HAN}|[${CJK_PUNCTUATION}])$`, 'u');

/** A Han character or a mark of Chinese punctuation. */
export function isCjk(character: string): boolean {
  return CJK_CHARACTER.test(character);
}

const SPACE_BY_PUNCTUATION = new RegExp(`(?<=[${CJK_PUNCTUATION}])${SPACES}|${SPACES}(?=[${CJK_PUNCTUATION}])`, 'gu');
const SPACE_HAN_LATIN = new RegExp(`(?<=${HAN})${SPACES}(?=[${LATIN}])|(?<=[${LATIN}])${SPACES}(?=${HAN})`, 'gu');
const SPACE_HAN_HAN = new RegExp(`(?<=${HAN})${SPACES}(?=${HAN})`, 'gu');
const STRETCHED_LINE_GAPS = 2;
const SPACED_HAN_PAIR = new RegExp(`${HAN}(?=${SPACES}${HAN})`, 'gu');

/**
 * A justified line stretched with gaps between its Han characters: two or more such gaps (a space
 * the document wrote between two Han characters, before a name, comes one to a line).
 */
export function isLetterSpaced(line: string): boolean {
  return (line.match(SPACED_HAN_PAIR)?.length ?? 0) >= STRETCHED_LINE_GAPS;
}

/** One line of PDF text with the spaces of its typesetting taken out (see above). */
export function normaliseCjkSpacing(line: string): string {
  let text = line.replace(SPACE_BY_PUNCTUATION, '').replace(SPACE_HAN_LATIN, '');
  if (isLetterSpaced(text)) text = text.replace(SPACE_HAN_HAN, '');
  return text;
}

const ENDS_LATIN = /[A-Za-z0-9]$/;
const STARTS_LATIN = /^[A-Za-z0-9]/;

/** Two wrapped lines of one paragraph: joined as they were before the wrap (a space only between Latin words). */
export function joinPdfLines(before: string, after: string): string {
  const left = before.trimEnd();
  const right = after.trimStart();
  return ENDS_LATIN.test(left) && STARTS_LATIN.test(right) ? `${left} ${right}` : left + right;
}
