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

/** The records as the index holds them, from their written form. */
export function fullRecords(saved: SavedRecords): { documents: Document[]; targets: Target[] } {
  const byId = new Map<string, Paragraph>();
  const documents: Document[] = saved.documents.map((d) => ({
    ...d,
    articles: d.articles.map((a) => ({
      ...a,
      paragraphs: a.paragraphs.map((p) => {
        const article = p.article ?? a.index;
        const full: Paragraph = {
          ...p,
          id: p.id ?? paragraphIdOf(d.file, article, p.number),
          doc: p.doc ?? d.file,
          headline: p.headline ?? a.headline,
          article,
        };
        byId.set(full.id, full);
        return full;
      }),
    })),
  }));
  const targets: Target[] = saved.targets.map((t) => {
    const c = t.citation;
    const p = byId.get(c.paragraphId);
    if (p === undefined && (c.doc === undefined || c.article === undefined || c.paragraph === undefined || c.quote === undefined)) {
      throw new RecordsError(`target ${t.id} cites paragraph ${c.paragraphId}, which is not in the records`);
    }
    return {
      ...t,
      citation: {
        ...c,
        doc: c.doc ?? p!.doc,
        article: c.article ?? p!.headline,
        paragraph: c.paragraph ?? p!.number,
        quote: c.quote ?? p!.text.slice(c.start, c.end),
      },
    };
  });
  return { documents, targets };
}
