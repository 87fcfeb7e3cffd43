// The memory of conversations: the last question asked in each thread or DM, so that a follow-up
// (那北京呢？) can be read with it. Bounded in count and age; kept in the database so a restart
// keeps the thread going.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { PreviousTurn } from '../qa/followup.ts';

export interface ConversationMemoryOptions {
  /** Most conversations remembered; the least recently active go first. */
  maxEntries?: number;
  /** How long a quiet conversation is remembered. */
  ttlMs?: number;
}

const TurnRow = z.object({ question: z.string().min(1), metric: z.string().nullable() });

const PRUNE_EVERY = 64;

export class ConversationMemory {
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #get: Statement<[string, number], unknown>;
  readonly #put: Statement<[string, string, string | null, number]>;
  readonly #forgetOlder: Statement<[number]>;
  readonly #count: Statement<[], { n: number }>;
  readonly #forgetOldest: Statement<[number]>;
  #sinceLastPrune = 0;

  constructor(db: Database, now: () => number, { maxEntries = 10_000, ttlMs = 30 * 24 * 3600_000 }: ConversationMemoryOptions = {}) {
    this.#now = now;
    this.#maxEntries = Math.max(1, maxEntries);
    this.#ttlMs = ttlMs;
    this.#get = db.prepare('SELECT question, metric FROM conversation WHERE key = ? AND updated_at > ?');
    this.#put = db.prepare(
      'INSERT INTO conversation (key, question, metric, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET question = excluded.question, metric = excluded.metric, updated_at = excluded.updated_at',
    );
    this.#forgetOlder = db.prepare('DELETE FROM conversation WHERE updated_at <= ?');
    this.#count = db.prepare('SELECT count(*) AS n FROM conversation');
    this.#forgetOldest = db.prepare('DELETE FROM conversation WHERE key IN (SELECT key FROM conversation ORDER BY updated_at LIMIT ?)');
  }

  /** The last turn of the conversation, or null when there is none (or it was forgotten). */
  recall(conversation: string): PreviousTurn | null {
    const row = this.#get.get(conversation, this.#now() - this.#ttlMs);
    if (row === undefined) return null;
    const turn = TurnRow.safeParse(row);
    return turn.success ? turn.data : null;
  }

  remember(conversation: string, turn: PreviousTurn): void {
    this.#put.run(conversation, turn.question, turn.metric, this.#now());
    if (++this.#sinceLastPrune >= PRUNE_EVERY) this.prune();
  }

  prune(): void {
    this.#sinceLastPrune = 0;
    this.#forgetOlder.run(this.#now() - this.#ttlMs);
    const excess = (this.#count.get()?.n ?? 0) - this.#maxEntries;
    if (excess > 0) this.#forgetOldest.run(excess);
  }

  get size(): number {
    return this.#count.get()?.n ?? 0;
  }
}
