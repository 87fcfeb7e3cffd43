// What a figure measures, in the document's own words: the clause around the figure without the
// place, the time and the verbs of reaching (达到, 超过 …).
import type { Figure } from '../model.ts';
import { clauseAround } from '../text/sentences.ts';
import { REGION_NAMES } from './regions.ts';

const REGION_PREFIX = new RegExp(`^(?:${REGION_NAMES.join('|')})(?:省|市|自治区)?`);

// Said before the thing measured and saying nothing of it.
const LEADING_NOISE = new RegExp(
  [
    '^(?:到|至|截至|截止到?)?(?:19|20)\\d{2}(?:\\s*[-—–~～至到]\\s*(?:19|20)\\d{2})?年(?:年底|年末|底|末)?(?:前)?',
    '^(?:今年|明年|去年|全年|本年|当年)',
    '^(?:力争|确保|争取|预计|累计|其中|并|以及|和|与|及|要|将|已|共|还|再|使|让|该|拟|合计|全市|全省|全国|我国|目标是|主要预期目标是|实现|达到|达|是|为)',
    '^[、，\\s“”"（）()]+',
  ].join('|'),
);

// The verbs of reaching a value: 规模达到 → 规模; and words that only say how sure the figure is.
const TRAILING_NOISE =
  /(?:(?:分别|将|要|预计|力争)?(?:达到|达|为|至|到|超过|超|突破|迈上|跃上|站上|逾|近|约|不少于|不低于|不超过|低于|高于|保持在|控制在|稳定在|提高到|提升到|提升至|提高至|增加到|增至|降至|下降到|完成|实现|在)|拟按|拟|按|预计|预期|力争|分别|共|约|的)$/;

const QUOTES = /[“”"‘’]/g;

function stripLeading(text: string): string {
  let current = text;
  for (;;) {
    const next = current.replace(REGION_PREFIX, '').replace(LEADING_NOISE, '');
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

// Units that count things: the noun after the figure names what is counted (200个智能工厂).
const COUNT_UNITS = /^(?:个|家|台|套|台\(套\)|台（套）|项|所|座|条|件|辆|户|名|人|人次|批|处|款|种|类)$/;
// A metric that names only a measure (增长, 占比) measures the thing named before it in the sentence.
const MEASURE_ONLY = /^(?:\p{Script=Han}{0,2}|年均增长|同比增长|增长|提高|下降|降低|增加|减少|占比|比重)$/u;
const COORDINATION = /[和及与、]$/;
// "比上年增加1.6万亿元" is a change in the thing of the figure before it.
const COMPARED_WITH_BEFORE = /^(?:比|较)(?:上年|去年|上一年|同期)/;

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
  let before = coordinated
    ? leadOf(text, clause.start, previous.start)
    : leadOf(text, ownStart, figure.start);
  if (coordinated) before = `${before}${stripLeading(between.replace(/^[^和及与、]*[和及与、]/, ''))}`;
  let after = text
    .slice(figure.end, next?.start ?? clause.end)
    .replace(/^[的]/, '')
    .replace(/[，\s]+$/, '');
  // "2个世界级和4个国家级先进制造业产业集群": the noun after the last count is the first one's too.
  if (next && COORDINATION.test(after)) {
    const tail = text.slice(next.end, clause.end).replace(/^\p{Script=Han}{1,3}级/u, '');
    after = `${after.replace(COORDINATION, '')}${tail}`;
  }
  let metric = before;
  if (COUNT_UNITS.test(figure.baseUnit) && /^\p{Script=Han}|^[“"]/u.test(after)) metric = `${before}${after}`;
  else if (before.length === 0 && after.length > 0) metric = after;
  if (MEASURE_ONLY.test(metric) || COMPARED_WITH_BEFORE.test(metric)) {
    const earlier = sentenceFigures.filter((f) => f.end <= figure.start).at(-1);
    if (earlier) {
      const earlierClause = clauseAround(text, earlier.start);
      const lead = leadOf(text, earlierClause.start, earlier.start);
      if (lead !== metric) metric = `${lead}${metric}`;
    }
  }
  return metric.replace(QUOTES, '').trim();
}

const LEADING_VERB =
  /^(?:推动|建设|建成|培育|认定|遴选|带动|打造|推广应用|推广|实施|组织|应用|开展|新增|再培育遴选|再培育|规划建设|完成|形成)+/;
const TRAILING_MEASURE = /(?:规模|增加值|比重|占比|增长|增速|数量|总量|产值|收入|金额|年均增长)+$/;

/** The thing measured without the measure or the verb: 先进制造业增加值 → 先进制造业. */
export function subjectOf(metric: string): string {
  const subject = metric.replace(LEADING_VERB, '').replace(TRAILING_MEASURE, '');
  return subject.length > 0 ? subject : metric;
}

const COUNT_WORD = /(?:等)?(?:[两二三四五六七八九十]|\d+)(?:大|个|类|项|种|家)/;

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
  return { items, head: headNoun(head) };
}

function headNoun(head: string): string {
  if (/集群$/.test(head)) return '产业集群';
  const match = /(产业|行业|领域|项目|基地|园区|中心|平台)$/.exec(head);
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
