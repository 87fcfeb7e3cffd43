// How people ask across documents: places side by side (各省, 长三角), years side by side (历年,
// 2014年以来), a target against its result (完成了吗), and filters on the figures (5.5%以上, 最高).
// Groups of places are data: a new group is one row.
import { PLACES } from './places.ts';

/** A group of places people name as one: its members by the names figures are reported under. */
export interface PlaceGroup {
  readonly words: readonly string[];
  readonly members: readonly string[] | 'provinces';
}

// Provincial-level places whose reports are not among the mainland's.
const NOT_MAINLAND = new Set(['台湾', '香港', '澳门']);

/** The 31 provinces of the mainland, the nation's provincial reports, in the national list's order. */
export const MAINLAND_PROVINCES: readonly string[] = PLACES.filter((p) => p.level === 'province' && !NOT_MAINLAND.has(p.name)).map((p) => p.name);

/** Longest words first when matching; a group's words may be followed by 各省市, 省份 … (GROUP_TAILS). */
export const PLACE_GROUPS: readonly PlaceGroup[] = [
  { words: ['长三角', '长江三角洲'], members: ['上海', '江苏', '浙江', '安徽'] },
  { words: ['京津冀'], members: ['北京', '天津', '河北'] },
  { words: ['粤港澳大湾区', '大湾区'], members: ['广州', '深圳', '珠海', '佛山', '惠州', '东莞', '中山', '江门', '肇庆', '香港', '澳门'] },
  { words: ['珠三角', '珠江三角洲'], members: ['广州', '深圳', '珠海', '佛山', '惠州', '东莞', '中山', '江门', '肇庆'] },
  { words: ['东北', '东北三省'], members: ['辽宁', '吉林', '黑龙江'] },
  { words: ['西部', '西部地区'], members: ['内蒙古', '广西', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏', '新疆'] },
  { words: ['中部', '中部地区'], members: ['山西', '安徽', '江西', '河南', '湖北', '湖南'] },
  { words: ['东部', '东部地区', '东部沿海'], members: ['北京', '天津', '河北', '上海', '江苏', '浙江', '福建', '山东', '广东', '海南'] },
  { words: ['西北'], members: ['陕西', '甘肃', '青海', '宁夏', '新疆'] },
  { words: ['西南'], members: ['重庆', '四川', '贵州', '云南', '西藏'] },
  { words: ['各省', '各省份', '各省市', '各省区市', '各省区', '31个省份', '31个省区市', '全国各省', '各个省', '哪些省份', '哪些省', '哪个省', '哪几个省', '省份'], members: 'provinces' },
];

/** What may follow a group's name and adds nothing: 长三角各省市, 西部省份, 东北三省的. */
export const GROUP_TAILS: readonly string[] = ['各省市', '各省份', '各省区', '各省', '省市', '省份', '各地', '地区', '城市', '各市', '三省', '的'];

/** A question asking for each year: 历年, 近几年 (the last few), 以来 after a year. */
export const EVERY_YEAR_WORDS: readonly string[] = ['历年', '历年来', '每年', '各年', '逐年', '历次', '这些年', '这几年', '多年来'];
export const RECENT_YEARS_WORDS: readonly string[] = ['近几年', '近年来', '近年', '最近几年', '近些年', '近五年', '过去几年'];
/** How many years 近几年 spans, the latest included. */
export const RECENT_YEARS_SPAN = 5;
/** After a year: from that year on (2014年以来). */
export const SINCE_YEAR_WORDS: readonly string[] = ['以来', '起', '至今', '开始'];

/** A question asking whether a target was met. */
export const CHECK_WORDS: readonly string[] = [
  '完成了吗', '完成了没有', '完成没有', '完成没', '实现了吗', '实现了没有', '实现没有', '达到了吗', '达到没有', '达标了吗',
  '达标没有', '完成情况', '是否完成', '是否实现', '是否达到', '是否达标', '完成得怎么样', '完成得如何', '实现情况',
  '有没有完成', '有没有实现', '有没有达到', '完成了么', '实现了么',
];

/** A filter on the figures: at or above, above, at or below, below, the highest, the lowest. */
export type FigureTest = 'gte' | 'gt' | 'lte' | 'lt' | 'max' | 'min';
/**
 * A figure's own qualifier (5.5%以上, 超过5%) is the test; these words before a figure are too,
 * read as the qualifiers they are (PREFIX_QUALIFIERS: 不低于 is gte).
 */
export const FILTER_WORDS_BEFORE: readonly string[] = ['高于', '超过', '大于', '不低于', '不少于', '至少', '低于', '小于', '不超过', '不高于'];
export const EXTREME_WORDS: Readonly<Record<string, FigureTest>> = {
  最高: 'max', 最多: 'max', 最大: 'max', 最快: 'max', 最低: 'min', 最少: 'min', 最小: 'min', 最慢: 'min',
};

/**
 * Things of which less is better: a target for them is a ceiling (失业率5.5%左右 is met by 5.2%).
 * Matched against the target's metric.
 */
export const LOWER_IS_BETTER: readonly string[] = ['失业率', '涨幅', '价格', '物价', '赤字', '能耗', '排放', '下降', '降低', '减少', '事故', '死亡'];

/** How far below an approximate target (5%左右) a result may fall and still meet it, as a share of it. */
export const APPROXIMATE_TOLERANCE = 0.05;
