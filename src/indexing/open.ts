// The life of an index: read the seeds folder, and load the saved index when it is current, or
// build it and save it, with a one-line notice saying why. The engine, the command line and the
// benchmark open indexes through here. What building needs (the readers of every format, layout,
// extraction, jieba's whole dictionary) is loaded only when building: a current index opens
// without it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedsReport } from '../corpus/load.ts';
import { hashSeeds, LEXICON_FILE } from '../corpus/seedFiles.ts';
import type { Rewrite } from '../lexicon/synonyms.ts';
import type { SearchIndex } from '../search/build.ts';
import { loadSearchIndex, saveSearchIndex } from '../search/store.ts';
import { parseLexiconFile } from '../text/corpusLexicon.ts';
import { indexKeyOf } from './key.ts';

export interface OpenIndexOptions {
  seedsDir: string;
  indexDir: string;
  /** One line at a time, for people: notices such as a rebuilt index. */
  log?: (line: string) => void;
  /** Rebuild even when the saved index is current. */
  rebuild?: boolean;
}

export type IndexOrigin = { loaded: true } | { loaded: false; reason: string; ms: number };

export interface OpenedIndex {
  readonly index: SearchIndex;
  /** How the index came to be: loaded from disk, or built (and why). */
  readonly origin: IndexOrigin;
  /** The rewrites of what people type that the seeds folder's lexicon file adds. */
  readonly rewrites: readonly Rewrite[];
  /** What was read, skipped and found twice, when the seeds were read to build the index. */
  readonly report: SeedsReport | null;
}

/** The seeds folder's lexicon file, if it has one; a malformed one stops with its line number. */
async function readLexiconFile(seedsDir: string): Promise<{ terms: string[]; rewrites: Rewrite[] }> {
  const path = join(seedsDir, LEXICON_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { terms: [], rewrites: [] };
  }
  return parseLexiconFile(text, path);
}

function describeSaveError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined) return code;
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/**
 * Opens the index of a seeds folder. Whether the saved one is current is told from the files'
 * hashes alone, so a current index opens without reading a single document; otherwise the seeds
 * are read, the index built and saved, and `log` says why in one line.
 */
export async function openIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const log = options.log ?? (() => {});
  const lexiconFile = await readLexiconFile(options.seedsDir);
  const key = indexKeyOf(await hashSeeds(options.seedsDir));
  const loaded = options.rebuild
    ? ({ ok: false, reason: 'rebuild requested' } as const)
    : await loadSearchIndex(options.indexDir, key);
  if (loaded.ok) return { index: loaded.index, origin: { loaded: true }, rewrites: lexiconFile.rewrites, report: null };
  const started = performance.now();
  if (!options.rebuild) log(`index: ${loaded.reason}; rebuilding ${options.indexDir}`);
  const { buildIndexOfSeeds } = await import('./build.ts');
  const { index, report, lexicon } = await buildIndexOfSeeds(options.seedsDir, lexiconFile, key, log);
  try {
    await saveSearchIndex(options.indexDir, index);
  } catch (error) {
    // A folder that cannot take the index (read-only, a file, /proc) costs the saving, not the answers.
    log(`index: cannot save to ${options.indexDir} (${describeSaveError(error)}); answering from the index in memory`);
  }
  return {
    index,
    origin: { loaded: false, reason: loaded.reason, ms: performance.now() - started },
    rewrites: lexicon.rewrites,
    report,
  };
}
