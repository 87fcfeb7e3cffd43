// Bytes of a seed file → the document text that every offset in the index points into.
//
// Seeds come from scrapes and office exports: UTF-8 (with or without BOM) is the norm, but
// GB18030/GBK and Big5 files still turn up. Guessing wrong produces mojibake that would then be
// indexed and quoted back to users, so decoding is strict: a file is UTF-8, GB18030 or Big5 or it is
// rejected with the offset of the byte that breaks it. Almost every Big5 byte sequence is also valid
// GB18030 (and much GBK is valid Big5), so when both decode, the one whose Han characters are the
// common ones of Chinese text wins: about 96% for the right decoding of a report, under 20% for the
// wrong one (see COMMON_HANZI).
import { createRequire } from 'node:module';
import { COMMON_HANZI } from './common-hanzi.ts';

// iconv-lite is loaded on the first file that is not UTF-8, not on every start.
const requireModule = createRequire(import.meta.url);

export type SourceEncoding = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be';

/** A file that is neither valid UTF-8 nor valid GB18030 or Big5; `offset` is the first bad byte. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly byte: number | undefined,
  ) {
    const shown = byte === undefined ? 'end of file' : `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    const detail = `cannot decode as UTF-8, GB18030 or Big5: bad ${shown} at offset ${offset}`;
    super(`${file}: ${detail}`);
    this.detail = detail;
  }

  /** The message without the file name. */
  readonly detail: string;
}

export interface DecodedText {
  /** The text with any byte-order mark removed; line endings as in the file. */
  text: string;
  encoding: SourceEncoding;
}

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1 when all are.
 * For a truncated or malformed multi-byte sequence this is the offset of its lead byte, which is
 * where a person looking at a hex dump should start.
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // Overlong forms and UTF-16 surrogates are invalid UTF-8 (what TextDecoder also rejects).
      if (b === 0xe0) min2 = 0xa0;
      if (b === 0xed) max2 = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min2 = 0x90;
      if (b === 0xf4) max2 = 0x8f;
    } else return i;
    const b2 = bytes[i + 1];
    if (b2 === undefined || b2 < min2 || b2 > max2) return i;
    for (let k = 2; k <= need; k++) {
      const bk = bytes[i + k];
      if (bk === undefined || bk < 0x80 || bk > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Offset at which a strict decoder for `encoding` first fails, or -1 when the bytes decode.
 * Only used on the error path: a binary search over prefixes decoded in streaming mode (an
 * incomplete sequence at the end of a prefix is not an error there, a malformed one is).
 */
function firstFailureOffset(bytes: Uint8Array, encoding: string): number {
  const failsWithin = (length: number): boolean => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!failsWithin(bytes.length)) {
    // Only an unfinished sequence at the very end remains.
    return strictDecode(bytes, encoding) === null ? Math.max(0, bytes.length - 1) : -1;
  }
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (failsWithin(mid)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function strictDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Big5 (with the HKSCS and Windows-950 additions), or null when a byte sequence is not Big5.
 * iconv-lite rather than TextDecoder: Node's Big5 TextDecoder drops some bad bytes (0xFF) even when
 * fatal. U+FFFD is not a Big5 character, so its presence marks a sequence that did not decode.
 */
function strictBig5(bytes: Uint8Array): string | null {
  const iconv = requireModule('iconv-lite') as typeof import('iconv-lite');
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5');
  return text.includes('\uFFFD') ? null : text;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const HAN = /\p{Script=Han}/u;

/** Share of a text's Han characters that are common ones (0 when it has none). */
export function commonHanziShare(text: string): number {
  let han = 0;
  let common = 0;
  for (const ch of text) {
    if (!HAN.test(ch)) continue;
    han++;
    if (COMMON_HANZI.has(ch)) common++;
  }
  return han === 0 ? 0 : common / han;
}

/**
 * Decodes a seed file: UTF-16 when it starts with a UTF-16 byte-order mark, else UTF-8, else
 * GB18030 (a superset of GBK and GB2312) or Big5, whichever yields more common characters (GB18030
 * on a tie). Throws `DecodeError` when none fits; the reported offset is where the encoding that got
 * further broke, since that is the likelier one and its failure is the corrupt byte rather than
 * merely the first non-ASCII character.
 */
export function decodeBytes(file: string, bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2) {
    const utf16: SourceEncoding | null =
      bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
    if (utf16 !== null) {
      const text = strictDecode(bytes, utf16);
      if (text === null) throw new DecodeError(file, firstFailureOffset(bytes, utf16), undefined);
      return { text: stripBom(text), encoding: utf16 };
    }
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== null) return { text: stripBom(utf8), encoding: 'utf-8' };
  const gb = strictDecode(bytes, 'gb18030');
  const big5 = strictBig5(bytes);
  if (gb !== null && (big5 === null || commonHanziShare(gb) >= commonHanziShare(big5))) {
    return { text: stripBom(gb), encoding: 'gb18030' };
  }
  if (big5 !== null) return { text: stripBom(big5), encoding: 'big5' };
  const utf8BadAt = firstInvalidUtf8Offset(bytes);
  const offset = Math.max(utf8BadAt, firstFailureOffset(bytes, 'gb18030'));
  throw new DecodeError(file, offset, bytes[offset]);
}

/** CRLF and lone CR become LF, so that offsets do not depend on the platform a seed was saved on. */
export function normaliseLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * The decoded document text: BOM removed, line endings normalised to LF. Paragraph offsets
 * (`Paragraph.start`/`end`) are offsets into this string.
 */
export function decodeDocumentText(file: string, bytes: Uint8Array): string {
  return normaliseLineEndings(decodeBytes(file, bytes).text);
}
