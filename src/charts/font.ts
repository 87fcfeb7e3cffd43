// The CJK font the charts are drawn in, and a cut of it holding only one chart's characters.
//
// The font is Noto Sans CJK SC's Regular as @embedpdf/fonts-sc ships it (NotoSansHans-Regular.otf,
// 8.4 MB, 20,945 hanzi: all of GB2312 and far beyond; SIL Open Font License 1.1, see
// node_modules/@embedpdf/fonts-sc/LICENSE). It is read from node_modules, never copied here. The
// cut exists because resvg-js re-reads its font file for every piece of text it lays out: with the
// whole 8 MB file a 30-place chart spent ~160 ms in text layout, with a 15 KB cut ~7 ms. Cutting
// takes 2-9 ms with HarfBuzz's subsetter (harfbuzzjs' WebAssembly build) once the face is open.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fontCodepoints, fontFamilyName, isSfnt } from './sfnt.ts';

const require = createRequire(import.meta.url);

/** The shipped font's file inside @embedpdf/fonts-sc (the package exports no path to it). */
export function defaultFontFile(): string {
  return join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

/** Family name of the shipped font, for SVG drawn without a ChartFont at hand. */
export const DEFAULT_FONT_FAMILY = 'Noto Sans S Chinese';

export interface ChartFont {
  /** The family the font answers to: what the SVG's font-family must name. */
  readonly family: string;
  /** An OpenType font with the glyphs of `text`'s characters (those the font has) and nothing else. */
  subset(text: string): Uint8Array;
  /** The characters of `text` the font has no glyph for (they would draw as empty boxes). */
  missing(text: string): string[];
  /** Frees the HarfBuzz face and its memory; the font cannot be used after. */
  close(): void;
}

export interface ChartFontOptions {
  /** A TrueType or OpenType file (not WOFF/WOFF2: resvg reads neither); default the shipped font. */
  file?: string;
}

// The part of harfbuzz-subset.wasm's C API used here (hb-subset.h, hb-blob.h, hb-face.h, hb-set.h).
interface HarfBuzzSubset {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

// The project's TypeScript library settings have no WebAssembly types (they come with the DOM's).
const { WebAssembly: wasmRuntime } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };
};

const HB_MEMORY_MODE_READONLY = 1;
const HB_SUBSET_SETS_NAME_ID = 4;

/** Opens `options.file` (default: the shipped Noto Sans SC) for cutting. */
export async function openChartFont(options: ChartFontOptions = {}): Promise<ChartFont> {
  const file = options.file ?? defaultFontFile();
  const [font, wasm] = await Promise.all([
    readFile(file).catch((error: NodeJS.ErrnoException) => {
      throw new Error(`chart font ${file} cannot be read (${error.code ?? error.message})`);
    }),
    readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')),
  ]);
  if (!isSfnt(font)) throw new Error(`chart font ${file} is not a TrueType or OpenType font`);
  const family = fontFamilyName(font);
  if (family === null) throw new Error(`chart font ${file} names no family`);
  const codepoints = fontCodepoints(font);

  // An instance of our own: its memory holds this font only and goes with this object.
  const { instance } = await wasmRuntime.instantiate(wasm);
  const hb = instance.exports as unknown as HarfBuzzSubset;
  hb._initialize();
  const fontPointer = hb.malloc(font.length);
  new Uint8Array(hb.memory.buffer).set(font, fontPointer);
  const blob = hb.hb_blob_create(fontPointer, font.length, HB_MEMORY_MODE_READONLY, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  let open = true;

  const assertOpen = () => {
    if (!open) throw new Error('the chart font is closed');
  };

  const chartFont: ChartFont = {
    family,
    subset(text) {
      assertOpen();
      const input = hb.hb_subset_input_create_or_fail();
      if (input === 0) throw new Error('HarfBuzz could not start a subset');
      try {
        const wanted = hb.hb_subset_input_unicode_set(input);
        for (const char of new Set(text)) hb.hb_set_add(wanted, char.codePointAt(0)!);
        // Every name record is kept (a few hundred bytes), so the cut answers to the same family.
        // The set starts as ids 0-6: cleared, then inverted, it holds them all.
        const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
        hb.hb_set_clear(names);
        hb.hb_set_invert(names);
        const cut = hb.hb_subset_or_fail(face, input);
        if (cut === 0) throw new Error('HarfBuzz could not cut the chart font');
        const cutBlob = hb.hb_face_reference_blob(cut);
        // Copied out: the wasm memory may grow (and move) on the next call.
        const bytes = new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(cutBlob, 0), hb.hb_blob_get_length(cutBlob)).slice();
        hb.hb_blob_destroy(cutBlob);
        hb.hb_face_destroy(cut);
        return bytes;
      } finally {
        hb.hb_subset_input_destroy(input);
      }
    },
    missing(text) {
      assertOpen();
      return [...new Set(text)].filter((char) => !/\s/.test(char) && !codepoints.has(char.codePointAt(0)!));
    },
    close() {
      if (!open) return;
      open = false;
      hb.hb_face_destroy(face);
      hb.free(fontPointer);
    },
  };
  // HarfBuzz reads the font's tables on first use (~100 ms for this one): done here, at start,
  // rather than in the first chart someone waits for.
  chartFont.subset('0');
  return chartFont;
}
