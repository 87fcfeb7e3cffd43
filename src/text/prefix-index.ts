// Words (each of two characters or more) by their first two characters, for the scans that look
// for them at every position of a text (place names, a corpus's terms). A quarter of a report's
// characters begin some place name or term, but hardly any pair of them does: a table of bits
// over the first two characters rules out most positions at the cost of one look, before any
// word is compared.

const FILTER_BITS = 20;
const FILTER_MASK = (1 << FILTER_BITS) - 1;
const slotOf = (first: number, second: number): number => ((first << 4) ^ second) & FILTER_MASK;
const NONE: readonly never[] = [];

export interface PrefixIndex<T> {
  /** The entries whose word begins with the two characters at the position, longest word first. */
  startingAt(text: string, at: number): readonly T[];
}

export function createPrefixIndex<T>(entries: Iterable<T>, wordOf: (entry: T) => string): PrefixIndex<T> {
  const slots = new Uint8Array(1 << FILTER_BITS);
  const byFirstTwo = new Map<string, T[]>();
  for (const entry of entries) {
    const word = wordOf(entry);
    slots[slotOf(word.charCodeAt(0), word.charCodeAt(1))] = 1;
    const key = word.slice(0, 2);
    const list = byFirstTwo.get(key) ?? [];
    list.push(entry);
    byFirstTwo.set(key, list);
  }
  for (const list of byFirstTwo.values()) list.sort((a, b) => wordOf(b).length - wordOf(a).length);
  return {
    startingAt(text, at) {
      if (slots[slotOf(text.charCodeAt(at), text.charCodeAt(at + 1))] === 0) return NONE;
      return byFirstTwo.get(text.slice(at, at + 2)) ?? NONE;
    },
  };
}
