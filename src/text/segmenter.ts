// Word segmentation for one corpus: jieba's words, with the corpus's own terms kept whole and
// numbers kept with their units. A Segmenter is made from a list of terms and holds its caches;
// the index it builds keeps it, so two corpora in one process (two engines, a test beside a
// server) each segment with their own terms. jieba's dictionary itself is shared (jieba.ts) and the
// same for all, so the terms are matched here, not inserted into jieba.
import { createHash } from 'node:crypto';
import { UNITS } from '../lexicon/units.ts';
import type { WordDictionary } from './dictionary.ts';
import { foldForMatching } from './fold.ts';
import { jiebaCut, jiebaCutForSearch } from './jieba.ts';
import { createPrefixIndex } from './prefix-index.ts';

export interface Segmenter {
  /** The terms kept whole, folded and sorted. */
  readonly terms: readonly string[];
  /** Identifies the segmentation: terms and base dictionary. */
  readonly hash: string;
  /**
   * The index's own dictionary it cuts with, or null for jieba's whole one (while building: the
   * texts an index dictionary is made for are not all known yet).
   */
  readonly dictionary: WordDictionary | null;
  /**
   * The words jieba gave for every text this segmenter cut since it was made with `recordWords`,
   * and the end of recording: what an index's own dictionary is made of (src/indexing/build.ts).
   */
  takeRecordedWords(): Set<string>;
  /** The words of a text: folded, numbers with their units whole, punctuation dropped. */
  cut(text: string): string[];
  /**
   * The search tokens of a text, for documents and questions alike: the words plus the shorter
   * words inside long ones (工业互联网 → 工业, 互联网), because the index matches by token prefix
   * only. Folded and without repeats, as the index requires.
   */
  searchTokens(text: string): string[];
  /** The shorter words inside a long one (工业互联网 → 工业, 互联网 …), cached; none for short words. */
  subWords(word: string): readonly string[];
}

/** Bumped when the way text is cut changes for the same terms (it is part of an index's key). */
export const SEGMENTATION_VERSION = 1;

// Magnitudes and units that stay glued to the number before them: 3000|亿元 → 3000亿元. Units that
// are units only in some places (年, 分, 成 …) are left apart: 2021|年 is a year.
const MAGNITUDE_TOKENS = ['万亿', '亿', '万', '千'];
const UNIT_TOKENS: ReadonlySet<string> = (() => {
  const units = Object.entries(UNITS).filter(([, row]) => row.only === undefined).map(([word]) => word);
  return new Set([...MAGNITUDE_TOKENS, ...units, ...MAGNITUDE_TOKENS.flatMap((m) => units.map((u) => m + u))]);
})();
const NUMBER_TOKEN = /^\d+(?:\.\d+)?$/;
const WORDLESS = /^[\s\p{P}\p{S}]+$/u;
const LATIN_OR_DIGIT = /[a-z0-9]/;

function startsWithDigit(token: string): boolean {
  const code = token.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** Punctuation, symbols and spaces only; a Han character first settles it without the pattern. */
function isWordless(token: string): boolean {
  const code = token.charCodeAt(0);
  if (code >= 0x4e00 && code <= 0x9fff) return false;
  return WORDLESS.test(token);
}

function mergeNumbersWithUnits(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (next !== undefined && startsWithDigit(token) && NUMBER_TOKEN.test(token) && UNIT_TOKENS.has(next)) {
      out.push(token + next);
      i++;
    } else {
      out.push(token);
    }
  }
  return out;
}

/**
 * Finds the terms in a folded text, leftmost and longest first (every term has two or more
 * characters): the longest term at a position, or null.
 */
function termMatcher(terms: readonly string[]): (text: string, at: number) => string | null {
  const index = createPrefixIndex(terms, (term) => term);
  return (text, at) => {
    for (const term of index.startingAt(text, at)) {
      if (!text.startsWith(term, at)) continue;
      // A Latin or digit edge must not run on into more letters (5G is not the 5G of 15G).
      if (LATIN_OR_DIGIT.test(term[0]!) && LATIN_OR_DIGIT.test(text[at - 1] ?? '')) continue;
      if (LATIN_OR_DIGIT.test(term.at(-1)!) && LATIN_OR_DIGIT.test(text[at + term.length] ?? '')) continue;
      return term;
    }
    return null;
  };
}

const GAP_SEPARATOR = '\n';

/**
 * The words of texts cut joined by GAP_SEPARATOR, dealt back to each text by their lengths; null
 * when they do not fall at the joins as expected (then each text is cut alone).
 */
