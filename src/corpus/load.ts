// The I/O edge of the corpus: read a seeds folder into `Document`s, with a report of what was read,
// skipped and found twice. Finding the files is walk.ts; what follows reading a file's bytes (once)
// is pure: the format's reader (formats.ts), layout, title and year, source, duplicates.
import { readFile } from 'node:fs/promises';
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
import { CATALOGUE_FILE, listSeeds, MAX_SEED_BYTES, readSeedBytes, sha256Hex } from './seedFiles.ts';
import { compareCodePoints, describeFsError, type SkippedFile } from './walk.ts';

export { DecodeError } from './decode.ts';
export { SeedsError } from './seedFiles.ts';

export interface LoadSeedsOptions {
  /** Receives one line per skipped file, duplicate and catalogue problem; defaults to console.warn. */
  warn?: (line: string) => void;
  maxBytes?: number;
  /** Read only these files (paths within the seeds folder), as a live update does. */
  only?: ReadonlySet<string>;
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
  const only = opts.only;
  const wanted = (file: string) => only === undefined || only.has(file);
  const skipped = listing.skipped.filter((s) => wanted(s.file));
  const reads: (SeedText & { file: string; hash: string })[] = [];
  for (const seed of listing.files.filter((f) => wanted(f.file))) {
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
  const catalogueWarnings = only === undefined ? [...(catalogue?.warnings ?? [])] : [];
  const readFiles = new Set(reads.map((r) => r.file));
  for (const [path, entry] of catalogue?.entries ?? []) {
    if (!readFiles.has(path) && wanted(path)) catalogueWarnings.push(`${CATALOGUE_FILE}:${entry.line}: no document ${path} was read`);
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
  if (documents.length === 0 && only === undefined) warn(`seeds folder ${dir} has no documents to index`);
  return { documents, report: { read, skipped, duplicates, catalogue: catalogueWarnings } };
}
