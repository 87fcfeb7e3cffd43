// Questions across documents, case by case: how they are read (src/qa/comparison.ts) and how a
// target is held against its result (src/qa/compare.ts). The library's answers are scored against
// gold read from the reports in test/gold.test.ts.
import { describe, expect, it } from 'vitest';
import { parseChartSpec } from '../src/charts/spec.ts';
import type { Answer, Target } from '../src/model.ts';
import { chartOf } from '../src/qa/chart.ts';
import { passesFilter, verdictOf } from '../src/qa/compare.ts';
import { readComparison } from '../src/qa/comparison.ts';
import { findFigures } from '../src/text/figures.ts';

const figure = (text: string) => {
  const found = findFigures(text)[0];
  if (found === undefined) throw new Error(`no figure in ${text}`);
  return found;
};

function target(metric: string, text: string, kind: Target['kind'] = 'target'): Target {
  return {
    id: metric + text,
    region: '全国',
    metric,
    subject: metric,
    figure: figure(text),
    year: 2024,
    kind,
    citation: { doc: 'x.txt', article: '', paragraph: 1, quote: `${metric}${text}`, start: 0, end: 1, paragraphId: 'x.txt#1.1' },
  };
}

describe('reading a question across documents', () => {
  it.each([
    ['长三角各省市今年的GDP目标', 'places', ['上海', '江苏', '浙江', '安徽'], '今年的GDP目标'],
    ['西部省份新增就业目标', 'places', null, '新增就业目标'],
    ['广东和浙江2025年GDP增长目标', 'places', ['广东', '浙江'], '2025年GDP增长目标'],
    ['广东、浙江、江苏的赤字率', 'places', ['广东', '浙江', '江苏'], '的赤字率'],
  ])('%s: places side by side', (question, kind, places, rest) => {
    const read = readComparison(question);
    expect(read?.kind).toBe(kind);
    if (read?.kind !== 'places') return;
    if (places !== null) expect(read.places).toEqual(places);
    else expect(read.places.length).toBeGreaterThan(10);
    expect(read.rest).toBe(rest);
  });

  it('reads a filter on the figures, with its qualifier', () => {
    const above = readComparison('哪些省份GDP增长目标在5.5%以上？');
    expect(above).toMatchObject({ kind: 'places', filter: { test: 'gte', text: '在5.5%以上' }, rest: 'GDP增长目标？' });
    expect(readComparison('GDP增长目标高于5%的省份有哪些')).toMatchObject({ filter: { test: 'gt', text: '高于5%' } });
    expect(readComparison('哪个省的GDP增长目标最高')).toMatchObject({ filter: { test: 'max', figure: null } });
  });

  it.each([
    ['历年全国GDP增长目标', { from: null, to: null }, '全国GDP增长目标'],
    ['2014年以来全国CPI目标', { from: 2014, to: null }, '全国CPI目标'],
    ['近几年全国赤字率目标', { recent: 5 }, '全国赤字率目标'],
    ['2016年到2019年每年的GDP增长目标', { from: 2016, to: 2019 }, '的GDP增长目标'],
  ])('%s: years side by side', (question, span, rest) => {
    expect(readComparison(question)).toEqual({ kind: 'years', span, rest });
  });

  it.each([
    ['2024年全国GDP增长目标完成了吗？', '2024年全国GDP增长目标'],
    ['2021年的就业目标实现了没有', '2021年的就业目标'],
    ['去年的粮食产量目标是否完成', '去年的粮食产量目标'],
  ])('%s: a target against its result', (question, rest) => {
    expect(readComparison(question)).toEqual({ kind: 'check', rest });
  });

  it.each(['2021-2025年GDP年均增长目标', '广州汽车集群规模目标？', '2025年全国GDP增长目标', '到2025年新增就业多少'])('%s: one figure', (question) => {
    expect(readComparison(question)).toBeNull();
  });
});

