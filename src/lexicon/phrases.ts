// The phrases of policy text that say how a figure stands, not what it measures: qualifiers,
// verbs of reaching a value, words of results and forecasts, comparison markers, and the words a
// question asks with. Every entry is general vocabulary of Chinese policy writing; the modules
// that read text build their patterns from these tables, so a new phrase is one entry.
import type { Qualifier } from '../model.ts';

/** Comparisons written before the number (约3000亿元, 超过1200万人). */
export const PREFIX_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  约: 'approx', 大约: 'approx', 约为: 'approx', 近: 'approx', 接近: 'approx', 将近: 'approx',
  超: 'gt', 超过: 'gt', 逾: 'gt', 突破: 'gt', 高于: 'gt', 多于: 'gt', 大于: 'gt',
  不少于: 'gte', 至少: 'gte', 不低于: 'gte', 不小于: 'gte', 最少: 'gte', 起码: 'gte',
  不超过: 'lte', 不高于: 'lte', 不多于: 'lte', 不大于: 'lte', 最多: 'lte', 至多: 'lte',
  不到: 'lt', 不足: 'lt', 低于: 'lt', 少于: 'lt', 小于: 'lt',
};

/** Comparisons written after the number and its unit (5%左右, 3000亿元以上). */
export const SUFFIX_QUALIFIERS: Readonly<Record<string, Qualifier>> = {
  以上: 'gte', 以下: 'lte', 以内: 'lte', 之内: 'lte', 左右: 'approx', 上下: 'approx',
};

/** 6000多亿, 2000余元: after a number, more than it. */
export const MORE_WORDS: readonly string[] = ['多', '余'];

/** After an amount, the word that makes it a class at least that big (千亿级产业, 万亿元级). */
export const CLASS_WORD = '级';

/** Before a number, the signs that make it negative (负5%, -5%). */
export const NEGATIVE_SIGNS: readonly string[] = ['负', '-', '−', '－'];

/** 负 is a sign only after these (增长负5%, 为负2%): after others it ends a word (税负5700亿元). */
export const SIGN_AFTER: readonly string[] = ['长', '为', '是', '至', '到', '达', '比', '速', '幅', '率', '在', '降'];

/** Verbs that bring a thing to its value (规模达到6000亿元): said between the thing and the figure. */
export const REACHING_VERBS: readonly string[] = [
  '达到', '达', '为', '至', '到', '超过', '超', '突破', '迈上', '跃上', '站上', '逾', '近', '约', '不少于',
  '不低于', '不超过', '低于', '高于', '保持在', '控制在', '稳定在', '提高到', '提升到', '提升至', '提高至',
  '增加到', '增至', '降至', '下降到', '完成', '实现', '在', '连跨', '跨上', '跨越', '迈过',
];

/** Words before a verb of reaching that only say how sure or how shared the figure is. */
export const HEDGES: readonly string[] = ['分别', '将', '要', '预计', '力争'];

/** Words at the end of a metric that say nothing of the thing (拟按, 共, 的). */
export const TRAILING_FILLERS: readonly string[] = ['拟按', '拟', '按', '预计', '预期', '力争', '分别', '共', '约', '的', '由'];

/** Words at the start of a clause that say nothing of the thing measured. */
export const LEADING_FILLERS: readonly string[] = [
  '力争', '确保', '争取', '预计', '累计', '其中', '并', '以及', '和', '与', '及', '要', '将', '已', '共', '还',
  '再', '使', '让', '该', '拟', '合计', '全市', '全省', '全国', '我国', '目标是', '主要预期目标是', '实现',
  '达到', '达', '是', '为', '继续', '转为',
];

/** Verbs of doing that come before the thing a target is about (培育…集群, 推广应用…机器人). */
export const DOING_VERBS: readonly string[] = [
  '推动', '建设', '建成', '培育', '认定', '遴选', '带动', '打造', '推广应用', '推广', '实施', '组织', '应用',
  '开展', '新增', '规划建设', '完成', '形成',
];

