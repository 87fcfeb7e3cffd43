// Finding the quantities a policy text states (3000亿元以上, 近70%, 1-2个, 两到三万港元) and reading
// each into a Figure: the number as written, its unit, the same in base units and the comparison
// the wording puts on it. One compiled regex finds numeral runs; what surrounds a run (magnitude,
// unit, range, qualifier words) is read with sticky regexes at that spot, so the cost grows with
// the number of numerals, not with the length of the text times the size of the unit list.
import type { Figure, FigureKind, Qualifier } from '../model.ts';
import { alternation } from '../lexicon/pattern.ts';
import { CLASS_WORD, MORE_WORDS as MORE_WORD_LIST, NEGATIVE_SIGNS, PREFIX_QUALIFIERS, SIGN_AFTER, SUFFIX_QUALIFIERS } from '../lexicon/phrases.ts';
import { CURRENCIES, PERCENT_WORD_NOT_BEFORE, PER_WORDS, UNITS, YUAN_WORDS } from '../lexicon/units.ts';
import {
  CHINESE_DIGIT_CHARS,
  CHINESE_NUMERAL_CHARS,
  MAGNITUDE_CHARS,
  chineseDigitValue,
  magnitudeValue,
  parseNumeral,
  scale,
} from './numerals.ts';

const MORE_WORDS = MORE_WORD_LIST.join('');
const NEGATIVE_SIGN_SET: ReadonlySet<string> = new Set(NEGATIVE_SIGNS);
const SIGN_AFTER_SET: ReadonlySet<string> = new Set(SIGN_AFTER);
const HAN_CHAR = /\p{Script=Han}/u;

/** A minus at `at`: -, −, － not after a digit (2019-2022 is a span); 负 after no word it could end. */
function isSign(text: string, at: number): boolean {
  const ch = text[at] ?? '';
  if (!NEGATIVE_SIGN_SET.has(ch)) return false;
  const before = text[at - 1] ?? '';
  if (ch !== '负') return !/[0-9０-９]/.test(before);
  return before === '' || !HAN_CHAR.test(before) || SIGN_AFTER_SET.has(before);
}

const ARABIC_DIGITS = '0-9０-９';
const SECTION_CHARS = '万亿萬億';
const SCALE_CHARS = MAGNITUDE_CHARS;
// A numeral run: Arabic groups (thousands separators, a decimal part), Chinese numeral characters,
// 点 between digits, and the vague 几 / 数 (几十万, 数十亿). Whether it reads is decided later.
const RUN_SOURCE =
  `(?:[${ARABIC_DIGITS}]+(?:[,，][${ARABIC_DIGITS}]{3}(?![${ARABIC_DIGITS}]))*(?:[.．][${ARABIC_DIGITS}]+)?` +
  `|[${CHINESE_NUMERAL_CHARS}]|(?<=[${ARABIC_DIGITS}${CHINESE_NUMERAL_CHARS}])[点點](?=[${ARABIC_DIGITS}${CHINESE_DIGIT_CHARS}])` +
  `|几|数(?=[${SCALE_CHARS}]))+`;
const RUN_SCAN = new RegExp(RUN_SOURCE, 'g');
const RUN_AT = new RegExp(RUN_SOURCE, 'y');

const UNIT_AT = new RegExp(alternation(Object.keys(UNITS)), 'y');
const CURRENCY_AT = new RegExp(alternation(Object.keys(CURRENCIES)), 'y');
/** What a price or a rate is per: any unit, and the calendar words (30万吨/日, 202元/月). */
const RATE_AT = new RegExp(`[/／](${alternation(PER_WORDS)})`, 'y');
/**
 * 1/3以上, 超1/4: a fraction written with a slash, read as a percentage like 三分之一. Only small
 * denominators: 6/16 is more likely a date or a code than a share.
 */
