// A filter of the first two characters of a set of words (each of two characters or more), for the
// scans that look for words at every position of a text: a quarter of a report's characters begin
// some place name or term, but hardly any pair of them does, and a look in a table of bits is much
// cheaper than comparing words there. False says no word begins at the position; true, maybe.

const FILTER_BITS = 20;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
const slotOf = (first: number, second: number): number => ((first << 4) ^ second) & FILTER_MASK;

export interface PrefixFilter {
  mayBegin(text: string, at: number): boolean;
}

export function createPrefixFilter(words: Iterable<string>): PrefixFilter {
  const slots = new Uint8Array(1 << FILTER_BITS);
  for (const word of words) slots[slotOf(word.charCodeAt(0), word.charCodeAt(1))] = 1;
  return { mayBegin: (text, at) => slots[slotOf(text.charCodeAt(at), text.charCodeAt(at + 1))] === 1 };
}
