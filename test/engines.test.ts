// Two engines in one process, over two seeds folders whose documents set apart different terms:
// each segments with its own terms and answers as it does alone. A seeds folder's lexicon file
// adds terms and rewrites, and joins the index's key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../src/qa/engine.ts';
import { SEEDS_DIR, seedsWithCorpus, tempIndexDir } from './support/corpus.ts';

const QUESTIONS = ['广州汽车集群规模目标?', '北京全市要建设几个信息消费体验馆？', '2025年赤字率是多少？', '浙江2025年经济增长目标'];

function seedsHoldingOneStory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-seeds-'));
  // A story whose quoted term, 汽车集群, would change how the seed's questions are cut if it leaked.
  writeFileSync(
    join(dir, 'story.txt'),
    '广州：“汽车集群”再上台阶\n\n广州市提出，到2021年“汽车集群”规模达到6000亿元，“信息消费体验馆”建成12个。\n',
  );
  return dir;
}

describe('two engines in one process', () => {
  it('each segments with its own terms and answers as it does alone', async () => {
    const seed = await openEngine({ seedsDir: SEEDS_DIR, indexDir: tempIndexDir() });
    const alone = QUESTIONS.map((q) => seed.ask(q));
    const story = await openEngine({ seedsDir: seedsHoldingOneStory(), indexDir: tempIndexDir() });
    const corpus = await openEngine({ seedsDir: seedsWithCorpus(), indexDir: tempIndexDir() });
    const storyAlone = QUESTIONS.map((q) => story.ask(q));
    const corpusAlone = QUESTIONS.map((q) => corpus.ask(q));

    expect(story.index.segmenter.cut('汽车集群规模')).toContain('汽车集群');
    expect(seed.index.segmenter.cut('汽车集群规模')).not.toContain('汽车集群');
    for (let round = 0; round < 2; round++) {
      expect(QUESTIONS.map((q) => seed.ask(q))).toEqual(alone);
      expect(QUESTIONS.map((q) => story.ask(q))).toEqual(storyAlone);
      expect(QUESTIONS.map((q) => corpus.ask(q))).toEqual(corpusAlone);
    }
    expect(alone[0]!.answer).toContain('6000亿元');
    expect(storyAlone[0]!.answer).toContain('6000亿元');
    expect(corpusAlone[2]!.answer).toContain('4%左右');
  });
});

describe('the seeds folder’s lexicon file', () => {
  it('adds terms and question rewrites, each with its reason, and a change of it rebuilds the index', async () => {
    const seedsDir = seedsHoldingOneStory();
    const indexDir = tempIndexDir();
    const plain = await openEngine({ seedsDir, indexDir });
    expect(plain.ask('广州整车规模目标?').status).not.toBe('answered');
    writeFileSync(
      join(seedsDir, 'lexicon.jsonl'),
      [
        '{"term":"规模达到","reason":"kept whole for this test"}',
        '{"typed":["整车"],"written":"汽车","reason":"this deployment\'s users say 整车"}',
      ].join('\n'),
    );
    const notices: string[] = [];
    const withFile = await openEngine({ seedsDir, indexDir, log: (line) => notices.push(line) });
    expect(notices.join('\n')).toMatch(/stale: seeds added lexicon\.jsonl/);
    expect(withFile.index.segmenter.terms).toContain('规模达到');
    expect(withFile.ask('广州整车规模目标?').answer).toContain('6000亿元');
  });

  it('stops with the file and line of a malformed entry', async () => {
    const seedsDir = seedsHoldingOneStory();
    writeFileSync(join(seedsDir, 'lexicon.jsonl'), '{"term":"规模达到"}\n');
    await expect(openEngine({ seedsDir, indexDir: tempIndexDir() })).rejects.toThrow(/lexicon\.jsonl:1: /);
  });
});
