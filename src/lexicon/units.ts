// Units of measure a figure may carry, one row each: the word as written, what it measures (its
// kind), what its base amount is counted in and how many of those one unit is. The figure parser,
// the segmenter (which keeps 3000亿元 one token), target extraction and ranking all read this one
// table; a new unit is one row here.
import type { FigureKind } from '../model.ts';

/**
 * Where a word is a unit only sometimes (see figures.ts for how each is read):
 * - `duration`: 年 after a number is mostly a calendar year (2021年); a length of time only when a
 *   duration word follows (三年以上, 5年内, 十年来).
 * - `rate`: 分 alone is a score, a minute or a cent; money only in a price (3分/千瓦时).
 * - `standalone`: 角 and 毛 are money only in a span given whole; in prose 长三角 is a region.
 * - `percentWord`: 三成 = 30%, but 一成不变, and 成 begins many words.
 * - `yuanOrCount`: 块 is money in 十块钱 or 一块二, and a classifier in 13块金牌.
 */
export type UnitCondition = 'duration' | 'rate' | 'standalone' | 'percentWord' | 'yuanOrCount';

export interface UnitRow {
  readonly kind: FigureKind;
  /** What `base` is counted in; synonyms fold together (块钱, 人民币 → 元). */
  readonly base: string;
  /** How many `base` one of this unit is (角 = 0.1 元); 1 when absent. */
  readonly factor?: number;
  /** How the unit is written in `unit` when the source uses a variant form (％ → %). */
  readonly written?: string;
  readonly only?: UnitCondition;
  /** Characters after which the word begins another word instead (台阶, 人才, 项目, 部署): no unit there. */
  readonly notBefore?: string;
}

const row = (kind: FigureKind, base: string, extra: Omit<UnitRow, 'kind' | 'base'> = {}): UnitRow => ({ kind, base, ...extra });
const money = (base: string): UnitRow => row('money', base);
const count = (base: string, notBefore?: string): UnitRow => row('count', base, notBefore ? { notBefore } : {});

/** Currencies, also read when they come before the number (人民币3.14, 港币两千九百六十元). */
export const CURRENCIES: Readonly<Record<string, UnitRow>> = {
  人民币: money('元'), 人民幣: money('元'),
  美元: money('美元'), 美金: money('美元'),
  港元: money('港元'), 港币: money('港元'), 港幣: money('港元'),
  欧元: money('欧元'), 日元: money('日元'), 日币: money('日元'), 英镑: money('英镑'),
  韩元: money('韩元'), 卢布: money('卢布'), 泰铢: money('泰铢'), 澳元: money('澳元'),
  新台币: money('新台币'), 新台幣: money('新台币'), 台币: money('新台币'), 台幣: money('新台币'),
};

/** The words for 元 after which 角 and 分 may follow (五元六角, 十块三毛). */
export const YUAN_WORDS: ReadonlySet<string> = new Set(['元', '圆', '块', '块钱']);

/** Every unit word read after a number. The longest word at a spot wins (人次 over 人). */
export const UNITS: Readonly<Record<string, UnitRow>> = {
  ...CURRENCIES,
  元: money('元'), 圆: money('元'), 块钱: money('元'),
  块: row('money', '元', { only: 'yuanOrCount' }),
  角: row('money', '元', { factor: 0.1, only: 'standalone' }),
  毛: row('money', '元', { factor: 0.1, only: 'standalone' }),
  分: row('money', '元', { factor: 0.01, only: 'rate' }),

  '%': row('percent', '%'), '％': row('percent', '%', { written: '%' }), '‰': row('percent', '‰'),
  成: row('percent', '%', { only: 'percentWord' }),
  个百分点: row('percentage_points', '个百分点'), 百分点: row('percentage_points', '个百分点'),
  倍: row('other', '倍'),

  个: count('个'), 個: count('个'), 家: count('家', '庭电乡园'), 台: count('台', '阶账湾风'), 套: count('套', '餐'),
  '台(套)': count('台(套)'), '台（套）': count('台(套)'),
  人: count('人', '才均口员民工大'), 人次: count('人次'), 名: count('名', '单额录'), 项: count('项', '目'), 所: count('所', '有得'),
  座: count('座'), 户: count('户', '籍口'), 件: count('件'), 辆: count('辆'), 条: count('条', '件例款'),
  处: count('处'), 张: count('张'), 场: count('场'), 艘: count('艘'), 架: count('架'),
  栋: count('栋'), 头: count('头'), 次: count('次'), 种: count('种'), 类: count('类'),
  款: count('款'), 部: count('部', '门署分队委'), 例: count('例'), 株: count('株'), 宗: count('宗'), 轮: count('轮'),
  辆次: count('辆次'), 架次: count('架次'), 艘次: count('艘次'), 批次: count('批次'),
  列: count('列'), 只: count('只'), 场次: count('场次'), 班次: count('班次'), 班列: count('班列'),

  公里: row('length', '公里'), 千米: row('length', '千米'), 米: row('length', '米'),
  厘米: row('length', '厘米'), 毫米: row('length', '毫米'),
  平方米: row('area', '平方米'), 平方公里: row('area', '平方公里'), 平方千米: row('area', '平方千米'),
  亩: row('area', '亩'), 公顷: row('area', '公顷'),
  吨: row('mass', '吨'), 千克: row('mass', '千克'), 公斤: row('mass', '公斤'), 克: row('mass', '克'),
  毫克: row('mass', '毫克'), 微克: row('mass', '微克'),
  斤: row('mass', '斤'),
  立方米: row('volume', '立方米'),
  吨标准煤: row('energy', '吨标准煤'), 千瓦时: row('energy', '千瓦时'),
  千瓦: row('power', '千瓦'), 兆瓦: row('power', '兆瓦'), 吉瓦: row('power', '吉瓦'),
  标箱: row('other', '标箱'), 标准箱: row('other', '标准箱'),
  千伏: row('other', '千伏'), 千伏安: row('other', '千伏安'), 伏: row('other', '伏'),
  // Computing power: petaflops, written P after the number (智能算力1.6万P).
  P: row('other', 'P'), PFLOPS: row('other', 'PFLOPS'), EFLOPS: row('other', 'EFLOPS'),

  年: row('duration', '年', { only: 'duration' }),
  个月: row('duration', '个月'), 天: row('duration', '天'), 小时: row('duration', '小时'),
  分钟: row('duration', '分钟'), 岁: row('duration', '岁'), 周岁: row('duration', '周岁'),
};

/**
 * After 成 as tenths (三成, 七成企业), the characters that make it a word of its own instead:
 * 成员, 成为, 成立, 成功, 成本, 成果, 成就, 成绩, 成交, 成长, 成熟, 成型, 成品, 成都, 成效 … and 一成不变.
 */
export const PERCENT_WORD_NOT_BEFORE: readonly string[] = [
  '员', '为', '立', '功', '本', '果', '就', '绩', '交', '长', '熟', '型', '品', '年', '都', '效', '像', '语', '份', '批', '套',
  '片', '群', '串', '不', '形', '败', '全', '药', '衣', '因', '真', '事', '材', '色', '器', '家', '人', '才', '婚',
];

/** Calendar words a price or a rate may be per besides the units (30万吨/日, 202元/月). */
export const PER_WORDS: readonly string[] = [...Object.keys(UNITS), '日', '月', '周', '秒'];