const SLASH_FRACTION_AT = /[/／](10|[2-9])(?![0-9０-９.．])/y;
const SCALE_AT = new RegExp(`[${SCALE_CHARS}]+`, 'y');
const SPACE_AT = /[ \u00a0]/y;
const INCLUSIVE_AT = /[(（]含[)）]/y;
const RANGE_SEPARATOR_AT = /[ \u00a0]?(?:-{1,2}|—{1,2}|－|~|～|〜|至|到)[ \u00a0]?/y;
// 上下游 and 上下级 are not "about".
const SUFFIX_AT = new RegExp(`(?:${alternation(Object.keys(SUFFIX_QUALIFIERS))})(?<!上下(?=[游级层]))`, 'y');
const PREFIX_BEFORE = new RegExp(`(?:${alternation(Object.keys(PREFIX_QUALIFIERS))})$`);
const CURRENCY_BEFORE = new RegExp(`(?:${alternation(Object.keys(CURRENCIES))})[ \\u00a0]?$`);
/** Last characters of the words above: most numerals have neither, and skip those regexes. */
const PREFIX_LAST_CHARS = new Set(Object.keys(PREFIX_QUALIFIERS).map((w) => w[w.length - 1]!));
const CURRENCY_LAST_CHARS = new Set([...Object.keys(CURRENCIES).map((w) => w[w.length - 1]!), ' ', '\u00a0']);
const PREFIX_AT = new RegExp(
  `(从)?(${alternation(Object.keys(PREFIX_QUALIFIERS))})?(?:(${alternation(Object.keys(CURRENCIES))})[ \\u00a0]?)?`,
  'y',
);
/** After 年, the words that make it a length of time rather than a calendar year. */
// 以来 and 来 make it a since-phrase (30年来, 五年来): no amount, and no deadline either.
const DURATION_NEXT_AT = /(?:之内|以内|内|间|时间|以上|以下|左右|后|期间)/y;
/** After 三成, what may follow when 成 means tenths (三成以上, 近七成的企业), not a word (一成不变). */
const PERCENT_WORD_NEXT = new RegExp(`^(?![${PERCENT_WORD_NOT_BEFORE.join('')}])`);
/** 整 / 正 close a written money amount (伍仟元整) unless they begin a word (整合, 正在). */
const MONEY_CLOSE_AT = /[整正](?![\u4e00-\u9fff])/y;
const MONEY_DIGIT = `[${CHINESE_DIGIT_CHARS}0-9０-９]`;
const JIAO_AT = new RegExp(`(零)?(${MONEY_DIGIT})[角毛]`, 'y');
const FEN_AT = new RegExp(`(零)?(${MONEY_DIGIT})分(?![之钟])`, 'y');
/** 一块二, 三块零四, 两毛五: a bare digit after 块 or 毛 is the next place down. */
const BARE_SUBUNIT_AT = new RegExp(`(零)?([${CHINESE_DIGIT_CHARS}])(?![${CHINESE_NUMERAL_CHARS}${ARABIC_DIGITS}])`, 'y');
/** Nouns ending in 数 (人数, 总数 …): a numeral after them does not begin with the vague 数. */
const NOUNS_ENDING_IN_SHU = new Set([...'人总次户个件指分倍函系参基位岁天年多少半无台家项票页字步读算理术据码目额量']);

const UNIT_FIRST_CHARS = new Set(Object.keys(UNITS).map((w) => w[0]!));
/**
 * Characters that can follow a numeral run that is part of a figure: the first characters of unit
 * words, 多/余, 分之, 半, 个亿, a space, a slash, (含) and range separators. A run followed by
 * anything else is a figure only when it ends in 万 or 亿 (1.4万亿) or in a character that may
 * begin the unit (1000万千瓦), so most numerals inside words (统一, 进一步) are dismissed unparsed.
 */
const FOLLOW_CHARS = new Set([
  ...UNIT_FIRST_CHARS, ...MORE_WORDS, '分', '半', '个', ' ', '\u00a0', '/', '／',
  '(', '（', '-', '—', '－', '~', '～', '〜', '至', '到',
]);

const TRAILING_SCALE = new RegExp(`[${SCALE_CHARS}]+$`);
const TRAILING_SECTION = new RegExp(`[${SECTION_CHARS}]+$`);
const ARABIC_DIGIT = new RegExp(`[${ARABIC_DIGITS}]`);
const IMPLICIT_ONE = /^[百千万亿佰仟萬億]/;
const VAGUE_SCALE = /^[数几]([十百千拾佰仟]?)$/;
const VAGUE_TEENS = /^([一二两三四五六七八九]?)十几$/;
/** 三千, 五百: one digit and one place, whose place a bare first digit of a range shares (两到三千). */
const LEADING_PLACE = /^[一二两三四五六七八九壹贰叁肆伍陆柒捌玖]([十百千拾佰仟])$/;
const DIGIT_PAIR = /^([一二两三四五六七八九])([二两三四五六七八九])([十百千拾佰仟]?)$/;

