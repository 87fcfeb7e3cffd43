// Saving and loading the search index. The index folder holds generations, each a complete save,
// and a pointer to the current one:
//
//   CURRENT                the name of the current generation, replaced in one rename
//   gen-<build id>/        a complete save, written under .saving-<pid>-… and renamed when whole
//
// so that a save killed at any moment leaves the previous generation current and usable. A
// generation holds the manifest, the records (documents with their paragraphs, and targets) and
// each Orama database as its `save()` data:
//
//   manifest.json          format, Orama version, build id, the index key, file sizes
//   records.json           { buildId, documents, targets, terms }   in records.ts's lean form; terms: the segmenter's
//   paragraphs.orama.json  { buildId, raw }   Orama's save() of the paragraph database
//   targets.orama.json     { buildId, raw }   Orama's save() of the target database
//   dictionary.utf8        the index's own dictionary, in jieba's format (src/text/dictionary.ts)
//
// Orama's saved data, inverted index included, loads ~3× faster than re-inserting the paragraphs
// from stored token lists, neither segmenting anything (20,000 paragraphs, text and headline:
// 0.11 s parse + 0.15 s load against 0.11 s parse + 0.72 s insert), for 16 MB against 9 MB. Its
// copies of the documents are left out (the records hold the text; a hit needs only its id), and
// the databases are created with the project's tokenizer before Orama's `load()` fills them: the
// persistence plugin's `restore()` would bring them back with Orama's English tokenizer.
//
// Each data file also carries the manifest's build id, so a generation mixing two saves reads as
// corrupt.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { load, save, type AnyOrama, type RawData } from '@orama/orama';
import { z } from 'zod';
import { fullRecords, leanRecords, RecordsError, SavedRecordsSchema } from './records.ts';
import { paragraphsOf, summarizeIndex, targetsByIdOf, type SearchIndex } from './build.ts';
import {
  DATA_FILES,
  DICTIONARY_FILE,
  FORMAT_NAME,
  FORMAT_VERSION,
  MANIFEST_FILE,
  ManifestSchema,
  ORAMA_VERSION,
  PARAGRAPH_DB_FILE,
  RECORDS_FILE,
  TARGET_DB_FILE,
  firstIssue,
  staleness,
  type IndexKey,
  type Manifest,
} from './manifest.ts';
import { createParagraphDb, createTargetDb } from './schema.ts';
import { createSegmenter } from '../text/segmenter.ts';
import { DictionaryError, dictionaryHash, formatDictionary, parseDictionary } from '../text/dictionary.ts';

export type LoadResult = { ok: true; index: SearchIndex } | { ok: false; reason: string };

export const CURRENT_FILE = 'CURRENT';
const GENERATION_PREFIX = 'gen-';
const SAVING_PREFIX = '.saving-';

/** Virtual file systems, where a "file" may be a terminal or a process's memory: never an index. */
const VIRTUAL_ROOTS = ['/proc', '/sys', '/dev'];

export function isVirtualPath(dir: string): boolean {
  const full = resolve(dir);
  return VIRTUAL_ROOTS.some((root) => full === root || full.startsWith(`${root}/`));
}

async function writeFileSynced(path: string, body: Buffer): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current generation's folder, or null when the index folder holds none. */
export async function currentGeneration(dir: string): Promise<string | null> {
  let name: string;
  try {
    name = (await readFile(join(dir, CURRENT_FILE), 'utf8')).trim();
  } catch {
    return null;
  }
  return name.startsWith(GENERATION_PREFIX) && !name.includes('/') ? join(dir, name) : null;
}

/**
 * What dead saves left (a .saving- folder whose process is gone) and generations older than the
 * current one and the one before it (a reader may still be loading that).
 */
