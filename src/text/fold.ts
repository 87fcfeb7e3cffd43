// Folding that keeps every character in place (one code unit in, one out), so that offsets found
// in folded text are offsets in the original too.
import { TRADITIONAL_TO_SIMPLIFIED } from './traditional.ts';

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF_OFFSET = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;

// Most text needs no folding: one scan by a compiled pattern is cheaper than rebuilding the string.
const NEEDS_WIDTH_FOLD = /[\uff01-\uff5e\u3000]/;
const NEEDS_SCRIPT_FOLD = new RegExp(`[${[...TRADITIONAL_TO_SIMPLIFIED.keys()].join('')}]`, 'u');

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
  let changed = false;
  for (const ch of text) {
    const simple = TRADITIONAL_TO_SIMPLIFIED.get(ch);
    if (simple !== undefined) {
      out += simple;
      changed = true;
    } else {
      out += ch;
    }
  }
  return changed ? out : text;
}

/** Everything a user may type differently from the documents: width, script and letter case. */
export function foldForMatching(text: string): string {
  return foldTraditional(foldWidth(text)).toLowerCase();
}
