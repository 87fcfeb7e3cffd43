// Chart specs to pictures for a Slack thread: spec → ECharts option → SVG (ECharts' server-side SVG
// renderer) → PNG (resvg, with a cut of the CJK font holding just the chart's characters).
//
// Why ECharts and not Vega-Lite (both to SVG, then resvg at scale 2 with the same font cut; 100
// renders each after 10 warm-up, the two interleaved so the shared 2-core machine's load fell on
// both alike):
// - Chinese labels: without a canvas Vega estimates every character at 0.8 em, so CJK labels are
//   measured short and 内蒙古/黑龙江 were clipped at the plot's edge; ECharts estimates CJK at 1 em
//   and laid out every label whole, with no global text-metrics override needed.
// - To SVG, p50/p99: 30-place bars 12.6/50 ms (ECharts) vs 17.1/140 ms (Vega-Lite); 12-year line
//   10.2/44 vs 19.6/70 ms. To PNG the two were alike (bars 156/245 vs 145/247 ms, line 95/167 vs
//   84/172 ms): resvg dominates, and ECharts' bar chart was 15% taller. PNG 127 vs 146 KB (bars),
//   56 vs 60 KB (line).
// - Loading: the ECharts single-file build loads in ~0.15 s, vega + vega-lite in ~0.37 s.
// - Install: ECharts is 3 packages, 67 MB (its dist ships many builds); vega + vega-lite are 79
//   packages, 25 MB. The size is ECharts' one cost; fewer packages to keep up is a gain.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import { DEFAULT_FONT_FAMILY, openChartFont, type ChartFont } from './font.ts';
import { chartLayout } from './layout.ts';
import { parseChartSpec, type ChartSpecInput } from './spec.ts';
import { layoutToSvg, svgText } from './svg.ts';

/** Device pixels per CSS pixel: sharp on high-density screens, and a 30-place chart stays ~130 KB. */
export const DEFAULT_SCALE = 2;

/**
 * Largest PNG wanted: Slack shows it at once and it uploads quickly. A chart whose PNG comes out
 * bigger (over ~35 places at scale 2) is drawn again at a scale that fits: 60 places would be
 * 320 KB at scale 2.
 */
export const MAX_PNG_BYTES = 200_000;

/**
 * The scale to draw again at when a PNG drawn at `scale` came out `bytes` long. A chart's PNG
 * grows slower than its pixel count (flat areas cost little; text edges grow with the scale, not
 * its square), so shrinking the scale in proportion to the excess gets under at once.
 */
export function fittingScale(scale: number, bytes: number): number {
  return scale * (MAX_PNG_BYTES / bytes) * 0.95;
}

/**
 * The chart as SVG, its text in `fontFamily` (default: the shipped font's). Pure; throws
 * ChartSpecError for a spec that is not drawable.
 */
export function renderChartSvg(spec: ChartSpecInput, fontFamily: string = DEFAULT_FONT_FAMILY): string {
  return layoutToSvg(chartLayout(parseChartSpec(spec), fontFamily));
}

export interface ChartRendererOptions {
  /** Device pixels per CSS pixel, 0.5-4 (default 2). */
  scale?: number;
  /** A TrueType/OpenType font to draw in (default: the shipped Noto Sans SC Regular). */
  fontFile?: string;
}

export interface ChartRenderer {
  /** The family the charts' text is drawn in. */
  readonly fontFamily: string;
  /** The temporary folder the font cuts stand in while a chart renders; removed by close(). */
  readonly folder: string;
  /**
   * The chart as PNG, 800 CSS px wide at `scale`, or at the lower scale that keeps it within
   * MAX_PNG_BYTES.
   * Throws ChartSpecError for a spec that is not drawable.
   */
  renderChart(spec: ChartSpecInput): Promise<Buffer>;
  /** The chart as SVG, naming this renderer's font. */
  renderChartSvg(spec: ChartSpecInput): string;
  /** Characters of the chart the font has no glyph for: they draw as empty boxes. */
  missingGlyphs(spec: ChartSpecInput): string[];
  /** Frees the font and removes the renderer's temporary folder; waits for renders under way. */
  close(): Promise<void>;
}

// Drawn once at open, so that what is slow the first time (ECharts' and resvg's first runs, and
// V8's background work after the font's WebAssembly is loaded, compiling and collecting, which
// made the first chart take ~0.5-1.2 s on 2 cores) is paid at start-up, not by a user.
const WARM_UP: ChartSpecInput = {
  kind: 'check',
  title: '目标',
  unit: '%',
  target: { value: 5, qualifier: 'approx', text: '5%左右', year: 2024 },
  result: { value: 5.2, text: '5.2%', year: 2024, forecast: false },
  verdict: 'met',
};

/**
 * Opens the font (~70 MB of WebAssembly memory) and a temporary folder for the per-chart font
 * cuts, which resvg-js only takes as files, and draws one chart to warm up (~0.5 s in all).
 */
export async function openChartRenderer(options: ChartRendererOptions = {}): Promise<ChartRenderer> {
  const scale = options.scale ?? DEFAULT_SCALE;
  if (!(scale >= 0.5 && scale <= 4)) throw new RangeError(`chart scale must be 0.5-4, not ${scale}`);
  const font: ChartFont = await openChartFont(options.fontFile === undefined ? {} : { file: options.fontFile });
  const folder = mkdtempSync(join(tmpdir(), 'zhibiao-charts-'));
  const pending = new Set<Promise<unknown>>();
  let renders = 0;
  let open = true;

  const svgOf = (spec: ChartSpecInput) => renderChartSvg(spec, font.family);

  async function renderPng(svg: string): Promise<Buffer> {
    const fontFile = join(folder, `glyphs-${++renders}.otf`);
    writeFileSync(fontFile, font.subset(svgText(svg)));
    // Off the main thread (libuv's pool): parsing, text layout and rasterising; asPng() encodes
    // on it (~50 ms for 30 places at scale 2).
    const draw = async (zoom: number) =>
      (
        await renderAsync(svg, {
          font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: font.family, sansSerifFamily: font.family },
          fitTo: { mode: 'zoom', value: zoom },
          logLevel: 'error',
        })
      ).asPng();
    try {
      const png = await draw(scale);
      return png.length <= MAX_PNG_BYTES ? png : await draw(fittingScale(scale, png.length));
    } finally {
      rmSync(fontFile, { force: true });
    }
  }

  try {
    await renderPng(svgOf(WARM_UP));
  } catch (error) {
    font.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }

  return {
    fontFamily: font.family,
    folder,
    async renderChart(spec) {
      if (!open) throw new Error('the chart renderer is closed');
      const render = renderPng(svgOf(spec));
      pending.add(render);
      try {
        return await render;
      } finally {
        pending.delete(render);
      }
    },
    renderChartSvg: svgOf,
    missingGlyphs(spec) {
      return font.missing(svgText(svgOf(spec)));
    },
    async close() {
      if (!open) return;
      open = false;
      await Promise.allSettled([...pending]);
      font.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