async function removeLeftovers(dir: string, keep: readonly string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  const generations: { name: string; mtime: number }[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    if (entry.name.startsWith(SAVING_PREFIX)) {
      const pid = Number(entry.name.slice(SAVING_PREFIX.length).split('-')[0]);
      if (!Number.isInteger(pid) || !isAlive(pid)) await rm(join(dir, entry.name), { recursive: true, force: true });
    } else if (entry.name.startsWith(GENERATION_PREFIX) && !keep.includes(entry.name)) {
      generations.push({ name: entry.name, mtime: (await stat(join(dir, entry.name))).mtimeMs });
    }
  }
  // The newest generation not kept is the previous one: a reader may be loading it still.
  generations.sort((a, b) => b.mtime - a.mtime);
  for (const old of generations.slice(1)) await rm(join(dir, old.name), { recursive: true, force: true });
}

/** Orama's saved data without its copies of the documents (count kept: BM25 needs it). */
function leanRaw(db: AnyOrama): RawData {
  const raw = save(db);
  const docs = raw.docs as { count: number };
  return { ...raw, docs: { docs: {}, count: docs.count } };
}

/**
 * Saves the index as a new generation of `dir` and makes it current in one rename; the previous
 * generation stays whole until then. Throws when `dir` cannot be written (the caller answers from
 * the index in memory).
 */
export async function saveSearchIndex(dir: string, index: SearchIndex): Promise<void> {
  if (isVirtualPath(dir)) throw new Error(`${dir} is not a folder an index can be kept in`);
  await mkdir(dir, { recursive: true });
  const buildId = randomUUID();
  const saving = join(dir, `${SAVING_PREFIX}${process.pid}-${buildId.slice(0, 8)}`);
  await mkdir(saving);
  try {
    const dictionary = formatDictionary(index.dictionary);
    const bodies: [string, Buffer][] = [
      [DICTIONARY_FILE, Buffer.from(dictionary)],
      [RECORDS_FILE, Buffer.from(JSON.stringify({ buildId, ...leanRecords(index.documents, index.targets, index.paragraphs), terms: index.segmenter.terms }))],
      [PARAGRAPH_DB_FILE, Buffer.from(JSON.stringify({ buildId, raw: leanRaw(index.paragraphDb) }))],
      [TARGET_DB_FILE, Buffer.from(JSON.stringify({ buildId, raw: leanRaw(index.targetDb) }))],
    ];
    const files: Manifest['files'] = {};
    for (const [name, body] of bodies) {
      await writeFileSynced(join(saving, name), body);
      files[name] = { bytes: body.length };
    }
    const manifest: Manifest = {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      orama: ORAMA_VERSION,
      buildId,
      extraction: index.key.extraction,
      lexicon: index.key.lexicon,
      seeds: { ...index.key.seeds },
      counts: summarizeIndex(index),
      files,
      dictionary: { words: index.dictionary.words.size, hash: dictionaryHash(dictionary) },
      createdAt: new Date().toISOString(),
    };
    await writeFileSynced(join(saving, MANIFEST_FILE), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    const generation = `${GENERATION_PREFIX}${buildId}`;
    await rename(saving, join(dir, generation));
    const pointer = join(dir, `${CURRENT_FILE}${SAVING_PREFIX}${process.pid}-${buildId.slice(0, 8)}`);
    await writeFileSynced(pointer, Buffer.from(`${generation}\n`));
    await rename(pointer, join(dir, CURRENT_FILE));
    await removeLeftovers(dir, [generation]).catch(() => undefined);
  } catch (error) {
    await rm(saving, { recursive: true, force: true });
    throw error;
  }
}

// ---- loading ------------------------------------------------------------------------------------

/** A reason to rebuild, carried out of the loading steps. */
class Unusable extends Error {}

const RecordsFileSchema = SavedRecordsSchema.extend({
  buildId: z.string(),
  /** The terms the documents were segmented with: questions are cut with the same. */
  terms: z.array(z.string()),
});

const Count = z.number().int().nonnegative();

// The shape of Orama's save() as far as this module relies on it; the trees inside are checked by
// Orama's load() (which throws on a malformed one) and by the counts below.
const RawDbSchema = z.object({
  internalDocumentIDStore: z.object({ internalIdToId: z.array(z.string()) }),
  index: z.object({
    indexes: z.record(z.string(), z.object({ type: z.string(), node: z.unknown(), isArray: z.boolean() })),
    vectorIndexes: z.record(z.string(), z.unknown()),
    searchableProperties: z.array(z.string()),
    searchablePropertiesWithTypes: z.record(z.string(), z.string()),
    frequencies: z.record(z.string(), z.unknown()),
    tokenOccurrences: z.record(z.string(), z.record(z.string(), z.number())),
    avgFieldLength: z.record(z.string(), z.number()),
    fieldLengths: z.record(z.string(), z.record(z.string(), z.number())),
  }),
  docs: z.object({ count: Count }),
  sorting: z.unknown(),
  pinning: z.unknown(),
  language: z.string(),
});
const DbFileSchema = z.object({ buildId: z.string(), raw: RawDbSchema });

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 200);
}

