// Understanding a question: the place, the year, what kind of answer it wants and the words that
// name the thing asked about, in the documents' own vocabulary.
import { foldForMatching } from '../text/fold.ts';
import { cutWords } from '../text/segment.ts';
import { NATION, findRegionMentions } from '../targets/regions.ts';
import { findYearMentions } from '../targets/years.ts';

/** What kind of answer the question wants. */
export type Ask = 'amount' | 'count' | 'share' | 'growth' | 'when' | 'list' | 'any';

export interface Question {
  /** As the user typed it. */
  original: string;
  /** Folded (width, script, case) and with the synonyms rewritten to the documents' words. */
  text: string;
  region: string | null;
  year: number | null;
  ask: Ask;
  /** True when the question asks for a forecast (预计). */
  forecast: boolean;
  /** The words naming the thing asked about, without place, year and question words. */
  words: string[];
}

// What people type → what the documents write. Applied to the folded question before segmenting.
const SYNONYMS: Array<[RegExp, string]> = [
  [/gdp|经济增长(?:目标|速度)?|经济增速/g, '生产总值增长'],
  // 地区生产总值 is a province's own GDP and the place says which; reports also write 全省生产总值.
  [/地区生产总值/g, '生产总值'],
  [/增速|增幅/g, '增长'],
  [/\bcpi\b|cpi|物价涨幅|物价/g, '居民消费价格涨幅'],
  [/(?<!调查)失业率/g, '调查失业率'],
  [/就业目标|新增就业人数|就业人数/g, '新增就业'],
  [/赤字(?!率)/g, '赤字率'],
  [/上云(?!上平台)/g, '上云上平台'],
  [/机器人推广|推广机器人/g, '推广应用机器人'],
  [/产值/g, '规模'],
  // Short forms people type for the documents' full names.
  [/危化品/g, '危险化学品'],
  [/新基建/g, '新型基础设施建设'],
  [/中小微企业/g, '中小企业'],
  [/多大(?:的)?规模|规模多大/g, '规模多少'],
  [/减税和降费/g, '减税降费'],
  [/专项债(?!券)/g, '专项债券'],
];

// English names of places and things in the corpus, for questions asked in English.
const ENGLISH: Array<[RegExp, string]> = [
  [/guangzhou|canton/g, '广州'],
  [/beijing|peking/g, '北京'],
  [/shanghai/g, '上海'],
  [/shenzhen/g, '深圳'],
  [/guangdong/g, '广东'],
  [/zhejiang/g, '浙江'],
  [/anhui/g, '安徽'],
  [/jiangxi/g, '江西'],
  [/sichuan/g, '四川'],
  [/hebei/g, '河北'],
  [/chengdu/g, '成都'],
  [/china|national(?:ly)?|nationwide/g, '全国'],
  [/automotive|automobile|auto|car|vehicle/g, '汽车'],
  [/industrial cluster|cluster/g, '集群'],
  [/new display|display/g, '新型显示'],
  [/robots?/g, '机器人'],
  [/information consumption/g, '信息消费'],
  [/advanced manufacturing/g, '先进制造业'],
  [/value added|added value/g, '增加值'],
  [/artificial intelligence|\bai\b/g, '人工智能'],
  [/tax cuts?(?: and fee reductions?)?/g, '减税降费'],
  [/unemployment rate|unemployment/g, '调查失业率'],
  [/employment|jobs/g, '新增就业'],
  [/deficit/g, '赤字率'],
  [/growth/g, '增长'],
  [/scale|size/g, '规模'],
  [/target|goal/g, '目标'],
  [/how many|how much|what/g, '多少'],
  [/when/g, '何时'],
];

// Words that say how a question asks, not what it asks about.
const QUESTION_WORDS = new Set([
  '多少', '几个', '几家', '几台', '几', '多', '是', '的', '了', '要', '将', '会', '达到', '达', '目标', '什么', '什么样',
  '什么时候', '何时', '哪年', '哪一年', '哪些', '有', '有哪些', '吗', '呢', '啊', '计划', '规划', '要求', '预计',
  '预期', '到', '为', '请问', '请', '告诉', '我', '一下', '情况', '具体', '数字', '数据', '指标', '怎样', '如何',
  '全市', '全省', '年', '在', '之', '和', '与', '及', '中', '里', '上', '多大', '大', '那', '呀', '吧', '需要',
  '能', '可以', '期间', '总共', '一共', '共', '所有', '时候', '全年', '数量', '个数', '家数', '数目', '再', '还', '又', '这个', '那个', '现在',
]);

const MEASURE_FOR_ASK: Array<[RegExp, Ask]> = [
  [/什么时候|何时|哪年|哪一年|几月|时间表|啥时候/, 'when'],
  [/哪些|有哪几|列出|都有什么|清单/, 'list'],
  [/占比|比重|比例|份额/, 'share'],
  [/增长|增速|涨幅|提高多少|下降多少/, 'growth'],
  [/几个|几家|几台|几项|几座|几所|多少个|多少家|多少台|多少项|多少座|多少所|多少人|数量|个数|家数|几/, 'count'],
  [/规模|多少钱|金额|多少亿|多少万|产值|增加值|收入|投资|总量/, 'amount'],
];

/** Reads a question. `latestYear` resolves 今年/明年 when the question uses them. */
export function parseQuestion(original: string, latestYear: number | null): Question {
  let text = foldForMatching(original).replace(/[?？!！。.,，\s]+$/g, '');
  if (/[a-z]{2}/.test(text)) for (const [pattern, replacement] of ENGLISH) text = text.replace(pattern, replacement);
  for (const [pattern, replacement] of SYNONYMS) text = text.replace(pattern, replacement);
  const regionMention = findRegionMentions(text)[0];
  const region = regionMention?.region ?? (/全国|我国|全中国|中国|国内生产总值/.test(text) ? NATION : null);
  // Without a place, GDP is the nation's: 国内生产总值, as the national reports write it.
  if (region === null || region === NATION) text = text.replace(/(?<!国内)生产总值/g, '国内生产总值');
  // 全年 in a question means "in the year", not a particular one.
  const years = findYearMentions(text, latestYear).filter((y) => !/^(?:全年|本年|当年)$/.test(text.slice(y.start, y.end)));
  const year = years.at(-1)?.year ?? null;
  const ask = MEASURE_FOR_ASK.find(([pattern]) => pattern.test(text))?.[1] ?? 'any';
  const words = contentWords(text);
  return { original, text, region, year, ask, forecast: /预计|预测/.test(text), words };
}

function contentWords(text: string): string[] {
  const withoutPlaceAndTime = text
    .replace(/(?:到|至)?(?:19|20)\d{2}(?:\s*[-—–~～至到]\s*(?:19|20)\d{2})?年(?:年底|年末|底|末)?|今年|明年|去年|十[一二三四五]五/g, ' ')
    .replace(/全国|我国|全中国/g, ' ');
  const regionFree = findRegionMentions(withoutPlaceAndTime).reduceRight(
    (acc, m) => `${acc.slice(0, m.start)} ${acc.slice(m.end)}`,
    withoutPlaceAndTime,
  );
  // English words left over after the names above were translated are the question's grammar.
  const words = cutWords(regionFree).filter(
    (w) => !QUESTION_WORDS.has(w) && !/^\d+$/.test(w) && !/^[a-z]+$/.test(w),
  );
  return [...new Set(words)];
}
