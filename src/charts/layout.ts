// A chart spec as an ECharts option with the canvas size it is drawn on: the one place that knows
// which kind of chart draws which way.
import type { EChartsOption } from 'echarts';
import { checkLayout } from './check.ts';
import { placesLayout } from './places.ts';
import type { ChartSpec } from './spec.ts';
import { yearsLayout } from './years.ts';

export interface ChartLayout {
  option: EChartsOption;
  /** CSS pixels. */
  width: number;
  height: number;
}

/** `fontFamily` is named on every text, so the SVG asks for exactly the font that will draw it. */
export function chartLayout(spec: ChartSpec, fontFamily: string): ChartLayout {
  switch (spec.kind) {
    case 'places':
      return placesLayout(spec, fontFamily);
    case 'years':
      return yearsLayout(spec, fontFamily);
    case 'check':
      return checkLayout(spec, fontFamily);
  }
}
