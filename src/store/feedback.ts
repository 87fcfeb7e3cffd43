// 👍 / 👎 on answers, kept with the question, the answer and the citation shown, for whoever
// maintains the library (`zhibiao feedback`). One verdict per person and answer: a second one
// (👍 then 👎 with a reason) replaces the first.
import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';

export const FeedbackReasonSchema = z.enum(['wrong_figure', 'wrong_place_or_year', 'should_be_found', 'other']);
export type FeedbackReason = z.infer<typeof FeedbackReasonSchema>;

/** Where the answer's figure was cited from, as shown with it. */
export const FeedbackCitationSchema = z.object({ doc: z.string(), article: z.string(), paragraph: z.number().int().positive() });
export type FeedbackCitation = z.infer<typeof FeedbackCitationSchema>;

export const FeedbackSchema = z.object({
  user: z.string().min(1),
  channel: z.string().min(1),
  /** ts of the answer the verdict is on. */
  messageTs: z.string().min(1),
  verdict: z.enum(['up', 'down']),
  reason: FeedbackReasonSchema.nullable(),
  /** What the person wrote, as written. */
  note: z.string().max(3000).nullable(),
  question: z.string(),
  answer: z.string(),
  citation: FeedbackCitationSchema.nullable(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const FeedbackEntrySchema = FeedbackSchema.extend({ id: z.number().int(), givenAt: z.iso.datetime() });
export type FeedbackEntry = z.infer<typeof FeedbackEntrySchema>;

interface FeedbackRow {
  id: number;
  given_at: number;
  user_id: string;
  channel_id: string;
  message_ts: string;
  verdict: string;
  reason: string | null;
  note: string | null;
  question: string;
  answer: string;
  citation: string | null;
}

export class FeedbackLog {
  readonly #now: () => number;
  readonly #put: Statement<[number, string, string, string, string, string | null, string | null, string, string, string | null]>;
  readonly #list: Statement<[], FeedbackRow>;

  constructor(db: Database, now: () => number) {
    this.#now = now;
    this.#put = db.prepare(
      'INSERT INTO feedback (given_at, user_id, channel_id, message_ts, verdict, reason, note, question, answer, citation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (channel_id, message_ts, user_id) DO UPDATE SET given_at = excluded.given_at, verdict = excluded.verdict, reason = excluded.reason, ' +
        'note = excluded.note, question = excluded.question, answer = excluded.answer, citation = excluded.citation',
    );
    this.#list = db.prepare('SELECT * FROM feedback ORDER BY given_at, id');
  }

  record(feedback: Feedback): void {
    const f = FeedbackSchema.parse(feedback);
    this.#put.run(this.#now(), f.user, f.channel, f.messageTs, f.verdict, f.reason, f.note, f.question, f.answer, f.citation && JSON.stringify(f.citation));
  }

  /** Every verdict kept, oldest first. */
  list(): FeedbackEntry[] {
    return this.#list.all().map((row) =>
      FeedbackEntrySchema.parse({
        id: row.id,
        givenAt: new Date(row.given_at).toISOString(),
        user: row.user_id,
        channel: row.channel_id,
        messageTs: row.message_ts,
        verdict: row.verdict,
        reason: row.reason,
        note: row.note,
        question: row.question,
        answer: row.answer,
        citation: row.citation === null ? null : JSON.parse(row.citation),
      }),
    );
  }
}
