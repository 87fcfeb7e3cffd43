// Every text an index's segmenter is asked to cut once built: the documents' (titles, headlines,
// sections, paragraphs), its targets' (what answers are ranked by), its terms and the lexicon's
// words (what questions are made of).
import { lexiconWords } from '../../src/lexicon/words.ts';
import type { Document, Target } from '../../src/model.ts';

export function* indexTexts(documents: readonly Document[], targets: readonly Target[], terms: readonly string[]): Generator<string> {
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
    yield t.citation.quote;
  }
  yield* terms;
  yield* lexiconWords();
}
