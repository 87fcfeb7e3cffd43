// Replacing some documents of a search index in place: their paragraphs and targets leave both
// databases, the new ones go in, and the records follow. A live update of the seeds folder does
// this for the files that changed, so that only those are read and segmented again.
import { insertMultiple, remove, type AnyOrama } from '@orama/orama';
import type { Document, Target } from '../model.ts';
import type { WordDictionary } from '../text/dictionary.ts';
import { compareCodePoints } from '../corpus/walk.ts';
import { paragraphsOf, targetsByIdOf, type SearchIndex } from './build.ts';
import type { IndexKey } from './manifest.ts';
import { completeInsertions } from './orama-index.ts';
import { paragraphRow, targetRow } from './schema.ts';

export interface DocumentReplacement {
  /** Files whose documents leave the index (changed or removed). */
  leaving: ReadonlySet<string>;
  /** The documents that come in (the changed files read again, and new files), with their targets. */
  documents: readonly Document[];
  targets: readonly Target[];
  /** The index's dictionary, grown by the new documents' words. */
  dictionary: WordDictionary;
  key: IndexKey;
}

/**
 * Removes rows by id. A loaded index holds only a stub of each document in Orama's store (records
 * keep the text), and Orama removes a document's tokens by cutting its stored fields again; so
 * each row is put back whole first, and cut exactly as it was when inserted.
 */
function removeRows(db: AnyOrama, rows: readonly { id: string }[]): void {
  const docs = db.data.docs as { docs: Record<number, unknown> };
  const ids = db.internalDocumentIDStore as { idToInternalId: Map<string, number> };
  for (const row of rows) {
    const internalId = ids.idToInternalId.get(row.id);
    if (internalId === undefined || docs.docs[internalId] === undefined) continue;
    docs.docs[internalId] = row;
    if (remove(db, row.id) instanceof Promise) throw new Error('search index: Orama removed asynchronously');
  }
}

function insertRows(db: AnyOrama, rows: readonly object[]): void {
  if (rows.length === 0) return;
  if (insertMultiple(db, rows as never) instanceof Promise) throw new Error('search index: Orama inserted asynchronously');
  completeInsertions(db);
}

/**
 * The index with `leaving`'s documents replaced by `documents`, its databases changed in place. It
 * is synchronous: no answer ever sees half of it. The old index object must not be used after.
 */
export function replaceDocuments(index: SearchIndex, replacement: DocumentReplacement): SearchIndex {
  const { leaving } = replacement;
  const leavingParagraphs = [...index.paragraphs.values()].filter((p) => leaving.has(p.doc));
  const leavingTargets = index.targets.filter((t) => leaving.has(t.citation.doc));
  removeRows(index.paragraphDb, leavingParagraphs.map(paragraphRow));
  removeRows(index.targetDb, leavingTargets.map(targetRow));

  const documents = [...index.documents.filter((d) => !leaving.has(d.file)), ...replacement.documents].sort((a, b) =>
    compareCodePoints(a.file, b.file),
  );
  // Targets in document order, as a build makes them.
  const byDocument = new Map<string, Target[]>();
  for (const t of [...index.targets.filter((t) => !leaving.has(t.citation.doc)), ...replacement.targets]) {
    const list = byDocument.get(t.citation.doc);
    if (list === undefined) byDocument.set(t.citation.doc, [t]);
    else list.push(t);
  }
  const targets = documents.flatMap((d) => byDocument.get(d.file) ?? []);
  const paragraphs = paragraphsOf(documents);
  const targetsById = targetsByIdOf(targets);
  insertRows(index.paragraphDb, Array.from(paragraphsOf(replacement.documents).values(), paragraphRow));
  insertRows(index.targetDb, replacement.targets.map(targetRow));
  return { ...index, documents, paragraphs, targets, targetsById, key: replacement.key, dictionary: replacement.dictionary };
}
