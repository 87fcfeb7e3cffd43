// Places a figure can belong to, one row each. Names are the short forms people ask with (广州,
// 安徽); the suffixes below and the full names are read as the same place.

export interface PlaceRow {
  /** Short name: 广州, 内蒙古. */
  readonly name: string;
  readonly level: 'province' | 'prefecture';
  /** Latin spellings people type (pinyin, English), lower-case. */
  readonly latin?: readonly string[];
}

const province = (name: string, ...latin: string[]): PlaceRow => ({ name, level: 'province', ...(latin.length ? { latin } : {}) });
const city = (name: string, ...latin: string[]): PlaceRow => ({ name, level: 'prefecture', ...(latin.length ? { latin } : {}) });

export const PLACES: readonly PlaceRow[] = [
  province('北京', 'beijing', 'peking'), province('天津'), province('上海', 'shanghai'), province('重庆'),
  province('河北', 'hebei'), province('山西'), province('辽宁'), province('吉林'), province('黑龙江'),
  province('江苏'), province('浙江', 'zhejiang'), province('安徽', 'anhui'), province('福建'),
  province('江西', 'jiangxi'), province('山东'), province('河南'), province('湖北'), province('湖南'),
  province('广东', 'guangdong'), province('海南'), province('四川', 'sichuan'), province('贵州'),
  province('云南'), province('陕西'), province('甘肃'), province('青海'), province('台湾'), province('内蒙古'),
  province('广西'), province('西藏'), province('宁夏'), province('新疆'), province('香港'), province('澳门'),
  city('广州', 'guangzhou', 'canton'), city('深圳', 'shenzhen'), city('珠海'), city('佛山'), city('东莞'),
  city('中山'), city('惠州'), city('江门'), city('汕头'), city('湛江'), city('杭州'), city('宁波'), city('温州'),
  city('嘉兴'), city('湖州'), city('绍兴'), city('金华'), city('台州'), city('南京'), city('苏州'), city('无锡'),
  city('常州'), city('南通'), city('徐州'), city('合肥'), city('芜湖'), city('福州'), city('厦门'), city('泉州'),
  city('南昌'), city('赣州'), city('济南'), city('青岛'), city('烟台'), city('郑州'), city('洛阳'), city('武汉'),
  city('长沙'), city('成都', 'chengdu'), city('绵阳'), city('贵阳'), city('昆明'), city('西安'), city('兰州'),
  city('西宁'), city('银川'), city('乌鲁木齐'), city('呼和浩特'), city('南宁'), city('海口'), city('三亚'),
  city('石家庄'), city('太原'), city('沈阳'), city('大连'), city('长春'), city('哈尔滨'), city('拉萨'), city('雄安'),
];

/** What may follow a short name and still name the same place (广州市, 安徽省). */
export const PLACE_SUFFIXES: readonly string[] = ['省', '市', '自治区', '特别行政区', '地区'];

/** The suffixes that make a name the subject of its clause on their own (北京市信息消费…). */
export const ADMINISTRATIVE_SUFFIXES: readonly string[] = ['省', '市', '自治区'];

/** The nation as a whole: what 全国, 我国 and 国家 figures belong to. */
export const NATION = '全国';

/** Words that name the nation. */
export const NATION_WORDS: readonly string[] = ['全国', '我国', '国家', '全国范围', '中国'];

/** Words a user may also mean the nation by. */
export const NATION_QUERY_WORDS: readonly string[] = ['全国', '我国', '全中国', '中国', '国内', '中央'];

/** Bodies that speak for the nation: a document by them is the nation's. */
export const NATIONAL_BODIES: readonly string[] = ['国务院', '全国人民代表大会', '全国政协'];

/**
 * After a place name, words that make it the name of an institution, an event or a model rather
 * than the place's own figures (北京大学, 北京大兴国际机场, 广州模式), up to four characters later.
 */
export const NOT_A_PLACE_AFTER: readonly string[] = ['大学', '日报', '银行', '证券', '交易所', '机场', '冬奥会', '奥运会', '博览会', '论坛', '模式'];
