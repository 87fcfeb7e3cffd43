// The chart renderer end to end: specs in, PNGs out, looked at pixel by pixel. Chinese text is
// checked by what it draws: two different titles must draw differently, and differently from the
// font's missing-glyph boxes, which look the same whatever the character.
import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFontFile } from '../src/charts/font.ts';
import { MAX_PNG_BYTES, openChartRenderer, renderChartSvg, type ChartRenderer } from '../src/charts/render.ts';
import { fontCodepoints, fontFamilyName, isSfnt } from '../src/charts/sfnt.ts';
import { ChartSpecError, parseChartSpec, type ChartSpecInput, type YearRow } from '../src/charts/spec.ts';
import { checkAxis, targetBand } from '../src/charts/check.ts';
import { COLORS, niceStep } from '../src/charts/theme.ts';

const SCALE = 2;

interface Picture {
  width: number;
  height: number;
  data: Buffer;
}

const decode = (png: Buffer): Picture => PNG.sync.read(png);

/** A test for one colour, within `tolerance` per channel; the hex is parsed once, not per pixel. */
function colorTest(hex: string, tolerance = 6): (picture: Picture, x: number, y: number) => boolean {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
  return (picture, x, y) => {
    const at = (y * picture.width + x) * 4;
    const data = picture.data;
    return Math.abs(data[at]! - r) <= tolerance && Math.abs(data[at + 1]! - g) <= tolerance && Math.abs(data[at + 2]! - b) <= tolerance;
  };
}

const isColor = (picture: Picture, x: number, y: number, hex: string): boolean => colorTest(hex)(picture, x, y);

function countColor(picture: Picture, hex: string): number {
  const matches = colorTest(hex);
  let count = 0;
  for (let y = 0; y < picture.height; y++) for (let x = 0; x < picture.width; x++) if (matches(picture, x, y)) count++;
  return count;
}

/** Dark pixels (ink) in a box given in CSS pixels. */
function inkIn(picture: Picture, box: { x: number; y: number; width: number; height: number }): number {
  let ink = 0;
  for (let y = box.y * SCALE; y < (box.y + box.height) * SCALE; y++) {
    for (let x = box.x * SCALE; x < (box.x + box.width) * SCALE; x++) {
      const at = (y * picture.width + x) * 4;
      if (picture.data[at]! + picture.data[at + 1]! + picture.data[at + 2]! < 3 * 128) ink++;
    }
  }
  return ink;
}

/** Pixels that differ between two pictures of one size, in a box given in CSS pixels. */
function differingIn(a: Picture, b: Picture, box: { x: number; y: number; width: number; height: number }): number {
  let differing = 0;
  for (let y = box.y * SCALE; y < (box.y + box.height) * SCALE; y++) {
    for (let x = box.x * SCALE; x < (box.x + box.width) * SCALE; x++) {
      const at = (y * a.width + x) * 4;
      if (Math.abs(a.data[at]! - b.data[at]!) + Math.abs(a.data[at + 1]! - b.data[at + 1]!) + Math.abs(a.data[at + 2]! - b.data[at + 2]!) > 60) differing++;
    }
  }
  return differing;
}

