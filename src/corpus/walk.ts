// The I/O edge that finds the seed files: the seeds folder and its subfolders, read recursively.
//
// Every entry is looked at with lstat/stat before anything opens it, so that a FIFO, a socket or a
// device is never opened (opening a FIFO for reading waits for a writer that may never come). A
// symlink is followed to what it points at: a folder is read as a folder, once — each folder's real
// path is remembered, so a link back up the tree (a cycle) or a second link to a folder already read
// is not read again. Hidden entries (.git, .DS_Store …) are not documents and are passed over
// silently, as is the catalogue file at the top. Everything else that is not a readable regular
// file is reported as skipped with the reason; nothing here throws for one bad entry.
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface SeedFile {
  /** Path within the seeds folder, '/'-separated: the document's name. */
  file: string;
  /** Where to read it. */
  path: string;
  size: number;
}

export interface SkippedFile {
  /** Path within the seeds folder ('/'-separated; a folder ends with '/'). */
  file: string;
  reason: string;
}

/** A folder's own notes (README.md, LICENSE, NOTICE) describe its files and are none of them. */
const FOLDER_NOTES = /^(?:readme|licen[cs]e|notice|copying)(?:\.[a-z]+)?$/i;

export interface WalkOptions {
  /** Files larger than this are skipped. */
  maxBytes: number;
  /** Names at the top of the seeds folder that are not documents (the catalogue). */
  reserved: ReadonlySet<string>;
}

export interface SeedListing {
  files: SeedFile[];
  skipped: SkippedFile[];
}

/** Code-point order of '/'-separated paths (UTF-8 byte order is code-point order), whatever the locale. */
export function compareCodePoints(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Why a file system call failed, for one line of a report: the errno code and what it means. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `unreadable (${code}: permission denied)`;
    case 'ENOENT':
      return 'gone while being read (ENOENT)';
    case 'ELOOP':
      return 'a symlink loop (ELOOP)';
    case 'EISDIR':
      return 'a folder';
    case undefined:
      return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
    default:
      return `unreadable (${code})`;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe), not a document';
  if (stats.isSocket()) return 'a socket, not a document';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device, not a document';
  return 'not a regular file';
}

function sizeText(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
  return bytes >= 1_000 ? `${Math.round(bytes / 1_000)} kB` : `${bytes} bytes`;
}

/**
 * Every regular file under `dir` that may be a document, in code-point order of its path, and
 * every entry skipped with the reason. `dir` itself must be a readable folder: its readdir error is
 * the caller's to report (the seeds folder cannot be read at all).
 */
export async function listSeedFiles(dir: string, options: WalkOptions): Promise<SeedListing> {
  const files: SeedFile[] = [];
  const skipped: SkippedFile[] = [];
  const foldersRead = new Map<string, string>();
  // Folders reached through a symlink are read after the real ones, so that a folder and a link to
  // it read as the folder, whatever the order of their names.
  const linkedFolders: { path: string; prefix: string }[] = [];
  const skip = (file: string, reason: string): void => {
    skipped.push({ file, reason });
  };

  const readFolder = async (path: string, prefix: string, entries: Dirent[]): Promise<void> => {
    entries.sort((a, b) => compareCodePoints(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || FOLDER_NOTES.test(name)) continue;
      if (prefix === '' && options.reserved.has(name)) continue;
      const file = prefix + name;
      const full = join(path, name);
      let target: Stats;
      let linked = false;
      try {
        const link = await lstat(full);
        linked = link.isSymbolicLink();
        target = linked ? await stat(full) : link;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        skip(file, code === 'ENOENT' ? 'a dangling symlink (its target does not exist)' : describeFsError(error));
        continue;
      }
      if (target.isDirectory()) {
        if (linked) linkedFolders.push({ path: full, prefix: `${file}/` });
        else await readSubfolder(full, `${file}/`);
      } else if (!target.isFile()) {
        skip(file, kindOf(target));
      } else if (target.size === 0) {
        skip(file, 'empty');
      } else if (target.size > options.maxBytes) {
        skip(file, `too large (${sizeText(target.size)}; the limit is ${sizeText(options.maxBytes)})`);
      } else {
        files.push({ file, path: full, size: target.size });
      }
    }
  };

  const readSubfolder = async (path: string, prefix: string): Promise<void> => {
    let real: string;
    let entries: Dirent[];
    try {
      real = await realpath(path);
      const seenAs = foldersRead.get(real);
      if (seenAs !== undefined) {
        skip(prefix, `a link to a folder already read (${seenAs === '' ? 'the seeds folder' : seenAs})`);
        return;
      }
      foldersRead.set(real, prefix);
      entries = await readdir(path, { withFileTypes: true });
    } catch (error) {
      skip(prefix, describeFsError(error));
      return;
    }
    await readFolder(path, prefix, entries);
  };

  const top = await readdir(dir, { withFileTypes: true });
  foldersRead.set(await realpath(dir), '');
  await readFolder(dir, '', top);
  for (let next = linkedFolders.shift(); next !== undefined; next = linkedFolders.shift()) {
    await readSubfolder(next.path, next.prefix);
  }
  files.sort((a, b) => compareCodePoints(a.file, b.file));
  skipped.sort((a, b) => compareCodePoints(a.file, b.file));
  return { files, skipped };
}