/** Adverbs that may stand before a doing verb (再培育). */
export const DOING_ADVERBS: readonly string[] = ['再'];

/** Words naming the measure of a thing rather than the thing (先进制造业增加值 → 先进制造业). */
export const MEASURE_WORDS: readonly string[] = [
  '规模', '增加值', '比重', '占比', '增长', '增速', '数量', '总量', '产值', '收入', '金额', '年均增长',
];

/** Measures that need a thing: a metric of little more than these (报销比例, 补助标准) is incomplete. */
export const BARE_MEASURES: readonly string[] = ['比例', '标准', '比重', '占比', '规模', '总量', '数量', '增速', '增长', '收入', '金额'];

/** A metric of only these measures a change or share of the thing named before it in the sentence. */
export const CHANGE_WORDS: readonly string[] = ['年均增长', '同比增长', '增长', '提高', '下降', '降低', '增加', '减少', '占比', '比重'];

/**
 * Words that name two things at once, which a 分别 list gives a figure each (城乡居民人均可支配收入
 * 分别增长5%、6%: 城镇居民…5%, 农村居民…6%).
 */
export const PAIRED_WORDS: Readonly<Record<string, readonly string[]>> = {
  城乡: ['城镇', '农村'],
  中外: ['中方', '外方'],
  进出口: ['进口', '出口'],
  中西部: ['中部', '西部'],
  东中西部: ['东部', '中部', '西部'],
};

/**
 * Words that tell two measures of one thing apart: a question naming one is never answered by a
 * figure that names another of the same row (城镇登记失业率 is not 城镇调查失业率).
 */
export const EXCLUSIVE_MODIFIERS: readonly (readonly string[])[] = [
  ['登记', '调查'],
  ['城镇', '农村'],
  ['一般公共预算', '政府性基金'],
];

/** Words that make a metric another measure of its thing (人均, 年均, 累计): asked without them, it is not the one. */
export const MEASURE_MODIFIERS: readonly string[] = ['人均', '年均', '日均', '平均', '累计', '户均'];

/** Words of a change of a thing (增长5%, 下降3%): a metric with one measures the change, not the level. */
export const GROWTH_WORDS: readonly string[] = ['增长', '提高', '下降', '降低', '增加', '减少', '增速', '增幅', '涨幅', '上涨', '扩大', '缩小'];

/** Words that make one figure a change or share of another thing's (比上年增加, 占比). */
export const OTHER_MEASURE_WORDS: readonly string[] = [
  '比上年', '比去年', '较上年', '增长', '增加', '提高', '下降', '降低', '增速', '增幅', '占比', '比重',
];

/** A stock against a flow: 总数 and 累计 count all the things, 新增 only those added. */
export const TOTAL_MEASURES: readonly string[] = ['总数', '累计', '总量', '总规模', '共计', '合计'];
export const NEW_MEASURES: readonly string[] = ['新增', '新建', '新培育', '新认定'];

/** How often a new count is counted (平均每天新增1.5万户): with a new measure only, the metric names no thing. */
export const RATE_LEADS: readonly string[] = ['平均', '每天', '每日', '每月', '每年', '日均', '月均', '年均', '全年'];

/** 高于全国15.9个百分点: a difference from another's value, of the thing before it. */
export const ABOVE_BELOW: readonly string[] = ['高于', '低于', '快于', '慢于', '超出', '高出', '超过'];
export const COMPARED_WHOLES: readonly string[] = ['全国', '全省', '全市', '全区', '平均', '同期', '全国平均', '全省平均'];

/** The ends of what a list's shared part names (城镇、农村居民人均可支配收入: …收入 is both items'). */
export const LIST_TAIL_WORDS: readonly string[] = [
  '增加值', '收入', '投资', '产量', '产值', '规模', '比重', '占比', '标准', '总额', '面积', '浓度', '人口', '消费', '支出',
  '增速', '总量', '数量', '营收', '营业收入', '零售额', '销售额', '出口', '进口', '出口额', '排放量', '覆盖率', '利润',
  '用电量', '吞吐量', '发电量', '贷款', '余额', '普及率', '达标率', '合格率', '使用率',
];