/** Each bar of `hex` from top to bottom: its length in device pixels (the longest run on its rows). */
function barLengths(picture: Picture, hex: string): number[] {
  const matches = colorTest(hex);
  const lengths: number[] = [];
  let inBar = false;
  for (let y = 0; y < picture.height; y++) {
    let run = 0;
    let longest = 0;
    for (let x = 0; x < picture.width; x++) {
      run = matches(picture, x, y) ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    if (longest > 0 && !inBar) lengths.push(longest);
    else if (longest > 0) lengths[lengths.length - 1] = Math.max(lengths.at(-1)!, longest);
    inBar = longest > 0;
  }
  return lengths;
}

const TITLE_BOX = { x: 12, y: 10, width: 300, height: 30 };

const places = (title: string, rows: Array<[string, number | [number, number]]>, extra: Partial<ChartSpecInput> = {}): ChartSpecInput =>
  ({
    kind: 'places',
    title,
    unit: '%',
    rows: rows.map(([label, value]) => ({
      label,
      value,
      qualifier: Array.isArray(value) ? 'range' : 'eq',
      text: Array.isArray(value) ? `${value[0]}%-${value[1]}%` : `${value}%`,
    })),
    ...extra,
  }) as ChartSpecInput;

const YEAR_ROWS: YearRow[] = [
  { year: 2018, value: 8.02, qualifier: 'eq', text: '8.02%' },
  { year: 2019, value: 7.5, qualifier: 'approx', text: '7.5%左右' },
  { year: 2021, value: 8.3, qualifier: 'eq', text: '8.3%' },
  { year: 2022, value: [3.5, 4], qualifier: 'range', text: '3.5%-4%' },
  { year: 2023, value: 5.8, qualifier: 'eq', text: '5.8%' },
];

const YEARS: ChartSpecInput = { kind: 'years', title: '安徽省地区生产总值增速', unit: '%', gaps: [2020], rows: [...YEAR_ROWS] };

const CHECK: ChartSpecInput = {
  kind: 'check',
  title: '安徽2024年地区生产总值增长目标',
  unit: '%',
  target: { value: 5, qualifier: 'approx', text: '5%左右', year: 2024 },
  result: { value: 5.2, text: '5.2%', year: 2024, forecast: false },
  verdict: 'met',
};

let renderer: ChartRenderer;

beforeAll(async () => {
  renderer = await openChartRenderer({ scale: SCALE });
});

afterAll(async () => {
  await renderer.close();
});

describe('each kind of chart', () => {
  it('renders places as a PNG 800 CSS pixels wide at scale 2, growing with the rows', async () => {
    const three = decode(await renderer.renderChart(places('各地区目标', [['北京', 5], ['上海', 5.5], ['广东', 5]])));
    const twelve = decode(await renderer.renderChart(places('各地区目标', Array.from({ length: 12 }, (_, i) => [`地区${i}`, i + 1]))));
    expect(three.width).toBe(800 * SCALE);
    expect(twelve.width).toBe(800 * SCALE);
    expect(twelve.height).toBeGreaterThan(three.height * 1.5);
  });

  it('renders years as a line with its points, and check with its band and verdict', async () => {
    const years = decode(await renderer.renderChart(YEARS));
    expect([years.width, years.height]).toEqual([800 * SCALE, 400 * SCALE]);
    expect(countColor(years, COLORS.bar)).toBeGreaterThan(2000);

    const check = decode(await renderer.renderChart(CHECK));
    expect(check.width).toBe(800 * SCALE);
    // The verdict badge in the met colour, the band's edges in theirs.
    expect(countColor(check, COLORS.met)).toBeGreaterThan(1000);
    expect(countColor(check, COLORS.bandEdge)).toBeGreaterThan(300);
  });

  it('names its font on every text of the SVG, with the text escaped', () => {
    const svg = renderer.renderChartSvg(places('北京 <体验馆> & 目标', [['北京', 12]]));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('北京 &lt;体验馆&gt; &amp; 目标');
    const texts = svg.match(/<text\b[^>]*>/g) ?? [];
    expect(texts.length).toBeGreaterThan(3);
    for (const text of texts) expect(text).toContain(`font-family:${renderer.fontFamily}`);
  });
});

describe('Chinese text', () => {
  it('draws different characters differently, and not as missing-glyph boxes', async () => {
    const rows: Array<[string, number]> = [['安徽', 5]];
    const [first, second, boxesA, boxesB] = await Promise.all(
      // Two real titles, and two of CJK Extension B characters the font has no glyph for.
      ['地区生产总值', '城镇新增就业', '\u{20000}\u{20001}\u{20002}\u{20003}\u{20004}\u{20005}', '\u{20010}\u{20011}\u{20012}\u{20013}\u{20014}\u{20015}'].map(
        async (title) => decode(await renderer.renderChart(places(title, rows))),
      ),
    );
    // The method can see missing glyphs: two titles of them draw alike, box for box.
    expect(inkIn(boxesA!, TITLE_BOX)).toBeGreaterThan(200);
    expect(differingIn(boxesA!, boxesB!, TITLE_BOX)).toBe(0);
    // Real characters draw, differ from each other and from the boxes.
    expect(inkIn(first!, TITLE_BOX)).toBeGreaterThan(500);
    expect(differingIn(first!, second!, TITLE_BOX)).toBeGreaterThan(500);
    expect(differingIn(first!, boxesA!, TITLE_BOX)).toBeGreaterThan(500);
    expect(renderer.missingGlyphs(places('地区生产总值', rows))).toEqual([]);
    expect(renderer.missingGlyphs(places('\u{20000}', rows))).toEqual(['\u{20000}']);
  });

  it('has a glyph for every province-level name, common city names and the words of targets', () => {
    const codepoints = fontCodepoints(readFileSync(defaultFontFile()));
    const text =
      '北京天津上海重庆河北山西辽宁吉林黑龙江江苏浙江安徽福建江西山东河南湖北湖南广东海南四川贵州云南陕西甘肃青海台湾' +
      '内蒙古广西壮族西藏宁夏回族新疆维吾尔自治区香港澳门特别行政区广州深圳杭州南京武汉成都西安郑州长沙苏州宁波厦门青岛' +
      '合肥福州南昌昆明贵阳南宁海口兰州西宁银川乌鲁木齐拉萨呼和浩特石家庄太原哈尔滨长春沈阳大连济南无锡佛山东莞泉州温州' +
      '亳州衢州泸州儋州漯河濮阳鄂尔多斯目标增长地区生产总值就业城镇新增失业率居民人均可支配收入一般公共预算研发投入强度' +
      '左右以上以下不低于超过力争约年亿万元千百个家台套人公里千瓦标箱预计实际达成未达成无法判断单位无数据' +
      '0123456789.%-～（）：·≥≤‰';
    expect([...text].filter((char) => !codepoints.has(char.codePointAt(0)!))).toEqual([]);
  });
});

describe('what the bars show', () => {
  it('draws bar lengths in the order and proportion of the values', async () => {
    const values = [3, 7.5, 1, 5];
    const picture = decode(await renderer.renderChart(places('各地区目标', values.map((v, i) => [`地区${i}`, v] as [string, number]))));
    const lengths = barLengths(picture, COLORS.bar);
    expect(lengths).toHaveLength(values.length);
    const perUnit = lengths[1]! / values[1]!;
    lengths.forEach((length, i) => expect(Math.abs(length - values[i]! * perUnit)).toBeLessThan(3));
  });

  it('draws the highlighted place in the accent colour', async () => {
    const picture = decode(await renderer.renderChart(places('各地区目标', [['北京', 5], ['安徽', 6]], { highlight: ['安徽'] })));
    expect(barLengths(picture, COLORS.bar)).toHaveLength(1);
    expect(barLengths(picture, COLORS.accent)).toHaveLength(1);
  });

  it('draws a range as a bar to its low end and a lighter bar on to its high end', async () => {
    const picture = decode(await renderer.renderChart(places('就业目标', [['安徽', [60, 65]], ['江苏', 65]])));
    const [low, full] = barLengths(picture, COLORS.bar);
    const [extension] = barLengths(picture, COLORS.barRange);
    expect(low! / full!).toBeCloseTo(60 / 65, 1);
    expect(Math.abs(low! + extension! - full!)).toBeLessThan(4);
    // The whisker across the range.
    expect(countColor(picture, COLORS.whisker)).toBeGreaterThan(100);
  });
});

describe('specs that cannot be drawn', () => {
  it('refuses empty rows with one clear line', async () => {
    const empty = { kind: 'places', title: '各地区目标', unit: '%', rows: [] } as ChartSpecInput;
    expect(() => renderChartSvg(empty)).toThrow(ChartSpecError);
    expect(() => renderChartSvg(empty)).toThrow('chart spec: rows: a chart needs at least one row');
    await expect(renderer.renderChart(empty)).rejects.toThrow('rows: a chart needs at least one row');
    expect(() => parseChartSpec({ ...YEARS, rows: [] })).toThrow('rows: a chart needs at least one row');
  });

  it('names each field that is wrong', () => {
    const issues = (spec: unknown) => {
      try {
        parseChartSpec(spec);
        return [];
      } catch (error) {
        return (error as ChartSpecError).issues;
      }
    };
    expect(issues(places('x', [['北京', 5]], { rows: [{ label: '北京', value: [6, 5], qualifier: 'range', text: '5-6' }] }))).toEqual([
      'rows.0.value: range low 6 is above high 5',
    ]);
    expect(issues(places('x', [['北京', 5]], { rows: [{ label: '北京', value: 5, qualifier: 'range', text: '5' }] }))).toEqual([
      'rows.0.value: qualifier "range" needs a [low, high] value',
    ]);
    expect(issues(places('x', [['北京', 5]], { highlight: ['上海'] }))).toEqual(['highlight.0: 上海 is not a row\'s label']);
    expect(issues({ ...YEARS, gaps: [2019] })).toEqual(['gaps.0: 2019 has a row, so it is no gap']);
    expect(issues({ ...YEARS, rows: [YEAR_ROWS[0], YEAR_ROWS[0]] })).toEqual(['rows.1.year: 2018 has two rows']);
    expect(issues({ ...CHECK, verdict: 'maybe' })[0]).toMatch(/^verdict: /);
    expect(issues({ ...CHECK, title: '第一行\n第二行' })).toEqual(['title: must be one line']);
    expect(issues({ kind: 'pie' })[0]).toMatch(/kind/);
  });
});

describe('the check chart', () => {
  it('draws 左右 as a band either side, 以上 open upward, 以下 open downward', () => {
    const target = (value: number | [number, number], qualifier: string) => ({ value, qualifier, text: '', year: 2024 }) as never;
    expect(targetBand(target(5, 'approx'))).toEqual([4.5, 5.5]);
    expect(targetBand(target(6, 'gte'))).toEqual([6, null]);
    expect(targetBand(target(5.5, 'lte'))).toEqual([null, 5.5]);
    expect(targetBand(target([5, 6], 'range'))).toEqual([5, 6]);
    expect(targetBand(target(3, 'eq'))).toEqual([3, 3]);
    const axis = checkAxis(parseChartSpec({ ...CHECK, target: { value: 6, qualifier: 'gte', text: '6%以上', year: 2024 } }) as never);
    // The band's end and the result inside the axis, with room for the open band to run on.
    expect(axis.min).toBeLessThan(5.2);
    expect(axis.max).toBeGreaterThan(6);
    expect(niceStep(axis.max - axis.min)).toBe(axis.interval);
  });

  it('draws a forecast as a hollow diamond and a miss in the miss colour', async () => {
    const result = (forecast: boolean) => ({ value: 4, text: '4%', year: 2024, forecast });
    const [forecast, actual] = await Promise.all(
      [true, false].map(async (f) => decode(await renderer.renderChart({ ...CHECK, result: result(f), verdict: 'not_met' } as ChartSpecInput))),
    );
    expect(countColor(forecast!, COLORS.met)).toBe(0);
    // The diamond: the miss-coloured pixels below the title strip (the badge is in it).
    const isMiss = colorTest(COLORS.notMet);
    const centre = (picture: Picture) => {
      const xs: number[] = [];
      const ys: number[] = [];
      for (let y = 60 * SCALE; y < picture.height; y++) {
        for (let x = 0; x < picture.width; x++) if (isMiss(picture, x, y)) (xs.push(x), ys.push(y));
      }
      expect(xs.length).toBeGreaterThan(200);
      return [Math.round((Math.min(...xs) + Math.max(...xs)) / 2), Math.round((Math.min(...ys) + Math.max(...ys)) / 2)] as const;
    };
    const [fx, fy] = centre(forecast!);
    const [ax, ay] = centre(actual!);
    expect(isColor(forecast!, fx, fy, '#ffffff')).toBe(true);
    expect(isColor(actual!, ax, ay, COLORS.notMet)).toBe(true);
  });
});

describe('size and resources', () => {
  it('keeps a 30-place chart under 200 KB at scale 2', async () => {
    const rows = '北京天津河北山西内蒙古辽宁吉林黑龙江上海江苏浙江安徽福建江西山东河南湖北湖南广东广西海南重庆四川贵州云南西藏陕西甘肃青海宁夏'
      .match(/内蒙古|黑龙江|../g)!
      .map((label, i): [string, number] => [label, 4 + (i % 7) / 2]);
    expect(rows).toHaveLength(30);
    const png = await renderer.renderChart(places('2024年各地区生产总值增长目标', rows));
    expect(png.length).toBeLessThan(200_000);
    expect(decode(png).width).toBe(800 * SCALE);
  });

  it('draws a chart whose PNG would pass 200 KB at a lower scale instead', async () => {
    const rows = Array.from({ length: 60 }, (_, i): [string, number] => [`城市${i}`, 100 + ((i * 37) % 60) * 10]);
    const png = await renderer.renderChart(places('60个城市的规模目标', rows));
    expect(png.length).toBeLessThanOrEqual(MAX_PNG_BYTES);
    const { width } = decode(png);
    expect(width).toBeLessThan(800 * SCALE);
    expect(width).toBeGreaterThan(800);
  });

  it('reads its font from node_modules, a TrueType/OpenType file naming its family', () => {
    const font = readFileSync(defaultFontFile());
    expect(defaultFontFile()).toContain('node_modules');
    expect(isSfnt(font)).toBe(true);
    expect(fontFamilyName(font)).toBe(renderer.fontFamily);
    expect(isSfnt(Buffer.from('wOF2\0\0\0\0\0\0\0\0'))).toBe(false);
  });

  it('removes its temporary folder on close and refuses to render after', async () => {
    const own = await openChartRenderer({ scale: 1 });
    const png = decode(await own.renderChart(CHECK));
    expect(png.width).toBe(800);
    await own.close();
    await expect(own.renderChart(CHECK)).rejects.toThrow('closed');
    await own.close();
    expect(existsSync(own.folder)).toBe(false);
  });
});
