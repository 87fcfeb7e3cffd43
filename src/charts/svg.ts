// An ECharts option drawn to an SVG string by ECharts' own server-side SVG renderer (no DOM, no
// canvas), and the characters such an SVG draws, which is what its font must hold.
import { createRequire } from 'node:module';
import type { ChartLayout } from './layout.ts';

// The single-file build: its ES module entry is a graph of ~1,000 files that takes ~0.8 s to load
// (~0.15 s for this one file); the two are the same library, version and types.
const echarts = createRequire(import.meta.url)('echarts/dist/echarts.min.js') as typeof import('echarts');

export function layoutToSvg({ option, width, height }: ChartLayout): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every character inside the SVG's text elements, entities decoded (ECharts escapes & < > " '). */
export function svgText(svg: string): string {
  let text = '';
  for (const match of svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)) {
    text += match[1]!.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name] ?? entity;
    });
  }
  return text;
}
