// A fresh process that opens a saved index as the programs do (so jieba loads the index's own
// dictionary, not the whole one), cuts the texts and asks the questions it is given, and prints
// what it got as JSON. Run by test/support/freshProcess.ts; compared with what the test process,
// which built the index with the whole dictionary, gets for the same.
import { readFileSync } from 'node:fs';
import { openEngine } from '../../src/qa/engine.ts';
import { loadedDictionary } from '../../src/text/jieba.ts';

const [seedsDir, indexDir, inputFile] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputFile!, 'utf8')) as { texts: string[]; questions: string[] };
const engine = await openEngine({ seedsDir: seedsDir!, indexDir: indexDir! });
if (!engine.origin.loaded) throw new Error(`the saved index was not current: ${engine.origin.reason}`);
const { segmenter } = engine.index;
const cuts = input.texts.map((text) => [segmenter.cut(text), segmenter.searchTokens(text)]);
const answers = input.questions.map((q) => engine.ask(q));
process.stdout.write(JSON.stringify({ dictionary: loadedDictionary(), cuts, answers }));
