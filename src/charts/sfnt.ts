// What an OpenType/TrueType font says of itself: the family name it answers to (`name` table) and
// the characters it has glyphs for (`cmap` table). The SVG must ask for exactly that family: resvg
// is given no system fonts, so a name that matches nothing would leave it guessing.

const NAME_TYPOGRAPHIC_FAMILY = 16;
const NAME_FAMILY = 1;
const PLATFORM_WINDOWS = 3;
const LANGUAGE_EN_US = 0x409;

/** True for the sfnt flavours resvg reads (TrueType, CFF-flavoured OpenType); WOFF and WOFF2 are not. */
export function isSfnt(font: Uint8Array): boolean {
  if (font.length < 12) return false;
  const tag = String.fromCharCode(...font.subarray(0, 4));
  return tag === 'OTTO' || tag === 'true' || (font[0] === 0 && font[1] === 1 && font[2] === 0 && font[3] === 0);
}

/** Offset of table `tag` in the font, or -1. */
function tableOffset(font: Uint8Array, data: DataView, tag: string): number {
  const tables = data.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const entry = 12 + 16 * i;
    if (String.fromCharCode(...font.subarray(entry, entry + 4)) === tag) return data.getUint32(entry + 8);
  }
  return -1;
}

/**
 * The font's family: the typographic family (name id 16) when it has one, else the family (id 1),
 * in US English from the Windows platform's names; null when the font has neither.
 */
export function fontFamilyName(font: Uint8Array): string | null {
  if (!isSfnt(font)) return null;
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const nameTable = tableOffset(font, data, 'name');
  if (nameTable < 0) return null;
  const records = data.getUint16(nameTable + 2);
  const strings = nameTable + data.getUint16(nameTable + 4);
  const found = new Map<number, string>();
  for (let i = 0; i < records; i++) {
    const record = nameTable + 6 + 12 * i;
    const [platform, , language, nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((at) => data.getUint16(record + at)) as [
      number, number, number, number, number, number,
    ];
    if (platform !== PLATFORM_WINDOWS || language !== LANGUAGE_EN_US) continue;
    if (nameId !== NAME_TYPOGRAPHIC_FAMILY && nameId !== NAME_FAMILY) continue;
    // Windows names are UTF-16BE.
    let name = '';
    for (let at = 0; at + 1 < length; at += 2) name += String.fromCharCode(data.getUint16(strings + offset + at));
    found.set(nameId, name);
  }
  return found.get(NAME_TYPOGRAPHIC_FAMILY) ?? found.get(NAME_FAMILY) ?? null;
}

/**
 * The code points the font maps to a glyph, from its Unicode `cmap` subtable: format 12 (full
 * Unicode) when it has one, else format 4 (the Basic Multilingual Plane). Empty when it has neither.
 */
export function fontCodepoints(font: Uint8Array): Set<number> {
  const codepoints = new Set<number>();
  if (!isSfnt(font)) return codepoints;
  const data = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(font, data, 'cmap');
  if (cmap < 0) return codepoints;
  const subtables = new Map<number, number>();
  for (let i = 0; i < data.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + 8 * i;
    const platform = data.getUint16(record);
    const encoding = data.getUint16(record + 2);
    // Unicode platform (0) or Windows Unicode BMP (3,1) / full (3,10).
    if (platform !== 0 && !(platform === 3 && (encoding === 1 || encoding === 10))) continue;
    const subtable = cmap + data.getUint32(record + 4);
    const format = data.getUint16(subtable);
    if (!subtables.has(format)) subtables.set(format, subtable);
  }
  const full = subtables.get(12);
  const bmp = subtables.get(4);
  if (full !== undefined) {
    const groups = data.getUint32(full + 12);
    for (let i = 0; i < groups; i++) {
      const group = full + 16 + 12 * i;
      const [first, last, glyph] = [data.getUint32(group), data.getUint32(group + 4), data.getUint32(group + 8)];
      for (let c = first; c <= last; c++) if (glyph + (c - first) !== 0) codepoints.add(c);
    }
  } else if (bmp !== undefined) {
    const segments = data.getUint16(bmp + 6) / 2;
    const ends = bmp + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const [first, last] = [data.getUint16(starts + 2 * s), data.getUint16(ends + 2 * s)];
      const delta = data.getInt16(deltas + 2 * s);
      const rangeOffsetAt = rangeOffsets + 2 * s;
      const rangeOffset = data.getUint16(rangeOffsetAt);
      for (let c = first; c <= last && c !== 0xffff; c++) {
        let glyph: number;
        if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
        else {
          const index = data.getUint16(rangeOffsetAt + rangeOffset + 2 * (c - first));
          glyph = index === 0 ? 0 : (index + delta) & 0xffff;
        }
        if (glyph !== 0) codepoints.add(c);
      }
    }
  }
  return codepoints;
}
