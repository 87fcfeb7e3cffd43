// How a careful reader places, dates and reads each figure of a report: case by case, on the
// library's real reports, and on short report-shaped passages where the library has no instance of
// a shape (a city that opens a sentence as a modifier, a deadline of an earlier sentence).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/corpus/load.ts';
import type { Target } from '../src/model.ts';
import { extractTargets } from '../src/targets/extract.ts';
import { findInstitutionPlaces, findRegionMentions, normalizeRegion } from '../src/targets/regions.ts';
import { createQuestionReader } from '../src/qa/question.ts';
import { createSegmenter } from '../src/text/segmenter.ts';

const LIBRARY = 'test/fixtures/library';

function targetsOf(path: string): Target[] {
  return extractTargets(readDocument(path.split('/').pop()!, readFileSync(join(LIBRARY, path))));
}

/** A report of a few paragraphs, shaped as the library's are: title, dateline, numbered parts. */
function report(title: string, parts: Record<string, string[]>): Target[] {
  const body = Object.entries(parts).flatMap(([heading, paragraphs]) => [heading, ...paragraphs]);
  const text = [title, '——2025年1月15日在省第十四届人民代表大会第三次会议上', '各位代表：', ...body].join('\n');
  return extractTargets(readDocument('report.txt', Buffer.from(text)));
}

function byFigure(targets: Target[], text: string, metricPart = ''): Target {
  const found = targets.filter((t) => t.figure?.text === text && t.metric.includes(metricPart));
  expect(found.map((t) => t.metric), `${text} ${metricPart}`).toHaveLength(1);
  return found[0]!;
}

describe('places', () => {
  it('gives a report its own place from its title, whatever paper printed it', () => {
    // 宁夏's 来源 is another province's newspaper.
    const ningxia = targetsOf('provinces-2025-txt/2025_ningxia_government_work_report.txt');
    expect(byFigure(ningxia, '77亿斤').region).toBe('宁夏');
    const anhui = targetsOf('provinces-2025-txt/2025_anhui_government_work_report.txt');
    expect(byFigure(anhui, '5.5%以上', '地区生产总值').region).toBe('安徽');
  });

  it('gives a city a figure it is the subject of, and the report 全省 after it', () => {
    const anhui = targetsOf('provinces-2025-txt/2025_anhui_government_work_report.txt');
    // “东数西算”芜湖数据中心集群…成效，…全省智能算力达1.6万P
    expect(byFigure(anhui, '1.6万P').region).toBe('安徽');
    // 合肥中欧班列集结中心获批、全年开行班列909列
    expect(byFigure(anhui, '909列').region).toBe('合肥');
  });

  it('never gives a city a figure because the sentence or paragraph named it earlier', () => {
    const targets = report('2025年四川省政府工作报告', {
      '一、2024年工作回顾': [
        '成都极核引领作用凸显，新开工重大项目1200个，全省地区生产总值增长5.7%。成都新开工产业项目300个。',
      ],
    });
    expect(byFigure(targets, '1200个').region).toBe('四川');
    expect(byFigure(targets, '5.7%').region).toBe('四川');
    expect(byFigure(targets, '300个').region).toBe('成都');
    const jiangsu = report('2025年江苏省政府工作报告', { '一、2024年工作回顾': ['苏州实验室建设加快，研发投入增长10%。'] });
    expect(byFigure(jiangsu, '10%').region).toBe('江苏');
  });

  it('reads places from the national standard: counties, autonomous prefectures, regions by their short names', () => {
    expect(findRegionMentions('滨海新区、黔东南州和内蒙古自治区、广西').map((m) => m.region)).toEqual(['滨海新区', '黔东南', '内蒙古', '广西']);
    expect(normalizeRegion('黑龙江省')).toBe('黑龙江');
    expect(findRegionMentions('兰州中川机场旅客吞吐量')).toEqual([]);
    expect(findInstitutionPlaces('兰州中川机场旅客吞吐量').map((m) => m.region)).toEqual(['兰州']);
  });

  it('reads Latin names, pinyin and English, for every province and prefecture', () => {
    const read = createQuestionReader({ segmenter: createSegmenter([]), latestYear: 2025 });
    expect(read('jiangsu GDP增长目标').region).toBe('江苏');
    expect(read('shandong城镇新增就业目标？').region).toBe('山东');
    expect(read('chengdu新能源汽车').region).toBe('成都');
    expect(read('Inner Mongolia 2025 GDP growth target').region).toBe('内蒙古');
    expect(read('Shaanxi GDP').region).toBe('陕西');
    expect(read('shanxi GDP').region).toBe('山西');
  });
});

