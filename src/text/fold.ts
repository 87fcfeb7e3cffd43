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

// Most text needs no folding: one scan by a compiled pattern is cheaper than rebuilding the string.
const NEEDS_WIDTH_FOLD = /[\uff01-\uff5e\u3000]/;
const NEEDS_SCRIPT_FOLD = new RegExp(`[${[...TO_SIMPLIFIED.keys()].join('').replace(/[\]\\^-]/g, '\\$&')}]`);

/** Full-width ASCII forms (％ （） ？ ０-９ Ａ-Ｚ) to their half-width forms, U+3000 to a space. */
export function foldWidth(text: string): string {
  if (!NEEDS_WIDTH_FOLD.test(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(code - FULL_TO_HALF_OFFSET);
      changed = true;
    } else if (code === IDEOGRAPHIC_SPACE) {
      out += ' ';
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** Traditional characters to simplified ones, character by character. */
export function foldTraditional(text: string): string {
  if (!NEEDS_SCRIPT_FOLD.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    out += TO_SIMPLIFIED.get(ch) ?? ch;
  }
  return out;
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
      if (!NEEDS_SCRIPT_FOLD.test(text)) return foldForMatching(text);
      convert ??= ConverterFactory(fromTraditional['twp']!, toSimplified['cn']!);
      return foldForMatching(convert(text));
    },
  };
}