/** A numeral run read as a number, the magnitude word that ends it split off. */
interface NumeralReading {
  /** The numeral without its magnitude word: 3000 of 3000亿, 两千五百 of 两千五百亿. */
  readonly numeral: string;
  readonly low: number;
  readonly high: number;
  /** 几十万, 十几 (approximate, [low, high]) or 两三个, 八九亿 (a range). */
  readonly shape: 'exact' | 'vague' | 'pair';
  readonly magnitude: string;
  readonly arabic: boolean;
  /** 百亿, 千家: a Chinese numeral that starts at 百/千/万/亿 with its 一 left out. */
  readonly implicitOne: boolean;
}

function readNumeral(run: string): NumeralReading | null {
  let magnitude = '';
  const trailing = TRAILING_SCALE.exec(run);
  if (trailing) {
    // After Arabic digits 千 and 百 scale (5千); after Chinese digits they are part of the numeral
    // (两千五百亿 is 2500 亿), and only 万 / 亿 are the magnitude word.
    const before = run[trailing.index - 1];
    if (before !== undefined && ARABIC_DIGIT.test(before)) magnitude = trailing[0];
    else magnitude = TRAILING_SECTION.exec(run)?.[0] ?? '';
  }
  const numeral = run.slice(0, run.length - magnitude.length);
  // 万亿元级: a magnitude alone, one of it; a figure only as a class (see statesAmount).
  if (numeral === '') return magnitude === '' ? null : { numeral, magnitude, arabic: false, implicitOne: true, low: 1, high: 1, shape: 'exact' };
  const common = { numeral, magnitude, arabic: ARABIC_DIGIT.test(numeral), implicitOne: IMPLICIT_ONE.test(numeral) };

  if (common.arabic) {
    const value = parseNumeral(numeral, 'prose');
    return value === null ? null : { ...common, low: value, high: value, shape: 'exact' };
  }
  const vague = VAGUE_SCALE.exec(numeral);
  if (vague) {
    const unit = vague[1] ? magnitudeValue(vague[1])! : 1;
    if (unit === 1 && magnitude === '') return null; // 几个, 这几年: too vague to be a figure
    return { ...common, low: unit, high: unit * 10, shape: 'vague' };
  }
  const teens = VAGUE_TEENS.exec(numeral);
  if (teens) {
    const tens = teens[1] ? chineseDigitValue(teens[1])! * 10 : 10;
    return { ...common, low: tens, high: tens + 10, shape: 'vague' };
  }
  const pair = DIGIT_PAIR.exec(numeral);
  if (pair) {
    const first = chineseDigitValue(pair[1]!)!;
    const second = chineseDigitValue(pair[2]!)!;
    const unit = pair[3] ? magnitudeValue(pair[3])! : 1;
    if (second === first + 1 || (first === 3 && second === 5)) {
      return { ...common, low: first * unit, high: second * unit, shape: 'pair' };
    }
    return null;
  }
  if (/[几数]/.test(numeral)) return null;
  const value = parseNumeral(numeral, 'prose');
  return value === null ? null : { ...common, low: value, high: value, shape: 'exact' };
}

/** numerator/denominator as a percentage, to one decimal where it does not come out exact (三分之一 → 33.3). */
function shareOf(numerator: number, denominator: number): number {
  const exact = (numerator * 100) / denominator;
  return Number.isInteger(Number((exact * 100).toPrecision(12))) ? Number(exact.toPrecision(15)) : Number(exact.toFixed(1));
}

/** A number with what belongs to it: magnitude, unit, money subunits; no qualifier words yet. */
interface Amount {
  readonly end: number;
  readonly reading: NumeralReading;
  /** In the written unit; low < high only for vague numerals and digit pairs. */
  readonly low: number;
  readonly high: number;
  /** base = value × factor. */
  readonly factor: number;
  /** Written unit, magnitude word included ('' when neither is there). */
  readonly unit: string;
  readonly baseUnit: string;
  /** The unit word's kind; null when the number has no unit word. */
  readonly kind: FigureKind | null;
  /** 多 / 余 after the number. */
  readonly more: boolean;
  /** Counted in tenths (三成): the first part of a range (两到三成) is in tenths too. */
  readonly tenths?: boolean;
}

function execAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

function digitValue(ch: string): number {
  return chineseDigitValue(ch) ?? Number(ch.replace(/[０-９]/, (d) => String(d.charCodeAt(0) - 0xff10)));
}

function readAmount(text: string, start: number, standalone: boolean): Amount | null {
  const amount = readAmountBody(text, start, standalone);
  // 50万元（含）以上, 1万(含)-5万元: "inclusive" belongs to the amount it follows.
  const inclusive = amount ? execAt(INCLUSIVE_AT, text, amount.end) : null;
  return amount && inclusive ? { ...amount, end: amount.end + inclusive[0].length } : amount;
}

function readAmountBody(text: string, start: number, standalone: boolean): Amount | null {
  const runMatch = execAt(RUN_AT, text, start);
  if (!runMatch) return null;
  let run = runMatch[0];
  // 5千米 is five kilometres and 1000万千瓦 ten million kilowatts: a trailing 千 or 百 that begins a
  // unit word goes to the unit after Arabic digits or a section word, or when the numeral cannot
  // end with it. After Chinese digits it stays with the numeral (两千米 = 2000 米).
  if (run.length > 1 && /[千百]$/.test(run)) {
    const unit = execAt(UNIT_AT, text, start + run.length - 1);
    const before = run[run.length - 2]!;
    if (unit && unit[0].length > 1 &&
        (ARABIC_DIGIT.test(before) || SECTION_CHARS.includes(before) || readNumeral(run) === null)) {
      run = run.slice(0, -1);
    }
  }
  const reading = readNumeral(run);
  if (!reading) return null;
  let at = start + run.length;
  const plain = { reading, more: false } as const;

  // 一半 = 50%; 百分之二十 = 20%; 三分之一 = 33.3…%.
  if (reading.numeral === '一' && reading.magnitude === '' && text[at] === '半') {
    return { ...plain, end: at + 1, low: 50, high: 50, factor: 1, unit: '%', baseUnit: '%', kind: 'percent' };
  }
  if (reading.shape === 'exact' && text.startsWith('分之', at)) {
    const negative = text[at + 2] === '负';
    const numeratorAt = at + 2 + (negative ? 1 : 0);
    const numeratorRun = execAt(RUN_AT, text, numeratorAt);
    const numerator = numeratorRun ? parseNumeral(numeratorRun[0], 'prose') : null;
    if (numeratorRun === null || numerator === null) return null;
    const denominator = scale(reading.low, magnitudeValue(reading.magnitude) ?? 1);
    const signed = negative ? -numerator : numerator;
    const perMille = denominator === 1000;
    const value = denominator === 100 || perMille ? signed : shareOf(signed, denominator);
    const unit = perMille ? '‰' : '%';
    return { ...plain, end: numeratorAt + numeratorRun[0].length, low: value, high: value, factor: 1, unit, baseUnit: unit, kind: 'percent' };
  }

  const slash = reading.shape === 'exact' && reading.magnitude === '' && Number.isInteger(reading.low)
    ? execAt(SLASH_FRACTION_AT, text, at) : null;
  if (slash && reading.low < Number(slash[1])) {
    const value = shareOf(reading.low, Number(slash[1]));
    return { ...plain, end: at + slash[0].length, low: value, high: value, factor: 1, unit: '%', baseUnit: '%', kind: 'percent' };
  }

  let more = false;
  let magnitude = reading.magnitude;
  if (MORE_WORDS.includes(text[at] ?? '\0')) {
    more = true;
    at += 1;
  }
  const spaced = execAt(SPACE_AT, text, at) ? 1 : 0;
  const extraScale = execAt(SCALE_AT, text, at + spaced);
  if (extraScale && (more || spaced)) {
    magnitude += extraScale[0];
    at += spaced + extraScale[0].length;
  } else if (magnitude === '' && text.startsWith('个亿', at)) {
    magnitude = '个亿'; // 两个亿: spoken 亿 with a classifier
    at += 2;
  }
  let factor = magnitude === '' ? 1 : magnitude === '个亿' ? 1e8 : magnitudeValue(magnitude);
  if (factor === null) return null;
  let low = reading.low;
  let high = reading.high;
  const bare = { reading, more, end: at, low, high, factor, unit: magnitude, baseUnit: '', kind: null };

  const unitAt = at + (execAt(SPACE_AT, text, at) ? 1 : 0);
  // 3个多月, 两个多小时: more than the number, 多 inside the unit of time.
  const splitDuration = !more && text.startsWith('个多', unitAt) ? UNITS[`个${text[unitAt + 2] ?? ''}`] : undefined;
  if (splitDuration?.kind === 'duration') {
    const word = `个${text[unitAt + 2]}`;
    return { reading, more: true, end: unitAt + 3, low, high, factor, unit: magnitude + word, baseUnit: splitDuration.base, kind: 'duration' };
  }
  const unitMatch = execAt(UNIT_AT, text, unitAt);
  if (!unitMatch) return bare;
  const word = unitMatch[0];
  // A Latin unit must end where its letters do: 5P is computing power, 5PM no unit.
  if (/[A-Za-z]$/.test(word) && /[A-Za-z]/.test(text[unitAt + word.length] ?? '')) return bare;
  // 千亿台阶, 1万人才: the word begins another word there.
  if (UNITS[word]!.notBefore?.includes(text[unitAt + word.length] ?? '\0')) return bare;
  const def = UNITS[word]!;
  at = unitAt + word.length;
  let baseUnit = def.base;
  let kind = def.kind;
  let tenths = false;
  let written = def.written ?? word;

  switch (def.only) {
    case 'duration':
      if (reading.arabic && reading.low >= 1000) return bare;
      if (!execAt(DURATION_NEXT_AT, text, at) && text.slice(start - 2, start) !== '连续') return bare;
      break;
    case 'rate':
      if (!execAt(RATE_AT, text, at)) return bare;
      break;
    case 'standalone':
      if (!standalone) return bare;
      break;
    case 'percentWord':
      if (magnitude !== '' || !PERCENT_WORD_NEXT.test(text.slice(at, at + 1))) return bare;
      low *= 10;
      high *= 10;
      written = '%';
      tenths = true;
      // 两成多: more than two tenths.
      if (MORE_WORDS.includes(text[at] ?? '\0')) {
        more = true;
        at += 1;
      }
      break;
    default:
      break;
  }
  factor *= def.factor ?? 1;

  if (YUAN_WORDS.has(word) || (def.only === 'standalone' && standalone)) {
    // 五元六角, 一百三十五块六角七分钱, 两毛五: 角 and 分 add to the amount in this unit.
    const jiaoInUnit = word === '角' || word === '毛' ? 1 : 0.1;
    let subunits = 0;
    let hasSubunits = false;
    const jiao = jiaoInUnit < 1 ? execAt(JIAO_AT, text, at) : null;
    if (jiao) {
      subunits += digitValue(jiao[2]!) * jiaoInUnit;
      at += jiao[0].length;
      hasSubunits = true;
    }
    const fen = execAt(FEN_AT, text, at);
    const bareDigit = !fen && (word === '块' || word === '毛' || jiao) ? execAt(BARE_SUBUNIT_AT, text, at) : null;
    if (fen || bareDigit) {
      const m = (fen ?? bareDigit)!;
      // After 块 a bare digit is tenths (一块二) unless 零 marks a skipped place (三块零四).
      const place = fen || jiao || m[1] || jiaoInUnit === 1 ? jiaoInUnit / 10 : jiaoInUnit;
      subunits += digitValue(m[2]!) * place;
      at += m[0].length;
      hasSubunits = true;
    }
    if (hasSubunits) {
      low = Number((low + subunits).toPrecision(15));
      high = Number((high + subunits).toPrecision(15));
    }
    const withMoneyWord = text[at] === '钱';
    if (withMoneyWord) at += 1;
    if (def.only === 'yuanOrCount' && !hasSubunits && !withMoneyWord && !standalone) {
      baseUnit = '块';
      kind = 'count';
    } else if (!hasSubunits && execAt(MONEY_CLOSE_AT, text, at)) {
      at += 1;
    }
    const currency = kind === 'money' ? execAt(CURRENCY_AT, text, at) : null;
    if (currency) {
      // 数十亿元人民币, 9000元日币: the currency named after 元 is the one meant.
      written += currency[0];
      baseUnit = CURRENCIES[currency[0]]!.base;
      at += currency[0].length;
    }
  }

  const rate = execAt(RATE_AT, text, at);
  if (rate) {
    const per = UNITS[rate[1]!];
    written += '/' + (per?.written ?? rate[1]!);
    baseUnit += '/' + (per?.base ?? rate[1]!);
    at += rate[0].length;
    // A price is money; any other rate (30微克/立方米, 5吨/亩) is a measure of its own.
    if (kind !== 'money') kind = 'other';
  }
  return { reading, more, end: at, low, high, factor, unit: magnitude + written, baseUnit, kind, tenths };
}

