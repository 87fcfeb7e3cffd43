// The records that flow between the pipeline's stages. Each is a zod schema so that anything read
// from disk (the saved index), typed by a user or printed as JSON is checked at the boundary; the
// TypeScript types are inferred from the schemas and never written twice.
import { z } from 'zod';

/** Comparison that a figure's wording puts on its number (以上 → gte, 约 → approx …). */
export const QualifierSchema = z.enum(['eq', 'approx', 'gte', 'gt', 'lte', 'lt', 'range']);
export type Qualifier = z.infer<typeof QualifierSchema>;

/** What a figure measures, from its unit (see src/lexicon/units.ts). */
export const FigureKindSchema = z.enum([
  'money', 'percent', 'percentage_points', 'count', 'length', 'area', 'mass', 'volume', 'energy', 'power',
  'duration', 'other',
]);
export type FigureKind = z.infer<typeof FigureKindSchema>;

const Amount = z.union([z.number(), z.tuple([z.number(), z.number()])]);

/** A quantity exactly as the text states it (see CONTRACT.md). */
export const FigureSchema = z.object({
  /** The span of the source, unchanged. */
  text: z.string(),
  /** The number as written in `unit`; `[low, high]` for a range. */
  value: Amount,
  /** The unit as written, magnitude word included: 亿元, 万人, %, 个 … ('' when none). */
  unit: z.string(),
  /** `value` with the magnitude words applied, in `baseUnit`. */
  base: Amount,
  /** The unit without its magnitude word: 元, 人, %, 个 … */
  baseUnit: z.string(),
  qualifier: QualifierSchema,
  /** What the unit measures; `other` for a bare magnitude (1.4万亿) or a multiple (倍). */
  kind: FigureKindSchema,
  /** Offsets of `text` in the string that was searched (end exclusive). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Figure = z.infer<typeof FigureSchema>;

/** A paragraph of a document, after layout and mending. */
export const ParagraphSchema = z.object({
  /** Stable id: `${doc}#${article}.${number}`. */
  id: z.string(),
  doc: z.string(),
  /** 1-based index of the article within the document. */
  article: z.number().int().positive(),
  /** The headline the paragraph stands under ('' when the article has none). */
  headline: z.string(),
  /** The nearest section headline inside the article (一、…, （一）…), '' when none. */
  section: z.string(),
  /** 1-based number of the paragraph within its article. */
  number: z.number().int().positive(),
  /** The paragraph's text with layout breaks mended and full-width forms kept as in the source. */
  text: z.string(),
  /**
   * Offsets in the decoded document text of the paragraph's first and last source character (for
   * .docx, .pdf and .html: in the text their reader gives, one paragraph a line).
   */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const ArticleSchema = z.object({
  index: z.number().int().positive(),
  headline: z.string(),
  /** True when the article began at a continuation marker such as （上接第1版）. */
  continued: z.boolean(),
  paragraphs: z.array(ParagraphSchema),
});
export type Article = z.infer<typeof ArticleSchema>;

/**
 * Where a document comes from, as far as the file or the seeds' catalogue says; null when unknown.
 * Which statement wins when several say it: README "Documents it reads".
 */
export const SourceSchema = z.object({
  title: z.string().nullable(),
  /** The organisation or paper that published it (来源：贵州日报), else the file's author. */
  publisher: z.string().nullable(),
  /** ISO date, as precise as stated: 2025-01-19, 2025-01 or 2025. */
  date: z.string().nullable(),
  url: z.string().nullable(),
});
export type Source = z.infer<typeof SourceSchema>;

/** A seed document after decoding and layout. */
export const DocumentSchema = z.object({
  /** Path within the seeds folder, '/'-separated (provinces-2025/2025年…报告.docx). */
  file: z.string(),
  /** The document's title when it states one (first headline of a report), else null. */
  title: z.string().nullable(),
  /** The year the document speaks from (its date, title or file name), for 今年/明年; null if none. */
  year: z.number().int().nullable(),
  /** sha256 of the file's bytes. */
  hash: z.string(),
  articles: z.array(ArticleSchema),
  /** Absent on documents made before sources were read (and in synthetic corpora). */
  source: SourceSchema.optional(),
});
export type Document = z.infer<typeof DocumentSchema>;

export const CitationSchema = z.object({
  doc: z.string(),
  /** The headline the paragraph stands under. */
  article: z.string(),
  /** 1-based number of the paragraph within its article. */
  paragraph: z.number().int().positive(),
  /** The sentence(s) that state the figure, layout breaks mended. */
  quote: z.string(),
  /** Offsets of `quote` in the mended paragraph text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Id of the paragraph (see ParagraphSchema.id). */
  paragraphId: z.string(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const TargetKindSchema = z.enum(['target', 'actual', 'forecast']);
export type TargetKind = z.infer<typeof TargetKindSchema>;

/** A figure that a document ties to a place, a thing and a year. */
export const TargetSchema = z.object({
  id: z.string(),
  /** Place the figure belongs to ('全国' for national figures), null when unknown. */
  region: z.string().nullable(),
  /** What is measured, in the document's words: 汽车产业集群规模, 先进制造业增加值 … */
  metric: z.string(),
  /** The thing measured without the measure: 汽车, 先进制造业 … */
  subject: z.string(),
  figure: FigureSchema.nullable(),
  /** For a dated target without a quantity: the deadline as the text states it (2020年年底前). */
  due: z.string().optional(),
  /** Year the figure is due or refers to; null when the text gives none. */
  year: z.number().int().nullable(),
  /** First and last year when the figure is for a period (十四五 → [2021, 2025]); `year` is the last. */
  period: z.tuple([z.number().int(), z.number().int()]).optional(),
  kind: TargetKindSchema,
  citation: CitationSchema,
});
export type Target = z.infer<typeof TargetSchema>;

/** Whether a result meets its target: `unknown` when one of them is missing. */
export const VerdictSchema = z.enum(['met', 'not_met', 'unknown']);
export type Verdict = z.infer<typeof VerdictSchema>;

export const AnswerStatusSchema = z.enum(['answered', 'no_figure', 'not_found']);
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>;

export const AnswerSchema = z.object({
  question: z.string(),
  status: AnswerStatusSchema,
  /** One line for people: 广州：汽车产业集群规模 6000亿元（到2021年，目标）. */
  answer: z.string(),
  /** Targets that answer, best first. */
  targets: z.array(TargetSchema),
  /** Passages cited, best first; the first states the answer's figure. */
  citations: z.array(CitationSchema),
  /** Set when the documents state different figures for the same thing. */
  conflict: z.boolean().default(false),
  /**
   * For an answer without a figure: the closest thing the documents do state (same place), offered
   * as such and never as the answer. Absent when nothing comes close.
   */
  nearest: TargetSchema.optional(),
  /**
   * For a question across documents: places side by side, years side by side, or a target against
   * its result. `targets` then holds the rows' targets in the order shown (for a check: the target,
   * then the result).
   */
  comparison: z
    .object({
      kind: z.enum(['places', 'years', 'check']),
      /** What was compared, as the question names it (长三角, 各省, 全国 · 2014—2025年). */
      label: z.string(),
      rows: z.array(z.object({ label: z.string(), target: TargetSchema })),
      /** The places or years asked about that the documents state no figure for, each with why. */
      missing: z.array(z.object({ label: z.string(), why: z.string() })),
      /** The filter applied to the figures, as the question says it (5.5%以上, 最高). */
      filter: z.string().optional(),
      /** What a reader should know: a result that is a forecast, documents that differ. */
      notes: z.array(z.string()),
    })
    .optional(),
  /** For a check: whether the result meets the target, read with its qualifier. */
  verdict: VerdictSchema.optional(),
});
export type Answer = z.infer<typeof AnswerSchema>;
export type Comparison = NonNullable<Answer['comparison']>;
