// The figure finder on real sentences: the seed document, the corpus reports, and the decisions
// about what is not a figure. Expected values are read off the sentences by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FigureSchema, type Figure } from '../src/model.ts';
import { findFigures, parseFigure } from '../src/text/figures.ts';
import { parseNumeral } from '../src/text/numerals.ts';

const seed = readFileSync(new URL('../seeds/000_b75a479856194727.txt', import.meta.url), 'utf8');
const corpus = (name: string): string =>
  readFileSync(new URL(`./fixtures/corpus/${name}`, import.meta.url), 'utf8');

/** A figure without its offsets: [text, value, unit, base, baseUnit, qualifier]. */
type Brief = [string, Figure['value'], string, Figure['base'], string, Figure['qualifier']];
const brief = (f: Figure): Brief => [f.text, f.value, f.unit, f.base, f.baseUnit, f.qualifier];
const found = (text: string): Brief[] => findFigures(text).map(brief);
const texts = (text: string): string[] => findFigures(text).map((f) => f.text);

/** The sentence of the seed (or corpus text) that contains `words`, so cases stay tied to the source. */
function sentenceWith(source: string, words: string): string {
  const at = source.indexOf(words);
  if (at < 0) throw new Error(`not in the source: ${words}`);
  const starts = [...'。；\n'].map((mark) => source.lastIndexOf(mark, at) + 1);
  const ends = [...'。；\n'].map((mark) => source.indexOf(mark, at + words.length)).filter((i) => i >= 0);
  return source.slice(Math.max(...starts), Math.min(...ends, source.length));
}

describe('parseNumeral', () => {
  it.each([
    ['3000', 3000], ['1,234.5', 1234.5], ['82，225.00', 82225], ['３０００', 3000], ['0.5', 0.5],
    ['两千五百', 2500], ['一万六千', 16000], ['一千零一', 1001], ['十', 10], ['十一', 11],
    ['壹仟贰佰', 1200], ['叁拾万', 300000], ['一亿零一', 100000001],
    ['3.2万亿', 3.2e12], ['1.4万亿', 1.4e12], ['2.36万亿', 2.36e12], ['134.9万亿', 134.9e12],
    ['5千', 5000], ['100万', 1e6], ['一点五亿', 1.5e8], ['零点零五', 0.05],
    ['百分之二十', 0.2], ['三分之一', 1 / 3], ['一半', 0.5], ['负三', -3],
  ])('%s = %d', (text, value) => {
    expect(parseNumeral(text)).toBe(value);
  });

  it('keeps decimals times powers of ten exact (2.36万亿 is 2360000000000, no binary noise)', () => {
    expect(parseNumeral('2.36万亿')).toBe(2360000000000);
    expect(parseNumeral('47.264287亿')).toBe(4726428700);
  });

  it('reads digit strings and elliptic tails in normal style only', () => {
    expect(parseNumeral('二〇二一', 'normal')).toBe(2021);
    expect(parseNumeral('二〇二一', 'strict')).toBeNull();
    expect(parseNumeral('二〇二一', 'prose')).toBeNull();
    expect(parseNumeral('三万五', 'normal')).toBe(35000);
    expect(parseNumeral('三万五', 'strict')).toBeNull();
  });

  it.each(['十三五', '十四五', '万千百十', '一一', '十一十二', '点五', '零点', '10..1万', '10.1万零100', '', '5G'])(
    'rejects %s',
    (text) => {
      expect(parseNumeral(text, 'strict')).toBeNull();
      expect(parseNumeral(text, 'prose')).toBeNull();
    },
  );
});

