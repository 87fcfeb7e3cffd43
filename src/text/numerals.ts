// Reading numerals: Arabic (thousands separators, decimals, full-width forms), Chinese (一千零一,
// 壹仟, 两千五百, 萬/億 and other traditional forms), and the mixed forms policy writing uses
// (3.2万亿, 100万, 5千). Pure string → number; the figure finder in figures.ts decides where a
// numeral begins and ends in running text and what unit it carries.

/**
 * How forgiving the reading is.
 * - `strict`: standard written numerals only (what cn2an calls strict): 一千零一, 十一, 3.2万亿.
 * - `normal`: also digit strings (一七二零 = 1720), elliptic tails (三万五 = 35000, 一百二 = 120),
 *   an implicit leading one (千一 = 1100, 萬九 = 19000, 百十一) and Latin suffixes (100K, 1.2M).
 * - `prose`: `normal` without digit strings and Latin suffixes. In running text a string of bare
 *   Chinese digits is a year or a code (二〇二一年), and 4K or 5G is a name, never an amount.
 */
export type NumeralStyle = 'strict' | 'normal' | 'prose';

const DIGIT_VALUES: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 貳: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 參: 3, 叄: 3,
  四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
};
const UNIT_VALUES: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};
const SECTION_VALUES: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** Single characters that stand for a digit and 十 together (廿二 = 22). */
const TENS_VALUES: Readonly<Record<string, number>> = { 廿: 2, 卅: 3, 卌: 4 };
const POINTS = new Set(['点', '點']);
const SIGNS = new Set(['负', '負', '-', '−', '－']);
const LATIN_SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, w: 1e4, W: 1e4, M: 1e6, G: 1e9 };

/** Every character that can be part of a Chinese numeral (not 点, which needs digits on both sides). */
export const CHINESE_NUMERAL_CHARS =
  Object.keys(DIGIT_VALUES).join('') + Object.keys(UNIT_VALUES).join('') +
  Object.keys(SECTION_VALUES).join('') + Object.keys(TENS_VALUES).join('');
/** Chinese digits 0–9 alone (no 十百千万亿). */
export const CHINESE_DIGIT_CHARS = Object.keys(DIGIT_VALUES).join('');
/** Characters that scale a number: 十 百 千 万 亿 and their capital and traditional forms. */
export const MAGNITUDE_CHARS = Object.keys(UNIT_VALUES).join('') + Object.keys(SECTION_VALUES).join('');

/** The value of one Chinese digit character (零〇 → 0 … 九玖 → 9), or undefined. */
export function chineseDigitValue(ch: string): number | undefined {
  return DIGIT_VALUES[ch];
}

/** The factor that a run of magnitude characters stands for: 万 → 1e4, 万亿 → 1e12, 千万 → 1e7. */
export function magnitudeValue(word: string): number | null {
  if (word === '') return null;
  let factor = 1;
  for (const ch of word) {
    const value = UNIT_VALUES[ch] ?? SECTION_VALUES[ch];
    if (value === undefined) return null;
    factor *= value;
  }
  return factor;
}

/**
 * value × factor, without the binary noise of a decimal times a power of ten (2.36 × 1e12 must be
 * 2360000000000, not 2359999999999.9995). Integers are multiplied exactly.
 */
export function scale(value: number, factor: number): number {
  const product = value * factor;
  return Number.isInteger(value) && Number.isInteger(factor) ? product : Number(product.toPrecision(15));
}

