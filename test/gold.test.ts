// The library read by hand (test/fixtures/gold): targets a reader wrote down from ten reports of
// different layouts, and questions in people's words with their answers and refusals, scored
// over one index of the whole library (the seed, the four corpus reports, the national reports of
// 2014–2019 and 2022, the 21 provincial reports of 2025). Gates sit at the measured counts; a
// wrong figure shown is never allowed.
import { cpSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import { judgeAnswer, parseEvalQuestions, totalVerdicts } from '../src/qa/evaluate.ts';
import { judgeTarget, parseGoldTargets, totalTargetVerdicts } from '../src/targets/evaluate.ts';
import { judgeComparison, parseComparisonGold } from '../src/qa/evaluate-comparisons.ts';
import { indexTexts } from './support/indexTexts.ts';
import { foldForMatching } from '../src/text/fold.ts';
import { CORPUS_DIR, SEEDS_DIR, tempIndexDir } from './support/corpus.ts';
import { inFreshProcess } from './support/freshProcess.ts';
import { allQuestions } from './support/questionSets.ts';

const LIBRARY = 'test/fixtures/library';
const GOLD = 'test/fixtures/gold';

/** The whole library as text, in one seeds folder. */
function librarySeeds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-library-'));
  const copy = (from: string) => {
    for (const file of readdirSync(from).filter((f) => f.endsWith('.txt'))) cpSync(join(from, file), join(dir, file));
  };
  copy(SEEDS_DIR);
  copy(CORPUS_DIR);
  copy(join(LIBRARY, 'national'));
  copy(join(LIBRARY, 'provinces-2025-txt'));
  return dir;
}

let engine: OpenedEngine;
const seedsDir = librarySeeds();
const indexDir = tempIndexDir();
beforeAll(async () => {
  engine = await openEngine({ seedsDir, indexDir });
}, 120_000);

function scoreTargets(name: string) {
  const file = join(GOLD, `${name}.jsonl`);
  const verdicts = parseGoldTargets(readFileSync(file, 'utf8'), file).map((g) => judgeTarget(g, engine.index.targets));
  const totals = totalTargetVerdicts(verdicts);
  const rate = (f: keyof typeof totals.fields) => `${f} ${totals.fields[f].right}/${totals.fields[f].of}`;
  console.log(`${name}: ${totals.passed}/${totals.gold} right (${['figure', 'region', 'year', 'kind', 'metric'].map((f) => rate(f as never)).join(', ')}; not targets ${totals.notTargets.right}/${totals.notTargets.of})`);
  return totals;
}

function scoreQuestions(name: string) {
  const file = join(GOLD, `${name}.jsonl`);
  const verdicts = parseEvalQuestions(readFileSync(file, 'utf8'), file).map((q) => judgeAnswer(q, engine.ask(q.q)));
  const totals = totalVerdicts(verdicts);
  console.log(`${name}: ${totals.passed}/${totals.questions} right, wrong figures shown ${totals.wrongFigures}`);
  return { totals, wrong: verdicts.filter((v) => v.wrongFigure) };
}

describe('gold targets, field by field', () => {
  it('national reports (2014, 2017, 2019, 2022, 2025)', () => {
    const t = scoreTargets('targets-national');
    expect(t.gold).toBe(278);
    expect(t.fields.figure.right).toBeGreaterThanOrEqual(265);
    expect(t.fields.region.right).toBeGreaterThanOrEqual(265);
    expect(t.fields.year.right).toBeGreaterThanOrEqual(263);
    expect(t.fields.kind.right).toBeGreaterThanOrEqual(259);
    expect(t.fields.metric.right).toBeGreaterThanOrEqual(258);
    expect(t.notTargets.right).toBeGreaterThanOrEqual(11);
  });

  it('provincial reports (安徽, 重庆, 宁夏, 广西, 云南, 黑龙江)', () => {
    const t = scoreTargets('targets-provinces');
    expect(t.gold).toBe(302);
    expect(t.fields.figure.right).toBeGreaterThanOrEqual(283);
    expect(t.fields.region.right).toBeGreaterThanOrEqual(282);
    expect(t.fields.year.right).toBeGreaterThanOrEqual(283);
    expect(t.fields.kind.right).toBeGreaterThanOrEqual(282);
    expect(t.fields.metric.right).toBeGreaterThanOrEqual(283);
    expect(t.notTargets.right).toBeGreaterThanOrEqual(18);
  });
});

