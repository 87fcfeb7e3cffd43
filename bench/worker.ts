// The benchmark's measuring processes. bench/run.ts starts each task in a fresh process so that
// load times, cold starts and memory are those of a process that did nothing else:
//
//   node --import tsx bench/worker.ts <task> [args…]
//
// and reads its result from the last stdout line, `RESULT {json}`; progress goes to stderr. Only node
// built-ins are imported statically: the `phases` task times the project's own imports.
const bootMs = performance.now();

import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

type Task = (args: string[]) => Promise<unknown>;

const log = (line: string) => process.stderr.write(`  [${process.argv[2]}] ${line}\n`);

function paragraphCount(documents: readonly import('../src/model.ts').Document[]): number {
  return documents.reduce((n, d) => n + d.articles.reduce((m, a) => m + a.paragraphs.length, 0), 0);
}

/** The current generation of a saved index (see src/search/store.ts). */
async function generationOf(indexDir: string): Promise<string> {
  const { currentGeneration } = await import('../src/search/store.ts');
  const generation = await currentGeneration(indexDir);
  if (generation === null) throw new Error(`no index in ${indexDir}`);
  return generation;
}

/** The size of each file of the index's current generation. */
async function folderBytes(indexDir: string): Promise<Record<string, number>> {
  const dir = await generationOf(indexDir);
  const out: Record<string, number> = {};
  for (const name of await readdir(dir)) out[name] = (await stat(join(dir, name))).size;
  return out;
}

async function readManifest(indexDir: string): Promise<import('../src/search/manifest.ts').IndexKey> {
  const manifest = JSON.parse(await readFile(join(await generationOf(indexDir), 'manifest.json'), 'utf8')) as import('../src/search/manifest.ts').IndexKey;
  return { extraction: manifest.extraction, lexicon: manifest.lexicon, seeds: manifest.seeds };
}

/** Opens the engine over a saved index as the programs do; the index must be current (built by this run). */
async function openSaved(seedsDir: string, indexDir: string) {
  const { openEngine } = await import('../src/qa/engine.ts');
  const engine = await openEngine({ seedsDir, indexDir, log });
  if (!engine.origin.loaded) throw new Error(`${indexDir} was not current: ${engine.origin.reason}`);
  return engine;
}

/** Builds and saves the index of a seeds folder as openIndex does, timing each stage. */
const build: Task = async ([seedsDir, indexDir]) => {
  const { loadSeeds } = await import('../src/corpus/load.ts');
  const { hashSeeds } = await import('../src/corpus/seedFiles.ts');
  const { extractTargets } = await import('../src/targets/extract.ts');
  const { buildSearchIndex } = await import('../src/search/build.ts');
  const { saveSearchIndex } = await import('../src/search/store.ts');
  const { indexDictionary, segmenterFor, textsOf } = await import('../src/indexing/build.ts');
  const { indexKeyOf } = await import('../src/indexing/key.ts');
  const { corpusLexicon } = await import('../src/text/corpusLexicon.ts');
  const { peakRssMB, rssMB } = await import('./lib/stats.ts');

  let t = performance.now();
  const { documents } = await loadSeeds(seedsDir!, { warn: log });
  const seedsMs = performance.now() - t;
  const paragraphs = paragraphCount(documents);
  const chars = textsOf(documents).reduce((n, s) => n + s.length, 0);
  t = performance.now();
  const segmenter = segmenterFor(corpusLexicon(textsOf(documents)));
  segmenter.cut('词典'); // jieba loads its dictionary on the first cut
  const dictionaryMs = performance.now() - t;
  t = performance.now();
  const targets = documents.flatMap(extractTargets);
  const extractMs = performance.now() - t;
  log(`${paragraphs} paragraphs: ${targets.length} targets in ${extractMs.toFixed(0)} ms; inserting`);
  const key = indexKeyOf(await hashSeeds(seedsDir!));
  let ownDictionaryMs = 0;
  const ownDictionary = () => {
    const started = performance.now();
    const dictionary = indexDictionary(segmenter);
    ownDictionaryMs = performance.now() - started;
    return dictionary;
  };
  t = performance.now();
  const index = buildSearchIndex({ documents, targets, segmenter, key, dictionary: ownDictionary });
  const insertMs = performance.now() - t - ownDictionaryMs;
  const rssBuilt = rssMB(false);
  t = performance.now();
  await saveSearchIndex(indexDir!, index);
  const saveMs = performance.now() - t;
  const files = await folderBytes(indexDir!);
  return {
    documents: documents.length,
    paragraphs,
    chars,
    targets: targets.length,
    seedsMs,
    dictionaryMs,
    extractMs,
    ownDictionaryMs,
    dictionaryWords: index.dictionary.words.size,
    insertMs,
    saveMs,
    files,
    bytes: Object.values(files).reduce((a, b) => a + b, 0),
    rssBuiltMB: rssBuilt,
    peakRssMB: peakRssMB(),
  };
};

