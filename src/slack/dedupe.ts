// Slack delivers an event again when it thinks the first delivery failed (X-Slack-Retry-Num over
// HTTP, retry_attempt in Socket Mode) and sends a channel mention twice when the app also listens
// to channel messages (app_mention plus message). Bolt passes all of them on, so the bot remembers
// what it has handled; the memory is bounded in size and age so a long-running bot stays small.

export interface RecentKeysOptions {
  /** Most keys kept; the least recently seen go first. */
  maxEntries?: number;
  /** How long a key is remembered. Slack's last retry comes about 5 minutes after the event. */
  ttlMs?: number;
  now?: () => number;
}

export class RecentKeys {
  readonly #seenAt = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #ttlMs: number;
  readonly #now: () => number;

  constructor({ maxEntries = 5000, ttlMs = 30 * 60_000, now = Date.now }: RecentKeysOptions = {}) {
    this.#maxEntries = Math.max(1, maxEntries);
    this.#ttlMs = ttlMs;
    this.#now = now;
  }

  /**
   * Records the keys that name one delivery (its event id, its channel and ts …) and says whether
   * none of them was seen before. Keys that are undefined or empty are skipped.
   */
  firstSighting(...keys: (string | undefined)[]): boolean {
    const now = this.#now();
    this.#forgetExpired(now);
    const present = keys.filter((key): key is string => key !== undefined && key !== '');
    const seen = present.some((key) => this.#seenAt.has(key));
    for (const key of present) {
      // Re-inserting moves the key to the end of the Map's order, which is the eviction order.
      this.#seenAt.delete(key);
      this.#seenAt.set(key, now);
    }
    while (this.#seenAt.size > this.#maxEntries) {
      const oldest = this.#seenAt.keys().next();
      if (oldest.done) break;
      this.#seenAt.delete(oldest.value);
    }
    return !seen;
  }

  get size(): number {
    return this.#seenAt.size;
  }

  #forgetExpired(now: number): void {
    for (const [key, at] of this.#seenAt) {
      if (now - at < this.#ttlMs) break;
      this.#seenAt.delete(key);
    }
  }
}
