// What a figure measures, in the document's own words: the clause around the figure without the
// place, the time and the verbs of reaching (达到, 超过 …). The words are the lexicon's.
import type { Figure, FigureKind } from '../model.ts';
import { alternation } from '../lexicon/pattern.ts';
import {
  ABOVE_BELOW,
  BARE_MEASURES,
  CHANGE_WORDS,
  COMPARED_WHOLES,
  COMPARED_WITH,
  DOING_ADVERBS,
  DOING_VERBS,
  EARLIER_PERIODS,
  GROWTH_WORDS,
  NEW_MEASURES,
  RATE_LEADS,
  TOTAL_MEASURES,
  HEDGES,
  LEADING_FILLERS,
  LIST_COUNT_CLASSIFIERS,
  LIST_HEAD_NOUNS,
  LIST_TAIL_WORDS,
  MEASURE_WORDS,
  REACHING_VERBS,
  TRAILING_FILLERS,
} from '../lexicon/phrases.ts';
import { ADMINISTRATIVE_SUFFIXES } from '../lexicon/places.ts';
import { DEADLINE_WORDS, RELATIVE_YEARS, SPAN_JOINERS, YEAR_END_WORDS } from '../lexicon/time.ts';
import { clauseAround } from '../text/sentences.ts';
import { leadingPlaceLength } from './regions.ts';

const ADMINISTRATIVE_SUFFIX = new RegExp(`^(?:${alternation(ADMINISTRATIVE_SUFFIXES)})`);

/** The text without the place it starts with (安徽省…, 合肥市…). */
function withoutLeadingPlace(text: string): string {
  const length = leadingPlaceLength(text);
  if (length === 0) return text;
  const rest = text.slice(length);
  return rest.replace(ADMINISTRATIVE_SUFFIX, '');
}

// Said before the thing measured and saying nothing of it.
const LEADING_NOISE = new RegExp(
  [
    `^(?:${alternation(DEADLINE_WORDS)})?(?:19|20)\\d{2}(?:\\s*(?:${alternation(SPAN_JOINERS)})\\s*(?:19|20)\\d{2})?年(?:${alternation(YEAR_END_WORDS)})?(?:前)?`,
    `^(?:${alternation(RELATIVE_YEARS.map((r) => r.word))})`,
    `^(?:${alternation(LEADING_FILLERS)})`,
    '^[、，\\s“”"（）()]+',
  ].join('|'),
);

// The verbs of reaching a value: 规模达到 → 规模; and words that only say how sure the figure is.
const TRAILING_NOISE = new RegExp(
  `(?:(?:${alternation(HEDGES)})?(?:${alternation(REACHING_VERBS)})|${alternation(TRAILING_FILLERS)})$`,
);

