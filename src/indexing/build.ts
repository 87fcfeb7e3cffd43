// Documents → their targets and the search index, with a segmenter made from the corpus's own
// lexicon. The one way an index is built: by openIndex, the command line and the benchmark alike.
import type { Document } from '../model.ts';
import { buildSearchIndex, type SearchIndex } from '../search/build.ts';
import { extractTargets } from '../targets/extract.ts';
import type { CorpusLexicon } from '../text/corpusLexicon.ts';
import type { IndexKey } from '../search/manifest.ts';
import { createSegmenter, type Segmenter } from '../text/segmenter.ts';

/** Every text of the documents a term may be found in: headlines and paragraphs. */
export function textsOf(documents: readonly Document[]): string[] {
  return documents.flatMap((d) => d.articles.flatMap((a) => [a.headline, ...a.paragraphs.map((p) => p.text)]));
}

export function segmenterFor(lexicon: CorpusLexicon): Segmenter {
  return createSegmenter(lexicon.terms);
}

/** Extracts the documents' targets and builds the search index over both, under `key`. */
export function indexDocuments(documents: Document[], segmenter: Segmenter, key: IndexKey): SearchIndex {
  const targets = documents.flatMap(extractTargets);
  return buildSearchIndex({ documents, targets, segmenter, key });
}