function dealWords(texts: readonly string[], words: readonly string[]): string[][] | null {
  const dealt: string[][] = [];
  let w = 0;
  for (let t = 0; t < texts.length; t++) {
    if (t > 0) {
      if (words[w] !== GAP_SEPARATOR) return null;
      w++;
    }
    const own: string[] = [];
    let length = 0;
    const wanted = texts[t]!.length;
    while (length < wanted && w < words.length) {
      const word = words[w++]!;
      own.push(word);
      length += word.length;
    }
    if (length !== wanted) return null;
    dealt.push(own);
  }
  return w === words.length ? dealt : null;
}

// Words repeat across a corpus far more than they vary: splitting each distinct long word once, as
// jieba's cutForSearch does word by word, keeps the tokenizer close to jieba's raw speed.
const SUB_WORD_CACHE_LIMIT = 200_000;
const NO_PARTS: readonly string[] = [];

export interface SegmenterOptions {
  /** The index's own dictionary to cut with; null (the default) for jieba's whole one. */
  dictionary?: WordDictionary | null;
  /** Keep every word jieba gives, for takeRecordedWords(). */
  recordWords?: boolean;
}

export function createSegmenter(terms: Iterable<string>, options: SegmenterOptions = {}): Segmenter {
  const dictionary = options.dictionary ?? null;
  let recorded: Set<string> | null = options.recordWords ? new Set() : null;
  const sorted = [...new Set([...terms].map(foldForMatching).filter((t) => t.length >= 2))].sort();
  const termAt = termMatcher(sorted);
  const subWordCache = new Map<string, readonly string[]>();
  const hash = createHash('sha256').update(`${SEGMENTATION_VERSION}\n${sorted.join('\n')}`).digest('hex').slice(0, 16);

  /**
   * jieba's words of each gap between terms, as if each were cut alone, in one call: jieba cuts
   * apart at a line break and gives it as a word of its own, so the gaps are cut joined by line
   * breaks and the words dealt back by their lengths.
   */
  function cutGaps(gaps: readonly string[]): string[][] {
    const cuts = gaps.length === 1 ? [jiebaCut(gaps[0]!, dictionary)] : dealWords(gaps, jiebaCut(gaps.join(GAP_SEPARATOR), dictionary)) ?? gaps.map((gap) => jiebaCut(gap, dictionary));
    if (recorded !== null) for (const words of cuts) for (const word of words) recorded.add(word);
    return cuts;
  }

  /** The folded text's words before numbers and units are merged: terms whole, jieba between them. */
  function rawWords(folded: string): string[] {
    const gaps: string[] = [];
    // After each gap, the term that ends it (the last gap has none).
    const termsAfter: (string | null)[] = [];
    let gapStart = 0;
    let i = 0;
    while (i < folded.length) {
      const term = termAt(folded, i);
      if (term === null) {
        i++;
        continue;
      }
      gaps.push(folded.slice(gapStart, i));
      termsAfter.push(term);
      i += term.length;
      gapStart = i;
    }
    gaps.push(gapStart === 0 ? folded : folded.slice(gapStart));
    termsAfter.push(null);
    const nonEmpty = gaps.filter((gap) => gap !== '');
    const cuts = nonEmpty.length > 0 ? cutGaps(nonEmpty) : [];
    const words: string[] = [];
    let next = 0;
    for (let g = 0; g < gaps.length; g++) {
      if (gaps[g] !== '') for (const word of cuts[next++]!) words.push(word);
      const term = termsAfter[g];
      if (term !== null && term !== undefined) words.push(term);
    }
    return words;
  }

  function subWords(word: string): readonly string[] {
    if (word.length < 3 || startsWithDigit(word)) return NO_PARTS;
    let parts = subWordCache.get(word);
    if (parts === undefined) {
      const all = jiebaCutForSearch(word, dictionary);
      if (recorded !== null) for (const part of all) recorded.add(part);
      parts = all.filter((part) => part !== word && !isWordless(part));
      if (subWordCache.size >= SUB_WORD_CACHE_LIMIT) subWordCache.clear();
      subWordCache.set(word, parts);
    }
    return parts;
  }

  return {
    terms: sorted,
    hash,
    dictionary,
    takeRecordedWords() {
      const words = recorded ?? new Set<string>();
      recorded = null;
      return words;
    },
    cut(text) {
      return mergeNumbersWithUnits(rawWords(foldForMatching(text))).filter((w) => !isWordless(w));
    },
    searchTokens(text) {
      const tokens = new Set<string>();
      for (const word of mergeNumbersWithUnits(rawWords(foldForMatching(text)))) {
        if (isWordless(word)) continue;
        for (const part of subWords(word)) tokens.add(part);
        tokens.add(word);
      }
      return [...tokens];
    },
    subWords,
  };
}
