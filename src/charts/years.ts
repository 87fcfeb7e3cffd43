// A years chart as ECharts draws it: a line with a point per year, each labelled with its figure as
// written. The axis has every year from the first to the last, so a year without a figure is a
// break in the line, never a straight stroke over it; years the caller lists as gaps say 无数据.
// A range (5-5.5%) is a hollow point at its middle with a whisker from low to high.
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { YearsChart } from './spec.ts';
import { CHART_WIDTH, COLORS, FONT_SIZE, TITLE_HEIGHT, niceExtent, plainNumber, unitTitle } from './theme.ts';
import type { ChartLayout } from './layout.ts';

const HEIGHT = 400;
const NO_DATA = '无数据';

export function yearsLayout(spec: YearsChart, fontFamily: string): ChartLayout {
  const byYear = new Map(spec.rows.map((row) => [row.year, row]));
  const known = [...byYear.keys(), ...spec.gaps];
  const first = Math.min(...known);
  const years = Array.from({ length: Math.max(...known) - first + 1 }, (_, i) => first + i);
  const gaps = new Set(spec.gaps);
  const rows = years.map((year, index) => {
    const row = byYear.get(year);
    if (row === undefined) return { year, index, row: null, middle: null, low: null, high: null };
    const [low, high] = Array.isArray(row.value) ? row.value : [row.value, row.value];
    return { year, index, row, middle: (low + high) / 2, low, high };
  });
  const ranges = rows.filter((r) => r.row !== null && Array.isArray(r.row.value));
  // Room below the lowest point and, for the labels over the points, more above the highest.
  const extent = niceExtent(rows.flatMap((r) => (r.low === null ? [] : [r.low, r.high!])), 0.15, 0.25);

  // A range's label stands over its whisker, where the line's own label would cross it.
  const drawWhisker: CustomSeriesRenderItem = (_params, api) => {
    const low = api.coord([api.value(0), api.value(1)]);
    const high = api.coord([api.value(0), api.value(2)]);
    const line = { stroke: COLORS.whisker, lineWidth: 1.5 };
    const [x, cap] = [low[0]!, 6];
    const text = rows[api.value(0) as number]!.row!.text;
    return {
      type: 'group',
      children: [
        { type: 'line', shape: { x1: x, y1: low[1]!, x2: x, y2: high[1]! }, style: line },
        { type: 'line', shape: { x1: x - cap, y1: low[1]!, x2: x + cap, y2: low[1]! }, style: line },
        { type: 'line', shape: { x1: x - cap, y1: high[1]!, x2: x + cap, y2: high[1]! }, style: line },
        {
          type: 'text',
          x,
          y: high[1]! - 8,
          style: { text, fill: COLORS.text, fontSize: FONT_SIZE.value, fontFamily, align: 'center', verticalAlign: 'bottom' },
        },
      ],
    };
  };

  const drawNoData: CustomSeriesRenderItem = (params, api) => {
    const [x] = api.coord([api.value(0), 0]);
    const plot = params.coordSys as unknown as { y: number; height: number };
    return {
      type: 'text',
      x: x!,
      y: plot.y + plot.height / 2,
      style: { text: NO_DATA, fill: COLORS.muted, fontSize: FONT_SIZE.value, fontFamily, align: 'center', verticalAlign: 'middle' },
    };
  };

  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily },
    title: { text: spec.title, left: 12, top: 12, textStyle: { fontSize: FONT_SIZE.title, fontWeight: 'normal', color: COLORS.text } },
    grid: { left: 12, right: 28, top: TITLE_HEIGHT + 28, bottom: 12, containLabel: true },
    xAxis: {
      type: 'category',
      data: years.map((year) => ({
        value: `${year}年`,
        textStyle: { color: gaps.has(year) || !byYear.has(year) ? COLORS.axis : COLORS.text },
      })),
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: COLORS.axis } },
      axisLabel: { fontSize: FONT_SIZE.axis },
    },
    yAxis: {
      type: 'value',
      // Growth rates and totals alike: the line's shape matters, not its distance from zero.
      ...extent,
      name: unitTitle(spec.unit),
      nameTextStyle: { color: COLORS.muted, fontSize: FONT_SIZE.axis, align: 'left' },
      axisLabel: { color: COLORS.muted, fontSize: FONT_SIZE.axis, formatter: plainNumber },
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    series: [
      {
        type: 'line',
        connectNulls: false,
        lineStyle: { width: 2.5, color: COLORS.bar },
        itemStyle: { color: COLORS.bar },
        symbolSize: 8,
        data: rows.map((r) => {
          const isRange = r.row !== null && Array.isArray(r.row.value);
          return { value: r.middle, symbol: isRange ? 'emptyCircle' : 'circle', label: { show: !isRange } };
        }),
        label: {
          show: true,
          position: 'top',
          distance: 8,
          color: COLORS.text,
          fontSize: FONT_SIZE.value,
          formatter: (params) => rows[params.dataIndex]?.row?.text ?? '',
        },
        z: 4,
      },
      {
        type: 'custom',
        renderItem: drawWhisker,
        encode: { x: 0, y: [1, 2] },
        data: ranges.map((r) => [r.index, r.low, r.high]),
        z: 3,
      },
      {
        type: 'custom',
        renderItem: drawNoData,
        encode: { x: 0 },
        data: years.filter((year) => gaps.has(year)).map((year) => [year - first]),
        silent: true,
      },
    ],
  };
  return { option, width: CHART_WIDTH, height: HEIGHT };
}
