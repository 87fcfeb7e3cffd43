// A table kept within a number of rows and an age: rows older than the age are forgotten, then the
// oldest beyond the number. Forgetting is a scan of the age index, so it is done every so many
// writes, not on each. Table and column names are the store's own, never a caller's text.
import type { Database, Statement } from 'better-sqlite3';

const PRUNE_EVERY = 64;

export interface Bounds {
  /** Most rows kept; the oldest go first. */
  maxEntries: number;
  /** How long a row is kept, in milliseconds. */
  ttlMs: number;
}

export class BoundedTable {
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #forgetOlder: Statement<[number]>;
  readonly #count: Statement<[], { n: number }>;
  readonly #forgetOldest: Statement<[number]>;
  #sinceLastPrune = 0;

  constructor(db: Database, now: () => number, table: string, timeColumn: string, { maxEntries, ttlMs }: Bounds) {
    this.#now = now;
    this.#maxEntries = Math.max(1, maxEntries);
    this.#ttlMs = ttlMs;
    this.#forgetOlder = db.prepare(`DELETE FROM ${table} WHERE ${timeColumn} <= ?`);
    this.#count = db.prepare(`SELECT count(*) AS n FROM ${table}`);
    this.#forgetOldest = db.prepare(`DELETE FROM ${table} WHERE key IN (SELECT key FROM ${table} ORDER BY ${timeColumn} LIMIT ?)`);
  }

  /** The time before which a row is past its age. */
  cutoff(now: number = this.#now()): number {
    return now - this.#ttlMs;
  }

  /** Counts a write; every so many, forgets what is past the bounds. */
  wrote(): void {
    if (++this.#sinceLastPrune >= PRUNE_EVERY) this.prune();
  }

  /** Forgets rows past their age, then the oldest beyond the number. */
  prune(): void {
    this.#sinceLastPrune = 0;
    this.#forgetOlder.run(this.cutoff());
    const excess = this.size - this.#maxEntries;
    if (excess > 0) this.#forgetOldest.run(excess);
  }

  get size(): number {
    return this.#count.get()?.n ?? 0;
  }
}
