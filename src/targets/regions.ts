// Places a figure can belong to. Names are kept short (广州, 安徽) because that is how people ask;
// the suffixes 省/市/自治区 and the provinces' one-character names are read as the same place.

/** The nation as a whole: what 全国, 我国 and 国家 figures belong to. */
export const NATION = '全国';

const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西',
  '山东', '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾',
  '内蒙古', '广西', '西藏', '宁夏', '新疆', '香港', '澳门',
];

const CITIES = [
  '广州', '深圳', '珠海', '佛山', '东莞', '中山', '惠州', '江门', '汕头', '湛江', '杭州', '宁波', '温州',
  '嘉兴', '湖州', '绍兴', '金华', '台州', '南京', '苏州', '无锡', '常州', '南通', '徐州', '合肥', '芜湖',
  '福州', '厦门', '泉州', '南昌', '赣州', '济南', '青岛', '烟台', '郑州', '洛阳', '武汉', '长沙', '成都',
  '绵阳', '贵阳', '昆明', '西安', '兰州', '西宁', '银川', '乌鲁木齐', '呼和浩特', '南宁', '海口', '三亚',
  '石家庄', '太原', '沈阳', '大连', '长春', '哈尔滨', '拉萨', '雄安',
];

/** Short names of the places in the gazetteer, longest first so 黑龙江 wins over a shorter match. */
export const REGION_NAMES: readonly string[] = [...PROVINCES, ...CITIES].sort((a, b) => b.length - a.length);

const NATIONAL_WORDS = ['全国', '我国', '国家', '全国范围', '中国'];

// Words that contain a place name but do not name that place's own figures.
// (北京大学, 北京大兴国际机场, 广州模式): a short name before an institution, an event or a model.
const NOT_A_PLACE_AFTER = /^\p{Script=Han}{0,4}?(?:大学|日报|银行|证券|交易所|机场|冬奥会|奥运会|博览会|论坛|模式)/u;

export interface RegionMention {
  region: string;
  start: number;
  end: number;
}

const REGION_PATTERN = new RegExp(
  `(${REGION_NAMES.join('|')})(省|市|自治区|特别行政区|地区)?`,
  'g',
);

/** Every place named in the text, in order, as short names. */
export function findRegionMentions(text: string): RegionMention[] {
  const mentions: RegionMention[] = [];
  for (const match of text.matchAll(REGION_PATTERN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (NOT_A_PLACE_AFTER.test(text.slice(end, end + 6))) continue;
    mentions.push({ region: match[1]!, start, end });
  }
  return mentions;
}

/** True when the text speaks of the nation as a whole (全国, 我国, 国家 …). */
export function mentionsNation(text: string): boolean {
  return NATIONAL_WORDS.some((word) => text.includes(word));
}

/** The short name for a place as a user may write it (广州市 → 广州, 廣東省 after folding → 广东). */
export function normalizeRegion(name: string): string | null {
  const trimmed = name.trim();
  if (NATIONAL_WORDS.includes(trimmed) || trimmed === '国内' || trimmed === '中央') return NATION;
  const mention = findRegionMentions(trimmed)[0];
  return mention && mention.start === 0 ? mention.region : null;
}