/** Full-width digits and punctuation to ASCII, so that one grammar reads both. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９．，－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

type Token =
  | { readonly kind: 'digit'; readonly value: number }
  | { readonly kind: 'arabic'; readonly value: number; readonly digits: string; readonly decimal: boolean }
  | { readonly kind: 'unit'; readonly value: number }
  | { readonly kind: 'section'; readonly value: number }
  | { readonly kind: 'point' };

const PLAIN_ARABIC = /^[0-9]+(?:\.[0-9]+)?$/;
const ARABIC = /[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|\.[0-9]+/y;

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const ch = text[at]!;
    ARABIC.lastIndex = at;
    const arabic = ARABIC.exec(text);
    if (arabic) {
      const digits = arabic[0].replace(/,/g, '');
      tokens.push({ kind: 'arabic', value: Number(digits), digits, decimal: digits.includes('.') });
      at = ARABIC.lastIndex;
      continue;
    }
    const digit = DIGIT_VALUES[ch];
    const unit = UNIT_VALUES[ch];
    const section = SECTION_VALUES[ch];
    const tens = TENS_VALUES[ch];
    if (digit !== undefined) tokens.push({ kind: 'digit', value: digit });
    else if (unit !== undefined) tokens.push({ kind: 'unit', value: unit });
    else if (section !== undefined) tokens.push({ kind: 'section', value: section });
    else if (tens !== undefined) tokens.push({ kind: 'digit', value: tens }, { kind: 'unit', value: 10 });
    else if (POINTS.has(ch)) tokens.push({ kind: 'point' });
    else return null;
    at += 1;
  }
  return tokens;
}

/**
 * Reads a whole string as one number, or returns null when it is not one. A sign (负, -) and a
 * fraction (三分之一 = 1/3, 百分之二十 = 0.2) are read; units and qualifiers are not (see figures.ts).
 */
export function parseNumeral(text: string, style: NumeralStyle = 'normal'): number | null {
  if (PLAIN_ARABIC.test(text)) return Number(text); // the common case, without tokenizing
  let body = toHalfWidth(text);
  let sign = 1;
  if (body.length > 0 && SIGNS.has(body[0]!)) {
    sign = -1;
    body = body.slice(1).replace(/^ +/, '');
  }
  const value = parseUnsigned(body, style);
  return value === null ? null : sign * value;
}

function parseUnsigned(body: string, style: NumeralStyle): number | null {
  if (body === '') return null;
  const fractionAt = body.indexOf('分之');
  if (fractionAt > 0) {
    // 百分之 and 千分之 lean on an implicit one, which strict reading otherwise refuses.
    const denominator = parseUnsigned(body.slice(0, fractionAt), style === 'strict' ? 'prose' : style);
    const numerator = parseNumeral(body.slice(fractionAt + 2), style);
    return denominator && numerator !== null ? numerator / denominator : null;
  }
  if (body === '半' || body === '一半') return 0.5;
  if (style === 'normal') {
    const latin = /^([0-9]*\.?[0-9]+) ?([kKwWMG])$/.exec(body);
    if (latin) return scale(Number(latin[1]), LATIN_SUFFIXES[latin[2]!]!);
  }
  const tokens = tokenize(body);
  if (!tokens || tokens.length === 0) return null;

  const pointAt = tokens.findIndex((t) => t.kind === 'point');
  if (pointAt >= 0) return parseChineseDecimal(tokens, pointAt, style);

  const decimalAt = tokens.findIndex((t) => t.kind === 'arabic' && t.decimal);
  if (decimalAt >= 0) {
    // A decimal can only be scaled (3.2万亿); digits after it (10.1万零100) make no sense.
    const first = tokens[0]!;
    if (decimalAt !== 0 || first.kind !== 'arabic') return null;
    const factor = multipliers(tokens.slice(1));
    return factor === null ? null : scale(first.value, factor);
  }
  return parseInteger(tokens, style, true);
}

/** The product of a run of 十百千万亿 tokens (1 when empty), or null if anything else is there. */
function multipliers(tokens: readonly Token[]): number | null {
  let factor = 1;
  for (const t of tokens) {
    if (t.kind !== 'unit' && t.kind !== 'section') return null;
    factor *= t.value;
  }
  return factor;
}

/** 一百点一二, 零点零五, 一点五亿, 一百点123: integer part, 点, digit string, optional scale. */
function parseChineseDecimal(tokens: readonly Token[], pointAt: number, style: NumeralStyle): number | null {
  const whole = tokens.slice(0, pointAt);
  if (whole.length === 0) return null;
  const integer = parseInteger(whole, style, true);
  if (integer === null || !Number.isSafeInteger(integer)) return null;
  let fraction = '';
  let at = pointAt + 1;
  for (; at < tokens.length; at += 1) {
    const t = tokens[at]!;
    if (t.kind === 'digit') fraction += String(t.value);
    else if (t.kind === 'arabic' && !t.decimal) fraction += t.digits;
    else break;
  }
  if (fraction === '') return null;
  const factor = multipliers(tokens.slice(at));
  return factor === null ? null : scale(Number(`${integer}.${fraction}`), factor);
}

