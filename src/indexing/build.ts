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

/** The segmenter an index is built with: the corpus's terms, recording the words jieba gives. */
export function segmenterFor(lexicon: CorpusLexicon): Segmenter {
  return createSegmenter(lexicon.terms, { recordWords: true });
}

/**
 * The index's own dictionary, once its documents and targets are cut by `segmenter` (made by
 * segmenterFor): the whole dictionary's words jieba gave for them, and every character of those
 * words. That is exact, not a likeness: jieba cuts along the most probable path through the words
 * it finds, and a dictionary without some words found off that path offers the same path at the
 * same weight and others at no more, so each of those texts is cut as before; the characters keep
 * their own weights for the stretches jieba's HMM joins. The lexicon's words (what questions are
 * made of) join with every dictionary word inside them.
 */
export function indexDictionary(segmenter: Segmenter, maker: DictionaryMaker = createDictionaryMaker()): WordDictionary {
  return maker.make(segmenter);
}

/**
 * What every index's dictionary is made with: jieba's whole dictionary and the dictionary words of
 * the lexicon, read once (about 0.4 s) for as many indexes as its owner makes (a live update's
 * reader makes one per update).
 */
export interface DictionaryMaker {
  make(segmenter: Segmenter): WordDictionary;
}

export function createDictionaryMaker(): DictionaryMaker {
  let whole: WordDictionary | null = null;
  let lexicon: Set<string> | null = null;
  return {
    make(segmenter) {
      const words = segmenter.takeRecordedWords();
      if (lexicon === null) {
        lexicon = new Set();
        for (const word of lexiconWords()) {
          const folded = foldForMatching(word);
          for (const token of segmenter.searchTokens(folded)) lexicon.add(token);
          for (const found of wholeDictionaryWordsIn(folded)) lexicon.add(found);
        }
      }
      for (const word of lexicon) words.add(word);
      for (const word of [...words]) if (word.length > 1) for (const char of word) words.add(char);
      whole ??= readWholeDictionary();
      return subDictionary(whole, words);
    },
  };
}

/** Extracts the documents' targets and builds the search index over both, under `key`. */
export function indexDocuments(documents: Document[], segmenter: Segmenter, key: IndexKey, maker?: DictionaryMaker): SearchIndex {
  const targets = documents.flatMap(extractTargets);
  return buildSearchIndex({ documents, targets, segmenter, key, dictionary: () => indexDictionary(segmenter, maker) });
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
