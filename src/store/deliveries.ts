// What the bot has already handled. Slack delivers an event again when it thinks the first
// delivery failed (X-Slack-Retry-Num over HTTP, retry_attempt in Socket Mode), sends a channel
// mention twice to an app that also hears channel messages, and a click, a shortcut or a command
// may be replayed; each is acted on once, across restarts, because the keys that name a delivery
// are kept in the database for as long as Slack may repeat it.
import type { Database, Statement } from 'better-sqlite3';
import { BoundedTable } from './bounded.ts';

export interface DeliveryLogOptions {
  /** Most keys kept; the oldest go first. */
  maxEntries?: number;
  /** How long a key is remembered. Slack's last retry comes about 5 minutes after the event. */
  ttlMs?: number;
}

export class DeliveryLog {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #bounded: BoundedTable;
  readonly #seenSince: Statement<[string, number], { seen: number }>;
  readonly #record: Statement<[string, number]>;

  constructor(db: Database, now: () => number, { maxEntries = 5000, ttlMs = 30 * 60_000 }: DeliveryLogOptions = {}) {
    this.#db = db;
    this.#now = now;
    this.#bounded = new BoundedTable(db, now, 'delivery', 'seen_at', { maxEntries, ttlMs });
    this.#seenSince = db.prepare('SELECT 1 AS seen FROM delivery WHERE key = ? AND seen_at > ?');
    this.#record = db.prepare('INSERT INTO delivery (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at');
  }

  /**
   * Records the keys that name one delivery (its event id, its channel and ts, its trigger id …)
   * and says whether none of them was seen before. Keys that are undefined or empty are skipped.
   */
  firstSighting(...keys: (string | undefined)[]): boolean {
    const present = keys.filter((key): key is string => key !== undefined && key !== '');
    const now = this.#now();
    return this.#db.transaction(() => {
      const seen = present.some((key) => this.#seenSince.get(key, this.#bounded.cutoff(now)) !== undefined);
      for (const key of present) this.#record.run(key, now);
      this.#bounded.wrote();
      return !seen;
    })();
  }

  /** Forgets keys past their time, then the oldest beyond the bound. */
  prune(): void {
    this.#bounded.prune();
  }

  get size(): number {
    return this.#bounded.size;
  }
}
