import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/corpus/load.ts';
import type { Document, Target } from '../src/model.ts';
import { TargetSchema } from '../src/model.ts';
import { extractTargets } from '../src/targets/extract.ts';
import { findRegionMentions, normalizeRegion } from '../src/targets/regions.ts';
import { findYearMentions } from '../src/targets/years.ts';
import { CORPUS_DIR } from './support/corpus.ts';

const SEED_FILE = '000_b75a479856194727.txt';

function readSeed(dir: string, file: string): Document {
  return readDocument(file, readFileSync(join(dir, file)));
}

function find(targets: Target[], figureText: string, metricPart?: string): Target {
  const found = targets.filter(
    (t) => t.figure?.text === figureText && (metricPart === undefined || t.metric.includes(metricPart)),
  );
  expect(found, `${figureText} ${metricPart ?? ''}`).toHaveLength(1);
  return found[0]!;
}

describe('years', () => {
  it('reads deadlines, relative years and plan periods', () => {
    const text = '到2021年，今年明年，“十四五”时期，(2019-2022年)';
    const years = findYearMentions(text, 2020).map((y) => [y.year, y.deadline]);
    expect(years).toEqual([
      [2021, true],
      [2020, false],
      [2021, false],
      [2025, true],
      [2022, false],
    ]);
  });
  it('leaves relative years unresolved without the document year', () => {
    expect(findYearMentions('明年将继续推动', null)).toEqual([]);
  });
});

describe('regions', () => {
  it('reads places with or without 省/市 as short names', () => {
    expect(findRegionMentions('广州市和安徽省、北京').map((m) => m.region)).toEqual(['广州', '安徽', '北京']);
    expect(normalizeRegion('广州市')).toBe('广州');
    expect(normalizeRegion('我国')).toBe('全国');
    expect(normalizeRegion('火星')).toBeNull();
  });
  it('does not take an institution for its place', () => {
    expect(findRegionMentions('在北京大兴国际机场开展建设')).toEqual([]);
  });
});

describe('targets of the seed', () => {
  let targets: Target[];
  beforeAll(() => {
    targets = extractTargets(readSeed('seeds', SEED_FILE));
  });

  it('are valid records, each citing the sentence that states its figure', () => {
    for (const target of targets) {
      expect(() => TargetSchema.parse(target)).not.toThrow();
      if (target.figure) expect(target.citation.quote).toContain(target.figure.text);
    }
  });

  it('come out about thirty, as a careful reader counts them', () => {
    expect(targets.length).toBeGreaterThanOrEqual(28);
    expect(targets.length).toBeLessThanOrEqual(40);
  });

  it('tie 分别 lists item by item, a parenthesised list with its own 、 included', () => {
    const cars = find(targets, '6000亿元', '汽车');
    expect(cars).toMatchObject({ region: '广州', year: 2021, kind: 'target', subject: '汽车' });
    expect(cars.metric).toBe('汽车产业集群规模');
    expect(find(targets, '2300亿元').subject).toBe('超高清视频及新型显示');
    expect(find(targets, '3000亿元', '新材料').subject).toBe('新材料');
    expect(find(targets, '2000亿元', '都市消费工业').subject).toBe('都市消费工业');
    expect(find(targets, '1200亿元').subject).toBe('高端装备制造');
    expect(find(targets, '1000亿元').subject).toBe('生物医药');
  });

  it('read the Guangzhou headline figures with region and year', () => {
    expect(find(targets, '3000亿元以上')).toMatchObject({ region: '广州', year: 2021, metric: '先进制造业增加值' });
    expect(find(targets, '70%左右')).toMatchObject({ region: '广州', year: 2021 });
    expect(find(targets, '2个', '世界级')).toMatchObject({ region: '广州', kind: 'target' });
    expect(find(targets, '4个', '国家级')).toMatchObject({ region: '广州', kind: 'target' });
  });

  it('carry 到2022年 and 北京 through the Beijing paragraph', () => {
    for (const text of ['1.4万亿元', '18%以上', '100个以上', '1-2个', '不少于1个']) {
      expect(find(targets, text)).toMatchObject({ region: '北京', year: 2022, kind: 'target' });
    }
    expect(find(targets, '18%以上').metric).toContain('信息消费');
    expect(find(targets, '1-2个').figure).toMatchObject({ value: [1, 2], qualifier: 'range' });
  });

  it('inherit the place of the story an article goes on with', () => {
    expect(find(targets, '12个')).toMatchObject({ region: '北京', metric: '建设体验馆' });
    expect(find(targets, '不少于17个').region).toBe('北京');
  });

  it('give the ministry’s own figures to the nation, with forecasts and results told apart', () => {
    expect(find(targets, '2.36万亿元')).toMatchObject({ region: '全国', kind: 'forecast', metric: '减税降费' });
    expect(find(targets, '约2500亿元')).toMatchObject({ region: '全国', kind: 'forecast' });
    expect(find(targets, '超过6000亿元')).toMatchObject({ region: '全国', kind: 'forecast' });
    expect(find(targets, '一半以上')).toMatchObject({ region: '全国', kind: 'actual' });
    expect(find(targets, '4家左右')).toMatchObject({ region: '全国', kind: 'target' });
  });

  it('take the place a quoted official speaks for, and results for what is done', () => {
    expect(find(targets, '6000台以上')).toMatchObject({ region: '安徽', kind: 'target', metric: '推广应用机器人' });
    expect(find(targets, '200个')).toMatchObject({ region: '安徽' });
    expect(find(targets, '13992台(套)')).toMatchObject({ region: '江西', kind: 'actual' });
    expect(find(targets, '1035个')).toMatchObject({ region: '江西', kind: 'actual' });
  });

  it('keep dated targets without a quantity, with the deadline as written', () => {
    const coverage = targets.find((t) => t.figure === null && t.metric.includes('地级市'));
    expect(coverage).toMatchObject({ region: '全国', year: 2020, due: '2020年年底', kind: 'target' });
  });

  it('leave out what is not a figure, and counts of the text’s own parts', () => {
    const texts = targets.map((t) => t.figure?.text).filter(Boolean);
    for (const notFigure of ['5G', '4K', '8K', '512', '100', '十三五', '十九大', '第1版', '2019-2022年', '2021年', '十项', '四项', '7个']) {
      expect(texts).not.toContain(notFigure);
    }
  });
});

