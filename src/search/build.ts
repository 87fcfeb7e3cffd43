// Building the search index from the documents and their targets. Segmentation (jieba, through the
// segmenter's tokenizer) is nearly all of the cost. The index keeps its segmenter: questions must
// be cut as its documents were.
import { insertMultiple } from '@orama/orama';
import type { Document, Paragraph, Target } from '../model.ts';
import type { WordDictionary } from '../text/dictionary.ts';
import type { Segmenter } from '../text/segmenter.ts';
import type { IndexKey } from './manifest.ts';
import { completeInsertions } from './orama-index.ts';
import {
  createParagraphDb,
  createTargetDb,
  paragraphRow,
  targetRow,
  type ParagraphDb,
  type TargetDb,
} from './schema.ts';

export interface SearchIndex {
  readonly documents: readonly Document[];
  /** Every paragraph of the documents, by Paragraph.id, in document order. */
  readonly paragraphs: ReadonlyMap<string, Paragraph>;
  readonly targets: readonly Target[];
  readonly targetsById: ReadonlyMap<string, Target>;
  /** What the index was built from (see manifest.ts). */
  readonly key: IndexKey;
  /** The segmenter the documents were cut with. */
  readonly segmenter: Segmenter;
  /** The words of jieba's dictionary that its texts hold: what a loaded index cuts with. */
  readonly dictionary: WordDictionary;
  readonly paragraphDb: ParagraphDb;
  readonly targetDb: TargetDb;
}

export interface BuildInput {
  documents: Document[];
  targets: Target[];
  key: IndexKey;
  segmenter: Segmenter;
  /** The index's own dictionary, known once everything is cut (called after the insertions). */
  dictionary: () => WordDictionary;
}

export interface IndexSummary {
  documents: number;
  paragraphs: number;
  targets: number;
}

export function paragraphsOf(documents: readonly Document[]): Map<string, Paragraph> {
  const byId = new Map<string, Paragraph>();
  for (const doc of documents) {
    for (const article of doc.articles) {
      for (const p of article.paragraphs) {
        if (byId.has(p.id)) throw new Error(`search index: paragraph id ${p.id} occurs twice`);
        byId.set(p.id, p);
      }
    }
  }
  return byId;
}

export function targetsByIdOf(targets: readonly Target[]): Map<string, Target> {
  const byId = new Map<string, Target>();
  for (const t of targets) {
    if (byId.has(t.id)) throw new Error(`search index: target id ${t.id} occurs twice`);
    byId.set(t.id, t);
  }
  return byId;
}

// insertMultiple is synchronous when no hook is async (none is registered here); the batch size
// only decides how often Orama would yield, which it does not without a timeout.
const BATCH = 5000;

function insertAllSync<Db extends ParagraphDb | TargetDb>(db: Db, rows: object[]): void {
  const result = insertMultiple(db, rows as never, BATCH);
  if (result instanceof Promise) throw new Error('search index: Orama inserted asynchronously');
  completeInsertions(db);
}

/** Builds both databases; throws only on duplicate ids (a bug upstream, not bad input files). */
export function buildSearchIndex(input: BuildInput): SearchIndex {
  const paragraphs = paragraphsOf(input.documents);
  const targetsById = targetsByIdOf(input.targets);
  const paragraphDb = createParagraphDb(input.segmenter);
  insertAllSync(paragraphDb, Array.from(paragraphs.values(), paragraphRow));
  const targetDb = createTargetDb(input.segmenter);
  insertAllSync(targetDb, input.targets.map(targetRow));
  return {
    documents: input.documents,
    paragraphs,
    targets: input.targets,
    targetsById,
    key: input.key,
    segmenter: input.segmenter,
    dictionary: input.dictionary(),
    paragraphDb,
    targetDb,
  };
}

export function summarizeIndex(index: SearchIndex): IndexSummary {
  return {
    documents: index.documents.length,
    paragraphs: index.paragraphs.size,
    targets: index.targets.length,
  };
}