function parseInteger(tokens: readonly Token[], style: NumeralStyle, atStart: boolean): number | null {
  if (tokens.length === 0) return null;
  const first = tokens[0]!;
  if (tokens.length === 1 && first.kind === 'arabic') return first.value;
  if (tokens.every((t) => t.kind === 'digit')) {
    if (tokens.length === 1) return tokens[0]!.value;
    // 一七二零: a digit string, read place by place. Not a standard numeral (一一 is an error in
    // strict reading) and, in prose, a year or a code rather than an amount.
    if (style !== 'normal') return null;
    return Number(tokens.map((t) => (t.kind === 'digit' ? String(t.value) : '')).join(''));
  }
  for (const sectionValue of [1e8, 1e4]) {
    const at = lastIndexOf(tokens, (t) => t.kind === 'section' && t.value === sectionValue);
    if (at < 0) continue;
    const left = tokens.slice(0, at);
    let high: number | null;
    if (left.length > 0) high = parseInteger(left, style, atStart);
    else high = atStart && style !== 'strict' ? 1 : null; // 萬九 = 一万九千
    // 一万万 is not a numeral, but 15000万 (Arabic before 万) is how some tables write it.
    const arabicLeft = left.length === 1 && first.kind === 'arabic';
    if (high === null || (sectionValue === 1e4 && high >= 1e4 && !arabicLeft)) return null;
    const low = parseRemainder(tokens.slice(at + 1), style, sectionValue);
    return low === null ? null : high * sectionValue + low;
  }
  return parseSection(tokens, style, atStart);
}

/** What follows 万 or 亿: below that section, possibly after 零, possibly one elliptic digit. */
function parseRemainder(tokens: readonly Token[], style: NumeralStyle, sectionValue: number): number | null {
  let at = 0;
  while (at < tokens.length && isZero(tokens[at]!)) at += 1;
  const rest = tokens.slice(at);
  if (rest.length === 0) return at === 0 ? 0 : null;
  const only = rest[0]!;
  if (rest.length === 1 && only.kind === 'digit' && at === 0) {
    // 三万五 = 35000: a lone digit after a section stands for the next place down.
    return style === 'strict' ? null : only.value * (sectionValue / 10);
  }
  // 一万零百一十一: keep the 零 when a bare 百/千 follows it, parseSection knows what it means there.
  const value = parseInteger(at > 0 && only.kind === 'unit' ? tokens.slice(at - 1) : rest, style, false);
  return value !== null && value < sectionValue ? value : null;
}

function isZero(t: Token): boolean {
  return t.kind === 'digit' && t.value === 0;
}

/** Below 万: digits and 十百千 in descending order, 零 for skipped places. */
function parseSection(tokens: readonly Token[], style: NumeralStyle, atStart: boolean): number | null {
  let total = 0;
  let pending: { value: number; arabic: boolean } | null = null;
  let lastUnit = 1e4;
  let zeroSeen = false;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!;
    if (t.kind === 'digit' || t.kind === 'arabic') {
      if (t.kind === 'digit' && t.value === 0) {
        if (pending !== null) return null;
        zeroSeen = true;
        continue;
      }
      if (pending !== null) return null;
      pending = { value: t.value, arabic: t.kind === 'arabic' };
      continue;
    }
    if (t.kind !== 'unit' || t.value >= lastUnit) return null;
    let multiplier: number;
    if (pending !== null) multiplier = pending.value;
    else if (i === 0 && t.value === 10) multiplier = 1; // 十一, 十万
    else if (zeroSeen) multiplier = 1; // 一万零百一十一: cn2an reads the stray 零 as a gap
    else if (style !== 'strict' && (atStart && i === 0 || t.value === 10)) multiplier = 1; // 千一, 一百十一
    else return null;
    total += multiplier * t.value;
    lastUnit = t.value;
    pending = null;
    zeroSeen = false;
  }
  if (pending === null) return total;
  if (lastUnit >= 1e4 || lastUnit === 10 || zeroSeen || pending.arabic) {
    return pending.value < lastUnit ? total + pending.value : null;
  }
  // 一百二 = 120, 两千六 = 2600: a lone digit after 百 or 千 stands for the next place down.
  return style === 'strict' ? null : total + pending.value * (lastUnit / 10);
}

function lastIndexOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i -= 1) if (test(items[i]!)) return i;
  return -1;
}
