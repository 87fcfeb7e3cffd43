// Every word the lexicon's tables hold, as one list: an index's own dictionary is made to cut them
// as jieba's whole dictionary does, since questions are made of them (a place, a unit, a synonym's
// written form) whether or not the documents use them.
import * as comparisons from './comparisons.ts';
import * as followups from './followups.ts';
import * as phrases from './phrases.ts';
import * as places from './places.ts';
import * as questions from './questions.ts';
import * as synonyms from './synonyms.ts';
import * as terms from './terms.ts';
import * as time from './time.ts';
import * as units from './units.ts';

const TABLES: readonly object[] = [comparisons, followups, phrases, places, questions, synonyms, terms, time, units];
const HAN = /\p{Script=Han}/u;

function collect(value: unknown, into: Set<string>, seen: Set<object>): void {
  if (typeof value === 'string') {
    if (HAN.test(value)) into.add(value);
  } else if (value instanceof Set || Array.isArray(value)) {
    for (const item of value) collect(item, into, seen);
  } else if (value instanceof Map) {
    for (const [key, item] of value) {
      collect(key, into, seen);
      collect(item, into, seen);
    }
  } else if (typeof value === 'object' && value !== null && !(value instanceof RegExp) && !seen.has(value)) {
    seen.add(value);
    for (const [key, item] of Object.entries(value)) {
      collect(key, into, seen);
      collect(item, into, seen);
    }
  }
}

/** The Han-script strings of every table (keys and values), sorted. */
export function lexiconWords(): string[] {
  const words = new Set<string>();
  const seen = new Set<object>();
  for (const table of TABLES) collect(table, words, seen);
  return [...words].sort();
}
