// The store's schema, as the list of steps that build it. A database records the last step it has
// taken in SQLite's user_version; opening it takes the steps after that one, each in a transaction,
// so a database made by an older version of the bot is brought up to date with its rows kept. A
// step, once released, is never edited: a change to the schema is a new step at the end.
import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The user_version the database has after this step. */
  version: number;
  /** What the step does, for the log and for whoever reads this file. */
  does: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    does: 'deliveries handled, conversation memory, feedback, recent questions',
    sql: `
      -- One row per key that names a delivery handled (event id, channel and ts, trigger id …).
      CREATE TABLE delivery (
        key TEXT PRIMARY KEY,
        seen_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX delivery_by_age ON delivery (seen_at);

      -- The last question of each thread or DM, for follow-ups.
      CREATE TABLE conversation (
        key TEXT PRIMARY KEY,
        question TEXT NOT NULL,
        metric TEXT,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX conversation_by_age ON conversation (updated_at);

      -- 👍 / 👎 on an answer, one per person and answer (a second verdict replaces the first).
      CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        given_at INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        message_ts TEXT NOT NULL,
        verdict TEXT NOT NULL CHECK (verdict IN ('up', 'down')),
        reason TEXT,
        note TEXT,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        citation TEXT,
        UNIQUE (channel_id, message_ts, user_id)
      );

      -- The last questions each person asked, for their App Home.
      CREATE TABLE recent_question (
        user_id TEXT NOT NULL,
        question TEXT NOT NULL,
        asked_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, question)
      ) WITHOUT ROWID;
    `,
  },
];

/** A database this version of the bot cannot use: made by a newer one, or not brought up to date. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Takes the steps the database has not taken yet and returns the versions taken. A database of a
 * newer version than the last step is refused: its rows may mean what this version cannot know.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new StoreError(`${db.name} has schema version ${current}, newer than this version of zhibiao knows (${latest}); run the newer version, or move the data folder aside`);
  }
  const taken: number[] = [];
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${step.version}`);
    })();
    taken.push(step.version);
  }
  return taken;
}
