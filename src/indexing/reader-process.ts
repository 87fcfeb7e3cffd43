// The reader of a live update, in a process of its own: it reads the files that changed, lays them
// out, extracts their targets and finds their words in jieba's whole dictionary, which only it
// loads (2.6 s, 260 MB), so that the process answering questions never waits for it nor holds it.
// Started by live.ts with the same runtime (node --import tsx); one request at a time over IPC.
import { loadSeeds } from '../corpus/load.ts';
import { documentFingerprint } from '../corpus/duplicates.ts';
import { createDictionaryMaker, indexDocuments } from './build.ts';
import { createSegmenter } from '../text/segmenter.ts';
import { ReaderRequestSchema, type ReaderReply } from './reader-messages.ts';

// Read once for the life of the process: jieba's whole dictionary, the lexicon's words.
const dictionaries = createDictionaryMaker();

async function handle(message: unknown): Promise<ReaderReply> {
  const request = ReaderRequestSchema.parse(message);
  const notices: string[] = [];
  const { documents, report } = await loadSeeds(request.seedsDir, { warn: (line) => notices.push(line), only: new Set(request.files) });
  // Cut as the index will cut them, recording the words: the documents' share of its dictionary.
  const { targets: found, dictionary } = indexDocuments(documents, createSegmenter(request.terms, { recordWords: true }), {
    extraction: 0,
    lexicon: '',
    seeds: {},
  }, dictionaries);
  const targets = [...found];
  return {
    id: request.id,
    documents,
    targets,
    formats: report.read,
    fingerprints: documents.map((d) => Array.from(documentFingerprint(d))),
    dictionary: { words: [...dictionary.words], total: dictionary.total, minFreq: dictionary.minFreq },
    notices,
  };
}

process.on('message', (message) => {
  handle(message).then(
    (reply) => process.send!(reply),
    (error: unknown) => {
      const id = (message as { id?: unknown }).id;
      process.send!({ id: typeof id === 'number' ? id : -1, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    },
  );
});
process.on('disconnect', () => process.exit(0));
