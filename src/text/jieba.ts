// The one door to jieba. Its dictionary lives in native code, one per process, and every load()
// replaces it; so nothing but this module touches it, and what varies between corpora (their own
// terms) is kept out of it, in each Segmenter (segmenter.ts).
//
// Which dictionary is loaded follows what the segmenters of the process need, and only grows: an
// index's own dictionary (dictionary.ts) when every segmenter cutting has one, the union of two
// when a second index arrives with words the first lacks, the whole dictionary (2.6 s and 260 MB)
// only when something cuts text no index dictionary was made for: building an index. Since each
// of these cuts the texts it was made for as the whole dictionary does, growing never changes a
// cut already made. The state below mirrors the native one, which is the process's whatever we do.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { covers, formatDictionary, unionOf, wholeDictionary, type WordDictionary } from './dictionary.ts';

type Jieba = typeof import('nodejieba') & { DEFAULT_DICT: string; DEFAULT_USER_DICT: string };
const require = createRequire(import.meta.url);
const jieba = require('nodejieba') as Jieba;

/** jieba's version: its dictionary is what an index dictionary is cut from. */
export const JIEBA_VERSION: string = (require('nodejieba/package.json') as { version: string }).version;

// jieba also loads a 6 MB dictionary for keyword extraction, which nothing here uses: a one-line
// stand-in saves about 150 ms of start-up and 19 MB (an empty file trips an assertion in jieba).
const UNUSED_KEYWORD_DICTIONARY = fileURLToPath(new URL('./keyword-idf.utf8', import.meta.url));
// With an index dictionary, jieba's sample user words are in it, weighed as jieba weighs them.
const NO_USER_WORDS = fileURLToPath(new URL('./no-user-words.utf8', import.meta.url));

type Loaded = { kind: 'none' } | { kind: 'whole' } | { kind: 'part'; dictionary: WordDictionary };
let loaded: Loaded = { kind: 'none' };
/** Dictionaries known to be served by what is loaded (it only grows). */
let served = new WeakSet<WordDictionary>();
let lastServed: WordDictionary | null | undefined;

function loadWhole(): void {
  jieba.load({ idfDict: UNUSED_KEYWORD_DICTIONARY });
  loaded = { kind: 'whole' };
}

function loadPart(dictionary: WordDictionary): void {
  // jieba reads a dictionary from a file only; the file is gone once it is read.
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-dictionary-'));
  try {
    const file = join(dir, 'dictionary.utf8');
    writeFileSync(file, formatDictionary(dictionary));
    jieba.load({ dict: file, userDict: NO_USER_WORDS, idfDict: UNUSED_KEYWORD_DICTIONARY });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  loaded = { kind: 'part', dictionary };
  served = new WeakSet([dictionary]);
}

/**
 * Makes jieba cut with a dictionary that serves `dictionary` (an index's own), or, for null, with
 * the whole dictionary.
 */
export function serveDictionary(dictionary: WordDictionary | null): void {
  if (dictionary === lastServed) return;
  if (dictionary === null) {
    if (loaded.kind !== 'whole') loadWhole();
  } else if (loaded.kind === 'none') {
    loadPart(dictionary);
  } else if (loaded.kind === 'part' && !served.has(dictionary)) {
    if (!covers(loaded.dictionary, dictionary)) loadPart(unionOf(loaded.dictionary, dictionary));
    served.add(dictionary);
  }
  lastServed = dictionary;
}

/** Which dictionary jieba has loaded: none yet, an index's own (with its word count), or the whole. */
export function loadedDictionary(): { kind: 'none' | 'whole' } | { kind: 'part'; words: number } {
  return loaded.kind === 'part' ? { kind: 'part', words: loaded.dictionary.words.size } : { kind: loaded.kind };
}

/** jieba's words of a text, with its HMM for unknown words (without it 6000 comes out 6|0|0|0). */
export function jiebaCut(text: string, dictionary: WordDictionary | null): string[] {
  serveDictionary(dictionary);
  return jieba.cut(text, true);
}

/** jieba's search segmentation: the words and the shorter dictionary words inside long ones. */
export function jiebaCutForSearch(text: string, dictionary: WordDictionary | null): string[] {
  serveDictionary(dictionary);
  return jieba.cutForSearch(text, true);
}

/** Every word of the whole dictionary of two characters or more that occurs in a text. */
export function wholeDictionaryWordsIn(text: string): string[] {
  serveDictionary(null);
  return jieba.cutAll(text);
}

/**
 * jieba's whole dictionary as data, read from its files (about 0.2 s, for building only): the
 * words `keep` wants, or all of them.
 */
export function readWholeDictionary(keep?: (word: string) => boolean): WordDictionary {
  return wholeDictionary(readFileSync(jieba.DEFAULT_DICT, 'utf8'), readFileSync(jieba.DEFAULT_USER_DICT, 'utf8'), jieba.DEFAULT_DICT, keep);
}
