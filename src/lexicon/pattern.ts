// Turning a table's words into a pattern: escaped, longest first, so the longest word at a spot
// wins. The one helper every module uses to build its regexes from the lexicon.

export function escapeForPattern(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** `a|bc|…` of the words, longest first, for use inside a group. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeForPattern).join('|');
}

/** A character class of single characters: `[占比较]`. */
export function characterClass(chars: Iterable<string>): string {
  return `[${[...chars].map(escapeForPattern).join('')}]`;
}
