// A places chart as ECharts draws it: one horizontal bar per place, in the order given (so the
// caller decides: as asked, or by value), each labelled with its figure as written. A range
// (1-2个) is a bar to its low end, a lighter bar on to its high end and a whisker across both.
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { PlacesChart } from './spec.ts';
import { CHART_WIDTH, COLORS, FONT_SIZE, TITLE_HEIGHT, estimateTextWidth, plainNumber, unitTitle } from './theme.ts';
import type { ChartLayout } from './layout.ts';

const ROW_HEIGHT = 26;
const AXIS_HEIGHT = 60;
const MIN_HEIGHT = 180;
/** Share of a row the bar fills. */
const BAR_SHARE = 0.62;

export function placesLayout(spec: PlacesChart, fontFamily: string): ChartLayout {
  const highlighted = new Set(spec.highlight ?? []);
  const rows = spec.rows.map((row, index) => {
    const [low, high] = Array.isArray(row.value) ? row.value : [row.value, row.value];
    return { ...row, index, low, high, isRange: Array.isArray(row.value), highlighted: highlighted.has(row.label) };
  });
  const height = Math.max(MIN_HEIGHT, TITLE_HEIGHT + rows.length * ROW_HEIGHT + AXIS_HEIGHT);
  // Value labels stand past the bars' ends, where ECharts leaves no room of its own.
  const labelRoom = Math.max(...rows.map((row) => estimateTextWidth(row.text, FONT_SIZE.value))) + 12;
  const hasNegative = rows.some((row) => row.low < 0);

  const drawRange: CustomSeriesRenderItem = (_params, api) => {
    const start = api.coord([api.value(1), api.value(0)]);
    const end = api.coord([api.value(2), api.value(0)]);
    const barHeight = (api.size?.([0, 1]) as number[])[1]! * BAR_SHARE;
    const row = rows[api.value(0) as number]!;
    const [x0, x1, y] = [start[0]!, end[0]!, start[1]!];
    const cap = barHeight / 3;
    const line = { stroke: COLORS.whisker, lineWidth: 1.5 };
    return {
      type: 'group',
      children: [
        {
          type: 'rect',
          shape: { x: Math.min(x0, x1), y: y - barHeight / 2, width: Math.abs(x1 - x0), height: barHeight },
          style: { fill: row.highlighted ? COLORS.accentRange : COLORS.barRange },
        },
        { type: 'line', shape: { x1: x0, y1: y, x2: x1, y2: y }, style: line },
        { type: 'line', shape: { x1: x0, y1: y - cap, x2: x0, y2: y + cap }, style: line },
        { type: 'line', shape: { x1: x1, y1: y - cap, x2: x1, y2: y + cap }, style: line },
        {
          type: 'text',
          x: x1 + (row.high < 0 ? -6 : 6),
          y,
          style: {
            text: row.text,
            fill: COLORS.text,
            fontSize: FONT_SIZE.value,
            fontFamily,
            align: row.high < 0 ? 'right' : 'left',
            verticalAlign: 'middle',
          },
        },
      ],
    };
  };

  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily },
    title: { text: spec.title, left: 12, top: 12, textStyle: { fontSize: FONT_SIZE.title, fontWeight: 'normal', color: COLORS.text } },
    grid: { left: hasNegative ? labelRoom : 12, right: labelRoom, top: TITLE_HEIGHT, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      name: unitTitle(spec.unit),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: COLORS.muted, fontSize: FONT_SIZE.axis },
      axisLabel: { color: COLORS.muted, fontSize: FONT_SIZE.axis, formatter: plainNumber },
      splitLine: { lineStyle: { color: COLORS.grid } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((row) => row.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.axis } },
      axisLabel: { color: COLORS.text, fontSize: FONT_SIZE.label },
    },
    series: [
      {
        type: 'bar',
        barWidth: `${BAR_SHARE * 100}%`,
        data: rows.map((row) => ({
          value: row.low,
          itemStyle: { color: row.highlighted ? COLORS.accent : COLORS.bar },
          // A range's label goes past its high end, drawn with the range below.
          label: { show: !row.isRange, position: row.low < 0 ? 'left' : 'right' },
        })),
        label: { color: COLORS.text, fontSize: FONT_SIZE.value, distance: 6, formatter: (params) => rows[params.dataIndex]!.text },
      },
      {
        type: 'custom',
        renderItem: drawRange,
        encode: { x: [1, 2], y: 0 },
        data: rows.filter((row) => row.isRange).map((row) => [row.index, row.low, row.high]),
        z: 3,
      },
    ],
  };
  return { option, width: CHART_WIDTH, height };
}
