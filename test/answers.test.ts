import { readFileSync, writeFileSync, appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../src/model.ts';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import { currentGeneration } from '../src/search/store.ts';
import { judgeAnswer, parseEvalQuestions, totalVerdicts } from '../src/qa/evaluate.ts';
import { createQuestionReader, MAX_QUESTION_CHARS, questionPart } from '../src/qa/question.ts';
import { corpusLexicon } from '../src/text/corpusLexicon.ts';
import { createSegmenter } from '../src/text/segmenter.ts';
import { SEEDS_DIR, seedsWithCorpus, tempIndexDir } from './support/corpus.ts';

function questions(file: string) {
  return parseEvalQuestions(readFileSync(file, 'utf8'), file);
}

function score(engine: OpenedEngine, file: string) {
  const verdicts = questions(file).map((item) => judgeAnswer(item, engine.ask(item.q)));
  return { verdicts, totals: totalVerdicts(verdicts), failed: verdicts.filter((v) => !v.passed) };
}

const segmenter = createSegmenter(corpusLexicon([]).terms);
const parseQuestion = (text: string, latestYear: number | null) => createQuestionReader({ segmenter, latestYear })(text);

describe('understanding questions', () => {
  it('reads place, year, what is asked and the words of the thing', () => {
    expect(parseQuestion('广州的汽车集群规模目标?', null)).toMatchObject({
      region: '广州',
      year: null,
      ask: 'amount',
      words: ['汽车', '集群', '规模'],
    });
    expect(parseQuestion('到2025年国内生产总值增长目标', null)).toMatchObject({ region: '全国', year: 2025, ask: 'growth' });
    expect(parseQuestion('北京全市要建设几个信息消费体验馆？', null)).toMatchObject({ region: '北京', ask: 'count' });
    expect(parseQuestion('5G网络什么时候覆盖全国所有地级市？', null).ask).toBe('when');
    expect(parseQuestion('广州有哪些先进制造业集群目标?', null).ask).toBe('list');
    expect(parseQuestion('先进制造业增加值占比目标', null).ask).toBe('share');
  });
  it('resolves 今年/明年 against the latest document, not the day of asking', () => {
    expect(parseQuestion('今年赤字率', 2025).year).toBe(2025);
    expect(parseQuestion('明年赤字率', 2025).year).toBe(2026);
  });
  it('reads full-width forms, traditional characters and synonyms', () => {
    expect(parseQuestion('廣州汽車集群規模目標？', null).words).toEqual(['汽车', '集群', '规模']);
    expect(parseQuestion('ＧＤＰ增速', null).text).toContain('国内生产总值增长');
    expect(parseQuestion('经济增速', null).text).toContain('生产总值增长');
    expect(parseQuestion('调查失业率', null).text).not.toContain('调查调查');
  });
  it('reads a named plan period as a period', () => {
    expect(parseQuestion('十三五时期城镇新增就业多少', null)).toMatchObject({ year: 2020, period: [2016, 2020] });
  });
});

describe('answers on the shipped seed', () => {
  let engine: OpenedEngine;
  beforeAll(async () => {
    engine = await openEngine({ seedsDir: SEEDS_DIR, indexDir: tempIndexDir() });
  });

  it('score every dev question: figure, first citation and refusal', () => {
    const { totals, failed } = score(engine, 'test/fixtures/dev-questions.jsonl');
    expect(failed).toEqual([]);
    expect(totals.passed).toBe(totals.questions);
  });

  it('reads a 150,000-character message as the question it starts with', () => {
    const long = `广州汽车集群规模目标？${'以下是会议纪要的全文。'.repeat(15_000)}`;
    expect(long.length).toBeGreaterThan(150_000);
    const answer = engine.ask(long);
    expect(answer.answer).toContain('6000亿元');
    expect(answer.question).toBe(long);
  });

  it('reads a long message without a question mark up to its first 1,000 characters', () => {
    const part = questionPart(`${'广州'.repeat(400)}${'汽车集群'.repeat(10_000)}`);
    expect(part).toHaveLength(MAX_QUESTION_CHARS);
    expect(questionPart('广州汽车集群规模目标？深圳呢？')).toBe('广州汽车集群规模目标？深圳呢？');
  });

  it('score questions of the same kinds in other words', () => {
    const { failed } = score(engine, 'test/fixtures/more-questions.jsonl');
    expect(failed).toEqual([]);
  });

  it('answer with the figure, its year and kind, and the sentence that states it', () => {
    const answer = engine.ask('广州汽车集群规模目标?');
    expect(() => AnswerSchema.parse(answer)).not.toThrow();
    expect(answer.status).toBe('answered');
    expect(answer.answer).toBe('广州：汽车产业集群规模 6000亿元（到2021年，目标）');
    expect(answer.citations[0]).toMatchObject({ doc: '000_b75a479856194727.txt', paragraph: 1 });
    expect(answer.citations[0]!.quote).toContain('6000亿元');
    const target = answer.targets[0]!;
    expect(answer.citations[0]!.quote.slice(target.figure!.start, target.figure!.end)).toBe('6000亿元');
  });

  it('show both figures, and say so, where the documents differ', () => {
    const answer = engine.ask('北京全市要建设几个信息消费体验馆？');
    expect(answer.conflict).toBe(true);
    expect(answer.answer).toContain('1-2个');
    expect(answer.answer).toContain('12个');
    expect(answer.answer).toContain('不一致');
  });

  it('list all of a place’s targets of a kind', () => {
    const answer = engine.ask('广州有哪些先进制造业集群目标?');
    for (const figure of ['6000亿元', '2300亿元', '3000亿元', '2000亿元', '1200亿元', '1000亿元']) {
      expect(answer.answer).toContain(figure);
    }
    expect(answer.answer).not.toContain('70%');
  });

  it('give no_figure with passages when the documents speak of it without a figure', () => {
    const answer = engine.ask('上海集成电路产业规模目标是多少？');
    expect(answer.status).toBe('no_figure');
    expect(answer.targets).toEqual([]);
    expect(answer.citations[0]!.quote).toContain('上海');
  });

  it('give not_found, never another place’s or thing’s figure', () => {
    // 广州人工智能: 智能 alone (智能装备) must not pass for 人工智能; 北京汽车集群: Guangzhou's is not Beijing's.
    for (const question of ['成都人工智能产业规模目标？', '广州机场旅客吞吐量目标', '火星基地建设目标是多少', '广州人工智能产业规模', '北京汽车集群规模目标', '广州汽车集群2025年目标']) {
      const answer = engine.ask(question);
      expect(answer.status, question).not.toBe('answered');
      expect(answer.targets).toEqual([]);
    }
    expect(engine.ask('成都人工智能产业规模目标？').status).toBe('not_found');
  });

  it('answer a place alone with its targets', () => {
    const answer = engine.ask('北京');
    expect(answer.status).toBe('answered');
    expect(answer.targets.length).toBeGreaterThan(10);
    expect(answer.targets.every((t) => t.region === '北京')).toBe(true);
    expect(answer.answer).toMatch(/另有\d+项$/);
  });

  it('answer a date question with the deadline as written', () => {
    const answer = engine.ask('5G网络什么时候覆盖全国所有地级市？');
    expect(answer.answer).toContain('2020年年底');
    expect(answer.targets[0]!.figure).toBeNull();
  });

  it('list targets by place, year and words', () => {
    const guangzhou = engine.targets({ region: '广州' });
    expect(guangzhou.length).toBeGreaterThanOrEqual(8);
    expect(guangzhou.every((t) => t.region === '广州')).toBe(true);
    expect(engine.targets({ year: 2022 }).every((t) => t.year === 2022)).toBe(true);
    const cars = engine.targets({ words: '广州 汽车' });
    expect(cars[0]!.figure!.text).toBe('6000亿元');
  });

  it('check the figures a message states against the documents', () => {
    const [check] = engine.checkClaims('北京2022年信息消费规模要到2万亿');
    expect(check).toMatchObject({ verdict: 'differs' });
    expect(check!.target!.figure!.text).toBe('1.4万亿元');
    const [agrees] = engine.checkClaims('广州的汽车集群规模目标是6000亿元');
    expect(agrees!.verdict).toBe('agrees');
    const [unknown] = engine.checkClaims('成都要建300个充电站');
    expect(unknown!.verdict).toBe('unknown');
  });
});

describe('answers over several documents', () => {
  let engine: OpenedEngine;
  beforeAll(async () => {
    engine = await openEngine({ seedsDir: seedsWithCorpus(), indexDir: tempIndexDir() });
  });

  it('still score every dev question', () => {
    expect(score(engine, 'test/fixtures/dev-questions.jsonl').failed).toEqual([]);
  });

  it('answer the reports’ headline targets', () => {
    expect(score(engine, 'test/fixtures/corpus-questions.jsonl').failed).toEqual([]);
  });

  it('keep the documents apart: the 2021 and 2025 GDP targets', () => {
    const y2021 = engine.ask('2021年国内生产总值增长目标是多少？');
    expect(y2021.answer).toContain('6%以上');
    expect(y2021.citations[0]!.doc).toBe('2021_national_government_work_report.txt');
    const y2025 = engine.ask('2025年国内生产总值增长目标是多少？');
    expect(y2025.answer).toContain('5%左右');
    expect(y2025.citations[0]!.doc).toBe('2025_national_government_work_report.txt');
  });

  it('never answer with a figure whose own words do not name the thing asked', () => {
    // The sentence names 进出口总额 beside 社会消费品零售总额增长5%左右, but states no figure for it.
    const answer = engine.ask('广东2025年进出口增长目标');
    expect(answer.status).not.toBe('answered');
    expect(answer.targets).toEqual([]);
  });

  it('never answer a question about a share with an amount, nor the other way round', () => {
    // The seed states the 汽车 cluster's 规模 (亿元), not its share of anything.
    for (const question of ['广州汽车集群比重目标?', '广州汽车产业集群占比目标']) {
      const answer = engine.ask(question);
      expect(answer.status, question).not.toBe('answered');
      expect(answer.targets, question).toEqual([]);
    }
    expect(engine.ask('广州汽车集群规模目标?').targets[0]?.figure?.kind).toBe('money');
  });

  it('tell a thing from a thing that holds its name, and from its change', () => {
    // 海洋生产总值 is not 生产总值; 比上年增加1.2万亿元 is not the budget itself.
    for (const question of ['浙江GDP增长目标', '2025年一般公共预算支出规模']) {
      expect(engine.ask(question).conflict, question).toBe(false);
    }
    expect(engine.ask('浙江GDP增长目标').answer).not.toContain('海洋');
  });

  it('keep a five-year total apart from one year’s figure', () => {
    const answer = engine.ask('2020年城镇新增就业多少');
    expect(answer.conflict).toBe(false);
    expect(answer.answer).toContain('1186万人');
  });

  it('let a province’s report answer for that province', () => {
    const answer = engine.ask('广东2025年地区生产总值增长目标');
    expect(answer.targets[0]).toMatchObject({ region: '广东', year: 2025 });
    expect(answer.answer).toContain('5%左右');
  });
});

describe('the saved index', () => {
  it('loads when current, without rebuilding', async () => {
    const indexDir = tempIndexDir();
    const first = await openEngine({ seedsDir: SEEDS_DIR, indexDir });
    expect(first.origin.loaded).toBe(false);
    const second = await openEngine({ seedsDir: SEEDS_DIR, indexDir });
    expect(second.origin.loaded).toBe(true);
    expect(second.ask('广州汽车集群规模目标?').answer).toBe(first.ask('广州汽车集群规模目标?').answer);
  });

  it('is rebuilt with a one-line notice when a seed changes', async () => {
    const seedsDir = seedsWithCorpus();
    const indexDir = tempIndexDir();
    await openEngine({ seedsDir, indexDir });
    appendFileSync(join(seedsDir, '000_b75a479856194727.txt'), '\n成都：到2025年人工智能产业规模达到1000亿元\n\n到2025年，成都市人工智能产业规模达到1000亿元。\n');
    const notices: string[] = [];
    const engine = await openEngine({ seedsDir, indexDir, log: (line) => notices.push(line) });
    expect(engine.origin.loaded).toBe(false);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/stale/);
    expect(engine.ask('成都人工智能产业规模目标？').answer).toContain('1000亿元');
  });

  it('is rebuilt, not crashed on, when corrupt', async () => {
    const indexDir = tempIndexDir();
    await openEngine({ seedsDir: SEEDS_DIR, indexDir });
    const gen = (await currentGeneration(indexDir))!;
    for (const file of readdirSync(gen).filter((f) => f.endsWith('.json') && f !== 'manifest.json')) {
      writeFileSync(join(gen, file), readFileSync(join(gen, file), 'utf8').slice(0, 100));
    }
    const notices: string[] = [];
    const engine = await openEngine({ seedsDir: SEEDS_DIR, indexDir, log: (line) => notices.push(line) });
    expect(engine.origin.loaded).toBe(false);
    expect(notices[0]).toMatch(/index: .*rebuilding/);
    expect(engine.ask('广州汽车集群规模目标?').status).toBe('answered');
  });
});
