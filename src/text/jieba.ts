// The one door to jieba. Its dictionary lives in native code, one per process, and every load()
// replaces it; so nothing but this module touches it, and what varies between corpora (their own
// terms) is kept out of it, in each Segmenter (segmenter.ts). This module loads jieba's own
// dictionary once and only cuts.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Jieba = typeof import('nodejieba');
const jieba = createRequire(import.meta.url)('nodejieba') as Jieba;

// jieba also loads a 6 MB dictionary for keyword extraction, which nothing here uses: a one-line
// stand-in saves about 150 ms of start-up and 19 MB (an empty file trips an assertion in jieba).
const UNUSED_KEYWORD_DICTIONARY = fileURLToPath(new URL('./keyword-idf.utf8', import.meta.url));

let loaded = false;

function ensureLoaded(): void {
  if (loaded) return;
  jieba.load({ idfDict: UNUSED_KEYWORD_DICTIONARY });
  loaded = true;
}

/** jieba's words of a text, with its HMM for unknown words (without it 6000 comes out 6|0|0|0). */
export function jiebaCut(text: string): string[] {
  ensureLoaded();
  return jieba.cut(text, true);
}

/** jieba's search segmentation: the words and the shorter dictionary words inside long ones. */
export function jiebaCutForSearch(text: string): string[] {
  ensureLoaded();
  return jieba.cutForSearch(text, true);
}
