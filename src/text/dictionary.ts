// An index's own dictionary: the words of jieba's dictionary that its texts contain, which cut those
// texts exactly as the whole dictionary does, and load in a tenth of the time and memory.
//
// Why it is exact: jieba cuts a stretch of text along the most probable path through the dictionary
// words found in it (a word's weight is log(freq / total)), each character not in the dictionary
// weighing the dictionary's least weight. A dictionary holding every dictionary word that occurs
// in the text offers jieba the same words with the same weights, provided that the total and the
// least weight stay as they were: one entry carries the frequency the dropped words had, one the
// least frequency, both spelt in characters no text contains. jieba's few sample user words
// (云计算 …) are written as dictionary words with the weight jieba gives them (the median, or
// their own), since a user word's default weight is the median of whichever dictionary is loaded.
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** One dictionary line's frequency and part-of-speech tag, as jieba's file writes them. */
export interface DictionaryEntry {
  readonly freq: number;
  readonly tag: string;
}

export interface WordDictionary {
  /** The words kept, each with its frequency and tag. */
  readonly words: ReadonlyMap<string, DictionaryEntry>;
  /** The whole dictionary's frequency total, which every word's weight divides by. */
  readonly total: number;
  /** The whole dictionary's least frequency: the weight of a character it does not hold. */
  readonly minFreq: number;
}

/** Spellings no document, question or term holds (Supplementary Private Use Area-A). */
export const LEAST_ENTRY = '\u{F0000}\u{F0001}';
export const REST_ENTRY = '\u{F0000}\u{F0002}';

export class DictionaryError extends Error {
  override readonly name = 'DictionaryError';
}

const FreqSchema = z.coerce.number().positive().finite();

/** Parses a file in jieba's format (`word freq tag` a line). */
function parseDictionaryLines(text: string, file: string): Map<string, DictionaryEntry> {
  const words = new Map<string, DictionaryEntry>();
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (line === '') continue;
    const parts = line.split(' ');
    const freq = FreqSchema.safeParse(parts[1]);
    if (parts.length !== 3 || parts[0] === '' || !freq.success) {
      throw new DictionaryError(`${file}:${lineNo}: expected "word freq tag", got ${JSON.stringify(line.slice(0, 60))}`);
    }
    words.set(parts[0]!, { freq: freq.data, tag: parts[2]! });
  }
  return words;
}

/**
 * A whole dictionary as read from jieba's files (the main one and its sample user words), keeping
 * only the words `keep` wants (all when it is absent) but the total and least frequency of all.
 */
export function wholeDictionary(mainLines: string, userLines: string, file: string, keep?: (word: string) => boolean): WordDictionary {
  const kept = new Map<string, DictionaryEntry>();
  let total = 0;
  let minFreq = Infinity;
  const freqs: number[] = [];
  let lineNo = 0;
  for (const line of mainLines.split('\n')) {
    lineNo++;
    if (line === '') continue;
    const space = line.indexOf(' ');
    const tagAt = line.indexOf(' ', space + 1);
    const freq = Number(line.slice(space + 1, tagAt));
    if (space <= 0 || tagAt < 0 || !(freq > 0)) throw new DictionaryError(`${file}:${lineNo}: expected "word freq tag"`);
    total += freq;
    if (freq < minFreq) minFreq = freq;
    freqs.push(freq);
    const word = line.slice(0, space);
    if (keep === undefined || keep(word)) kept.set(word, { freq, tag: line.slice(tagAt + 1) });
  }
  // jieba gives a user word without a frequency the dictionary's median weight, and weighs user
  // words against the main dictionary's total.
  freqs.sort((a, b) => a - b);
  const median = freqs[Math.floor(freqs.length / 2)] ?? minFreq;
  for (const line of userLines.split('\n')) {
    const parts = line.trim().split(/\s+/);
    const word = parts[0];
    if (word === undefined || word === '' || kept.has(word) || (keep !== undefined && !keep(word))) continue;
    const own = parts.length === 3 ? Number(parts[1]) : NaN;
    const tag = parts.length === 3 ? parts[2]! : (parts[1] ?? 'x');
    kept.set(word, { freq: Number.isFinite(own) && own > 0 ? own : median, tag });
  }
  return { words: kept, total, minFreq };
}

/** The part of `whole` that `has` keeps, with the whole's total and least frequency. */
export function subDictionary(whole: WordDictionary, words: Iterable<string>): WordDictionary {
  const kept = new Map<string, DictionaryEntry>();
  for (const word of words) {
    const entry = whole.words.get(word);
    if (entry !== undefined) kept.set(word, entry);
  }
  return { words: kept, total: whole.total, minFreq: whole.minFreq };
}

/** Both dictionaries' words (of one whole dictionary): what two indexes in one process need. */
export function unionOf(a: WordDictionary, b: WordDictionary): WordDictionary {
  if (a.total !== b.total || a.minFreq !== b.minFreq) {
    throw new DictionaryError('dictionaries cut from different whole dictionaries cannot be joined');
  }
  return { words: new Map([...a.words, ...b.words]), total: a.total, minFreq: a.minFreq };
}

/** Whether every word of `part` is in `whole`. */
export function covers(whole: WordDictionary, part: WordDictionary): boolean {
  if (whole.total !== part.total) return false;
  for (const word of part.words.keys()) if (!whole.words.has(word)) return false;
  return true;
}

/** The dictionary as a file jieba loads: its words, then the least entry and the rest entry. */
export function formatDictionary(dictionary: WordDictionary): string {
  const lines: string[] = [];
  let sum = 0;
  for (const [word, { freq, tag }] of [...dictionary.words].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    lines.push(`${word} ${freq} ${tag}`);
    sum += freq;
  }
  const rest = dictionary.total - sum - dictionary.minFreq;
  // Only a dictionary of nearly every word leaves no rest; jieba needs a positive frequency.
  if (rest < dictionary.minFreq) throw new DictionaryError('the dictionary keeps too many words to carry the rest');
  lines.push(`${LEAST_ENTRY} ${dictionary.minFreq} x`, `${REST_ENTRY} ${rest} x`);
  return `${lines.join('\n')}\n`;
}

/** Reads a file written by formatDictionary back. */
export function parseDictionary(text: string, file: string): WordDictionary {
  const words = parseDictionaryLines(text, file);
  const least = words.get(LEAST_ENTRY);
  const rest = words.get(REST_ENTRY);
  if (least === undefined || rest === undefined) throw new DictionaryError(`${file}: not an index dictionary (no rest entry)`);
  words.delete(LEAST_ENTRY);
  words.delete(REST_ENTRY);
  let total = least.freq + rest.freq;
  for (const { freq } of words.values()) total += freq;
  return { words, total, minFreq: least.freq };
}

export function dictionaryHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}