const QUOTES = /[“”"‘’]/g;

function stripLeading(text: string): string {
  let current = text;
  for (;;) {
    const next = withoutLeadingPlace(current).replace(LEADING_NOISE, '');
    if (next === current) return current;
    current = next;
  }
}

function stripTrailing(text: string): string {
  let current = text.trim();
  for (;;) {
    const next = current.replace(TRAILING_NOISE, '').replace(/[、，\s]+$/, '');
    if (next === current) return current;
    current = next;
  }
}

// A metric that names only a measure (增长, 占比) measures the thing named before it in the sentence.
// "平均每天新增1.5万户": new ones, counted how often, of the thing named before it in the sentence.
const NEW_ONLY = new RegExp(`^(?:${alternation(RATE_LEADS)})*(?:${alternation(NEW_MEASURES)})$`);
const MEASURE_ONLY = new RegExp(`^(?:\\p{Script=Han}{0,2}|${alternation(CHANGE_WORDS)})$`, 'u');
const COORDINATION = /[和及与、]$/;
// "比上年增加1.6万亿元" is a change in the thing of the figure before it.
// "高于全国15.9个百分点" is the difference of that thing from another's.
const COMPARED_WITH_BEFORE = new RegExp(
  `^(?:(?:${alternation(COMPARED_WITH)})(?:${alternation(EARLIER_PERIODS)})|(?:${alternation(ABOVE_BELOW)}|占)(?:${alternation(COMPARED_WHOLES)}))`,
);
const TOTAL_WORDS = new RegExp(`^(?:${alternation(TOTAL_MEASURES)})`);
const NEW_WORDS = new RegExp(`^(?:${alternation(NEW_MEASURES)})`);

const TRAILING_GROWTH = new RegExp(`(?:${alternation(GROWTH_WORDS)})$`);
const CHANGE_AT_START = new RegExp(`^(?:${alternation([...GROWTH_WORDS, ...COMPARED_WITH, ...ABOVE_BELOW])})`);

/** After a money figure, a noun that ends its clause names what the money is (发放200亿元补贴). */
const MONEY_NOUN_AFTER = /^\p{Script=Han}{2,4}$/u;
// A lead of a verb or two (守住, 一次性增加) names no thing: the noun after the figure does
// (坚决守住18亿亩耕地红线). Longer leads name their thing themselves.
const VERB_ONLY_LEAD_LENGTH = 5;
// A change or a share is of the thing before it (增长5%), a span of time of what goes on
// (连续36年居全国首位 is still 地区生产总值's): what follows them is not their thing.
const OWN_THING_BEFORE_KINDS: ReadonlySet<FigureKind> = new Set(['percent', 'percentage_points', 'duration']);
const NOUN_AFTER = /^\p{Script=Han}{2}/u;
// "淘汰钢铁2700万吨、水泥4200万吨…等落后产能": the noun after 等 is what each figure of the list is of.
const LIST_CATEGORY = /^等(\p{Script=Han}{2,8})$/u;

/** The category a list of figures closes with (…等落后产能), when the figure is one of the list. */
function listCategory(text: string, clauseEnd: number, figure: Figure, sentenceFigures: Figure[]): string | null {
  const last = sentenceFigures.filter((f) => f.start >= figure.start && f.end <= clauseEnd).at(-1);
  if (last === undefined) return null;
  return LIST_CATEGORY.exec(text.slice(last.end, clauseEnd).trim())?.[1] ?? null;
}

function leadOf(text: string, from: number, to: number): string {
  return stripTrailing(stripLeading(text.slice(from, to)));
}

/**
 * The metric of `figure` (offsets into `text`), given the other figures of its sentence: the text
 * of its clause before it, from the previous figure on, cleaned; the counted noun after a count.
 */
export function describeMetric(text: string, figure: Figure, sentenceFigures: Figure[]): string {
  const clause = clauseAround(text, figure.start);
  const previous = sentenceFigures.filter((f) => f.end <= figure.start && f.start >= clause.start).at(-1);
  const next = sentenceFigures.find((f) => f.start >= figure.end && f.start < clause.end);
  const between = previous ? text.slice(previous.end, figure.start) : '';
  // "2个世界级和4个国家级…集群": a count joined to the one before it shares that one's verb.
  const coordinated = previous !== undefined && COORDINATION.test(between.trim());
  // "4%左右安排、比上年提高1个百分点": what follows the last 、 is this figure's own.
  const ownStart = previous ? previous.end + between.lastIndexOf('、') + 1 : clause.start;
  // "现行16%的税率降至13%": the figure before modifies the noun this one measures.
  const modified = previous !== undefined && between.startsWith('的');
  let before = coordinated
    ? leadOf(text, clause.start, previous.start)
    : modified
      ? `${leadOf(text, clause.start, previous.start)}${stripTrailing(between.slice(1))}`
      : leadOf(text, ownStart, figure.start);
  if (coordinated) before = `${before}${stripLeading(between.replace(/^[^和及与、]*[和及与、]/, ''))}`;
  let after = text
    .slice(figure.end, next?.start ?? clause.end)
    .replace(/^[的]/, '')
    .replace(/[，\s]+$/, '');
  // "新增35家…企业、总数达270家", "达到1.3万亿元、增长5.8%": what follows the list's comma is the
  // next figure's.
  if (after.includes('、') && !COORDINATION.test(after)) after = after.slice(0, after.indexOf('、'));
  // "2个世界级和4个国家级先进制造业产业集群": the noun after the last count is the first one's too.
  if (next && COORDINATION.test(after)) {
    const tail = text.slice(next.end, clause.end).replace(/^\p{Script=Han}{1,3}级/u, '');
    after = `${after.replace(COORDINATION, '')}${tail}`;
  }
  let metric = before;
  // A count's unit is a classifier: the noun after it names what is counted (200个智能工厂).
  if (figure.kind === 'count' && /^\p{Script=Han}|^[“"]/u.test(after)) metric = `${before}${after}`;
  else if (figure.kind === 'money' && next === undefined && before.length > 0 && MONEY_NOUN_AFTER.test(after)) metric = `${before}${after}`;
  else if (before.length === 0 && after.length > 0) metric = after;
  else if (next === undefined && !OWN_THING_BEFORE_KINDS.has(figure.kind) && before.length <= VERB_ONLY_LEAD_LENGTH && NOUN_AFTER.test(after)) metric = `${before}${after}`;
  if (MEASURE_ONLY.test(metric) || COMPARED_WITH_BEFORE.test(metric) || isBareMeasure(metric) || NEW_ONLY.test(metric)) {
    const earlier = sentenceFigures.filter((f) => f.end <= figure.start).at(-1);
    if (earlier) {
      // The thing the figure before measures, as its own metric says it (recursively: 达到1.3万亿元、
      // 增长5.8% takes 地区生产总值 from the clause before the first).
      // A level after a count (连跨4个千亿台阶，…达到1.3万亿元) shares its thing, not what it counts.
      const earlierClause = clauseAround(text, earlier.start);
      let lead = earlier.kind === 'count' && figure.kind !== 'count'
        ? leadOf(text, earlierClause.start, earlier.start)
        : describeMetric(text, earlier, sentenceFigures);
      // "新增35家…企业、总数达270家": a total is of the things, not of the new ones.
      if (TOTAL_WORDS.test(metric)) lead = lead.replace(NEW_WORDS, '');
      // "产量增长94.5%、达168.4万辆": the level is the thing's, the change was the figure before's.
      // A share (占全国份额) is of the thing too, not of its change.
      if (!CHANGE_AT_START.test(metric) && (earlier.kind !== figure.kind || metric.startsWith('占'))) lead = lead.replace(TRAILING_GROWTH, '');
      if (lead !== metric) metric = `${lead}${metric}`;
    } else if (clause.start > 0 && !/[。！？；]/.test(text[clause.start - 1] ?? '')) {
      // "继续实施退耕还林还草，今年拟安排500万亩": the clause before names what this one does.
      const lead = leadOf(text, clauseAround(text, clause.start - 2).start, clause.start - 1).replace(LEADING_VERB, '');
      if (lead.length >= 2) metric = `${lead}${metric}`;
    }
  }
  const category = listCategory(text, clause.end, figure, sentenceFigures);
  if (category !== null && !metric.includes(category)) metric = `${metric}${category}`;
  return metric.replace(QUOTES, '').trim();
}

const LEADING_VERB = new RegExp(`^(?:(?:${alternation(DOING_ADVERBS)})?(?:${alternation(DOING_VERBS)}))+`);
const TRAILING_BARE_MEASURE = new RegExp(`(?:${alternation(BARE_MEASURES)})+$`);

/** 比例, 新增规模: a measure with at most one character of what it measures. */
function isBareMeasure(metric: string): boolean {
  if (!TRAILING_BARE_MEASURE.test(metric)) return false;
  return metric.replace(LEADING_VERB, '').replace(TRAILING_BARE_MEASURE, '').length <= 1;
}
const TRAILING_MEASURE = new RegExp(`(?:${alternation(MEASURE_WORDS)})+$`);

/** The thing measured without the measure or the verb: 先进制造业增加值 → 先进制造业. */
export function subjectOf(metric: string): string {
  const subject = metric.replace(LEADING_VERB, '').replace(TRAILING_MEASURE, '');
  return subject.length > 0 ? subject : metric;
}

const COUNT_WORD = new RegExp(`(?:等)?(?:[两二三四五六七八九十]|\\d+)(?:${alternation(LIST_COUNT_CLASSIFIERS)})`);

/**
 * The items of a list named before 分别: "打造汽车、超高清视频及新型显示两大世界级先进制造业集群"
 * → items 汽车, 超高清视频及新型显示 and head 产业集群. Null when the count does not come out as `expected`.
 */
export function splitListItems(text: string, expected: number): { items: string[]; head: string } | null {
  let body = stripLeading(text.trim()).replace(LEADING_VERB, '');
  let head = '';
  const count = COUNT_WORD.exec(body);
  if (count) {
    head = body.slice(count.index + count[0].length);
    body = body.slice(0, count.index);
  }
  let items = splitTopLevel(body, /[、]/);
  if (items.length !== expected) items = splitTopLevel(body, /[、及和与]/);
  if (items.length !== expected) return null;
  return { items: count ? items : withSharedTail(items), head: headNoun(head) };
}

const LIST_TAIL = new RegExp(`(?:${alternation(LIST_TAIL_WORDS)})$`);

/**
 * 城镇、农村居民人均可支配收入: the short items before the last share its tail (…居民人均可支配收入),
 * as long as the first item: 城镇居民人均可支配收入, 农村居民人均可支配收入. Only when the tail ends in a
 * measure (收入, 增加值, 投资 …): 汽车、新能源汽车 are two whole items.
 */
function withSharedTail(items: string[]): string[] {
  const last = items.at(-1)!;
  const width = items[0]!.length;
  const rest = items.slice(0, -1);
  if (rest.every((item) => item.length === width) && width <= 3 && last.length >= width + 2 && LIST_TAIL.test(last.slice(width))) {
    const tail = last.slice(width);
    return [...rest.map((item) => `${item}${tail}`), last];
  }
  // 科技服务业、人力资源服务业营收: only the measure the last item ends with is shared.
  const measure = LIST_TAIL.exec(last)?.[0];
  if (measure === undefined || last.length <= measure.length || rest.some((item) => LIST_TAIL.test(item))) return items;
  return [...rest.map((item) => `${item}${measure}`), last];
}

const LIST_HEAD = new RegExp(`(${alternation(LIST_HEAD_NOUNS)})$`);

function headNoun(head: string): string {
  if (/集群$/.test(head)) return '产业集群';
  const match = LIST_HEAD.exec(head);
  return match ? match[1]! : '';
}

/** Splits at separators outside brackets: 都市消费工业(智能家居、绿色食品) stays one item. */
function splitTopLevel(text: string, separator: RegExp): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    if (ch === ')' || ch === '）') depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(ch)) {
      if (current.trim()) items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) items.push(current.trim());
  return items;
}
