// The peer's cold start, for `npm run bench`: a fresh process that loads a saved stock Orama index
// (the mandarin tokenizer, bench/worker.ts peer-save) and answers one search with its top paragraph,
// started the way ours is (node --import tsx).
//
//   node --import tsx bench/peer-cold.ts <saved.json> <question>
import { readFile } from 'node:fs/promises';
import { create, load, search, type RawData } from '@orama/orama';
import { createTokenizer } from '@orama/tokenizers/mandarin';

const [file, question] = process.argv.slice(2);
const db = create({ schema: { text: 'string', headline: 'string' } as const, components: { tokenizer: createTokenizer() } });
load(db, JSON.parse(await readFile(file!, 'utf8')) as RawData);
const top = (await search(db, { term: question!, limit: 1 })).hits[0]?.document as { text: string } | undefined;
process.stdout.write(`${top?.text ?? '(no hit)'}\n`);
