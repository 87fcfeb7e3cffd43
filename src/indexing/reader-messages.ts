// What live.ts and its reader process (reader-process.ts) say to each other.
import { z } from 'zod';
import { DocumentSchema, TargetSchema } from '../model.ts';

export const ReaderRequestSchema = z.object({
  id: z.number().int(),
  seedsDir: z.string(),
  /** The files to read, as paths within the seeds folder. */
  files: z.array(z.string()),
  /** The index's terms, kept whole as when it was built. */
  terms: z.array(z.string()),
});
export type ReaderRequest = z.infer<typeof ReaderRequestSchema>;

const FormatSchema = z.enum(['text', 'docx', 'html', 'pdf']);

export const ReaderReplySchema = z.union([
  z.object({
    id: z.number().int(),
    documents: z.array(DocumentSchema),
    targets: z.array(TargetSchema),
    formats: z.array(z.object({ file: z.string(), format: FormatSchema })),
    /** Each document's text fingerprint (src/corpus/duplicates.ts), to find it already indexed. */
    fingerprints: z.array(z.array(z.number().int())),
    dictionary: z.object({
      words: z.array(z.tuple([z.string(), z.object({ freq: z.number(), tag: z.string() })])),
      total: z.number(),
      minFreq: z.number(),
    }),
    /** Lines for people: files skipped and why. */
    notices: z.array(z.string()),
  }),
  z.object({ id: z.number().int(), error: z.string() }),
]);
export type ReaderReply = z.infer<typeof ReaderReplySchema>;
