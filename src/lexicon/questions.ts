// How people ask: the words that say what kind of answer a question wants, the words that are the
// question's grammar rather than its topic, and the words that say little on their own.
import type { FigureKind } from '../model.ts';

/** What kind of answer a question wants. */
export type Ask = 'amount' | 'count' | 'share' | 'growth' | 'when' | 'list' | 'any';

/** The first row whose words the question holds decides the kind of answer; order matters. */
export const ASK_WORDS: readonly { readonly ask: Ask; readonly words: readonly string[] }[] = [
  { ask: 'when', words: ['什么时候', '何时', '哪年', '哪一年', '几月', '时间表', '啥时候'] },
  { ask: 'list', words: ['哪些', '有哪几', '列出', '都有什么', '清单', '各要', '各自', '分别'] },
  { ask: 'share', words: ['占比', '比重', '比例', '份额'] },
  { ask: 'growth', words: ['增长', '增速', '涨幅', '提高多少', '下降多少'] },
  {
    ask: 'count',
    words: ['几个', '几家', '几台', '几项', '几座', '几所', '多少个', '多少家', '多少台', '多少项', '多少座', '多少所', '多少人', '数量', '个数', '家数', '几'],
  },
  { ask: 'amount', words: ['规模', '多少钱', '金额', '多少亿', '多少万', '产值', '增加值', '收入', '投资', '总量', '元', '额度'] },
];

/**
 * The only kinds of figure that answer an ask: a share (占比) is a percentage or a change of one,
 * never the amount of the thing (规模6000亿元) whose share is asked. Asks not listed take any figure.
 */
export const FIGURE_KINDS_OF_ASK: Readonly<Partial<Record<Ask, readonly FigureKind[]>>> = {
  share: ['percent', 'percentage_points'],
};

/** Words that say how a question asks, not what it asks about. */
export const QUESTION_GRAMMAR: readonly string[] = [
  '多少', '几个', '几家', '几台', '几', '多', '是', '的', '了', '要', '将', '会', '达到', '达', '目标', '什么', '什么样',
  '什么时候', '何时', '哪年', '哪一年', '哪些', '有', '有哪些', '吗', '呢', '啊', '计划', '规划', '要求', '预计',
  '预期', '到', '为', '请问', '请', '告诉', '我', '一下', '情况', '具体', '数字', '数据', '指标', '怎样', '如何',
  '全市', '全省', '年', '在', '之', '和', '与', '及', '中', '里', '上', '多大', '大', '那', '呀', '吧', '需要',
  '能', '可以', '期间', '总共', '一共', '共', '所有', '时候', '全年', '数量', '个数', '家数', '数目', '再', '还', '又',
  '这个', '那个', '现在', '控制', '保持', '额度', '给', '给了', '各', '各要', '分别', '各自', '定为', '定了', '定', '设定',
];

/** Words that say little on their own: a match on them counts for less in ranking. */
export const GENERIC_WORDS: readonly string[] = [
  '规模', '增长', '建设', '建成', '推动', '企业', '产业', '发展', '推进', '实现', '完成', '打造', '认定', '推广',
  '全年', '年均', '相关', '工作', '水平', '新型', '数量', '总量', '应用', '项目', '领域', '重点', '主要', '培育',
];

/** A question with these asks for a plan. */
export const ASKS_FOR_TARGET: readonly string[] = ['目标', '要', '将', '力争', '计划', '预期', '定为', '安排'];
/** A question with these asks for a result. */
export const ASKS_FOR_RESULT: readonly string[] = ['已经', '完成了', '实际', '累计', '建设了', '达到了', '增长了', '减少了', '下降了', '提高了', '实现了'];
/** A question with these asks for a forecast. */
export const ASKS_FOR_FORECAST: readonly string[] = ['预计', '预测'];

/**
 * English words that are a question's grammar. Any other English word a question keeps after its
 * terms are translated names something the documents would have to say: it must be found.
 */
export const ENGLISH_GRAMMAR: readonly string[] = [
  'a', 'an', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'and', 'or', 'with', 'from', 'as', 'is', 'are', 'was', 'were',
  'be', 'been', 'do', 'does', 'did', 'what', 'which', 'how', 'much', 'many', 'big', 'large', 'high', 'its', 'it', 'this',
  'that', 'these', 'those', 'set', 'planned', 'plan', 'plans', 'year', 'years', 'per', 'cent', 'percent', 's', 'chinas',
  'please', 'tell', 'me', 'about', 'show', 'give', 'level', 'figure', 'number', 'amount', 'total', 'will', 'would', 'should',
  'expected', 'expect', 'reach', 'reached', 'grow', 'grew', 'rise', 'rose', 'last', 'next', 'new', 'quota', 'rate',
  'government', 'official', 'annual',
];
