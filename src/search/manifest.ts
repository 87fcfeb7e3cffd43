// The manifest of a saved index: what it was built from and which files make it up. A saved index
// is used only when its manifest says it was built, in this format and with this Orama, from
// exactly the seeds and dictionary the caller has now.
import { createRequire } from 'node:module';
import { z } from 'zod';

/** Bump whenever the saved files change shape or meaning (schemas, tokenizer, scoring data). */
export const FORMAT_VERSION = 4;
export const FORMAT_NAME = 'zhibiao-search-index';

/** The Orama that wrote the saved databases: its `save()` layout is internal and may change. */
export const ORAMA_VERSION: string = (
  createRequire(import.meta.url)('@orama/orama/package.json') as { version: string }
).version;

export const MANIFEST_FILE = 'manifest.json';
export const RECORDS_FILE = 'records.json';
export const PARAGRAPH_DB_FILE = 'paragraphs.orama.json';
export const TARGET_DB_FILE = 'targets.orama.json';
export const DICTIONARY_FILE = 'dictionary.utf8';
export const DATA_FILES = [RECORDS_FILE, PARAGRAPH_DB_FILE, TARGET_DB_FILE, DICTIONARY_FILE] as const;

const Count = z.number().int().nonnegative();

export const ManifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.number().int(),
  orama: z.string(),
  /** Written into every data file too: files of two different saves are never mixed. */
  buildId: z.string().min(1),
  /** What the index was made from: see IndexKey. */
  extraction: z.number().int(),
  lexicon: z.string(),
  /** sha256 of each seed file, by file name. */
  seeds: z.record(z.string(), z.string()),
  counts: z.object({ documents: Count, paragraphs: Count, targets: Count }),
  /** Byte length of each data file: a truncated file is found before it is parsed. */
  files: z.record(z.string(), z.object({ bytes: Count })),
  /** The index's own dictionary (dictionary.utf8): its words and the hash of its file. */
  dictionary: z.object({ words: Count, hash: z.string() }),
  createdAt: z.string(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/**
 * What an index is made from, as data: the version of the extraction that read the seeds (bumped by
 * the code when what it makes of the same text changes), the hash of the lexicon and the terms it
 * segmented with, and the hash of each seed file. A saved index with another key is stale.
 */
export const IndexKeySchema = z.object({
  extraction: z.number().int(),
  lexicon: z.string(),
  seeds: z.record(z.string(), z.string()),
});
export type IndexKey = z.infer<typeof IndexKeySchema>;

function listed(names: string[]): string {
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} and ${names.length - 3} more` : shown;
}

/** Why a manifest (already of this format version) does not describe the expected index, or null. */
export function staleness(manifest: Manifest, expect: IndexKey): string | null {
  if (manifest.orama !== ORAMA_VERSION) {
    return `saved with Orama ${manifest.orama}, running Orama ${ORAMA_VERSION}`;
  }
  const added: string[] = [];
  const changed: string[] = [];
  for (const [file, hash] of Object.entries(expect.seeds)) {
    if (!Object.hasOwn(manifest.seeds, file)) added.push(file);
    else if (manifest.seeds[file] !== hash) changed.push(file);
  }
  const removed = Object.keys(manifest.seeds).filter((file) => !Object.hasOwn(expect.seeds, file));
  const parts: string[] = [];
  if (added.length > 0) parts.push(`added ${listed(added)}`);
  if (removed.length > 0) parts.push(`removed ${listed(removed)}`);
  if (changed.length > 0) parts.push(`changed ${listed(changed)}`);
  if (parts.length > 0) return `stale: seeds ${parts.join('; ')}`;
  if (manifest.extraction !== expect.extraction) {
    return `stale: made by extraction ${manifest.extraction}, this program's is ${expect.extraction}`;
  }
  if (manifest.lexicon !== expect.lexicon) {
    return `stale: lexicon ${expect.lexicon} differs from the index's ${manifest.lexicon}`;
  }
  return null;
}

/** The first problem zod found, on one line. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return `${path}: ${issue.message}`.replace(/\s+/g, ' ');
}
