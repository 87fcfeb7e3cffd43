// Documents → their targets, the search index over both and the index's own dictionary, with a
// segmenter made from the corpus's own lexicon. The one way an index is built: by openIndex, the
// command line and the benchmark alike.
import { loadSeeds, type SeedsReport } from '../corpus/load.ts';
import type { Rewrite } from '../lexicon/synonyms.ts';
import { lexiconWords } from '../lexicon/words.ts';
import type { Document, Target } from '../model.ts';
import { buildSearchIndex, type SearchIndex } from '../search/build.ts';
import type { IndexKey } from '../search/manifest.ts';
import { extractTargets } from '../targets/extract.ts';
import { corpusLexicon, type CorpusLexicon } from '../text/corpusLexicon.ts';
import { subDictionary, type WordDictionary } from '../text/dictionary.ts';
import { foldForMatching } from '../text/fold.ts';
import { readWholeDictionary, wholeDictionaryWordsIn } from '../text/jieba.ts';
import { createSegmenter, type Segmenter } from '../text/segmenter.ts';

/** Every text of the documents a term may be found in: headlines and paragraphs. */
export function textsOf(documents: readonly Document[]): string[] {
  return documents.flatMap((d) => d.articles.flatMap((a) => [a.headline, ...a.paragraphs.map((p) => p.text)]));
}

export function segmenterFor(lexicon: CorpusLexicon): Segmenter {
  return createSegmenter(lexicon.terms);
}

/**
 * Every text an index's segmenter may be asked to cut once built: the documents' (titles,
 * headlines, sections, paragraphs), its targets' (what answers are ranked by), its terms and the
 * lexicon's words (what questions are made of).
 */
export function* dictionaryTextsOf(documents: readonly Document[], targets: readonly Target[], terms: readonly string[]): Generator<string> {
  for (const doc of documents) {
    if (doc.title !== null) yield doc.title;
    for (const article of doc.articles) {
      yield article.headline;
      let section = '';
      for (const p of article.paragraphs) {
        if (p.section !== section) yield (section = p.section);
        yield p.text;
      }
    }
  }
  for (const t of targets) {
    yield t.metric;
    yield t.subject;
    if (t.region !== null) yield t.region;
  }
  yield* terms;
  yield* lexiconWords();
}

/**
 * The index's own dictionary: the whole dictionary's words that occur in its texts (all of them,
 * single characters included), so that it cuts any stretch of those texts as the whole one does.
 */
export function deriveDictionary(texts: Iterable<string>): WordDictionary {
  const found = new Set<string>();
  for (const text of texts) {
    const folded = foldForMatching(text);
    for (const char of folded) found.add(char);
    for (const word of wholeDictionaryWordsIn(folded)) found.add(word);
  }
  return subDictionary(readWholeDictionary(), found);
}

/** Extracts the documents' targets and builds the search index over both, under `key`. */
export function indexDocuments(documents: Document[], segmenter: Segmenter, key: IndexKey): SearchIndex {
  const targets = documents.flatMap(extractTargets);
  const dictionary = deriveDictionary(dictionaryTextsOf(documents, targets, segmenter.terms));
  return buildSearchIndex({ documents, targets, segmenter, key, dictionary });
}

/** Reads a seeds folder and builds its index under `key` (not saved), with the corpus's lexicon. */
export async function buildIndexOfSeeds(
  seedsDir: string,
  lexiconFile: { terms: readonly string[]; rewrites: readonly Rewrite[] },
  key: IndexKey,
  log: (line: string) => void,
): Promise<{ index: SearchIndex; report: SeedsReport; lexicon: CorpusLexicon }> {
  const { documents, report } = await loadSeeds(seedsDir, { warn: log });
  const lexicon = corpusLexicon(textsOf(documents), lexiconFile);
  return { index: indexDocuments(documents, segmenterFor(lexicon), key), report, lexicon };
}
