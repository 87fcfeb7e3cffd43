// The two Orama databases of the search index and the rows inserted into them.
//
// Paragraphs and targets live in two databases rather than one with a `kind` field: BM25 keeps its
// field lengths, averages and document counts per database, and a paragraph (a few hundred
// characters) and a target (a metric, a subject and a quoted sentence) are not comparable texts —
// mixed, every target would be scored against paragraph-length averages. Two databases also spare
// every query a `where` on kind, and let each have only the fields it searches.
//
// Filters are `enum`/`number` fields: a `where` on a `string` field matches any of its words.
// Rows carry only what is indexed plus the record id; the records themselves stay in SearchIndex.
import { create, type Orama } from '@orama/orama';
import type { Paragraph, Target } from '../model.ts';
import { createSearchIndexComponent } from './orama-index.ts';
import type { Segmenter } from '../text/segmenter.ts';
import { createSearchTokenizer, indexableText } from './tokenizer.ts';

export const PARAGRAPH_SCHEMA = {
  text: 'string',
  headline: 'string',
  section: 'string',
  doc: 'enum',
} as const;

export const TARGET_SCHEMA = {
  metric: 'string',
  subject: 'string',
  region: 'string',
  quote: 'string',
  /** Target.region for filtering (absent when the region is unknown). */
  regionKey: 'enum',
  /** Target.year (absent when the text gives none). */
  year: 'number',
  kind: 'enum',
  doc: 'enum',
} as const;

export type ParagraphDb = Orama<typeof PARAGRAPH_SCHEMA>;
export type TargetDb = Orama<typeof TARGET_SCHEMA>;

/** Searchable string fields of each database, for `properties` and for checking a saved schema. */
export const PARAGRAPH_TEXT_FIELDS = ['text', 'headline', 'section'] as const;
export const TARGET_TEXT_FIELDS = ['metric', 'subject', 'region', 'quote'] as const;

// Sorting is by score only: Orama's sorter would otherwise keep a sorted copy of every number and
// string field, costing build time and saved bytes for nothing.
export function createParagraphDb(segmenter: Segmenter): ParagraphDb {
  return create({
    schema: PARAGRAPH_SCHEMA,
    components: { tokenizer: createSearchTokenizer(segmenter), index: createSearchIndexComponent() },
    sort: { enabled: false },
  });
}

export function createTargetDb(segmenter: Segmenter): TargetDb {
  return create({
    schema: TARGET_SCHEMA,
    components: { tokenizer: createSearchTokenizer(segmenter), index: createSearchIndexComponent() },
    sort: { enabled: false },
  });
}

export interface ParagraphRow {
  id: string;
  text: string;
  headline: string;
  section: string;
  doc: string;
}

export interface TargetRow {
  id: string;
  metric: string;
  subject: string;
  region: string;
  quote: string;
  regionKey?: string;
  year?: number;
  kind: string;
  doc: string;
}

export function paragraphRow(p: Paragraph): ParagraphRow {
  return {
    id: p.id,
    text: indexableText(p.text),
    headline: indexableText(p.headline),
    section: indexableText(p.section),
    doc: p.doc,
  };
}

// Orama rejects null values; an absent property is simply not indexed, so a target without a
// region or year never passes a region or year filter.
export function targetRow(t: Target): TargetRow {
  const row: TargetRow = {
    id: t.id,
    metric: indexableText(t.metric),
    subject: indexableText(t.subject),
    region: indexableText(t.region ?? ''),
    quote: indexableText(t.citation.quote),
    kind: t.kind,
    doc: t.citation.doc,
  };
  if (t.region !== null) row.regionKey = t.region;
  if (t.year !== null) row.year = t.year;
  return row;
}
