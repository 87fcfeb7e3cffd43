// What the bot has already handled. Slack delivers an event again when it thinks the first
// delivery failed (X-Slack-Retry-Num over HTTP, retry_attempt in Socket Mode), sends a channel
// mention twice to an app that also hears channel messages, and a click, a shortcut or a command
// may be replayed; each is acted on once, across restarts, because the keys that name a delivery
// are kept in the database for as long as Slack may repeat it.
import type { Database, Statement } from 'better-sqlite3';

export interface DeliveryLogOptions {
  /** Most keys kept; the oldest go first. */
  maxEntries?: number;
  /** How long a key is remembered. Slack's last retry comes about 5 minutes after the event. */
  ttlMs?: number;
}

// Forgetting old keys is a scan of the age index: done every so many sightings, not on each.
const PRUNE_EVERY = 64;

export class DeliveryLog {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #seenSince: Statement<[string, number], { seen: number }>;
  readonly #record: Statement<[string, number]>;
  readonly #forgetOlder: Statement<[number]>;
  readonly #count: Statement<[], { n: number }>;
  readonly #forgetOldest: Statement<[number]>;
  #sinceLastPrune = 0;

  constructor(db: Database, now: () => number, { maxEntries = 5000, ttlMs = 30 * 60_000 }: DeliveryLogOptions = {}) {
    this.#db = db;
    this.#now = now;
    this.#maxEntries = Math.max(1, maxEntries);
    this.#ttlMs = ttlMs;
    this.#seenSince = db.prepare('SELECT 1 AS seen FROM delivery WHERE key = ? AND seen_at > ?');
    this.#record = db.prepare('INSERT INTO delivery (key, seen_at) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET seen_at = excluded.seen_at');
    this.#forgetOlder = db.prepare('DELETE FROM delivery WHERE seen_at <= ?');
    this.#count = db.prepare('SELECT count(*) AS n FROM delivery');
    this.#forgetOldest = db.prepare('DELETE FROM delivery WHERE key IN (SELECT key FROM delivery ORDER BY seen_at LIMIT ?)');
  }

  /**
   * Records the keys that name one delivery (its event id, its channel and ts, its trigger id …)
   * and says whether none of them was seen before. Keys that are undefined or empty are skipped.
   */
  firstSighting(...keys: (string | undefined)[]): boolean {
    const present = keys.filter((key): key is string => key !== undefined && key !== '');
    const now = this.#now();
    return this.#db.transaction(() => {
      const seen = present.some((key) => this.#seenSince.get(key, now - this.#ttlMs) !== undefined);
      for (const key of present) this.#record.run(key, now);
      if (++this.#sinceLastPrune >= PRUNE_EVERY) this.prune();
      return !seen;
    })();
  }

  /** Forgets keys past their time, then the oldest beyond the bound. */
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