async function readText(dir: string, name: string, bytes: number | null): Promise<string> {
  let body: Buffer;
  try {
    body = await readFile(join(dir, name));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Unusable(code === 'ENOENT' ? `corrupt: ${name} is missing` : `cannot read ${name}: ${errorText(error)}`);
  }
  if (bytes !== null && body.length !== bytes) {
    throw new Unusable(`corrupt: ${name} has ${body.length} bytes, the manifest says ${bytes}`);
  }
  return body.toString('utf8');
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Unusable(`corrupt: ${name} is not JSON (${errorText(error)})`);
  }
}

function checked<T>(name: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Unusable(`corrupt: ${name}: ${firstIssue(result.error)}`);
  return result.data;
}

async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new Unusable(`no index in ${dir}`);
    throw new Unusable(`cannot read ${join(dir, MANIFEST_FILE)}: ${errorText(error)}`);
  }
  const value = parseJson(MANIFEST_FILE, text);
  // The version is looked at before the rest: another format may have other fields.
  const head = z.object({ format: z.string(), version: z.number() }).safeParse(value);
  if (head.success && (head.data.format !== FORMAT_NAME || head.data.version !== FORMAT_VERSION)) {
    throw new Unusable(`index format ${head.data.format} ${head.data.version}, expected ${FORMAT_NAME} ${FORMAT_VERSION}`);
  }
  return checked(MANIFEST_FILE, ManifestSchema, value);
}