/** A figure's reading before it is placed in the text. */
interface FigureReading {
  readonly end: number;
  readonly low: number;
  readonly high: number;
  readonly lowBase: number;
  readonly highBase: number;
  readonly unit: string;
  readonly baseUnit: string;
  readonly kind: FigureKind | null;
  readonly isRange: boolean;
  /** Comparison carried by the numeral itself: 多 → gt, 十几 → approx, 两三 → range. */
  readonly numeralQualifier: Qualifier | null;
  readonly suffixQualifier: Qualifier | null;
  readonly first: Amount;
  /** 千亿级: a class of size (at least the amount), not an amount itself. */
  readonly isClass?: boolean;
}

function readFigure(text: string, start: number, standalone: boolean): FigureReading | null {
  const first = readAmount(text, start, standalone);
  if (!first) return null;
  let reading: Omit<FigureReading, 'suffixQualifier' | 'isClass'> = {
    end: first.end,
    low: first.low,
    high: first.high,
    lowBase: scale(first.low, first.factor),
    highBase: scale(first.high, first.factor),
    unit: first.unit,
    baseUnit: first.baseUnit,
    kind: first.kind,
    isRange: first.reading.shape === 'pair',
    numeralQualifier: first.reading.shape === 'pair' ? 'range' : first.reading.shape === 'vague' ? 'approx' : first.more ? 'gt' : null,
    first,
  };
  const separator = first.reading.shape === 'exact' && !first.more ? execAt(RANGE_SEPARATOR_AT, text, first.end) : null;
  const second = separator ? readAmount(text, first.end + separator[0].length, standalone) : null;
  if (second && second.reading.shape === 'exact' && !second.more && second.unit !== '') {
    const range = joinRange(first, second);
    if (range) reading = { ...reading, ...range, end: second.end, isRange: true, numeralQualifier: 'range' };
  }
  // 千亿级产业, 万亿元级: a class of at least that size.
  if (text[reading.end] === CLASS_WORD && !reading.isRange) {
    return { ...reading, end: reading.end + 1, suffixQualifier: 'gte', isClass: true };
  }
  const suffix = execAt(SUFFIX_AT, text, reading.end);
  return suffix
    ? { ...reading, end: reading.end + suffix[0].length, suffixQualifier: SUFFIX_QUALIFIERS[suffix[0]]! }
    : { ...reading, suffixQualifier: null };
}

