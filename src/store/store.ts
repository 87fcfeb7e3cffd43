// The bot's embedded database (SQLite through better-sqlite3) in the data folder: what it has
// handled, the memory of its conversations, the feedback it was given and each person's recent
// questions. Whoever opens a Store owns it and closes it; nothing here is global.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ConversationMemory, type ConversationMemoryOptions } from './conversations.ts';
import { DeliveryLog, type DeliveryLogOptions } from './deliveries.ts';
import { FeedbackLog } from './feedback.ts';
import { migrate, schemaVersion, StoreError, MIGRATIONS } from './migrations.ts';
import { RecentQuestions } from './recentQuestions.ts';

export { StoreError };

/** The database's file name in the data folder. */
export const STORE_FILE = 'zhibiao.db';
/** Where the data folder is when DATA_DIR does not say. */
export const DEFAULT_DATA_DIR = 'data';
/** A store that lives only as long as its process (tests, the bench, a bot without a data folder). */
export const IN_MEMORY = ':memory:';

export interface StoreOptions {
  /** The data folder (created when missing), or IN_MEMORY. */
  dataDir: string;
  /** Opens an existing database for reading only, e.g. to list feedback while the bot runs. */
  readonly?: boolean;
  now?: () => number;
  deliveries?: DeliveryLogOptions;
  conversations?: ConversationMemoryOptions;
}

export interface Store {
  readonly path: string;
  readonly schemaVersion: number;
  readonly deliveries: DeliveryLog;
  readonly conversations: ConversationMemory;
  readonly feedback: FeedbackLog;
  readonly recentQuestions: RecentQuestions;
  /** Closes the database; later calls do nothing. */
  close(): void;
}

export function storePath(dataDir: string): string {
  return dataDir === IN_MEMORY ? IN_MEMORY : join(dataDir, STORE_FILE);
}

/**
 * Opens (and when writable, creates and brings up to date) the store in a data folder. A read-only
 * store must exist at the schema this version writes: it cannot be migrated.
 */
export function openStore(options: StoreOptions): Store {
  const path = storePath(options.dataDir);
  const readonly = options.readonly === true;
  if (!readonly && path !== IN_MEMORY) mkdirSync(options.dataDir, { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new StoreError(`cannot open ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (readonly) {
      const version = schemaVersion(db);
      const latest = MIGRATIONS.at(-1)!.version;
      if (version !== latest) throw new StoreError(`${path} has schema version ${version}, this version of zhibiao reads ${latest}; start the bot once to bring it up to date`);
    } else {
      // WAL lets `zhibiao feedback` read while the bot writes; NORMAL is durable at each checkpoint,
      // enough for memory whose loss costs at most a repeated answer.
      if (path !== IN_MEMORY) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      migrate(db);
    }
  } catch (error) {
    db.close();
    throw error;
  }
  const now = options.now ?? Date.now;
  let closed = false;
  return {
    path,
    schemaVersion: schemaVersion(db),
    deliveries: new DeliveryLog(db, now, options.deliveries),
    conversations: new ConversationMemory(db, now, options.conversations),
    feedback: new FeedbackLog(db, now),
    recentQuestions: new RecentQuestions(db, now),
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
