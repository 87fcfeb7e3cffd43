// Folding that keeps every character in place (one code unit in, one out), so that offsets found
// in folded text are offsets in the original too; and, for questions, a phrase-aware conversion
// from traditional to simplified Chinese, where offsets do not matter. Both from OpenCC's data.
import { ConverterFactory, type ConverterFunction } from 'opencc-js/core';
import { from as fromTraditional, to as toSimplified } from 'opencc-js/preset/t2cn';
import HK_VARIANTS from 'opencc-js/dict/HKVariantsRev';
import TRADITIONAL_CHARACTERS from 'opencc-js/dict/TSCharacters';
import TW_VARIANTS from 'opencc-js/dict/TWVariantsRev';

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

function pairs(dictionary: string): [string, string][] {
  return dictionary.split('|').map((entry) => {
    const [source = '', target = ''] = entry.split(' ');
    return [source, target];
  });
}

/**
 * OpenCC's character table, traditional → simplified, with Taiwan's and Hong Kong's variant forms
 * (裡 for 裏) read as the standard ones; only characters of one code unit on both sides, so offsets
 * hold. A variant that is itself a simplified character (么, 台) is left as it is.
 */
const TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const single = (s: string) => s.length === 1;
  const characters = pairs(TRADITIONAL_CHARACTERS);
  const simplified = new Set(characters.map(([, target]) => target));
  for (const [source, target] of characters) if (single(source) && single(target)) map.set(source, target);
  for (const [variant, standard] of [...pairs(TW_VARIANTS), ...pairs(HK_VARIANTS)]) {
    const target = map.get(standard) ?? standard;
    if (single(variant) && single(target) && !map.has(variant) && !simplified.has(variant) && variant !== target) map.set(variant, target);
  }
  return map;
})();

// Most text needs no folding, and what does needs it in a few characters (a document's full-width
// punctuation, a question's traditional characters): the characters to fold are marked in a table
// of character codes, and a text is rebuilt only where it has one.
const SIMPLIFIED_OF = new Map<number, string>([...TO_SIMPLIFIED].map(([from, to]) => [from.charCodeAt(0), to]));
const TRADITIONAL = new Uint8Array(0x10000);
for (const code of SIMPLIFIED_OF.keys()) TRADITIONAL[code] = 1;

function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (TRADITIONAL[text.charCodeAt(i)] === 1) return true;
  return false;
}

/** The text with each character `fold` maps replaced, copied in runs between them. */
function foldCharacters(text: string, fold: (code: number) => string | null): string {
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    const folded = fold(text.charCodeAt(i));
    if (folded === null) continue;
    out += text.slice(runStart, i) + folded;
    runStart = i + 1;
  }
  return runStart === 0 ? text : out + text.slice(runStart);
}

const halfWidthOf = (code: number): string | null =>
  code === IDEOGRAPHIC_SPACE ? ' ' : code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST ? String.fromCharCode(code - FULL_TO_HALF_OFFSET) : null;
const simplifiedOf = (code: number): string | null => (TRADITIONAL[code] === 1 ? SIMPLIFIED_OF.get(code)! : null);

/** Full-width ASCII forms (％ （） ？ ０-９ Ａ-Ｚ) to their half-width forms, U+3000 to a space. */
export function foldWidth(text: string): string {
  return foldCharacters(text, halfWidthOf);
}

/** Traditional characters to simplified ones, character by character. */
export function foldTraditional(text: string): string {
  return foldCharacters(text, simplifiedOf);
}

/** Everything a user may type differently from the documents: width, script and letter case. */
export function foldForMatching(text: string): string {
  return foldTraditional(foldWidth(text)).toLowerCase();
}

/**
 * A phrase-aware converter of Taiwan's and Hong Kong's usage to mainland usage (軟體 → 软件), built
 * on first use. For questions, whose offsets nothing keeps; documents fold character by character.
 */
export interface PhraseFolder {
  fold(text: string): string;
}

export function createPhraseFolder(): PhraseFolder {
  let convert: ConverterFunction | null = null;
  return {
    fold(text) {
      if (!hasTraditional(text)) return foldForMatching(text);
      convert ??= ConverterFactory(fromTraditional['twp']!, toSimplified['cn']!);
      return foldForMatching(convert(text));
    },
  };
}
