// An index kept current with its seeds folder while a program runs (serve, chat): files added,
// changed or removed are noticed (a watch on the folder, and `refresh()`), only those files are read
// again, by a reader process that holds jieba's whole dictionary (reader-process.ts), and their
// documents replace the old ones in place (src/search/update.ts). The index as it was answers until
// the new one is ready; each update is one log line and a saved generation. A change to the
// catalogue or the lexicon file, which touches every document, is a full rebuild, made by a
// process of its own (`zhibiao index`) and then loaded.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { watch, type FSWatcher } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { documentFingerprint, findDuplicates } from '../corpus/duplicates.ts';
import { formatByName } from '../corpus/formats.ts';
import { CATALOGUE_FILE, hashSeeds, LEXICON_FILE } from '../corpus/seedFiles.ts';
import type { Document } from '../model.ts';
import { summarizeIndex, type SearchIndex } from '../search/build.ts';
import { saveSearchIndex } from '../search/store.ts';
import { replaceDocuments } from '../search/update.ts';
import { unionOf, type WordDictionary } from '../text/dictionary.ts';
import { serveDictionary } from '../text/jieba.ts';
import { indexKeyOf } from './key.ts';
import { openIndex, type OpenedIndex } from './open.ts';
import { ReaderReplySchema, type ReaderReply, type ReaderRequest } from './reader-messages.ts';

export interface SeedsChange {
  added: string[];
  changed: string[];
  removed: string[];
}

/** What differs between the files an index was made from and the folder now (by content hash). */
export function diffSeeds(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): SeedsChange {
  const added = Object.keys(after).filter((f) => !Object.hasOwn(before, f));
  const changed = Object.keys(after).filter((f) => Object.hasOwn(before, f) && before[f] !== after[f]);
  const removed = Object.keys(before).filter((f) => !Object.hasOwn(after, f));
  return { added: added.sort(), changed: changed.sort(), removed: removed.sort() };
}

export function isEmptyChange(change: SeedsChange): boolean {
  return change.added.length + change.changed.length + change.removed.length === 0;
}

