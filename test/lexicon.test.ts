// The lexicon's tables are matched against documents as they are written and against questions
// folded: their words must be simplified Chinese (what folding makes of traditional text), and what
// people type (synonyms, Latin names) must be written folded, half-width and lower-case.
import { describe, expect, it } from 'vitest';
import * as comparisons from '../src/lexicon/comparisons.ts';
import * as followups from '../src/lexicon/followups.ts';
import * as phrases from '../src/lexicon/phrases.ts';
import * as places from '../src/lexicon/places.ts';
import * as questions from '../src/lexicon/questions.ts';
import * as synonyms from '../src/lexicon/synonyms.ts';
import * as terms from '../src/lexicon/terms.ts';
import * as time from '../src/lexicon/time.ts';
import { foldForMatching, foldTraditional } from '../src/text/fold.ts';

function wordsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) wordsIn(item, out);
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) {
    if (key !== 'reason' && key !== 'level') wordsIn(item, out);
    if (/\p{Script=Han}/u.test(key)) out.push(key);
  }
  return out;
}

describe('the lexicon', () => {
  it('is written in simplified characters, and what people type as folded questions are', () => {
    // Place names are the national standard's, which may hold a character folding changes (乾安县):
    // the place matcher reads them in both forms.
    const words = wordsIn({ comparisons, followups, phrases, places: { ...places, PLACES: [] }, questions, synonyms, terms, time });
    expect(words.length).toBeGreaterThan(500);
    expect(words.filter((w) => foldTraditional(w) !== w)).toEqual([]);
    const typed = wordsIn([synonyms.SYNONYMS, synonyms.ENGLISH_TERMS, places.PLACES.map((p) => p.latin ?? [])]);
    expect(typed.filter((w) => foldForMatching(w) !== w)).toEqual([]);
  });
  it('has each word once per table', () => {
    for (const [name, table] of Object.entries({ ...phrases, ...time, ...questions, ...terms })) {
      if (!Array.isArray(table) || typeof table[0] !== 'string') continue;
      expect(new Set(table).size, name).toBe(table.length);
    }
  });
});
