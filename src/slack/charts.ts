// The chart under an answer across documents, drawn by one renderer the app opens on first use
// (about half a second and 70 MB, which a bot that is never asked for a comparison need not pay)
// and closes when it stops. Drawing happens after the answer is posted, off the acknowledgement's path.
import { openChartRenderer, type ChartRenderer } from '../charts/render.ts';
import type { ChartSpecInput } from '../charts/spec.ts';

export interface ChartDrawer {
  /** The chart as PNG. */
  draw(spec: ChartSpecInput): Promise<Buffer>;
  /** Closes the renderer, once the charts being drawn are done. */
  close(): Promise<void>;
}

export function lazyChartDrawer(open: () => Promise<ChartRenderer> = () => openChartRenderer()): ChartDrawer {
  let renderer: Promise<ChartRenderer> | null = null;
  let closed = false;
  return {
    async draw(spec) {
      if (closed) throw new Error('the chart drawer is closed');
      const opening = (renderer ??= open());
      try {
        return await (await opening).renderChart(spec);
      } catch (error) {
        // A renderer that could not open is tried again for the next chart.
        if (renderer === opening && (await opening.then(() => false, () => true))) renderer = null;
        throw error;
      }
    },
    async close() {
      closed = true;
      const opened = renderer;
      renderer = null;
      const open = await opened?.catch(() => null);
      await open?.close();
    },
  };
}
