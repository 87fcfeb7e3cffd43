// The index's own dictionary (src/text/dictionary.ts): written and read back, joined for two
// indexes in one process, refused when malformed; and on the shipped seed, a fresh process cutting
// with it cuts and answers as the whole dictionary does (the library: test/gold.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { indexTexts } from './support/indexTexts.ts';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import {
  DictionaryError,
  LEAST_ENTRY,
  REST_ENTRY,
  formatDictionary,
  parseDictionary,
  subDictionary,
  unionOf,
} from '../src/text/dictionary.ts';
import { readWholeDictionary } from '../src/text/jieba.ts';
import { SEEDS_DIR, tempIndexDir } from './support/corpus.ts';
import { inFreshProcess } from './support/freshProcess.ts';
import { allQuestions } from './support/questionSets.ts';

describe('an index dictionary file', () => {
  const whole = readWholeDictionary();

  it('keeps the whole dictionary’s total and least frequency in two entries no text holds', () => {
    const part = subDictionary(whole, ['汽车', '产业', '集群', '不是词的字串']);
    expect([...part.words.keys()].sort()).toEqual(['产业', '汽车', '集群']);
    const text = formatDictionary(part);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(5);
    const sum = lines.reduce((n, line) => n + Number(line.split(' ')[1]), 0);
    expect(sum).toBe(whole.total);
    expect(lines.at(-2)).toBe(`${LEAST_ENTRY} ${whole.minFreq} x`);
    expect(lines.at(-1)!.startsWith(`${REST_ENTRY} `)).toBe(true);
    expect(parseDictionary(text, 'dictionary.utf8')).toEqual(part);
  });

  it('carries jieba’s sample user words with the weight jieba gives them', () => {
    // 云计算 has no frequency of its own: jieba weighs it as the median word; 区块链 says 10.
    expect(whole.words.get('区块链')).toEqual({ freq: 10, tag: 'nz' });
    expect(whole.words.get('云计算')?.freq).toBe(3);
  });

  it('joins two indexes’ dictionaries for one process', () => {
    const a = subDictionary(whole, ['汽车', '产业']);
    const b = subDictionary(whole, ['产业', '粮食']);
    expect([...unionOf(a, b).words.keys()].sort()).toEqual(['产业', '汽车', '粮食']);
    expect(() => unionOf(a, { ...b, total: b.total + 1 })).toThrow(DictionaryError);
  });

  it('is refused with its line when malformed', () => {
    expect(() => parseDictionary('汽车 12 n\n产业 x n\n', 'gen/dictionary.utf8')).toThrow('gen/dictionary.utf8:2: expected "word freq tag"');
    expect(() => parseDictionary('汽车 12 n\n', 'gen/dictionary.utf8')).toThrow('not an index dictionary');
  });
});

describe('the index’s own dictionary, on the shipped seed', () => {
  let engine: OpenedEngine;
  const indexDir = tempIndexDir();
  beforeAll(async () => {
    engine = await openEngine({ seedsDir: SEEDS_DIR, indexDir });
  });

  it('cuts the seed token for token as the whole dictionary does, and answers every question set alike', async () => {
    const questions = allQuestions();
    const texts = [...indexTexts(engine.index.documents, engine.index.targets, engine.index.segmenter.terms)];
    const fresh = await inFreshProcess(SEEDS_DIR, indexDir, texts, questions);
    expect(fresh.dictionary).toEqual({ kind: 'part', words: engine.index.dictionary.words.size });
    const { segmenter } = engine.index;
    expect(texts.filter((text, i) => JSON.stringify([segmenter.cut(text), segmenter.searchTokens(text)]) !== JSON.stringify(fresh.cuts[i]))).toEqual([]);
    expect(fresh.answers).toEqual(JSON.parse(JSON.stringify(questions.map((q) => engine.ask(q)))));
  }, 60_000);
});
