// How every chart looks: sizes, colours and type. One place, so the three kinds of chart read as
// one family in a Slack thread.

/** CSS pixels; the PNG is drawn at `scale` times this (Slack shows it about 400-800 px wide). */
export const CHART_WIDTH = 800;

export const COLORS = {
  text: '#222222',
  muted: '#777777',
  axis: '#999999',
  grid: '#e6e6e6',
  bar: '#4c78a8',
  barRange: '#a6c8e6',
  accent: '#e4572e',
  accentRange: '#f4b199',
  whisker: '#333333',
  band: 'rgba(244, 197, 66, 0.35)',
  bandEdge: '#d9a514',
  met: '#2e7d32',
  notMet: '#c62828',
  unknown: '#757575',
} as const;

export const FONT_SIZE = { title: 18, label: 13, value: 12, axis: 12, verdict: 16 } as const;

/** Height of the title strip above every chart's plot. */
export const TITLE_HEIGHT = 48;

/**
 * Width of `text` at `size` px, as ECharts estimates it when it has no canvas to measure with:
 * a CJK character is 1 em, ASCII about 0.6 em. Used to leave room for labels ECharts does not
 * lay out itself (a bar's value label past the plot's right edge).
 */
export function estimateTextWidth(text: string, size: number): number {
  let em = 0;
  for (const char of text) em += char.codePointAt(0)! < 0x80 ? 0.6 : 1;
  return Math.ceil(em * size);
}

/**
 * A round step for about `count` intervals over `span` (1, 2, 2.5 or 5 times a power of ten), so
 * an axis reads 4.0, 4.5, 5.0 … rather than 4.13, 4.62 ….
 */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)! * power;
  // Keep binary noise out of tick labels (0.30000000000000004).
  return Number(step.toPrecision(6));
}

export interface AxisExtent {
  min: number;
  max: number;
  interval: number;
}

/**
 * An axis over `values` with `below` and `above` times their spread added on each side (so marks
 * and their labels keep off the plot's edges), rounded out to a nice step; it starts no lower
 * than zero when no value is negative.
 */
export function niceExtent(values: readonly number[], below: number, above: number): AxisExtent {
  const [least, most] = [Math.min(...values), Math.max(...values)];
  const spread = most - least || Math.abs(most) * 0.2 || 1;
  let [min, max] = [least - spread * below, most + spread * above];
  if (least >= 0) min = Math.max(0, min);
  const interval = niceStep(max - min);
  min = Math.floor(min / interval) * interval;
  max = Math.ceil(max / interval) * interval;
  return { min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)), interval };
}

/** Axis numbers as the documents write them: 2700, not ECharts' 2,700. */
export const plainNumber = (value: number): string => String(Number(value.toPrecision(12)));

/** The unit as an axis title ('' when there is none). */
export const unitTitle = (unit: string): string => (unit === '' ? '' : `单位：${unit}`);