describe('gold questions in people’s words', () => {
  it('national: results, targets, English, colloquial, refusals; no wrong figure', () => {
    const { totals, wrong } = scoreQuestions('questions-national');
    expect(wrong.map((v) => `${v.question} → ${v.answer}`)).toEqual([]);
    expect(totals.questions).toBe(104);
    expect(totals.passed).toBeGreaterThanOrEqual(104);
    expect(totals.refusals.right).toBe(totals.refusals.of);
  });

  it('provincial: pinyin and English places, scope in review paragraphs, refusals; no wrong figure', () => {
    const { totals, wrong } = scoreQuestions('questions-provinces');
    expect(wrong.map((v) => `${v.question} → ${v.answer}`)).toEqual([]);
    expect(totals.questions).toBe(115);
    expect(totals.passed).toBeGreaterThanOrEqual(111);
    expect(totals.refusals.right).toBe(totals.refusals.of);
  });
});

describe('gold questions across documents: places, years, a target against its result', () => {
  const file = join(GOLD, 'comparisons.jsonl');
  const gold = parseComparisonGold(readFileSync(file, 'utf8'), file);
  for (const kind of ['places', 'years', 'check'] as const) {
    it(`${kind}: each row its own place's or year's figure, what is missing named${kind === 'check' ? ', the verdict' : ''}`, () => {
      const items = gold.filter((g) => g.kind === kind);
      expect(items.length).toBeGreaterThanOrEqual(10);
      const verdicts = items.map((g) => judgeComparison(g, engine.ask(g.q)));
      console.log(`comparisons (${kind}): ${verdicts.filter((v) => v.passed).length}/${verdicts.length} right`);
      expect(verdicts.flatMap((v) => v.wrongRows.map((row) => `${v.question}: ${row}`))).toEqual([]);
      expect(verdicts.filter((v) => !v.passed).map((v) => `${v.question} → ${v.answer}`)).toEqual([]);
    });
  }
});

describe('the index’s own dictionary, over the whole library', () => {
  // This process built the index, so it cuts with jieba's whole dictionary; a fresh process opening
  // the saved index cuts with the index's own.
  it('cuts every text of the library token for token as the whole dictionary does, and answers every question set alike', async () => {
    const questions = allQuestions();
    const texts = [...indexTexts(engine.index.documents, engine.index.targets, engine.index.segmenter.terms)];
    const fresh = await inFreshProcess(seedsDir, indexDir, [...texts, ...questions], questions);
    expect(fresh.dictionary.kind).toBe('part');
    expect(fresh.dictionary.words).toBe(engine.index.dictionary.words.size);
    const { segmenter } = engine.index;
    const cutHere = (text: string) => [segmenter.cut(text), segmenter.searchTokens(text)];
    expect(texts.length).toBeGreaterThan(5_000);
    expect(texts.filter((text, i) => JSON.stringify(cutHere(text)) !== JSON.stringify(fresh.cuts[i]))).toEqual([]);
    // A question may be cut otherwise only where it uses a word no document holds (全国基尼系数: the
    // whole dictionary knows 基尼系数, the library does not), which no document could match.
    const library = texts.map(foldForMatching).join('\n');
    const cutApart = questions.flatMap((q, i) => {
      const [words, tokens] = fresh.cuts[texts.length + i]!;
      const whole = [...segmenter.cut(q), ...segmenter.searchTokens(q)];
      return [...new Set(whole)].filter((w) => !words.includes(w) && !tokens.includes(w)).map((w) => ({ q, w }));
    });
    expect(cutApart.filter(({ w }) => library.includes(w))).toEqual([]);
    console.log(`questions cut otherwise: ${JSON.stringify(cutApart)}`);
    expect(cutApart.length).toBeLessThanOrEqual(2);
    const here = questions.map((q) => engine.ask(q));
    expect(fresh.answers).toEqual(JSON.parse(JSON.stringify(here)));
  }, 120_000);
});
