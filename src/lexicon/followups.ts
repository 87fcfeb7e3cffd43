// How people lean on the question before in a conversation: 那北京呢？ 2024年的话？ 换成比重呢？
// Read by src/qa/followup.ts, which takes the place, the year and the measure a short message
// names from src/lexicon/places.ts, time.ts and phrases.ts; only the words of the conversation
// itself are here.

/** Words a follow-up opens with: 那北京呢, 换成广州. */
export const FOLLOW_UP_OPENERS: readonly string[] = ['那么', '那', '换成', '换作', '改成', '改为', '如果是', '要是', '若是', '还有', '再看看', '再看', '看看', '再问'];

/** Words a follow-up ends with: 北京呢, 2024年的话, 广州怎么样. */
export const FOLLOW_UP_CLOSERS: readonly string[] = ['的话呢', '的话', '呢', '怎么样', '如何', '怎样', '吗', '呀', '啊', '吧'];

/**
 * Words a follow-up may hold besides its place, year and measure without naming a thing of its
 * own: 2024年的目标呢, 北京又是多少.
 */
export const FOLLOW_UP_FILLERS: readonly string[] = [
  '是多少', '有多少', '为多少', '多少', '的目标', '目标', '情况', '数字', '又是', '也是', '是', '的', '了', '和', '也', '又', '呢',
];

/**
 * Words that make a short message a question of its own, never a follow-up: 为什么不一样？ asks
 * about the answer, not about another place or year.
 */
export const OWN_QUESTION_WORDS: readonly string[] = [
  '为什么', '为何', '怎么回事', '什么意思', '啥意思', '是什么', '什么是', '谁', '哪里', '哪儿', '不一样', '不同', '区别', '对吗',
  '对不对', '是不是', '真的', '确定', '谢谢', '多谢', '你好', '您好', '帮助', '怎么用', '来源', '出处', '原文',
];

/** Measures a follow-up may swap besides the lexicon's bare measures and growth words: 份额呢. */
export const FOLLOW_UP_MEASURES: readonly string[] = ['份额', '增幅', '总额', '产值', '增加值'];
