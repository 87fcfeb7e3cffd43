// Chart rendering speed and size: a 30-place bar chart and a 12-year line chart, each rendered 200
// times one after another (after 10 unmeasured warm-up renders), spec → PNG and spec → SVG alone.
// Prints a table, then the same as one JSON line.
//
//   npx tsx bench/charts.ts [--renders 200] [--scale 2]
import os from 'node:os';
import { parseArgs } from 'node:util';
import { openChartRenderer } from '../src/charts/render.ts';
import type { ChartSpecInput } from '../src/charts/spec.ts';
import { percentiles, round } from './lib/stats.ts';

const { values: options } = parseArgs({
  options: { renders: { type: 'string', default: '200' }, scale: { type: 'string', default: '2' } },
});
const RENDERS = Number(options.renders);
const SCALE = Number(options.scale);
const WARM_UP = 10;

const PLACES = ['北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏'];

const placesChart: ChartSpecInput = {
  kind: 'places',
  title: '2024年各地区生产总值增长目标',
  unit: '%',
  highlight: ['安徽'],
  rows: PLACES.map((label, i) => {
    if (i % 10 === 3) return { label, value: [5, 6], qualifier: 'range', text: '5%-6%' };
    const value = 4 + ((i * 37) % 30) / 10;
    return i % 3 === 0
      ? { label, value, qualifier: 'gte', text: `${value.toFixed(1)}%以上` }
      : { label, value, qualifier: 'approx', text: `${value.toFixed(1)}%左右` };
  }),
};

const yearsChart: ChartSpecInput = {
  kind: 'years',
  title: '安徽省地区生产总值增速（2013—2024年）',
  unit: '%',
  gaps: [],
  rows: Array.from({ length: 12 }, (_, i) => {
    const year = 2013 + i;
    if (year === 2023) return { year, value: [5, 5.5], qualifier: 'range', text: '5%-5.5%' };
    const value = Math.round((6 + 1.5 * Math.sin(i)) * 10) / 10;
    return { year, value, qualifier: 'eq', text: `${value.toFixed(1)}%` };
  }),
};

interface Row {
  chart: string;
  renders: number;
  pngMs: { p50: number; p99: number; max: number };
  svgMs: { p50: number; p99: number };
  firstMs: number;
  pngBytes: number;
  size: string;
}

const opened = performance.now();
const renderer = await openChartRenderer({ scale: SCALE });
const openMs = performance.now() - opened;
const rows: Row[] = [];
try {
  for (const [chart, spec] of [['30 places (bars)', placesChart], ['12 years (line)', yearsChart]] as const) {
    let started = performance.now();
    let png = await renderer.renderChart(spec);
    const firstMs = performance.now() - started;
    for (let i = 1; i < WARM_UP; i++) await renderer.renderChart(spec);
    const pngTimes: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      started = performance.now();
      png = await renderer.renderChart(spec);
      pngTimes.push(performance.now() - started);
    }
    const svgTimes: number[] = [];
    for (let i = 0; i < RENDERS; i++) {
      started = performance.now();
      renderer.renderChartSvg(spec);
      svgTimes.push(performance.now() - started);
    }
    const [pngP, svgP] = [percentiles(pngTimes), percentiles(svgTimes)];
    rows.push({
      chart,
      renders: RENDERS,
      pngMs: { p50: round(pngP.p50), p99: round(pngP.p99), max: round(pngP.max) },
      svgMs: { p50: round(svgP.p50), p99: round(svgP.p99) },
      firstMs: round(firstMs),
      pngBytes: png.length,
      size: `${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`,
    });
  }
} finally {
  await renderer.close();
}

console.log(`charts: ${RENDERS} renders each at scale ${SCALE}; renderer opened in ${round(openMs)} ms`);
console.log('| chart | spec → PNG p50 / p99 (max) ms | spec → SVG p50 / p99 ms | first render ms | PNG |');
console.log('|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.chart} | ${row.pngMs.p50} / ${row.pngMs.p99} (${row.pngMs.max}) | ${row.svgMs.p50} / ${row.svgMs.p99} | ${row.firstMs} | ${round(row.pngBytes / 1000)} KB, ${row.size} px |`,
  );
}
const cpus = os.cpus();
console.log(
  JSON.stringify({
    bench: 'charts',
    scale: SCALE,
    openMs: round(openMs),
    rows,
    machine: { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, loadAverage: os.loadavg().map((l) => round(l, 2)) },
  }),
);