/**
 * 1-2个, 3%至5%, 1万元--5万元, 两到三万港元, 八到九百亿, 从8500到3万港元. The unit is the second
 * amount's; a first amount written without one takes it when that keeps the range in order
 * (两到三万 = 2万–3万, 两到三千 = 2000–3000) and stays a plain number otherwise (8500到3万).
 */
function joinRange(first: Amount, second: Amount): Pick<FigureReading, 'low' | 'high' | 'lowBase' | 'highBase' | 'unit' | 'baseUnit' | 'kind'> | null {
  let lowBase: number;
  if (first.unit === '') {
    const leading = LEADING_PLACE.exec(second.reading.numeral);
    const place = leading && /^\D$/.test(first.reading.numeral) ? magnitudeValue(leading[1]!)! : 1;
    // 两到三成: the bare first part is in tenths as the second is, 20%–30%.
    const low = first.low * place * (second.tenths ? 10 : 1);
    lowBase = low <= second.low ? scale(low, second.factor) : first.low;
  } else if (first.kind === null || first.baseUnit === second.baseUnit) {
    lowBase = scale(first.low, first.factor);
  } else {
    return null;
  }
  const highBase = scale(second.low, second.factor);
  if (lowBase > highBase) return null;
  return {
    low: Number((lowBase / second.factor).toPrecision(15)),
    high: second.low,
    lowBase,
    highBase,
    unit: second.unit,
    baseUnit: second.baseUnit,
    kind: second.kind,
  };
}

