// The I/O edge of the corpus: read a seeds folder into `Document`s, with a report of what was read,
// skipped and found twice. Finding the files is walk.ts; what follows reading a file's bytes (once)
// is pure: the format's reader (formats.ts), layout, title and year, source, duplicates.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document, Source } from '../model.ts';
import type { Catalogue } from './catalogue.ts';
import { DecodeError, decodeDocumentText } from './decode.ts';
import { documentMeta } from './docMeta.ts';
import { findDuplicates, fingerprint, type Duplicate } from './duplicates.ts';
import { chooseFormat, readFormat } from './formats.ts';
import { layoutDocument } from './layout.ts';
import { UnreadableFile, type DocumentFormat } from './reader.ts';
import { mergeSources, sourceFromText } from './source.ts';
import { compareCodePoints, describeFsError, listSeedFiles, type SkippedFile } from './walk.ts';

export { DecodeError } from './decode.ts';

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

export interface LoadSeedsOptions {
  /** Receives one line per skipped file, duplicate and catalogue problem; defaults to console.warn. */
  warn?: (line: string) => void;
  maxBytes?: number;
}

export interface SeedsReport {
  /** The documents indexed, with the format each was read as. */
  read: { file: string; format: DocumentFormat }[];
  /** Files and folders not read, with the reason. */
  skipped: SkippedFile[];
  /** Documents found twice: the copy left out and the one indexed. */
  duplicates: Duplicate[];
  /** Rows of the catalogue left out, `catalogue.csv:LINE: why`. */
  catalogue: string[];
}

export interface SeedsLoad {
  documents: Document[];
  report: SeedsReport;
}

// Whitespace and zero-width characters: a file of only these has nothing to index.
const BLANK_TEXT = /^[\s\u00AD\u200B-\u200F\u2060\uFEFF]*$/;