describe('a filter on the figures', () => {
  const gte = readComparison('哪些省份GDP增长目标在5.5%以上')!;
  const filter = gte.kind === 'places' ? gte.filter! : null!;
  it.each([
    ['5.5%以上', true],
    ['6%左右', true],
    ['5.5%左右', true],
    ['5%左右', false],
    ['5%-5.5%', false],
    ['5.5%以内', false],
    ['60万人', false],
  ])('在5.5%%以上 against %s: %s', (text, passes) => {
    expect(passesFilter(figure(text), filter)).toBe(passes);
  });
});

describe('a target against its result', () => {
  it.each([
    ['国内生产总值增长', '6%以上', '8.1%', 'met'],
    ['国内生产总值增长', '6%以上', '5.8%', 'not_met'],
    ['国内生产总值增长', '5%左右', '5%', 'met'],
    ['国内生产总值增长', '5%左右', '4.9%', 'met'],
    ['国内生产总值增长', '5%左右', '4.5%', 'not_met'],
    ['国内生产总值增长', '6.5%-7%', '6.7%', 'met'],
    ['国内生产总值增长', '6.5%-7%', '6.2%', 'not_met'],
    ['城镇新增就业', '1100万人以上', '1269万人', 'met'],
    ['城镇新增就业', '1100万人以上', '1050万人', 'not_met'],
    ['城镇调查失业率', '5.5%左右', '5.2%', 'met'],
    ['城镇调查失业率', '5.5%左右', '6.1%', 'not_met'],
    ['城镇登记失业率', '4.5%以内', '4.02%', 'met'],
    ['居民消费价格涨幅', '3%左右', '0.9%', 'met'],
    ['居民消费价格涨幅', '3%左右', '3.5%', 'not_met'],
    ['国内生产总值增长', '6%以上', '1269万人', 'unknown'],
  ])('%s: target %s, result %s → %s', (metric, planned, reached, verdict) => {
    expect(verdictOf(target(metric, planned), target(metric, reached, 'actual'))).toBe(verdict);
  });
});

describe('the chart of an answer across documents', () => {
  const row = (label: string, metric: string, text: string) => ({ label, target: target(metric, text) });
  const answer = (comparison: NonNullable<Answer['comparison']>, verdict?: Answer['verdict']): Answer => ({
    question: 'q',
    status: 'answered',
    answer: 'a',
    targets: comparison.rows.map((r) => r.target),
    citations: [],
    conflict: false,
    comparison,
    ...(verdict !== undefined ? { verdict } : {}),
  });

  it('draws places as bars, leaving a row in another unit to the table', () => {
    const spec = chartOf(answer({ kind: 'places', label: '长三角', rows: [row('浙江', '生产总值增长', '5.5%左右'), row('安徽', '生产总值增长', '5%-6%'), row('上海', '生产总值', '5万亿元')], missing: [], notes: [] }));
    expect(spec).toMatchObject({ kind: 'places', unit: '%', rows: [{ label: '浙江', value: 5.5, qualifier: 'approx' }, { label: '安徽', value: [5, 6], qualifier: 'range' }] });
    expect(parseChartSpec(spec!)).toBeTruthy();
  });

  it('draws years as a line with the missing years inside it as gaps', () => {
    const spec = chartOf(answer({ kind: 'years', label: '全国', rows: [row('2019年', '增长', '6%'), row('2021年', '增长', '6%以上')], missing: [{ label: '2020年', why: '' }, { label: '2023年', why: '' }], notes: [] }));
    expect(spec).toMatchObject({ kind: 'years', rows: [{ year: 2019 }, { year: 2021 }], gaps: [2020] });
  });

  it('draws a check as the target and its result with the verdict; none for one figure', () => {
    const check = answer({ kind: 'check', label: '全国 · 2024年', rows: [row('目标', '增长', '5%左右'), { label: '结果', target: target('增长', '5%', 'actual') }], missing: [], notes: [] }, 'met');
    expect(chartOf(check)).toMatchObject({ kind: 'check', target: { value: 5, qualifier: 'approx' }, result: { value: 5, forecast: false }, verdict: 'met' });
    expect(chartOf({ ...check, comparison: undefined })).toBeNull();
  });
});
