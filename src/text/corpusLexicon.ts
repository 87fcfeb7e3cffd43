// A corpus's own words: the terms its documents set apart in “” and 《》, and the entries of an
// optional lexicon file in the seeds folder (each with the reason it is there). They join the
// general vocabulary for segmenting that corpus, and their hash is part of its index's key.
import { z } from 'zod';
import { parseJsonLines } from '../jsonl.ts';
import { foldForMatching } from './fold.ts';
import type { Rewrite } from '../lexicon/synonyms.ts';
import { DOMAIN_TERMS } from '../lexicon/terms.ts';

const TermEntrySchema = z.object({ term: z.string().min(2), reason: z.string().min(1) });
const RewriteEntrySchema = z.object({ typed: z.array(z.string().min(1)).min(1), written: z.string().min(1), reason: z.string().min(1) });
const LexiconEntrySchema = z.union([TermEntrySchema, RewriteEntrySchema]);

export interface CorpusLexicon {
  /** Terms segmented whole, folded, sorted. */
  readonly terms: readonly string[];
  /** Rewrites of what people type in questions, from the lexicon file. */
  readonly rewrites: readonly Rewrite[];
}

const QUOTED_TERM = /[“"《]([^”"》\n]{2,16})[”"》]/g;
const HAN = /\p{Script=Han}/u;
// A term is kept whole only when made of letters, digits and Han characters.
const WORD = /^[\p{Script=Han}a-z0-9]+$/u;

/** Reads a lexicon file: one JSON object a line; a bad line is an error naming its number. */
export function parseLexiconFile(text: string, file: string): { terms: string[]; rewrites: Rewrite[] } {
  const terms: string[] = [];
  const rewrites: Rewrite[] = [];
  for (const entry of parseJsonLines(text, file, LexiconEntrySchema, '{"term", "reason"} or {"typed", "written", "reason"}')) {
    if ('term' in entry) terms.push(entry.term);
    else rewrites.push({ ...entry, typed: entry.typed.map(foldForMatching) });
  }
  return { terms, rewrites };
}

/** The corpus's lexicon: the field's terms, the documents' quoted terms and the file's entries. */
export function corpusLexicon(texts: Iterable<string>, file: { terms: readonly string[]; rewrites: readonly Rewrite[] } = { terms: [], rewrites: [] }): CorpusLexicon {
  const terms = new Set<string>([...DOMAIN_TERMS, ...file.terms].map(foldForMatching));
  for (const text of texts) {
    for (const match of text.matchAll(QUOTED_TERM)) {
      const term = foldForMatching(match[1] ?? '').trim();
      if (term.length >= 2 && HAN.test(term) && WORD.test(term)) terms.add(term);
    }
  }
  return { terms: [...terms].sort(), rewrites: file.rewrites };
}