/** The strongest comparison the words make: a bound beats "about" (约3000亿元以上 → gte). */
function combineQualifiers(reading: FigureReading, prefix: Qualifier | null): Qualifier {
  if (reading.isRange) return 'range';
  const said = [prefix, reading.numeralQualifier, reading.suffixQualifier].filter((q): q is Qualifier => q !== null);
  return said.find((q) => q !== 'approx') ?? (said.length > 0 ? 'approx' : 'eq');
}

function toFigure(
  text: string,
  start: number,
  reading: FigureReading,
  prefix: Qualifier | null,
  currency: string | null,
  negative = false,
): Figure {
  let unit = reading.unit;
  let baseUnit = reading.baseUnit;
  if (currency !== null) {
    // 港币两千九百六十元 is Hong Kong dollars: the currency before the number names what 元 means.
    const named = CURRENCIES[currency]!.base;
    if (baseUnit === '' || baseUnit === '元') baseUnit = named;
    if (reading.kind === null) unit += currency;
  }
  const same = reading.low === reading.high;
  const sign = negative ? -1 : 1;
  const pair = (a: number, b: number): number | [number, number] => (same ? sign * a : negative ? [-b, -a] : [a, b]);
  return {
    text: text.slice(start, reading.end),
    value: pair(reading.low, reading.high),
    unit,
    base: pair(reading.lowBase, reading.highBase),
    baseUnit,
    qualifier: combineQualifiers(reading, prefix),
    kind: reading.kind ?? (currency !== null ? 'money' : 'other'),
    start,
    end: reading.end,
  };
}

/**
 * Reads one span as a single figure ("3000亿元以上", "约2500亿元", "1-2个", "人民币3.14") or returns
 * null when the whole span is not one. A span given whole may be a bare number ("3000") and may use
 * 角/毛/块 as money ("2角", "7块"), which findFigures does not accept in running text.
 */
export function parseFigure(span: string): Figure | null {
  const prefix = execAt(PREFIX_AT, span, 0)!;
  const reading = readFigure(span, prefix[0].length, true);
  if (!reading || reading.end !== span.length) return null;
  if (prefix[1] && !reading.isRange) return null;
  const qualifier = prefix[2] ? PREFIX_QUALIFIERS[prefix[2]]! : null;
  return toFigure(span, 0, reading, qualifier, prefix[3] ?? null);
}

/**
 * Spans of short quoted names. A count or a Chinese numeral in one names a slogan or a policy
 * (“两个一百年”, “7个不准”, “科技金融15条”, “最后一公里”); amounts written in Arabic digits still
 * count (“两个200万亩”任务, “3个70%”), and numbers without a unit (“512工程”, “十三五”) are
 * never figures anyway.
 */
const QUOTED_NAME = /[“「『][^“”「」『』\n]{1,12}[”」』]/g;

function quotedNameSpans(text: string): Array<[number, number]> {
  if (!/[“「『]/.test(text)) return [];
  return [...text.matchAll(QUOTED_NAME)].map((m) => [m.index, m.index + m[0].length]);
}

/** Whether a numeral run at `start` can begin a figure, judged by what stands before it. */
function opensFigure(text: string, start: number): boolean {
  const before = text[start - 1];
  if (before === undefined) return true;
  // IPv6, PM2.5, 第1版, 每万人, 十三届五次全会: a name, an ordinal or a rate's denominator.
  if (/[A-Za-z0-9０-９.．第每届]/.test(before)) return false;
  // The second half of a range whose first half did not read (2019-2022年).
  if (/[-~～—－]/.test(before) && /[0-9０-９]/.test(text[start - 2] ?? '')) return false;
  return true;
}

/** A share or a multiple (20%, 3个百分点, 2倍), which 百分之 and 百倍 may start without a digit. */
function isRatio(reading: FigureReading): boolean {
  return reading.kind === 'percent' || reading.kind === 'percentage_points' || reading.baseUnit === '倍';
}

/** Kinds whose unit is a classifier or a measure of things: 一 before it is the article "a". */
const COUNTED_THINGS: ReadonlySet<FigureKind> = new Set(['count', 'duration', 'length', 'area', 'mass', 'volume', 'energy', 'power']);