/** 比上年增加: a change against an earlier value, of the thing before it. */
export const COMPARED_WITH: readonly string[] = ['比', '较'];
export const EARLIER_PERIODS: readonly string[] = ['上年', '去年', '上一年', '同期'];

/** Words that mark a forecast (预计全年…). */
export const FORECAST_WORDS: readonly string[] = ['预计', '预测', '有望'];

/** Words that mark a result achieved; said earlier in a sentence they make its later figures results too. */
export const RESULT_WORDS: readonly string[] = [
  '已完成', '已经完成', '已建成', '已经建成', '已实现', '已经实现', '已形成', '已经形成', '已开通', '已经开通',
  '已覆盖', '已经覆盖', '已累计', '已经累计', '累计', '完成了', '实现了', '达到了', '增长了', '超额完成',
  '圆满完成', '建成了', '同比增长',
];

/** The subset of RESULT_WORDS that carries over to the later clauses of its sentence. */
export const RESULT_SO_FAR_WORDS: readonly string[] = [
  '已完成', '已经完成', '已建成', '已经建成', '已实现', '已经实现', '累计', '圆满完成',
];

/** 过去一年, 过去五年, 过去3年: the years behind, whose figures are results. */
export const PAST_YEARS_LEAD = '过去';
export const PAST_YEARS_COUNTS: readonly string[] = ['一', '五'];

/**
 * Markers that make a place the thing compared with, not the one the figure is of (占全国, 比
 * 上海, 对口支援新疆, 居全国第一).
 */
export const COMPARISON_MARKERS: readonly string[] = ['占', '比', '较', '与', '向', '援', '对', '帮助', '居'];

/** Openers of a clause that do not stop a place after them from being its subject (其中广州…). */
export const CLAUSE_OPENERS: readonly string[] = ['记者', '表示', '指出', '其中', '同时', '此外', '另外'];

/** After 全国, words that make it a comparison, not the subject (全国第一, 全国平均水平). */
export const NATION_COMPARED: readonly string[] = ['第', '首', '百强', '领先', '前列', '平均', '水平'];

/** Words of commitment that make a bare deadline a target (力争2020年年底前实现…). */
export const COMMITMENT_WORDS: readonly string[] = ['力争', '确保', '实现', '完成', '基本', '全面'];

/** What a count of the text's own parts counts (重点任务有十项, 7个方面): structure, not a figure. */
export const TEXT_STRUCTURE_WORDS: readonly string[] = ['任务', '措施', '方面', '特点', '举措', '内容', '部分', '要求', '原则', '字'];

/** Classifiers after the count of a list (两大…集群, 三类…). */
export const LIST_COUNT_CLASSIFIERS: readonly string[] = ['大', '个', '类', '项', '种', '家'];

/** Nouns that end the head of a list and name what each item is (…两大先进制造业集群 → 产业集群). */
export const LIST_HEAD_NOUNS: readonly string[] = ['产业', '行业', '领域', '项目', '基地', '园区', '中心', '平台'];

/** Headings of a glossary or notes: their numbers explain terms and are no figures of the place. */
export const GLOSSARY_HEADING_WORDS: readonly string[] = ['名词解释', '名词注释', '注释', '释义', '名词说明'];

/**
 * Verbs of saying and planning: a place right before one at the start of a sentence is the subject
 * of all the sentence says (广州市提出，到2021年…；安徽明年将…).
 */
export const SUBJECT_VERBS: readonly string[] = [
  '提出', '表示', '明确', '要求', '印发', '发布', '出台', '计划', '规划', '力争', '将', '要', '确保', '预计', '争取', '坚持',
  '以', '全年', '今年', '明年', '去年', '年内',
];
