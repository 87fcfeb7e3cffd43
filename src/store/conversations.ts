// The memory of conversations: the last question asked in each thread or DM, so that a follow-up
// (那北京呢？) can be read with it. Bounded in count and age; kept in the database so a restart
// keeps the thread going.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { BoundedTable } from './bounded.ts';
import type { PreviousTurn } from '../qa/followup.ts';

export interface ConversationMemoryOptions {
  /** Most conversations remembered; the least recently active go first. */
  maxEntries?: number;
  /** How long a quiet conversation is remembered. */
  ttlMs?: number;
}

const TurnRow = z.object({ question: z.string().min(1), metric: z.string().nullable() });

export class ConversationMemory {
  readonly #now: () => number;
  readonly #bounded: BoundedTable;
  readonly #get: Statement<[string, number], unknown>;
  readonly #put: Statement<[string, string, string | null, number]>;

  constructor(db: Database, now: () => number, { maxEntries = 10_000, ttlMs = 30 * 24 * 3600_000 }: ConversationMemoryOptions = {}) {
    this.#now = now;
    this.#bounded = new BoundedTable(db, now, 'conversation', 'updated_at', { maxEntries, ttlMs });
    this.#get = db.prepare('SELECT question, metric FROM conversation WHERE key = ? AND updated_at > ?');
    this.#put = db.prepare(
      'INSERT INTO conversation (key, question, metric, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (key) DO UPDATE SET question = excluded.question, metric = excluded.metric, updated_at = excluded.updated_at',
    );
  }

  /** The last turn of the conversation, or null when there is none (or it was forgotten). */
  recall(conversation: string): PreviousTurn | null {
    const row = this.#get.get(conversation, this.#bounded.cutoff());
    if (row === undefined) return null;
    const turn = TurnRow.safeParse(row);
    return turn.success ? turn.data : null;
  }

  remember(conversation: string, turn: PreviousTurn): void {
    this.#put.run(conversation, turn.question, turn.metric, this.#now());
    this.#bounded.wrote();
  }

  prune(): void {
    this.#bounded.prune();
  }

  get size(): number {
    return this.#bounded.size;
  }
}