/** Prose-only judgements on a reading that parses: is this an amount the text states? */
function statesAmount(reading: FigureReading, prefix: Qualifier | null): boolean {
  const { reading: numeral, more } = reading.first;
  // A class of size with a magnitude (千亿级, 万亿元级) is a figure of its own; a magnitude alone
  // otherwise is not (万元GDP能耗 is per ten thousand yuan).
  if (reading.isClass) return numeral.magnitude !== '' || reading.first.unit !== '';
  if (numeral.numeral === '') return false;
  // A bare number (512工程, 智造100, 2025) is a name, a code or a year.
  if (reading.unit === '') return false;
  // A magnitude with no unit word (1.4万亿, 三千亿) is an amount; 千亿级 and 千万 (must) are not.
  if (reading.kind === null && numeral.implicitOne) return false;
  // 千家万户, 千人计划: a numeral that starts at 千 or 百 is an amount only when scaled (百亿元) or
  // approximate (百余家). 百分之二十 is a ratio, not a count of hundreds.
  // 逾百家, 近千家: with a comparison in front it is an amount.
  if (numeral.implicitOne && numeral.magnitude === '' && !more && !isRatio(reading) && prefix === null &&
      !/^[百千佰仟]*[万亿萬億]/.test(reading.first.unit)) {
    return false;
  }
  if (reading.kind !== null && COUNTED_THINGS.has(reading.kind)) {
    // 一个中心, 一件事, 一条龙, 最后一公里: 一 with a classifier is the article "a". 二次, 二类: 二
    // before a classifier is an ordinal or a grade (a count of two is written 两).
    const single = numeral.shape === 'exact' && numeral.magnitude === '' && !more && !reading.isRange;
    if (single && numeral.numeral === '二') return false;
    if (single && /^[一壹]$/.test(numeral.numeral) && prefix === null && reading.suffixQualifier === null) return false;
  }
  return true;
}

/** Every figure in `text`, in order, with offsets into `text` (end exclusive). */
export function findFigures(text: string): Figure[] {
  const figures: Figure[] = [];
  let quoted: Array<[number, number]> | null = null;
  // One shared scanner: findFigures runs to completion without re-entering itself.
  const scan = RUN_SCAN;
  scan.lastIndex = 0;
  for (let match = scan.exec(text); match; match = scan.exec(text)) {
    let start = match.index;
    if (match[0].startsWith('数') && NOUNS_ENDING_IN_SHU.has(text[start - 1] ?? '')) {
      scan.lastIndex = start + 1; // 人数十万: 数 ends the noun; read again from the numeral
      continue;
    }
    const next = text[scan.lastIndex] ?? '';
    const last = match[0][match[0].length - 1]!;
    if (!FOLLOW_CHARS.has(next) && !SECTION_CHARS.includes(last) && !UNIT_FIRST_CHARS.has(last)) continue;
    if (!opensFigure(text, start)) continue;
    const reading = readFigure(text, start, false);
    if (!reading) continue;

    let currency: string | null = null;
    const currencyBefore = CURRENCY_LAST_CHARS.has(text[start - 1] ?? '')
      ? CURRENCY_BEFORE.exec(text.slice(Math.max(0, start - 4), start)) : null;
    if (currencyBefore) {
      currency = currencyBefore[0].trim();
      start -= currencyBefore[0].length;
    }
    let prefix: Qualifier | null = null;
    const prefixBefore = PREFIX_LAST_CHARS.has(text[start - 1] ?? '')
      ? PREFIX_BEFORE.exec(text.slice(Math.max(0, start - 3), start)) : null;
    // 近5年来 is "the last five years", not "about five years".
    if (prefixBefore && !(prefixBefore[0] === '近' && reading.kind === 'duration')) {
      prefix = PREFIX_QUALIFIERS[prefixBefore[0]]!;
      start -= prefixBefore[0].length;
    }
    if (reading.isRange && text[start - 1] === '从') start -= 1;
    // 负5%, -5%: a sign right before the number (not the dash of a range, 2019-2022).
    const negative = prefix === null && currency === null && isSign(text, start - 1);
    if (negative) start -= 1;

    if (!statesAmount(reading, prefix)) continue;
    const { arabic, magnitude } = reading.first.reading;
    if (magnitude === '' && (reading.kind === 'count' || !arabic)) {
      quoted ??= quotedNameSpans(text);
      if (quoted.some(([from, to]) => start >= from && start < to)) continue;
    }
    figures.push(toFigure(text, start, reading, prefix, currency, negative));
    scan.lastIndex = Math.max(scan.lastIndex, reading.end);
  }
  return figures;
}