function sameShape(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

/** Fills a database created with the project's tokenizer from its saved data. */
function restoreDb<Db extends AnyOrama>(
  name: string,
  db: Db,
  raw: z.infer<typeof RawDbSchema>,
  ids: ReadonlyMap<string, unknown>,
): Db {
  const expected = (db.data.index as unknown as { searchablePropertiesWithTypes: Record<string, string> })
    .searchablePropertiesWithTypes;
  if (!sameShape(raw.index.searchablePropertiesWithTypes, expected)) {
    throw new Unusable(`corrupt: ${name} has another schema than this program's`);
  }
  // Orama keeps the id of a document removed by a live update (src/search/update.ts) among its
  // internal ids; every record must be there, and only records count.
  const internalIds = raw.internalDocumentIDStore.internalIdToId;
  const known = new Set(internalIds);
  if (raw.docs.count !== ids.size || known.size !== internalIds.length || ![...ids.keys()].every((id) => known.has(id))) {
    throw new Unusable(`corrupt: ${name} does not hold the records' ${ids.size} ids`);
  }
  // Orama's document store gets a stub per document: a hit's id is all this index reads.
  const docs: Record<number, { id: string }> = {};
  for (let i = 0; i < internalIds.length; i++) if (ids.has(internalIds[i]!)) docs[i + 1] = { id: internalIds[i]! };
  try {
    load(db, { ...(raw as RawData), docs: { docs, count: ids.size } });
  } catch (error) {
    throw new Unusable(`corrupt: ${name}: ${errorText(error)}`);
  }
  return db;
}

async function loadOrThrow(indexDir: string, expect: IndexKey): Promise<SearchIndex> {
  if (isVirtualPath(indexDir)) throw new Unusable(`no index in ${indexDir}`);
  const dir = await currentGeneration(indexDir);
  if (dir === null) throw new Unusable(`no index in ${indexDir}`);
  const manifest = await readManifest(dir);
  const stale = staleness(manifest, expect);
  if (stale !== null) throw new Unusable(stale);
  const bytesOf = (name: string): number | null => manifest.files[name]?.bytes ?? null;
  for (const name of DATA_FILES) {
    if (bytesOf(name) === null) throw new Unusable(`corrupt: the manifest lists no ${name}`);
  }

  const [recordsText, paragraphText, targetText, dictionaryText] = await Promise.all(
    DATA_FILES.map((name) => readText(dir, name, bytesOf(name))),
  );
  const saved = checked(RECORDS_FILE, RecordsFileSchema, parseJson(RECORDS_FILE, recordsText!));
  let records;
  try {
    records = { ...fullRecords(saved), terms: saved.terms, buildId: saved.buildId };
  } catch (error) {
    if (error instanceof RecordsError) throw new Unusable(`corrupt: ${RECORDS_FILE}: ${error.message}`);
    throw error;
  }
  const paragraphFile = checked(PARAGRAPH_DB_FILE, DbFileSchema, parseJson(PARAGRAPH_DB_FILE, paragraphText!));
  const targetFile = checked(TARGET_DB_FILE, DbFileSchema, parseJson(TARGET_DB_FILE, targetText!));
  for (const [name, id] of [
    [RECORDS_FILE, records.buildId],
    [PARAGRAPH_DB_FILE, paragraphFile.buildId],
    [TARGET_DB_FILE, targetFile.buildId],
  ] as const) {
    if (id !== manifest.buildId) throw new Unusable(`corrupt: ${name} belongs to another save than the manifest`);
  }

  let paragraphs;
  let targetsById;
  try {
    paragraphs = paragraphsOf(records.documents);
    targetsById = targetsByIdOf(records.targets);
  } catch (error) {
    throw new Unusable(`corrupt: ${RECORDS_FILE}: ${errorText(error)}`);
  }
  const counts = { documents: records.documents.length, paragraphs: paragraphs.size, targets: records.targets.length };
  if (JSON.stringify(counts) !== JSON.stringify(manifest.counts)) {
    throw new Unusable(`corrupt: ${RECORDS_FILE} holds ${JSON.stringify(counts)}, the manifest says ${JSON.stringify(manifest.counts)}`);
  }

  if (dictionaryHash(dictionaryText!) !== manifest.dictionary.hash) {
    throw new Unusable(`corrupt: ${DICTIONARY_FILE} is not the dictionary the manifest names`);
  }
  let dictionary;
  try {
    dictionary = parseDictionary(dictionaryText!, DICTIONARY_FILE);
  } catch (error) {
    if (error instanceof DictionaryError) throw new Unusable(`corrupt: ${error.message}`);
    throw error;
  }
  const segmenter = createSegmenter(records.terms, { dictionary });
  const paragraphDb = restoreDb(PARAGRAPH_DB_FILE, createParagraphDb(segmenter), paragraphFile.raw, paragraphs);
  const targetDb = restoreDb(TARGET_DB_FILE, createTargetDb(segmenter), targetFile.raw, targetsById);
  return {
    documents: records.documents,
    paragraphs,
    targets: records.targets,
    targetsById,
    key: { extraction: manifest.extraction, lexicon: manifest.lexicon, seeds: manifest.seeds },
    segmenter,
    dictionary,
    paragraphDb,
    targetDb,
  };
}

/**
 * Loads the index saved in `dir` if it is current: same format, same Orama, made with exactly the
 * key `expect`; its segmenter is made from the terms it was built with. Otherwise says why in one
 * line (no index, stale, corrupt, other format) and never throws: the caller rebuilds.
 */
export async function loadSearchIndex(dir: string, expect: IndexKey): Promise<LoadResult> {
  try {
    return { ok: true, index: await loadOrThrow(dir, expect) };
  } catch (error) {
    if (error instanceof Unusable) return { ok: false, reason: error.message };
    return { ok: false, reason: `cannot load ${dir}: ${errorText(error)}` };
  }
}