describe('years', () => {
  it('dates a sentence by its own deadline only, never the next sentence', () => {
    const targets = report('2025年山东省政府工作报告', {
      '二、2025年工作安排': ['到2035年，基本建成现代化综合交通体系。新建改建农村公路9300公里，高速公路通车里程达到9000公里。'],
    });
    expect(byFigure(targets, '9300公里').year).toBe(2025);
    expect(byFigure(targets, '9000公里').year).toBe(2025);
  });

  it('reads a since-phrase as no deadline and no figure, and a review as the year before the report', () => {
    const targets = report('2025年山东省政府工作报告', {
      '一、2024年工作回顾': ['2007年以来，全省粮食产量连续增长，五年来累计新增就业500万人。过去一年，全省地区生产总值增长5.7%。'],
    });
    expect(targets.map((t) => t.figure?.text)).not.toContain('五年');
    expect(byFigure(targets, '500万人').year).not.toBe(2007);
    expect(byFigure(targets, '5.7%')).toMatchObject({ year: 2024, kind: 'actual' });
  });

  it('reads 十四五 in a review as the plan it names, not as the year a result is due', () => {
    const targets = report('2025年山东省政府工作报告', {
      '一、2024年工作回顾': ['“十四五”规划主要目标任务有序推进，全省规上工业增加值增长8%。'],
    });
    expect(byFigure(targets, '8%')).toMatchObject({ year: 2024, kind: 'actual' });
  });

  it('dates a page that states no date from what it lays out: the seed speaks from 2019', () => {
    const seed = extractTargets(readDocument('000_b75a479856194727.txt', readFileSync('seeds/000_b75a479856194727.txt')));
    expect(byFigure(seed, '2.36万亿元')).toMatchObject({ year: 2019, kind: 'forecast' });
    // “安徽明年将推动…。…全年推广应用机器人6000台以上”: 全年 is 明年, 2020.
    expect(byFigure(seed, '6000台以上')).toMatchObject({ region: '安徽', year: 2020, kind: 'target' });
  });

  it('counts 力争3年内 from the report’s year', () => {
    const ningxia = targetsOf('provinces-2025-txt/2025_ningxia_government_work_report.txt');
    expect(byFigure(ningxia, '1.2万套').year).toBe(2027);
  });
});

describe('the role of each figure', () => {
  it('maps a 分别 list of four items to its four figures', () => {
    const ningxia = targetsOf('provinces-2025-txt/2025_ningxia_government_work_report.txt');
    const list = ['20%', '10%', '36%', '40%'].map((f) => byFigure(ningxia, f, '零售额').metric);
    expect(list).toEqual(['汽车零售额增长', '家电零售额增长', '通讯零售额增长', '家具零售额增长']);
  });

  it('tells the new from the total, and a share from the thing shared', () => {
    const jiangxi = targetsOf('provinces-2025-txt/2025_jiangxi_government_work_report.txt');
    expect(byFigure(jiangxi, '35家').metric).toMatch(/^新增/);
    expect(byFigure(jiangxi, '270家').metric).toMatch(/总数$/);
    const zhejiang = extractTargets(readDocument('zhejiang.txt', readFileSync('test/fixtures/corpus/2025_zhejiang_provincial_government_work_report.txt')));
    expect(byFigure(zhejiang, '3.9万亿元').metric).toBe('货物贸易出口');
    expect(byFigure(zhejiang, '15.3%').metric).toBe('货物贸易出口占全国份额');
  });

  it('tells the deficit rate from the deficit amount', () => {
    const national = extractTargets(readDocument('n.txt', readFileSync('test/fixtures/corpus/2025_national_government_work_report.txt')));
    expect(byFigure(national, '4%左右', '赤字').metric).toBe('赤字率');
    expect(byFigure(national, '5.66万亿元').metric).toBe('赤字规模');
  });

  it('leaves a glossary’s numbers out: they explain terms', () => {
    const yunnan = targetsOf('provinces-2025-txt/2025_yunnan_government_work_report.txt');
    // 名词解释 up to the annex of the year's projects (一、稳定和扩大就业 …), whose figures are targets.
    const after = readFileSync(join(LIBRARY, 'provinces-2025-txt/2025_yunnan_government_work_report.txt'), 'utf8').split('名词解释\n')[1]!;
    const glossary = after.slice(0, after.indexOf('\n一、'));
    expect(glossary.length).toBeGreaterThan(1000);
    expect(yunnan.filter((t) => glossary.includes(t.citation.quote))).toEqual([]);
    expect(yunnan.some((t) => t.citation.article === '一、稳定和扩大就业')).toBe(true);
  });

  it('names the thing after the figure when only a verb stands before it, but not for a change or a span', () => {
    // 坚决守住18亿亩耕地红线 (2022), 一次性增加6万亿元地方专项债务限额 (the 2025 report's review).
    expect(byFigure(targetsOf('national/2022_national_government_work_report.txt'), '18亿亩', '守住').metric).toContain('耕地红线');
    const national = extractTargets(readDocument('n.txt', readFileSync('test/fixtures/corpus/2025_national_government_work_report.txt')));
    expect(byFigure(national, '6万亿元', '增加').metric).toContain('专项债务限额');
    // 地区生产总值…连续36年居全国首位: a span of time stays the thing's before it.
    const guangdong = extractTargets(readDocument('g.txt', readFileSync('test/fixtures/corpus/2025_guangdong_provincial_government_work_report.txt')));
    expect(byFigure(guangdong, '36年').metric).toContain('地区生产总值');
  });

  it('gives each figure of a list the category it closes with (…等落后产能)', () => {
    // 今年要淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能
    const national = targetsOf('national/2014_national_government_work_report.txt');
    for (const [figure, thing] of [['2700万吨', '钢铁'], ['4200万吨', '水泥']]) {
      const metric = byFigure(national, figure!, thing).metric;
      expect(metric).toContain('落后产能');
    }
  });

  it('reads a new count by how often as of the thing the sentence named before it', () => {
    // 全年新登记企业增长24.5%，平均每天新增1.5万户
    const metric = byFigure(targetsOf('national/2017_national_government_work_report.txt'), '1.5万户').metric;
    expect(metric).toContain('新登记企业');
    expect(metric).toContain('每天新增');
  });

  it('reads a bar things are counted by as no figure of its own', () => {
    const shaanxi = targetsOf('provinces-2025-txt/2025_shaanxi_government_work_report.txt');
    // 生产总值超200亿元县（区）达26个
    expect(shaanxi.filter((t) => t.figure?.text === '超200亿元')).toEqual([]);
    expect(byFigure(shaanxi, '26个').region).toBe('陕西');
  });
});
