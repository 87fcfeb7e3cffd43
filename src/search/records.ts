// The records of a saved index (documents with their paragraphs, and targets) in the form they are
// written: what a record repeats of its neighbours is left out and put back on loading, sharing
// one string. A paragraph's document name, headline and id follow from where it stands; a
// citation's document, headline, paragraph number and quote follow from its paragraph (the quote
// is a slice of the paragraph's text). At 100,000 paragraphs this takes the records from 170 MB to
// about half, and what they hold in memory with them.
import { z } from 'zod';
import { DocumentSchema, ParagraphSchema, TargetSchema, CitationSchema, type Document, type Paragraph, type Target } from '../model.ts';

const SavedParagraphSchema = ParagraphSchema.partial({ id: true, doc: true, headline: true, article: true });
const SavedDocumentSchema = DocumentSchema.extend({
  articles: z.array(DocumentSchema.shape.articles.element.extend({ paragraphs: z.array(SavedParagraphSchema) })),
});
const SavedTargetSchema = TargetSchema.extend({
  citation: CitationSchema.partial({ doc: true, article: true, paragraph: true, quote: true }),
});

export const SavedRecordsSchema = z.object({
  documents: z.array(SavedDocumentSchema),
  targets: z.array(SavedTargetSchema),
});
export type SavedRecords = z.infer<typeof SavedRecordsSchema>;

export function paragraphIdOf(doc: string, article: number, number: number): string {
  return `${doc}#${article}.${number}`;
}

/** The records as written: without what follows from where each stands. */
export function leanRecords(documents: readonly Document[], targets: readonly Target[], paragraphs: ReadonlyMap<string, Paragraph>): SavedRecords {
  const leanDocuments = documents.map((d) => ({
    ...d,
    articles: d.articles.map((a) => ({
      ...a,
      paragraphs: a.paragraphs.map((p) => {
        const { id, doc, headline, article, ...rest } = p;
        return {
          ...rest,
          ...(id === paragraphIdOf(d.file, a.index, p.number) ? {} : { id }),
          ...(doc === d.file ? {} : { doc }),
          ...(headline === a.headline ? {} : { headline }),
          ...(article === a.index ? {} : { article }),
        };
      }),
    })),
  }));
  const leanTargets = targets.map((t) => {
    const p = paragraphs.get(t.citation.paragraphId);
    if (p === undefined) return t;
    const { doc, article, paragraph, quote, ...rest } = t.citation;
    return {
      ...t,
      citation: {
        ...rest,
        ...(doc === p.doc ? {} : { doc }),
        ...(article === p.headline ? {} : { article }),
        ...(paragraph === p.number ? {} : { paragraph }),
        ...(quote === p.text.slice(t.citation.start, t.citation.end) ? {} : { quote }),
      },
    };
  });
  return { documents: leanDocuments, targets: leanTargets };
}

export class RecordsError extends Error {
  override readonly name = 'RecordsError';
}

/**
 * The records as the index holds them, from their written form, which it fills in where it stands
 * (new objects would hold about as much again as the records themselves).
 */
export function fullRecords(saved: SavedRecords): { documents: Document[]; targets: Target[] } {
  const byId = new Map<string, Paragraph>();
  for (const d of saved.documents) {
    for (const a of d.articles) {
      for (const p of a.paragraphs) {
        p.article ??= a.index;
        p.id ??= paragraphIdOf(d.file, p.article, p.number);
        p.doc ??= d.file;
        p.headline ??= a.headline;
        byId.set(p.id, p as Paragraph);
      }
    }
  }
  for (const t of saved.targets) {
    const c = t.citation;
    const p = byId.get(c.paragraphId);
    if (p === undefined) {
      if (c.doc !== undefined && c.article !== undefined && c.paragraph !== undefined && c.quote !== undefined) continue;
      throw new RecordsError(`target ${t.id} cites paragraph ${c.paragraphId}, which is not in the records`);
    }
    c.doc ??= p.doc;
    c.article ??= p.headline;
    c.paragraph ??= p.number;
    c.quote ??= p.text.slice(c.start, c.end);
  }
  return saved as { documents: Document[]; targets: Target[] };
}