export function isBlankText(text: string): boolean {
  return BLANK_TEXT.test(text);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * A document from its text (one paragraph a line, or a .txt as it is). The source: `catalogue`
 * first, then what the text states, then the file's own `properties` (see source.ts).
 */
export function documentFromText(
  file: string,
  hash: string,
  text: string,
  properties: Partial<Source> = {},
  catalogue: readonly Partial<Source>[] = [],
): Document {
  const layout = layoutDocument(text, file);
  const { title, year } = documentMeta(file, layout);
  const source = mergeSources(...catalogue, { title, ...sourceFromText(text) }, properties);
  // A date someone catalogued is the document's; a file's own date is when it was saved or printed.
  const cataloguedDate = catalogue.find((c) => typeof c.date === 'string')?.date;
  const cataloguedYear = cataloguedDate === undefined || cataloguedDate === null ? null : Number(cataloguedDate.slice(0, 4));
  return { file, title, year: year ?? cataloguedYear, hash, articles: layout.articles, source };
}

/**
 * Decodes, lays out and dates one plain-text seed file. `file` is its name within the seeds
 * folder; it names the document in ids and citations. Throws `DecodeError` for bytes that are
 * neither UTF-8, GB18030 nor Big5. Paragraph offsets point into `decodeDocumentText(file, bytes)`.
 */
export function readDocument(file: string, bytes: Uint8Array): Document {
  return documentFromText(file, sha256Hex(bytes), decodeDocumentText(file, bytes));
}

export interface SeedText {
  format: DocumentFormat;
  /** One paragraph a line (a .txt as it is). */
  text: string;
  /** What the file's properties say of its source. */
  properties: Source;
}

/** The text of one seed file of any format; what cannot be read is a reason, never an exception. */
export async function readSeedText(file: string, bytes: Uint8Array): Promise<SeedText | { skipped: string }> {
  const choice = await chooseFormat(file, bytes);
  if ('refused' in choice) return { skipped: choice.refused };
  let read;
  try {
    read = await readFormat(choice.format, file, bytes);
  } catch (error) {
    if (error instanceof DecodeError) return { skipped: `undecodable: ${error.detail}` };
    if (error instanceof UnreadableFile) return { skipped: error.message };
    return { skipped: `cannot be read as ${choice.format} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
  if (isBlankText(read.text)) return { skipped: choice.format === 'text' ? 'empty' : 'no text in it' };
  return { format: choice.format, text: read.text, properties: read.properties };
}

/**
 * A file's bytes, read once. Opened without blocking and checked again, so that a FIFO put in its
 * place since it was listed cannot stall the load.
 */
async function readSeedBytes(path: string, maxBytes: number): Promise<Uint8Array> {
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

async function readCatalogue(dir: string): Promise<Catalogue | null> {
  let text: string;
  try {
    text = await readFile(join(dir, CATALOGUE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    return { entries: new Map(), warnings: [`${CATALOGUE_FILE}: ${describeFsError(error)}`] };
  }
  // csv-parse is loaded only for a seeds folder that has a catalogue.
  const { parseCatalogue } = await import('./catalogue.ts');
  return parseCatalogue(text, CATALOGUE_FILE);
}

function percent(similarity: number): string {
  return `${Math.floor(similarity * 100)}%`;
}

async function listSeeds(dir: string, maxBytes: number) {
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
export async function hashSeeds(dir: string, opts: Pick<LoadSeedsOptions, 'maxBytes'> = {}): Promise<Record<string, string>> {
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

/**
 * Every document in `dir` and its subfolders (see walk.ts for what is looked at), sorted by path in
 * code-point order, each read in its format; the same document found twice is indexed once (see
 * duplicates.ts). One bad file never stops the rest: it is skipped with one line to `warn`. Throws
 * `SeedsError` only when `dir` itself cannot be read.
 */
export async function loadSeeds(dir: string, opts: LoadSeedsOptions = {}): Promise<SeedsLoad> {
  const warn = opts.warn ?? ((line: string) => console.warn(line));
  const maxBytes = opts.maxBytes ?? MAX_SEED_BYTES;
  const listing = await listSeeds(dir, maxBytes);
  const skipped = [...listing.skipped];
  const reads: (SeedText & { file: string; hash: string })[] = [];
  for (const seed of listing.files) {
    let bytes: Uint8Array;
    try {
      bytes = await readSeedBytes(seed.path, maxBytes);
    } catch (error) {
      skipped.push({ file: seed.file, reason: error instanceof UnreadableFile ? error.message : describeFsError(error) });
      continue;
    }
    const read = await readSeedText(seed.file, bytes);
    if ('skipped' in read) skipped.push({ file: seed.file, reason: read.skipped });
    else reads.push({ ...read, file: seed.file, hash: sha256Hex(bytes) });
  }

  const duplicates = findDuplicates(reads.map((r) => ({ file: r.file, format: r.format, hash: r.hash, fingerprint: fingerprint(r.text) })));
  const dropped = new Set(duplicates.map((d) => d.dropped));
  const catalogue = await readCatalogue(dir);
  const catalogueWarnings = [...(catalogue?.warnings ?? [])];
  const readFiles = new Set(reads.map((r) => r.file));
  for (const [path, entry] of catalogue?.entries ?? []) {
    if (!readFiles.has(path)) catalogueWarnings.push(`${CATALOGUE_FILE}:${entry.line}: no document ${path} was read`);
  }

  const documents: Document[] = [];
  const read: SeedsReport['read'] = [];
  for (const r of reads) {
    if (dropped.has(r.file)) continue;
    // The catalogue's word on a copy left out holds for the copy kept: they are the same document.
    const copies = [r.file, ...duplicates.filter((d) => d.kept === r.file).map((d) => d.dropped)];
    const catalogued = copies.flatMap((file) => {
      const entry = catalogue?.entries.get(file);
      return entry === undefined ? [] : [entry.source];
    });
    documents.push(documentFromText(r.file, r.hash, r.text, r.properties, catalogued));
    read.push({ file: r.file, format: r.format });
  }

  skipped.sort((a, b) => compareCodePoints(a.file, b.file));
  for (const s of skipped) warn(`skipping ${join(dir, s.file)}: ${s.reason}`);
  for (const d of duplicates) {
    const how = d.identicalBytes ? 'identical bytes' : `${percent(d.similarity)} of its text the same`;
    warn(`duplicate: ${join(dir, d.dropped)} is the same document as ${join(dir, d.kept)} (${how}); indexing ${d.kept} only`);
  }
  for (const line of catalogueWarnings) warn(join(dir, line));
  if (documents.length === 0) warn(`seeds folder ${dir} has no documents to index`);
  return { documents, report: { read, skipped, duplicates, catalogue: catalogueWarnings } };
}
