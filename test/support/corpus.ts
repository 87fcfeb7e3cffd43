// Seed folders for tests: the shipped seed alone, or with the four government work reports.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SEEDS_DIR = 'seeds';
export const CORPUS_DIR = 'test/fixtures/corpus';

/** A temporary seeds folder holding the seed and the corpus reports (not the corpus README). */
export function seedsWithCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-seeds-'));
  for (const file of readdirSync(SEEDS_DIR)) cpSync(join(SEEDS_DIR, file), join(dir, file));
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt'))) {
    cpSync(join(CORPUS_DIR, file), join(dir, file));
  }
  return dir;
}

export function tempIndexDir(): string {
  return mkdtempSync(join(tmpdir(), 'zhibiao-index-'));
}