describe('parseFigure', () => {
  it('reads the CONTRACT example exactly', () => {
    expect(parseFigure('3000亿元以上')).toEqual({
      text: '3000亿元以上', value: 3000, unit: '亿元', base: 300000000000, baseUnit: '元', qualifier: 'gte',
      kind: 'money', start: 0, end: 8,
    });
  });

  it.each<[string, Figure['kind']]>([
    ['3000亿元', 'money'], ['人民币3.14', 'money'], ['5.5%', 'percent'], ['三成', 'percent'], ['千分之三', 'percent'],
    ['0.3个百分点', 'percentage_points'], ['1200万人', 'count'], ['200个', 'count'], ['9300公里', 'length'],
    ['1.2亿亩', 'area'], ['1.3万亿斤', 'mass'], ['12亿立方米', 'volume'], ['4000万吨标准煤', 'energy'],
    ['1000万千瓦', 'power'], ['3个月', 'duration'], ['2倍', 'other'], ['1.4万亿', 'other'],
  ])('says what %s measures: %s', (span, kind) => {
    expect(parseFigure(span)?.kind).toBe(kind);
  });

  it.each<[string, Brief]>([
    ['两千五百亿元', ['两千五百亿元', 2500, '亿元', 250000000000, '元', 'eq']],
    ['一万六千人', ['一万六千人', 16000, '人', 16000, '人', 'eq']],
    ['1.4万亿元', ['1.4万亿元', 1.4, '万亿元', 1400000000000, '元', 'eq']],
    ['2.36万亿元', ['2.36万亿元', 2.36, '万亿元', 2360000000000, '元', 'eq']],
    ['3.2万亿', ['3.2万亿', 3.2, '万亿', 3200000000000, '', 'eq']],
    ['5千', ['5千', 5, '千', 5000, '', 'eq']],
    ['1.3万亿斤以上', ['1.3万亿斤以上', 1.3, '万亿斤', 1300000000000, '斤', 'gte']],
    ['1200万人以上', ['1200万人以上', 1200, '万人', 12000000, '人', 'gte']],
    ['1000万千瓦', ['1000万千瓦', 1000, '万千瓦', 10000000, '千瓦', 'eq']],
    ['３０００亿元', ['３０００亿元', 3000, '亿元', 300000000000, '元', 'eq']],
    ['３０％', ['３０％', 30, '%', 30, '%', 'eq']],
    ['1，200亿元', ['1，200亿元', 1200, '亿元', 120000000000, '元', 'eq']],
    ['3.2万亿美元', ['3.2万亿美元', 3.2, '万亿美元', 3200000000000, '美元', 'eq']],
    ['25481港元', ['25481港元', 25481, '港元', 25481, '港元', 'eq']],
    ['十几个', ['十几个', [10, 20], '个', [10, 20], '个', 'approx']],
    ['一半以上', ['一半以上', 50, '%', 50, '%', 'gte']],
    ['三成', ['三成', 30, '%', 30, '%', 'eq']],
    ['百分之二十', ['百分之二十', 20, '%', 20, '%', 'eq']],
    ['1个百分点', ['1个百分点', 1, '个百分点', 1, '个百分点', 'eq']],
    ['1-2个', ['1-2个', [1, 2], '个', [1, 2], '个', 'range']],
    ['1～2个', ['1～2个', [1, 2], '个', [1, 2], '个', 'range']],
    ['3%至5%', ['3%至5%', [3, 5], '%', [3, 5], '%', 'range']],
    ['两三个', ['两三个', [2, 3], '个', [2, 3], '个', 'range']],
    ['两到三万', ['两到三万', [2, 3], '万', [20000, 30000], '', 'range']],
    ['6000多亿', ['6000多亿', 6000, '亿', 600000000000, '', 'gt']],
    ['逾2万亿元', ['逾2万亿元', 2, '万亿元', 2000000000000, '元', 'gt']],
    ['不少于17个', ['不少于17个', 17, '个', 17, '个', 'gte']],
    ['不超过5%', ['不超过5%', 5, '%', 5, '%', 'lte']],
    ['不到100万元', ['不到100万元', 100, '万元', 1000000, '元', 'lt']],
    ['13992台(套)', ['13992台(套)', 13992, '台(套)', 13992, '台(套)', 'eq']],
    ['14.2万台（套）', ['14.2万台（套）', 14.2, '万台（套）', 142000, '台(套)', 'eq']],
    ['5千米', ['5千米', 5, '千米', 5, '千米', 'eq']],
    ['两千米', ['两千米', 2000, '米', 2000, '米', 'eq']],
    ['3分/千瓦时', ['3分/千瓦时', 3, '分/千瓦时', 0.03, '元/千瓦时', 'eq']],
    ['3年以上', ['3年以上', 3, '年', 3, '年', 'gte']],
  ])('%s', (span, expected) => {
    const figure = parseFigure(span);
    expect(figure && brief(figure)).toEqual(expected);
  });

  it.each(['5G', '十三五', '2021年', '3月5日', '第1版', '一是', '', '3000亿元 以上的'])('%s is not one figure', (span) => {
    expect(parseFigure(span)).toBeNull();
  });
});

