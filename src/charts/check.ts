// A check chart as ECharts draws it: one value axis, the target as a band across it (5%左右 around
// 5, 6%以上 from 6 to the axis' end, 5%-6% from 5 to 6, 5% a line) and the result as a diamond on
// it, filled when it happened, hollow when forecast, coloured and named by the caller's verdict.
import type { CustomSeriesRenderItem, EChartsOption } from 'echarts';
import type { Verdict } from '../model.ts';
import type { CheckChart } from './spec.ts';
import { CHART_WIDTH, COLORS, FONT_SIZE, TITLE_HEIGHT, niceExtent, plainNumber, unitTitle, type AxisExtent } from './theme.ts';
import type { ChartLayout } from './layout.ts';

const HEIGHT = 280;

/**
 * How far 左右/约 reaches either side, as a share of the figure. The documents never say; this is
 * only where the band is drawn, the verdict is the caller's.
 */
export const APPROX_SHARE = 0.1;

export const VERDICT_WORDS: Record<Verdict, string> = { met: '达成', not_met: '未达成', unknown: '无法判断' };
const VERDICT_COLORS: Record<Verdict, string> = { met: COLORS.met, not_met: COLORS.notMet, unknown: COLORS.unknown };

/** The target's band: its low and high ends, null where it is open (以上 has no high end). */
export function targetBand(target: CheckChart['target']): [number | null, number | null] {
  const { value, qualifier } = target;
  if (Array.isArray(value)) return [value[0], value[1]];
  switch (qualifier) {
    case 'gte':
    case 'gt':
      return [value, null];
    case 'lte':
    case 'lt':
      return [null, value];
    case 'approx': {
      const reach = Math.abs(value) * APPROX_SHARE || APPROX_SHARE;
      return [value - reach, value + reach];
    }
    default:
      return [value, value];
  }
}

/**
 * The axis: the band's stated ends and the result, with half their spread again either side so
 * an open band visibly runs on.
 */
export function checkAxis(spec: CheckChart): AxisExtent {
  const [low, high] = targetBand(spec.target);
  return niceExtent([low, high, spec.result.value].filter((v): v is number => v !== null), 0.5, 0.5);
}

export function checkLayout(spec: CheckChart, fontFamily: string): ChartLayout {
  const axis = checkAxis(spec);
  const [low, high] = targetBand(spec.target);
  const verdictColor = VERDICT_COLORS[spec.verdict];
  const { target, result } = spec;
  const targetLabel = `${target.year}年目标：${target.text}`;
  const resultLabel = `${result.year}年${result.forecast ? '预计' : '实际'}：${result.text}`;

  const drawBand: CustomSeriesRenderItem = (params, api) => {
    const plot = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
    const x0 = low === null ? plot.x : api.coord([low, 0])[0]!;
    const x1 = high === null ? plot.x + plot.width : api.coord([high, 0])[0]!;
    const edge = { stroke: COLORS.bandEdge, lineWidth: 1.5 };
    const children: NonNullable<Extract<ReturnType<CustomSeriesRenderItem>, { type: 'group' }>['children']> = [
      { type: 'rect', shape: { x: Math.min(x0, x1), y: plot.y, width: Math.max(2, Math.abs(x1 - x0)), height: plot.height }, style: { fill: COLORS.band } },
    ];
    // The band's stated ends as lines (an open end has none), and 左右's own figure dashed.
    const edgeAt = (x: number, dashed: boolean) =>
      children.push({ type: 'line', shape: { x1: x, y1: plot.y, x2: x, y2: plot.y + plot.height }, style: dashed ? { ...edge, lineDash: [4, 3] } : edge });
    if (low !== null) edgeAt(x0, false);
    if (high !== null && high !== low) edgeAt(x1, false);
    if (target.qualifier === 'approx' && !Array.isArray(target.value)) edgeAt(api.coord([target.value, 0])[0]!, true);
    children.push({
      type: 'text',
      x: (Math.min(x0, x1) + Math.max(x0, x1)) / 2,
      y: plot.y + 6,
      style: { text: targetLabel, fill: COLORS.text, fontSize: FONT_SIZE.label, fontFamily, align: 'center', verticalAlign: 'top' },
    });
    return { type: 'group', children };
  };

  const option: EChartsOption = {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily },
    title: [
      { text: spec.title, left: 12, top: 12, textStyle: { fontSize: FONT_SIZE.title, fontWeight: 'normal', color: COLORS.text } },
      {
        text: VERDICT_WORDS[spec.verdict],
        right: 16,
        top: 10,
        backgroundColor: verdictColor,
        borderRadius: 4,
        padding: [4, 10],
        textStyle: { fontSize: FONT_SIZE.verdict, fontWeight: 'normal', color: '#ffffff' },
      },
    ],
    grid: { left: 24, right: 32, top: TITLE_HEIGHT + 8, bottom: 28, containLabel: true },
    xAxis: {
      type: 'value',
      ...axis,
      name: unitTitle(spec.unit),
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: COLORS.muted, fontSize: FONT_SIZE.axis },
      axisLabel: { color: COLORS.muted, fontSize: FONT_SIZE.axis, formatter: plainNumber },
      axisLine: { show: true, lineStyle: { color: COLORS.axis } },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', min: 0, max: 1, show: false },
    series: [
      { type: 'custom', renderItem: drawBand, data: [[0, 0]], encode: { x: 0, y: 1 }, silent: true, z: 1 },
      {
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 22,
        data: [[result.value, 0.4]],
        itemStyle: result.forecast
          ? { color: '#ffffff', borderColor: verdictColor, borderWidth: 3, opacity: 1 }
          : { color: verdictColor, borderColor: verdictColor, borderWidth: 1, opacity: 1 },
        label: { show: true, position: 'bottom', distance: 10, formatter: () => resultLabel, color: COLORS.text, fontSize: FONT_SIZE.label },
        z: 3,
      },
    ],
  };
  return { option, width: CHART_WIDTH, height: HEIGHT };
}
