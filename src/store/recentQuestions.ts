// The last questions each person asked, newest first, for their App Home. A question asked again
// moves to the top instead of appearing twice.
import type { Database, Statement } from 'better-sqlite3';

export class RecentQuestions {
  readonly #db: Database;
  readonly #now: () => number;
  readonly #perUser: number;
  readonly #put: Statement<[string, string, number]>;
  readonly #list: Statement<[string, number], { question: string }>;
  readonly #trim: Statement<[string, string, number]>;
  // Two questions asked within one millisecond keep their order: each stamp is later than the last.
  #lastStamp = 0;

  constructor(db: Database, now: () => number, perUser = 10) {
    this.#db = db;
    this.#now = now;
    this.#perUser = Math.max(1, perUser);
    this.#put = db.prepare(
      'INSERT INTO recent_question (user_id, question, asked_at) VALUES (?, ?, ?) ON CONFLICT (user_id, question) DO UPDATE SET asked_at = excluded.asked_at',
    );
    this.#list = db.prepare('SELECT question FROM recent_question WHERE user_id = ? ORDER BY asked_at DESC LIMIT ?');
    this.#trim = db.prepare(
      'DELETE FROM recent_question WHERE user_id = ? AND question NOT IN (SELECT question FROM recent_question WHERE user_id = ? ORDER BY asked_at DESC LIMIT ?)',
    );
  }

  add(user: string, question: string): void {
    this.#db.transaction(() => {
      this.#lastStamp = Math.max(this.#now(), this.#lastStamp + 1);
      this.#put.run(user, question, this.#lastStamp);
      this.#trim.run(user, user, this.#perUser);
    })();
  }

  /** Newest first. */
  list(user: string, limit = this.#perUser): string[] {
    return this.#list.all(user, limit).map((row) => row.question);
  }
}