describe('findFigures on the seed', () => {
  it('finds the Guangzhou targets, 分别 lists in order', () => {
    const paragraph = sentenceWith(seed, '到2021年，广州市先进制造业增加值达3000亿元以上') + '。' +
      sentenceWith(seed, '打造汽车、超高清视频及新型显示两大世界级先进制造业集群') + '；' +
      sentenceWith(seed, '规模分别达到3000亿元、2000亿元、1200亿元、1000亿元');
    expect(found(paragraph)).toEqual([
      ['3000亿元以上', 3000, '亿元', 300000000000, '元', 'gte'],
      ['70%左右', 70, '%', 70, '%', 'approx'],
      ['6000亿元', 6000, '亿元', 600000000000, '元', 'eq'],
      ['2300亿元', 2300, '亿元', 230000000000, '元', 'eq'],
      ['3000亿元', 3000, '亿元', 300000000000, '元', 'eq'],
      ['2000亿元', 2000, '亿元', 200000000000, '元', 'eq'],
      ['1200亿元', 1200, '亿元', 120000000000, '元', 'eq'],
      ['1000亿元', 1000, '亿元', 100000000000, '元', 'eq'],
    ]);
  });

  it('reads the qualifier words into the span: 近, 约, 超过, 一半以上', () => {
    expect(found(sentenceWith(seed, '预计全年减税降费2.36万亿元'))).toEqual([
      ['2.36万亿元', 2.36, '万亿元', 2360000000000, '元', 'eq'],
      ['近70%', 70, '%', 70, '%', 'approx'],
      ['约2500亿元', 2500, '亿元', 250000000000, '元', 'approx'],
    ]);
    expect(found(sentenceWith(seed, '清欠金额预计超过6000亿元'))).toEqual([
      ['超过6000亿元', 6000, '亿元', 600000000000, '元', 'gt'],
      ['一半以上', 50, '%', 50, '%', 'gte'],
    ]);
  });

  it('reads the Beijing targets: 18%以上, 100个以上, 2000家以上, 不少于1个, 1-2个', () => {
    const text = sentenceWith(seed, '年均增长达18%以上') + sentenceWith(seed, '培育100个以上') +
      sentenceWith(seed, '全市规划建设1-2个');
    expect(found(text)).toEqual([
      ['1.4万亿元', 1.4, '万亿元', 1400000000000, '元', 'eq'],
      ['18%以上', 18, '%', 18, '%', 'gte'],
      ['100个以上', 100, '个', 100, '个', 'gte'],
      ['2000家以上', 2000, '家', 2000, '家', 'gte'],
      ['不少于1个', 1, '个', 1, '个', 'gte'],
      ['1-2个', [1, 2], '个', [1, 2], '个', 'range'],
    ]);
    expect(texts(sentenceWith(seed, '推动全市建成不少于17个'))).toEqual(['不少于17个', '12个']);
    expect(texts(sentenceWith(seed, '组织北京市10家以上企业'))).toEqual(['10家以上']);
    expect(texts(sentenceWith(seed, '实现现场体验项目占全部参展项目80%以上'))).toEqual(['80%以上']);
    expect(texts(sentenceWith(seed, '再培育遴选4家左右'))).toEqual(['4家左右']);
  });

  it('reads counts with 台(套) and quoted names around them', () => {
    expect(texts(sentenceWith(seed, '全年推广应用机器人6000台以上'))).toEqual(['6000台以上']);
    expect(texts(sentenceWith(seed, '200个。”安徽'))).toEqual(['200个']);
    expect(found(sentenceWith(seed, '累计应用智能装备13992台(套)'))).toEqual([
      ['13992台(套)', 13992, '台(套)', 13992, '台(套)', 'eq'],
      ['1035个', 1035, '个', 1035, '个', 'eq'],
    ]);
  });

  it('returns counts written with a unit word (十项, 四项, 7个) but not 两大 / 四大', () => {
    // 项 and 个 are units; 大 is not: 两大…集群 and 四大特点 name groups rather than count items,
    // and the figures they would give (2, 4) answer no question the bot is asked.
    expect(texts(sentenceWith(seed, '《行动计划》的重点任务有十项'))).toEqual(['十项']);
    expect(texts(sentenceWith(seed, '《行动计划》提出四项保障措施'))).toEqual(['四项']);
    expect(texts(sentenceWith(seed, '会议要求抓好7个方面重点任务'))).toEqual(['7个']);
    expect(texts('打造汽车、超高清视频及新型显示两大世界级先进制造业集群')).toEqual([]);
    expect(texts(sentenceWith(seed, '该《行动计划》有四大特点'))).toEqual([]);
  });

  it.each([
    ['5G', '鼓励北京市企业参与5G技术试验和产业布局'],
    ['IPv6', '持续推进基于IPv6技术的部署应用'],
    ['4K/8K', '加快4K/8K、VR/AR等新技术应用'],
    ['“512工程”', '实施“5G+工业互联网”512工程'],
    ['“智造100”', '深入实施“智造100”工程'],
    ['“万千百十”', '江西以“万千百十”工程推进智能制造'],
    ['十九大, 十九届二中、三中、四中全会', '全面贯彻党的十九大和十九届二中、三中、四中全会精神'],
    ['“六稳”', '扎实抓好“六稳”工作'],
    ['十三五', '确保“十三五”规划圆满收官'],
    ['第1版', '(上接第1版)'],
    ['第五代', '第五代移动通信(5G)'],
    ['(2019-2022年)', '持续释放内需潜力的行动计划(2019-2022年)》'],
    ['2019-2021年, 三年行动计划', '《广州市先进制造业强市三年行动计划(2019-2021年)》'],
    ['2021年', '根据该《行动计划》，到2021年，广州市'],
    ['2020年年底前', '确保2020年年底前全面完成城镇人口密集区'],
    ['一是', '一是开展“信息消费城市行”活动'],
    ['一批', '二是培育一批应用示范项目'],
    ['一体化, 统一', '完善一体化网上政务服务平台，统一入口管理'],
    ['一站式', '相结合的一站式政务服务模式'],
    ['进一步', '进一步调动部门、企业、行业协会等各方力量'],
    ['“两个一百年”', '实现“两个一百年”奋斗目标'],
  ])('finds no figure in %s', (_name, words) => {
    expect(seed.includes(words) || words === '(上接第1版)').toBe(true);
    expect(texts(words)).toEqual([]);
  });

  it('gives offsets that slice back to the text, and valid Figure records', () => {
    const figures = findFigures(seed);
    expect(figures.length).toBeGreaterThan(30);
    for (const figure of figures) {
      expect(seed.slice(figure.start, figure.end)).toBe(figure.text);
      expect(FigureSchema.parse(figure)).toEqual(figure);
    }
    const starts = figures.map((f) => f.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe('findFigures on the corpus reports', () => {
  const national2025 = corpus('2025_national_government_work_report.txt');
  const national2021 = corpus('2021_national_government_work_report.txt');
  const guangdong = corpus('2025_guangdong_provincial_government_work_report.txt');
  const zhejiang = corpus('2025_zhejiang_provincial_government_work_report.txt');

  it('reads the 2025 national targets', () => {
    expect(found(sentenceWith(national2025, '今年发展主要预期目标是：国内生产总值增长5%左右'))).toEqual([
      ['5%左右', 5, '%', 5, '%', 'approx'],
    ]);
    expect(found(sentenceWith(national2025, '城镇调查失业率5.5%左右，城镇新增就业1200万人以上'))).toEqual([
      ['5.5%左右', 5.5, '%', 5.5, '%', 'approx'],
      ['1200万人以上', 1200, '万人', 12000000, '人', 'gte'],
    ]);
    expect(found(sentenceWith(national2025, '今年赤字率拟按4%左右安排'))).toEqual([
      ['4%左右', 4, '%', 4, '%', 'approx'],
      ['1个百分点', 1, '个百分点', 1, '个百分点', 'eq'],
      ['5.66万亿元', 5.66, '万亿元', 5660000000000, '元', 'eq'],
      ['1.6万亿元', 1.6, '万亿元', 1600000000000, '元', 'eq'],
    ]);
    expect(found(sentenceWith(national2025, '粮食产量1.4万亿斤左右'))).toContainEqual(
      ['1.4万亿斤左右', 1.4, '万亿斤', 1400000000000, '斤', 'approx'],
    );
    expect(found(sentenceWith(national2025, '居民消费价格涨幅2%左右'))).toContainEqual(['2%左右', 2, '%', 2, '%', 'approx']);
  });

  it('reads the 2024 results in the 2025 national report', () => {
    expect(found(sentenceWith(national2025, '国内生产总值达到134.9万亿元'))).toEqual(expect.arrayContaining([
      ['134.9万亿元', 134.9, '万亿元', 134900000000000, '元', 'eq'],
      ['5%', 5, '%', 5, '%', 'eq'],
    ]));
    expect(found(sentenceWith(national2025, '外汇储备超过3.2万亿美元'))).toContainEqual(
      ['超过3.2万亿美元', 3.2, '万亿美元', 3200000000000, '美元', 'gt'],
    );
  });

  it('reads the 2021 national report, full-width ％ included', () => {
    expect(found(sentenceWith(national2021, '粮食综合生产能力保持在1.3万亿斤以上'))).toContainEqual(
      ['1.3万亿斤以上', 1.3, '万亿斤', 1300000000000, '斤', 'gte'],
    );
    const price = findFigures(sentenceWith(national2021, '居民消费价格上涨2.5％'));
    expect(price.map(brief)).toContainEqual(['2.5％', 2.5, '%', 2.5, '%', 'eq']);
  });

  it('reads Guangdong and Zhejiang figures: rates, 台（套）, 株, fractions, 一半以上, 连续N年', () => {
    expect(found(sentenceWith(zhejiang, '完成工业设备更新14.2万台（套）'))).toEqual(expect.arrayContaining([
      ['14.2万台（套）', 14.2, '万台（套）', 142000, '台(套)', 'eq'],
      ['10025台', 10025, '台', 10025, '台', 'eq'],
    ]));
    expect(found(sentenceWith(guangdong, '南沙港集装箱吞吐量突破2000万标箱'))).toContainEqual(
      ['突破2000万标箱', 2000, '万标箱', 20000000, '标箱', 'gt'],
    );
    expect(found(sentenceWith(guangdong, '污水处理能力超30万吨/日'))).toContainEqual(
      ['超30万吨/日', 30, '万吨/日', 300000, '吨/日', 'gt'],
    );
    expect(texts(sentenceWith(guangdong, '乡村绿化植树超1858万株'))).toContain('超1858万株');
    expect(texts(sentenceWith(guangdong, '节庆展会论坛活动数量和财政支出均压减一半以上'))).toContain('一半以上');
    expect(found(sentenceWith(guangdong, '占全国1/4'))).toContainEqual(['1/4', 25, '%', 25, '%', 'eq']);
    expect(found(sentenceWith(guangdong, '连续36年居全国首位'))).toContainEqual(['36年', 36, '年', 36, '年', 'eq']);
    expect(found(sentenceWith(zhejiang, '城镇调查失业率控制在5%以内'))).toContainEqual(['5%以内', 5, '%', 5, '%', 'lte']);
  });

  it('keeps Arabic amounts inside quoted names and drops the names', () => {
    expect(texts(sentenceWith(guangdong, '“两个200万亩”任务'))).toContain('200万亩');
    expect(texts(sentenceWith(guangdong, '“两个200万亩”任务'))).not.toContain('两个');
  });

  it('finds no figures in dates, sessions and ordinals of the reports', () => {
    expect(texts(sentenceWith(national2021, '2021年3月5日在第十三届全国人民代表大会'))).toEqual([]);
    expect(texts(sentenceWith(guangdong, '省委召开十三届五次全会'))).not.toContain('五次');
  });
});

describe('findFigures: what is and is not a figure', () => {
  it.each([
    ['一 with a classifier is the article', '打造一个中心，高效办成一件事，打通最后一公里'],
    ['二 before a classifier is a grade', '推进二次开发和二类疫苗管理'],
    ['长三角 is a region', '推动长三角一体化发展'],
    ['千家万户 and 千人计划 are idioms', '走进千家万户，实施千人计划'],
    ['每万人 is a rate denominator', '每万人口高价值发明专利拥有量'],
    ['a bare number has no unit', '基站总数是10000'],
    ['年 after a year is a date', '2025年是“十四五”规划收官之年'],
  ])('%s', (_why, text) => {
    expect(texts(text)).toEqual([]);
  });

  it('reads 块 as money with 钱 or 角, and as a classifier otherwise', () => {
    expect(found('打印费十块钱')).toEqual([['十块钱', 10, '块钱', 10, '元', 'eq']]);
    expect(found('勇夺13块金牌')).toEqual([['13块', 13, '块', 13, '块', 'eq']]);
    expect(parseFigure('7块')?.baseUnit).toBe('元');
  });

  it('reads 年 as a duration only when the text says so', () => {
    expect(texts('三年以上十年以下有期徒刑')).toEqual(['三年以上', '十年以下']);
    // 近10年来, 30年来: a since-phrase, the span a comparison looks over, no amount.
    expect(texts('为近10年来最大降幅')).toEqual([]);
    expect(texts('实施三年行动计划')).toEqual([]);
  });

  it('reads money with a currency before the number and 角/分 after 元', () => {
    expect(found('张三赔偿李大花人民币车费601,293.11元，开销123元1角1分')).toEqual([
      ['601,293.11元', 601293.11, '元', 601293.11, '元', 'eq'],
      ['123元1角1分', 123.11, '元', 123.11, '元', 'eq'],
    ]);
    expect(found('补贴港币两千九百六十元')).toEqual([['港币两千九百六十元', 2960, '元', 2960, '港元', 'eq']]);
  });

  it('reads percentages written in words in running text', () => {
    expect(found('股价下降了百分之负三点八，占比超过三分之一，九成以上企业')).toEqual([
      ['百分之负三点八', -3.8, '%', -3.8, '%', 'eq'],
      ['超过三分之一', 33.3, '%', 33.3, '%', 'gt'],
      ['九成以上', 90, '%', 90, '%', 'gte'],
    ]);
    expect(texts('一成不变')).toEqual([]);
  });

  it('reads vague numerals as approximate ranges and 多/余 as more than', () => {
    expect(found('吸引几十万人，覆盖十几个国家，百余家企业，1亿多元')).toEqual([
      ['几十万人', [10, 100], '万人', [100000, 1000000], '人', 'approx'],
      ['十几个', [10, 20], '个', [10, 20], '个', 'approx'],
      ['百余家', 100, '家', 100, '家', 'gt'],
      ['1亿多元', 1, '亿元', 100000000, '元', 'gt'],
    ]);
  });

  it('gives offsets into the string searched', () => {
    const text = '小微企业普惠性减税约2500亿元。';
    const [figure] = findFigures(text);
    expect(figure).toMatchObject({ start: 9, end: 16, text: '约2500亿元' });
    expect(text.slice(figure!.start, figure!.end)).toBe(figure!.text);
  });

  it('scans a long text quickly (one compiled scan, work only at numerals)', () => {
    const text = [seed, ...['2021_national_government_work_report.txt', '2025_national_government_work_report.txt',
      '2025_guangdong_provincial_government_work_report.txt', '2025_zhejiang_provincial_government_work_report.txt']
      .map(corpus)].join('\n');
    const started = performance.now();
    let count = 0;
    for (let round = 0; round < 5; round += 1) count += findFigures(text).length;
    const elapsed = performance.now() - started;
    expect(count).toBeGreaterThan(3000);
    expect(elapsed).toBeLessThan(2000); // about 1.35 M characters; ~150 ms on a laptop
  });
});

describe('figures a careful reader reads (and the ones that are none)', () => {
  const one = (text: string) => {
    const figures = findFigures(text);
    expect(figures, text).toHaveLength(1);
    const f = figures[0]!;
    return [f.text, f.value, f.unit, f.qualifier, f.kind];
  };
  it.each<[string, unknown[]]>([
    ['深圳新建充电桩用了3个多月', ['3个多月', 3, '个月', 'gt', 'duration']],
    ['占比提高两到三成', ['两到三成', [20, 30], '%', 'range', 'percent']],
    ['利润增长负5%', ['负5%', -5, '%', 'eq', 'percent']],
    ['出口增长-5%', ['-5%', -5, '%', 'eq', 'percent']],
    ['七成企业实现数字化转型', ['七成', 70, '%', 'eq', 'percent']],
    ['培育逾百家专精特新企业', ['逾百家', 100, '家', 'gt', 'count']],
    ['引进近千家外资企业', ['近千家', 1000, '家', 'approx', 'count']],
    ['打造万亿元级产业集群', ['万亿元级', 1, '万亿元', 'gte', 'money']],
    ['培育千亿级产业集群', ['千亿级', 1000, '亿', 'gte', 'other']],
    ['新兴产业占两成多', ['两成多', 20, '%', 'gt', 'percent']],
    ['建成1000千伏特高压工程', ['1000千伏', 1000, '千伏', 'eq', 'other']],
    ['超过三分之一的企业', ['超过三分之一', 33.3, '%', 'gt', 'percent']],
    ['智能算力达1.6万P', ['1.6万P', 1.6, '万P', 'eq', 'other']],
    ['开行班列909列', ['909列', 909, '列', 'eq', 'count']],
    ['PM2.5浓度控制在30.5微克/立方米以内', ['30.5微克/立方米以内', 30.5, '微克/立方米', 'lte', 'other']],
  ])('%s', (text, expected) => {
    expect(one(text)).toEqual(expected);
  });
  it.each(['2007年以来', '改革开放30年来', '五年来', '一成不变', '单位万元地区生产总值能耗', '建设一个中心', '2019-2022年'])(
    'reads no figure in %s',
    (text) => {
      expect(findFigures(text).map((f) => f.text)).toEqual([]);
    },
  );
});
