// A seeds folder's files as bytes: which ones there are, the reserved files beside the documents,
// and the hashes that tell whether a saved index is current. Reads no format, so that opening a
// current index loads none of the readers.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { UnreadableFile } from './reader.ts';
import { describeFsError, listSeedFiles } from './walk.ts';

/** The seeds folder itself is missing or cannot be read. */
export class SeedsError extends Error {
  override readonly name = 'SeedsError';
}

/** The seeds' catalogue (see catalogue.ts): in the seeds folder itself, not a document. */
export const CATALOGUE_FILE = 'catalogue.csv';
/** The seeds folder's lexicon (see src/text/corpusLexicon.ts): not a document either. */
export const LEXICON_FILE = 'lexicon.jsonl';

/** Files larger than this are skipped: no policy document is, and reading one would stall the rest. */
export const MAX_SEED_BYTES = 50_000_000;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A file's bytes, read once. Opened without blocking and checked again, so that a FIFO put in its
 * place since it was listed cannot stall the load.
 */
export async function readSeedBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new UnreadableFile('no longer a regular file');
    if (stats.size > maxBytes) throw new UnreadableFile('too large');
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** The files of a seeds folder that are looked at, and those skipped; SeedsError for the folder. */
export async function listSeeds(dir: string, maxBytes: number) {
  try {
    return await listSeedFiles(dir, { maxBytes, reserved: new Set([CATALOGUE_FILE, LEXICON_FILE]) });
  } catch (error) {
    throw new SeedsError(`seeds folder ${dir} cannot be read (${describeFsError(error)})`);
  }
}

/**
 * The sha256 of every file in `dir` that loadSeeds would look at, by path, and of the catalogue and
 * lexicon files: what a saved index must have been made from to be current. Reads bytes only, so it
 * costs a fraction of reading the documents (no format is parsed). Unreadable files are left out.
 */
export async function hashSeeds(dir: string, opts: { maxBytes?: number } = {}): Promise<Record<string, string>> {
  const maxBytes = opts.maxBytes ?? MAX_SEED_BYTES;
  const listing = await listSeeds(dir, maxBytes);
  const hashes: Record<string, string> = {};
  const files = [...listing.files.map((f) => ({ file: f.file, path: f.path })), ...[CATALOGUE_FILE, LEXICON_FILE].map((file) => ({ file, path: join(dir, file) }))];
  for (const { file, path } of files) {
    try {
      hashes[file] = sha256Hex(await readSeedBytes(path, maxBytes));
    } catch {
      // Skipped when read too: what cannot be read makes no index stale.
    }
  }
  return hashes;
}
