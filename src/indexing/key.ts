// The key of an index: what it is made from, as data (see IndexKey in src/search/manifest.ts).
import { createHash } from 'node:crypto';
import * as phrases from '../lexicon/phrases.ts';
import * as places from '../lexicon/places.ts';
import * as time from '../lexicon/time.ts';
import * as units from '../lexicon/units.ts';
import { lexiconWords } from '../lexicon/words.ts';
import type { IndexKey } from '../search/manifest.ts';
import { JIEBA_VERSION } from '../text/jieba.ts';
import { SEGMENTATION_VERSION } from '../text/segmenter.ts';

/**
 * The version of what the pipeline makes of a seed (layout, figures, targets). Bump it with any
 * change to src/corpus, src/text or src/targets that changes their output for the same text, so
 * that saved indexes are rebuilt; the lexicon's tables are hashed instead, and need no bump.
 */
export const EXTRACTION_VERSION = 3;

/** The vocabulary extraction reads (questions' words are not in it: they change no index). */
const EXTRACTION_LEXICON = JSON.stringify([phrases, places, time, units].map(exportsInOrder));

/** A module's exports by name: a namespace lists them sorted, a test runner's in source order. */
function exportsInOrder(module: object): [string, unknown][] {
  return Object.entries(module).sort(([a], [b]) => (a < b ? -1 : 1));
}

/**
 * The hash of what segmentation and extraction know besides the seeds: the lexicon's tables, the
 * way text is cut and the words the index's own dictionary is made to cut (all the lexicon's, the
 * questions' too, from jieba's dictionary of this version). The terms a corpus adds come from its
 * seeds and its lexicon file, whose hashes are in the key already.
 */
export function lexiconHash(): string {
  // The tables are constants: hashed once a process (about 10 ms), not on each open and update.
  return (lexiconHashOnce ??= createHash('sha256')
    .update(EXTRACTION_LEXICON)
    .update(`\nsegmentation ${SEGMENTATION_VERSION}\njieba ${JIEBA_VERSION}\n`)
    .update(lexiconWords().join('\n'))
    .digest('hex')
    .slice(0, 16));
}
let lexiconHashOnce: string | undefined;

/** The key of an index of seeds with these file hashes (see hashSeeds). */
export function indexKeyOf(seeds: Readonly<Record<string, string>>): IndexKey {
  return { extraction: EXTRACTION_VERSION, lexicon: lexiconHash(), seeds: { ...seeds } };
}