/** Loads a saved index alone (no seeds, no jieba): the time and memory of the index itself. */
const loadOnly: Task = async ([indexDir]) => {
  const importStart = performance.now();
  const { loadSearchIndex } = await import('../src/search/store.ts');
  const { rssMB } = await import('./lib/stats.ts');
  const importMs = performance.now() - importStart;
  const rssBefore = rssMB();
  const key = await readManifest(indexDir!);
  const t = performance.now();
  const result = await loadSearchIndex(indexDir!, key);
  const loadMs = performance.now() - t;
  if (!result.ok) throw new Error(`saved index not loaded: ${result.reason}`);
  return { bootMs, importMs, loadMs, rssBeforeMB: rssBefore, rssAfterMB: rssMB(), paragraphs: result.index.paragraphs.size };
};

/** Opens the engine as the programs do (seeds, jieba, saved index), then asks every question once. */
const ask: Task = async ([seedsDir, indexDir, questionsOut]) => {
  const { benchQuestions, devQuestions } = await import('./lib/questions.ts');
  const { percentiles, rssMB } = await import('./lib/stats.ts');
  let t = performance.now();
  const engine = await openSaved(seedsDir!, indexDir!);
  const openMs = performance.now() - t;
  const rssAfterLoad = rssMB();
  const questions = benchQuestions(engine.index.targets);
  await writeFile(questionsOut!, JSON.stringify(questions));
  // Warm-up: the JIT and Orama's caches, on questions of the same kinds (not timed).
  for (const q of questions.slice(-50)) engine.ask(q.q);
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  t = performance.now();
  for (const q of questions) {
    const started = performance.now();
    const answer = engine.ask(q.q);
    times.push(performance.now() - started);
    statuses[`${q.source}:${answer.status}`] = (statuses[`${q.source}:${answer.status}`] ?? 0) + 1;
  }
  const totalMs = performance.now() - t;
  const dev = devQuestions().questions.map((d) => {
    const answer = engine.ask(d.q);
    const states = answer.status === 'answered' && d.expect.every((f) => answer.answer.includes(f));
    return { q: d.q, none: d.none === true, right: d.none ? answer.status !== 'answered' : states, answer: answer.answer };
  });
  const slowest = questions
    .map((q, i) => ({ q: q.q, ms: times[i]! }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5);
  return {
    openMs,
    summary: engine.summary(),
    rssAfterLoadMB: rssAfterLoad,
    rssAfterAsksMB: rssMB(),
    questions: questions.length,
    totalMs,
    latency: percentiles(times),
    times,
    statuses,
    dev,
    slowest,
  };
};

const PEER_SCHEMA = { text: 'string', headline: 'string' } as const;

/** The paragraphs of a saved index as plain rows, for the peer. */
async function plainParagraphs(indexDir: string): Promise<{ id: string; text: string; headline: string }[]> {
  const records = JSON.parse(await readFile(join(await generationOf(indexDir), 'records.json'), 'utf8')) as {
    documents: import('../src/model.ts').Document[];
  };
  return records.documents.flatMap((d) =>
    d.articles.flatMap((a) => a.paragraphs.map((p) => ({ id: p.id, text: p.text, headline: p.headline }))),
  );
}

/** The peer's saved index: stock Orama with the mandarin tokenizer over the paragraphs, save()d. */
const peerSave: Task = async ([indexDir, outFile]) => {
  const { create, insertMultiple, save } = await import('@orama/orama');
  const { createTokenizer } = await import('@orama/tokenizers/mandarin');
  const db = create({ schema: PEER_SCHEMA, components: { tokenizer: createTokenizer() } });
  const rows = await plainParagraphs(indexDir!);
  await insertMultiple(db, rows, 5000);
  await writeFile(outFile!, JSON.stringify(save(db)));
  return { paragraphs: rows.length };
};

/** Stock Orama with @orama/tokenizers' mandarin tokenizer over the plain paragraphs, default search. */
const baseline: Task = async ([indexDir, questionsFile, budget]) => {
  const { create, insertMultiple, search } = await import('@orama/orama');
  const { createTokenizer } = await import('@orama/tokenizers/mandarin');
  const { devQuestions } = await import('./lib/questions.ts');
  const { percentiles, rssMB } = await import('./lib/stats.ts');
  const rows = await plainParagraphs(indexDir!);
  const db = create({ schema: PEER_SCHEMA, components: { tokenizer: createTokenizer() } });
  let t = performance.now();
  await insertMultiple(db, rows, 5000);
  const buildMs = performance.now() - t;
  const questions = JSON.parse(await readFile(questionsFile!, 'utf8')) as { q: string }[];
  for (const q of questions.slice(-5)) await search(db, { term: q.q });
  const budgetMs = Number(budget);
  const times: number[] = [];
  t = performance.now();
  for (const q of questions) {
    if (performance.now() - t > budgetMs) break;
    const started = performance.now();
    await search(db, { term: q.q });
    times.push(performance.now() - started);
  }
  const dev = [];
  for (const d of devQuestions().questions) {
    if (d.none) continue;
    const top = (await search(db, { term: d.q, limit: 1 })).hits[0]?.document as { text: string } | undefined;
    dev.push({ q: d.q, right: top !== undefined && d.expect.every((f) => top.text.includes(f)), top: top?.text.slice(0, 60) ?? null });
  }
  return { paragraphs: rows.length, buildMs, latency: percentiles(times), times, asked: times.length, of: questions.length, dev, rssMB: rssMB() };
};

/** searchTokens against raw jieba.cut(s, true) over the same paragraphs, rounds interleaved. */
const segment: Task = async ([rounds]) => {
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const { readDocument } = await import('../src/corpus/load.ts');
  const { segmenterFor, textsOf } = await import('../src/indexing/build.ts');
  const { corpusLexicon } = await import('../src/text/corpusLexicon.ts');
  const { sourceFiles } = await import('./lib/synth.ts');
  const { median } = await import('./lib/stats.ts');
  const jieba = createRequire(import.meta.url)('nodejieba') as typeof import('nodejieba');
  const paragraphs = sourceFiles().flatMap((path) => textsOf([readDocument(path.slice(path.lastIndexOf('/') + 1), readFileSync(path))]));
  const segmenter = segmenterFor(corpusLexicon(paragraphs));
  const searchTokens = (text: string) => segmenter.searchTokens(text);
  const bytes = paragraphs.reduce((n, s) => n + Buffer.byteLength(s), 0);
  // Three passes over the paragraphs a measurement (≈0.1 s): long enough for a timer, short enough
  // that the two tokenizers take turns many times.
  const time = (fn: (s: string) => unknown) => {
    const t = performance.now();
    for (let pass = 0; pass < 3; pass++) for (const p of paragraphs) fn(p);
    return (3 * bytes) / 1e6 / ((performance.now() - t) / 1000);
  };
  const raw: number[] = [];
  const ours: number[] = [];
  time((s) => jieba.cut(s, true));
  time(searchTokens);
  for (let r = 0; r < Number(rounds ?? 9); r++) {
    raw.push(time((s) => jieba.cut(s, true)));
    ours.push(time(searchTokens));
  }
  return { paragraphs: paragraphs.length, bytes, rawMBs: median(raw), oursMBs: median(ours), raw, ours };
};

/** Where a cold start's time goes: the steps of openIndex and a first answer, timed one by one. */
const phases: Task = async ([seedsDir, indexDir, question]) => {
  let t = performance.now();
  const { hashSeeds } = await import('../src/corpus/seedFiles.ts');
  const { loadSearchIndex } = await import('../src/search/store.ts');
  const { createEngine } = await import('../src/qa/engine.ts');
  const { renderAnswer } = await import('../src/cli/render.ts');
  const { indexKeyOf } = await import('../src/indexing/key.ts');
  const importMs = performance.now() - t;
  t = performance.now();
  const key = indexKeyOf(await hashSeeds(seedsDir!));
  const seedsMs = performance.now() - t;
  t = performance.now();
  const loaded = await loadSearchIndex(indexDir!, key);
  const indexMs = performance.now() - t;
  if (!loaded.ok) throw new Error(loaded.reason);
  t = performance.now();
  loaded.index.segmenter.cut('词典'); // jieba loads its dictionary on the first cut
  const jiebaMs = performance.now() - t;
  t = performance.now();
  const engine = createEngine({ index: loaded.index, origin: { loaded: true }, rewrites: [], report: null });
  const text = renderAnswer(engine.ask(question!));
  const answerMs = performance.now() - t;
  t = performance.now();
  engine.ask(question!);
  const secondAnswerMs = performance.now() - t;
  return { bootMs, importMs, seedsMs, jiebaMs, indexMs, answerMs, secondAnswerMs, answered: text.split('\n')[0] };
};

const slack: Task = async (args) => {
  const { runSlackBench } = await import('./lib/slackBench.ts');
  return runSlackBench(args[0]!, args[1]!, args[2] === 'faults' ? 'faults' : 'path');
};

/** The bot alone, for the `slack` task: the HTTP app on loopback until standard input closes. */
const slackBot: Task = async ([seedsDir, indexDir, apiUrl, signingSecret]) => {
  const { startSlackApp } = await import('../src/slack/app.ts');
  const { lineLogger } = await import('../src/slack/logger.ts');
  const { LogLevel } = await import('@slack/bolt');
  const engine = await openSaved(seedsDir!, indexDir!);
  const app = await startSlackApp(
    engine,
    { botToken: 'xoxb-bench', signingSecret: signingSecret!, apiUrl: apiUrl!, logLevel: 'warn' },
    { port: 0, host: '127.0.0.1', logger: lineLogger((line) => process.stderr.write(`${line}\n`), LogLevel.WARN) },
  );
  process.stdout.write(`READY ${app.port}\n`);
  // Standard input: `cpu` asks for the CPU time used so far; its end stops the bot.
  await new Promise<void>((resolve) => {
    let buffered = '';
    process.stdin
      .setEncoding('utf8')
      .on('data', (chunk: string) => {
        buffered += chunk;
        for (let at = buffered.indexOf('\n'); at >= 0; at = buffered.indexOf('\n')) {
          if (buffered.slice(0, at).trim() === 'cpu') process.stdout.write(`CPU ${JSON.stringify(process.cpuUsage())}\n`);
          buffered = buffered.slice(at + 1);
        }
      })
      .once('end', resolve)
      .once('close', resolve);
  });
  await app.stop();
  return { stopped: true };
};

/**
 * Questions across documents over the library, each asked many times: p50/p99 in process; and the
 * chart of one of each kind drawn: its time and PNG size.
 */
const compare: Task = async ([seedsDir, indexDir, questionsFile, rounds]) => {
  const { percentiles } = await import('./lib/stats.ts');
  const { chartOf } = await import('../src/qa/chart.ts');
  const { openChartRenderer } = await import('../src/charts/render.ts');
  const engine = await openSaved(seedsDir!, indexDir!);
  const questions = (await readFile(questionsFile!, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { q: string; kind: string });
  for (const q of questions) engine.ask(q.q);
  const times: number[] = [];
  for (let r = 0; r < Number(rounds ?? 10); r++) {
    for (const q of questions) {
      const t = performance.now();
      engine.ask(q.q);
      times.push(performance.now() - t);
    }
  }
  const charts = await openChartRenderer();
  const drawn: { kind: string; ms: number[]; bytes: number }[] = [];
  for (const kind of ['places', 'years', 'check']) {
    let spec: ReturnType<typeof chartOf> = null;
    for (const x of questions) if (x.kind === kind && (spec = chartOf(engine.ask(x.q))) !== null) break;
    if (spec === null) continue;
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 6; i++) {
      const t = performance.now();
      bytes = (await charts.renderChart(spec)).length;
      ms.push(performance.now() - t);
    }
    drawn.push({ kind, ms: ms.slice(1), bytes });
  }
  await charts.close();
  return { documents: engine.summary().documents, questions: questions.length, latency: percentiles(times), charts: drawn };
};

/**
 * A live update of one changed document in an opened index, against a full build of the same
 * seeds: the first (which starts the reader and loads jieba's whole dictionary) and the next ones;
 * then a new file saved while the folder is watched, timed until its figure answers.
 */
const incremental: Task = async ([seedsDir, indexDir, file]) => {
  const { appendFile, copyFile } = await import('node:fs/promises');
  const { openLiveEngine } = await import('../src/qa/live.ts');
  const { median } = await import('./lib/stats.ts');
  const engine = await openLiveEngine({ seedsDir: seedsDir!, indexDir: indexDir!, watch: false });
  if (!engine.current.origin.loaded) throw new Error(`${indexDir} was not current`);
  const path = join(seedsDir!, file!);
  const updates: number[] = [];
  for (let i = 0; i < 4; i++) {
    await appendFile(path, `\n到2030年，全省第${i + 1}批数字乡村示范县达到${10 + i}个。\n`);
    const outcome = await engine.refresh();
    if (outcome.kind !== 'updated') throw new Error(`update ${i}: ${JSON.stringify(outcome)}`);
    updates.push(outcome.ms);
  }
  await engine.close();
  // Saved to answering, the folder watched.
  const watching = await openLiveEngine({ seedsDir: seedsDir!, indexDir: indexDir!, debounceMs: 200 });
  // The first file saved starts the reader (and its whole dictionary); the next finds it running.
  const savedToAnswered: number[] = [];
  for (const [name, count] of [['live-saved-1.txt', 321], ['live-saved-2.txt', 654]] as const) {
    const started = performance.now();
    await writeFile(join(seedsDir!, name), `关于加快智慧农业发展的实施意见\n\n到2030年，全省建成智慧${name.slice(-5, -4) === '1' ? '农场' : '牧场'}${count}个。\n`);
    const question = `全省智慧${name.slice(-5, -4) === '1' ? '农场' : '牧场'}建成多少个`;
    while (!watching.ask(question).answer.includes(`${count}个`)) {
      if (performance.now() - started > 60_000) throw new Error('the saved file was not answered within a minute');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    savedToAnswered.push(performance.now() - started);
  }
  await watching.close();
  return { first: updates[0]!, warm: median(updates.slice(1)), updates, savedToAnsweredMs: savedToAnswered[0]!, savedToAnsweredWarmMs: savedToAnswered[1]! };
};

const TASKS: Record<string, Task> = { build, 'load-only': loadOnly, ask, baseline, 'peer-save': peerSave, compare, incremental, segment, phases, slack, 'slack-bot': slackBot };

const task = TASKS[process.argv[2] ?? ''];
if (task === undefined) {
  process.stderr.write(`usage: worker.ts <${Object.keys(TASKS).join('|')}> …\n`);
  process.exitCode = 2;
} else {
  task(process.argv.slice(3)).then(
    (result) => {
      process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
      // Bolt's and undici's sockets may linger; the result is out.
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