/** One line for people: added a.docx, b.txt; changed c.pdf; removed d.txt. */
export function describeChange(change: SeedsChange): string {
  const list = (files: string[]) => (files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`);
  const parts: string[] = [];
  if (change.added.length > 0) parts.push(`added ${list(change.added)}`);
  if (change.changed.length > 0) parts.push(`changed ${list(change.changed)}`);
  if (change.removed.length > 0) parts.push(`removed ${list(change.removed)}`);
  return parts.join('; ');
}

export type UpdateOutcome =
  | { kind: 'unchanged' }
  | { kind: 'updated'; change: SeedsChange; ms: number; read: string[] }
  | { kind: 'rebuilt'; change: SeedsChange; ms: number }
  | { kind: 'failed'; change: SeedsChange; reason: string };

export interface LiveIndexOptions {
  seedsDir: string;
  indexDir: string;
  log?: (line: string) => void;
  /** Quiet time after a file event before the folder is looked at (editors write in bursts). */
  debounceMs?: number;
  /** How long the reader process is kept after an update, for the next one. */
  readerIdleMs?: number;
  /** Watch the folder (default); without, only refresh() looks. */
  watch?: boolean;
}

export interface LiveIndex {
  /** The index as it stands: the one to answer from. */
  readonly current: OpenedIndex;
  /** Called with each new index, once it is in place. */
  onUpdate(listener: (index: OpenedIndex, outcome: UpdateOutcome) => void): void;
  /** Looks at the folder now and brings the index up to date; resolves when done. */
  refresh(): Promise<UpdateOutcome>;
  /** Stops watching and ends the reader process. */
  close(): Promise<void>;
}

const READER = fileURLToPath(new URL('./reader-process.ts', import.meta.url));
const CLI = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
// The reader runs TypeScript as this program does.
const RUNTIME = ['--import', 'tsx'];

/** The reader process, started when first needed and ended after a while without work. */
class ReaderProcess {
  private child: ChildProcess | null = null;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly waiting = new Map<number, (reply: ReaderReply) => void>();

  constructor(private readonly idleMs: number) {}

  private start(): ChildProcess {
    const child = fork(READER, [], { execArgv: RUNTIME, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.on('message', (message) => {
      const parsed = ReaderReplySchema.safeParse(message);
      const id = parsed.success ? parsed.data.id : (message as { id?: number }).id;
      const resolve = typeof id === 'number' ? this.waiting.get(id) : undefined;
      if (resolve === undefined) return;
      this.waiting.delete(id!);
      resolve(parsed.success ? parsed.data : { id: id!, error: 'the reader sent a malformed reply' });
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = null;
      for (const [id, resolve] of this.waiting) resolve({ id, error: `the reader stopped (${signal ?? `exit ${code}`})` });
      this.waiting.clear();
    });
    return child;
  }

  read(request: Omit<ReaderRequest, 'id'>): Promise<ReaderReply> {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    const child = (this.child ??= this.start());
    const id = this.nextId++;
    return new Promise<ReaderReply>((resolve) => {
      this.waiting.set(id, resolve);
      child.send({ ...request, id });
    }).finally(() => {
      this.idleTimer = setTimeout(() => this.stop(), this.idleMs);
      this.idleTimer.unref();
    });
  }

  stop(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.child?.kill();
    this.child = null;
  }
}

function runIndexCommand(seedsDir: string, indexDir: string): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...RUNTIME, CLI, 'index', '--seeds', seedsDir, '--index', indexDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code) => resolve(code === 0 ? null : stderr.trim().split('\n').at(-1) ?? `exit ${code}`));
  });
}

function errorLine(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

/** Keeps `opened` current with its seeds folder (see above). */
export function liveIndex(opened: OpenedIndex, options: LiveIndexOptions): LiveIndex {
  const log = options.log ?? (() => {});
  const reader = new ReaderProcess(options.readerIdleMs ?? 120_000);
  const listeners: ((index: OpenedIndex, outcome: UpdateOutcome) => void)[] = [];
  const fingerprints = new Map<string, { hash: string; print: Uint32Array }>();
  let current = opened;
  let running: Promise<UpdateOutcome> | null = null;
  let closed = false;

  function fingerprintOf(document: Document): Uint32Array {
    const known = fingerprints.get(document.file);
    if (known !== undefined && known.hash === document.hash) return known.print;
    const print = documentFingerprint(document);
    fingerprints.set(document.file, { hash: document.hash, print });
    return print;
  }

  function install(index: OpenedIndex, outcome: UpdateOutcome): void {
    current = index;
    for (const listener of listeners) listener(index, outcome);
  }

  async function save(index: SearchIndex): Promise<void> {
    try {
      await saveSearchIndex(options.indexDir, index);
    } catch (error) {
      log(`index: cannot save to ${options.indexDir} (${errorLine(error)}); answering from the index in memory`);
    }
  }

  async function rebuild(change: SeedsChange, started: number): Promise<UpdateOutcome> {
    const failure = await runIndexCommand(options.seedsDir, options.indexDir);
    if (failure !== null) return { kind: 'failed', change, reason: failure };
    const index = await openIndex({ seedsDir: options.seedsDir, indexDir: options.indexDir, log });
    const outcome: UpdateOutcome = { kind: 'rebuilt', change, ms: performance.now() - started };
    install(index, outcome);
    return outcome;
  }

  async function update(): Promise<UpdateOutcome> {
    const started = performance.now();
    const seeds = await hashSeeds(options.seedsDir);
    const index = current.index;
    const change = diffSeeds(index.key.seeds, seeds);
    if (isEmptyChange(change)) return { kind: 'unchanged' };
    const touched = [...change.added, ...change.changed, ...change.removed];
    if (touched.includes(CATALOGUE_FILE) || touched.includes(LEXICON_FILE)) return rebuild(change, started);

    const files = [...change.added, ...change.changed];
    const reply = files.length === 0 ? null : await reader.read({ seedsDir: options.seedsDir, files, terms: [...index.segmenter.terms] });
    if (reply !== null && 'error' in reply) return { kind: 'failed', change, reason: reply.error };
    for (const line of reply?.notices ?? []) log(line);
    const incoming = reply?.documents ?? [];

    // The same document already indexed under another name is indexed once, as a build would.
    const leaving = new Set([...change.changed, ...change.removed]);
    const staying = index.documents.filter((d) => !leaving.has(d.file));
    const formats = new Map((reply?.formats ?? []).map((r) => [r.file, r.format]));
    const duplicates = findDuplicates([
      ...staying.map((d) => ({ file: d.file, format: formatByName(d.file), hash: d.hash, fingerprint: fingerprintOf(d) })),
      ...incoming.map((d, i) => ({ file: d.file, format: formats.get(d.file) ?? formatByName(d.file), hash: d.hash, fingerprint: Uint32Array.from(reply!.fingerprints[i]!) })),
    ]);
    const dropped = new Set(duplicates.map((d) => d.dropped));
    for (const d of duplicates) log(`duplicate: ${d.dropped} is the same document as ${d.kept}; indexing ${d.kept} only`);
    for (const file of dropped) leaving.add(file);
    const documents = incoming.filter((d) => !dropped.has(d.file));
    const targets = (reply?.targets ?? []).filter((t) => !dropped.has(t.citation.doc));

    let dictionary: WordDictionary = index.dictionary;
    if (reply !== null) dictionary = unionOf(index.dictionary, { words: new Map(reply.dictionary.words), total: reply.dictionary.total, minFreq: reply.dictionary.minFreq });
    // The new documents are cut with the grown dictionary, as the reader cut them with the whole.
    serveDictionary(dictionary);
    const next = replaceDocuments(index, { leaving, documents, targets, dictionary, key: indexKeyOf(seeds) });
    const ms = performance.now() - started;
    const outcome: UpdateOutcome = { kind: 'updated', change, ms, read: files };
    const counts = summarizeIndex(next);
    log(`index: ${describeChange(change)}: ${counts.documents} documents, ${counts.paragraphs} paragraphs, ${counts.targets} targets (${Math.round(ms)} ms)`);
    install({ index: next, origin: current.origin, rewrites: current.rewrites, report: null }, outcome);
    await save(next);
    return outcome;
  }

  function refresh(): Promise<UpdateOutcome> {
    if (closed) return Promise.resolve({ kind: 'unchanged' });
    // One update at a time; a look asked for meanwhile comes after it, and sees what it missed.
    if (running !== null) return running.then(() => refresh());
    const started = update()
      .catch((error: unknown): UpdateOutcome => ({ kind: 'failed', change: { added: [], changed: [], removed: [] }, reason: errorLine(error) }))
      .then((outcome) => {
        if (outcome.kind === 'failed') log(`index: could not take the changes in (${outcome.reason}); answering from the index as it was`);
        return outcome;
      })
      .finally(() => {
        if (running === started) running = null;
      });
    running = started;
    return started;
  }

  let watcher: FSWatcher | null = null;
  let debounce: NodeJS.Timeout | null = null;
  if (options.watch ?? true) {
    try {
      watcher = watch(options.seedsDir, { recursive: true }, () => {
        if (debounce !== null) clearTimeout(debounce);
        debounce = setTimeout(() => void refresh(), options.debounceMs ?? 300);
      });
      watcher.on('error', (error) => log(`index: stopped watching ${options.seedsDir} (${errorLine(error)}); restart to take changes in`));
      watcher.unref();
    } catch (error) {
      log(`index: cannot watch ${options.seedsDir} (${errorLine(error)}); changes are taken in at the next start`);
    }
  }

  return {
    get current() {
      return current;
    },
    onUpdate(listener) {
      listeners.push(listener);
    },
    refresh,
    async close() {
      closed = true;
      if (debounce !== null) clearTimeout(debounce);
      watcher?.close();
      await running?.catch(() => undefined);
      reader.stop();
    },
  };
}