describe('targets across page breaks', () => {
  it('are the same when layout broke the paragraph over two lines', () => {
    const whole = '广州：测试标题\n\n到2021年，广州市先进制造业增加值达3000亿元以上，打造汽车、新型显示两大集群，规模分别达到6000亿元、2300亿元。\n';
    const broken = '广州：测试标题\n\n到2021年，广州市先进制造业增加值达3000亿元以上，打造汽车、新型显示两大集群，规模分别达到6000亿\n\n元、2300亿元。\n';
    const of = (text: string) =>
      extractTargets(readDocument('t.txt', new TextEncoder().encode(text))).map((t) => [t.region, t.metric, t.figure?.text, t.year]);
    expect(of(broken)).toEqual(of(whole));
    expect(of(whole)).toHaveLength(3);
  });
});

describe('targets of the government work reports', () => {
  const reports = new Map<string, Target[]>();
  beforeAll(() => {
    for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt'))) {
      reports.set(file, extractTargets(readSeed(CORPUS_DIR, file)));
    }
  });

  function headline(file: string, metric: RegExp, figureText: string): Target {
    const found = (reports.get(file) ?? []).filter((t) => metric.test(t.metric) && t.figure?.text === figureText);
    expect(found.length, `${file}: ${metric} ${figureText}`).toBeGreaterThanOrEqual(1);
    return found[0]!;
  }

  it('2021 national: this year’s targets for the nation, the 十四五 targets due 2025, last year’s results', () => {
    const file = '2021_national_government_work_report.txt';
    expect(headline(file, /国内生产总值增长/, '6%以上')).toMatchObject({ region: '全国', year: 2021, kind: 'target' });
    expect(headline(file, /城镇新增就业/, '1100万人以上')).toMatchObject({ region: '全国', year: 2021, kind: 'target' });
    expect(headline(file, /赤字率/, '3.2%左右')).toMatchObject({ region: '全国', year: 2021, kind: 'target' });
    expect(headline(file, /城镇化率/, '65%')).toMatchObject({ region: '全国', year: 2025, kind: 'target' });
    expect(headline(file, /国内生产总值增长/, '2.3％')).toMatchObject({ region: '全国', year: 2020, kind: 'actual' });
  });

  it('2025 national: 今年 is 2025, the review is of 2024', () => {
    const file = '2025_national_government_work_report.txt';
    expect(headline(file, /国内生产总值增长/, '5%左右')).toMatchObject({ region: '全国', year: 2025, kind: 'target' });
    expect(headline(file, /赤字率/, '4%左右')).toMatchObject({ region: '全国', year: 2025 });
    expect(headline(file, /城镇调查失业率/, '5.5%左右')).toMatchObject({ region: '全国', year: 2025 });
    expect(headline(file, /^国内生产总值$/, '134.9万亿元')).toMatchObject({ region: '全国', year: 2024, kind: 'actual' });
  });

  it('provinces: their reports answer for the province', () => {
    const guangdong = '2025_guangdong_provincial_government_work_report.txt';
    expect(headline(guangdong, /地区生产总值增长/, '5%左右')).toMatchObject({ region: '广东', year: 2025, kind: 'target' });
    const zhejiang = '2025_zhejiang_provincial_government_work_report.txt';
    expect(headline(zhejiang, /生产总值增长/, '5.5%左右')).toMatchObject({ region: '浙江', year: 2025, kind: 'target' });
    expect(headline(zhejiang, /生产总值增长/, '5.5%')).toMatchObject({ region: '浙江', year: 2024, kind: 'actual' });
  });
});

describe('metrics of changes and of lists without a count', () => {
  const of = (text: string) =>
    extractTargets(readDocument('t.txt', new TextEncoder().encode(`三、2025年政府工作任务\n\n${text}\n`))).map((t) => [t.metric, t.figure?.text]);

  it('give a change 比上年 the thing of the figure before it', () => {
    expect(of('今年赤字率拟按4%左右安排、比上年提高1个百分点，赤字规模5.66万亿元、比上年增加1.6万亿元。')).toEqual([
      ['赤字率', '4%左右'],
      ['赤字率比上年提高', '1个百分点'],
      ['赤字规模', '5.66万亿元'],
      ['赤字规模比上年增加', '1.6万亿元'],
    ]);
  });

  it('split a 分别 list joined by 和 into its items, each measuring the change said after 分别', () => {
    expect(of('居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。')).toEqual([
      ['居民医保标准提高', '30元'],
      ['基本公共卫生服务经费人均财政补助标准提高', '5元'],
    ]);
    expect(of('单位国内生产总值能耗和二氧化碳排放分别降低13.5%、18%。')).toEqual([
      ['单位国内生产总值能耗降低', '13.5%'],
      ['二氧化碳排放降低', '18%'],
    ]);
  });
});
