// The I/O edge of the corpus: read a seeds folder into `Document`s. Everything after reading the
// bytes is pure (`readDocument`).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Document } from '../model.ts';
import { decodeDocumentText } from './decode.ts';
import { documentMeta } from './docMeta.ts';
import { layoutDocument } from './layout.ts';

export { DecodeError } from './decode.ts';

/** The seeds folder is missing or cannot be read, or a file in it cannot be read. */
export class SeedsError extends Error {
  override readonly name = 'SeedsError';
}

export interface LoadSeedsOptions {
  /** Receives one line per skipped file; defaults to console.warn. */
  warn?: (line: string) => void;
}

const SEED_EXTENSION = /\.(?:txt|md)$/i;
// Whitespace and zero-width characters: a file of only these has nothing to index.
const BLANK_TEXT = /^[\s\u00AD\u200B-\u200F\u2060\uFEFF]*$/;

export function isBlankText(text: string): boolean {
  return BLANK_TEXT.test(text);
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function documentFromText(file: string, bytes: Uint8Array, text: string): Document {
  const layout = layoutDocument(text, file);
  const { title, year } = documentMeta(file, layout);
  return { file, title, year, hash: sha256Hex(bytes), articles: layout.articles };
}

/**
 * Decodes, lays out and dates one seed file. `file` is its name within the seeds folder; it names
 * the document in ids and citations. Throws `DecodeError` for bytes that are neither UTF-8 nor
 * GB18030. Paragraph offsets point into `decodeDocumentText(file, bytes)`.
 */
export function readDocument(file: string, bytes: Uint8Array): Document {
  return documentFromText(file, bytes, decodeDocumentText(file, bytes));
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code ?? error.message.split('\n')[0] ?? 'unknown error';
  }
  return String(error);
}

/**
 * Every .txt/.md file directly in `dir`, sorted by name (code-point order, so the order does not
 * depend on the locale). Empty or whitespace-only files are skipped with a warning.
 */
export async function loadSeeds(dir: string, opts: LoadSeedsOptions = {}): Promise<Document[]> {
  const warn = opts.warn ?? ((line: string) => console.warn(line));
  let names: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    names = entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && SEED_EXTENSION.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (error) {
    throw new SeedsError(`seeds folder ${dir} cannot be read (${reason(error)})`);
  }
  if (names.length === 0) warn(`seeds folder ${dir} has no .txt or .md files`);

  const documents: Document[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new SeedsError(`seed file ${path} cannot be read (${reason(error)})`);
    }
    const text = decodeDocumentText(path, bytes);
    if (isBlankText(text)) {
      warn(`skipping ${path}: empty`);
      continue;
    }
    documents.push(documentFromText(name, bytes, text));
  }
  return documents;
}
