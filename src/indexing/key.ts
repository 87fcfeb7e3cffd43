// The key of an index: what it is made from, as data (see IndexKey in src/search/manifest.ts).
import { createHash } from 'node:crypto';
import * as phrases from '../lexicon/phrases.ts';
import * as places from '../lexicon/places.ts';
import * as time from '../lexicon/time.ts';
import * as units from '../lexicon/units.ts';
import type { Document } from '../model.ts';
import type { IndexKey } from '../search/manifest.ts';
import type { Segmenter } from '../text/segmenter.ts';

/**
 * The version of what the pipeline makes of a seed (layout, figures, targets). Bump it with any
 * change to src/corpus, src/text or src/targets that changes their output for the same text, so
 * that saved indexes are rebuilt; the lexicon's tables are hashed instead, and need no bump.
 */
export const EXTRACTION_VERSION = 2;

/** The vocabulary extraction reads (questions' words are not in it: they change no index). */
const EXTRACTION_LEXICON = JSON.stringify({ phrases, places, time, units });

export function lexiconHash(segmenter: Segmenter): string {
  return createHash('sha256').update(EXTRACTION_LEXICON).update('\n').update(segmenter.hash).digest('hex').slice(0, 16);
}

export function seedHashesOf(documents: readonly Document[]): Record<string, string> {
  return Object.fromEntries(documents.map((d) => [d.file, d.hash]));
}

export function indexKeyOf(documents: readonly Document[], segmenter: Segmenter): IndexKey {
  return { extraction: EXTRACTION_VERSION, lexicon: lexiconHash(segmenter), seeds: seedHashesOf(documents) };
}
