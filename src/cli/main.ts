// The command line (see CONTRACT.md): index, ask, targets, figures, serve, eval, chat and feedback.
// Standard output carries results only (one JSON object a line with --json); logs go to stderr.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openEngine, type OpenedEngine } from '../qa/engine.ts';
import { judgeAnswer, parseEvalQuestions, totalVerdicts } from '../qa/evaluate.ts';
import { judgeTarget, parseGoldTargets, TARGET_FIELDS, totalTargetVerdicts, type GoldTarget } from '../targets/evaluate.ts';
import { findFigures, parseFigure } from '../text/figures.ts';
import { seededRandom } from '../random.ts';
import { describeSource, FEEDBACK_REASON_WORDS } from '../qa/wording.ts';
import type { FeedbackEntry } from '../store/feedback.ts';
import { HELP, parseCommandLine, UsageError, type CommandLine } from './args.ts';
import { runChat } from './chat.ts';
import { renderAnswer, renderFigure, renderTarget } from './render.ts';
import { answerCsv, targetsCsv } from '../qa/csv.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const out = (line: string) => process.stdout.write(`${line}\n`);

/** Lines of standard input, one at a time, blank ones skipped. */
async function* inputLines(): AsyncGenerator<string> {
  const reader = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of reader) if (line.trim() !== '') yield line.trim();
}

/** Each document's URL, where its source says one. */
function sourceUrls(engine: OpenedEngine): (doc: string) => string | null {
  const urls = new Map(engine.index.documents.map((d) => [d.file, d.source?.url ?? null]));
  return (doc) => urls.get(doc) ?? null;
}

function open(cl: CommandLine, rebuild = false): Promise<OpenedEngine> {
  return openEngine({ seedsDir: cl.seeds, indexDir: cl.index, log, rebuild });
}

async function commandIndex(cl: CommandLine): Promise<void> {
  const started = performance.now();
  const engine = await open(cl, true);
  const report = engine.report;
  const formats: Record<string, number> = {};
  for (const r of report?.read ?? []) formats[r.format] = (formats[r.format] ?? 0) + 1;
  const summary = {
    ...engine.summary(),
    ms: Math.round(performance.now() - started),
    formats,
    skipped: report?.skipped.length ?? 0,
    duplicates: report?.duplicates.length ?? 0,
  };
  if (cl.json) {
    out(JSON.stringify(summary));
    return;
  }
  const read = Object.entries(formats).map(([format, n]) => `${n} ${format}`).join(', ');
  out(
    `indexed ${summary.documents} documents (${read || 'none'}), ${summary.paragraphs} paragraphs, ${summary.targets} targets ` +
      `in ${summary.ms} ms → ${cl.index}; skipped ${summary.skipped} files, ${summary.duplicates} duplicates` +
      (summary.skipped + summary.duplicates > 0 ? ' (the lines above say which and why)' : ''),
  );
}

async function commandAsk(cl: CommandLine): Promise<void> {
  const engine = await open(cl);
  const urlOf = sourceUrls(engine);
  const answerOne = (question: string) => {
    const answer = engine.ask(question);
    if (cl.csv) process.stdout.write(answerCsv(answer, urlOf));
    else out(cl.json ? JSON.stringify(answer) : renderAnswer(answer));
  };
  if (cl.rest.length > 0) answerOne(cl.rest.join(' '));
  else for await (const line of inputLines()) answerOne(line);
}

async function commandTargets(cl: CommandLine): Promise<void> {
  const engine = await open(cl);
  const words = cl.rest.join(' ');
  const targets = engine.targets({
    ...(cl.region !== undefined ? { region: cl.region } : {}),
    ...(cl.year !== undefined ? { year: cl.year } : {}),
    ...(words ? { words } : {}),
  });
  const shown = cl.sample === undefined ? targets : seededRandom(cl.seed ?? 1).shuffle([...targets]).slice(0, cl.sample);
  if (cl.csv) process.stdout.write(targetsCsv(shown, sourceUrls(engine)));
  else for (const target of shown) out(cl.json ? JSON.stringify(target) : renderTarget(target));
  if (!cl.json) log(cl.sample === undefined ? `${targets.length} targets` : `${shown.length} of ${targets.length} targets, drawn with seed ${cl.seed ?? 1}`);
}

async function commandFigures(cl: CommandLine): Promise<void> {
  const showLine = (text: string) => {
    // A line that is one figure or numeral alone (一千一百一十一, 壹佰) is read as the peer suites
    // read it; in running text a bare numeral is no figure (统一, 一个中心).
    const found = findFigures(text);
    const alone = found.length === 0 ? parseFigure(text.trim()) : null;
    const figures = alone !== null ? [alone] : found;
    if (cl.json) out(JSON.stringify({ text, figures }));
    else out(figures.length > 0 ? figures.map(renderFigure).join('；') : '（没有数字）');
  };
  if (cl.rest.length > 0) showLine(cl.rest.join(' '));
  else for await (const line of inputLines()) showLine(line);
}

const DEFAULT_EVAL_FILES = ['../shared/eval/dev-questions.jsonl', 'test/fixtures/dev-questions.jsonl'];

/** A gold-targets file has records with a sentence and a figure; a questions file has questions. */
function isGoldTargets(text: string): boolean {
  const first = text.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('//'));
  return first !== undefined && /"sentence"\s*:/.test(first) && /"figure"\s*:/.test(first);
}

async function commandEval(cl: CommandLine): Promise<void> {
  const file = cl.rest[0] ?? DEFAULT_EVAL_FILES.find((f) => existsSync(f));
  if (file === undefined) throw new UsageError('eval needs a questions file');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read questions file ${file}`);
  }
  if (isGoldTargets(text)) return evalTargets(cl, parseGoldTargets(text, file));
  const items = parseEvalQuestions(text, file);
  const engine = await open(cl);
  const verdicts = items.map((item) => judgeAnswer(item, engine.ask(item.q)));
  for (const v of verdicts) {
    if (cl.json) out(JSON.stringify(v));
    else out(`${v.passed ? 'PASS' : v.wrongFigure ? 'WRONG' : 'FAIL'}  ${v.question}  →  [${v.status}] ${v.answer}`);
  }
  const t = totalVerdicts(verdicts);
  const summary =
    `figures ${t.figures.right}/${t.figures.of}, citations ${t.citations.right}/${t.citations.of}, ` +
    `refusals ${t.refusals.right}/${t.refusals.of}, wrong figures shown ${t.wrongFigures}`;
  if (cl.json) out(JSON.stringify({ totals: t }));
  else out(`eval: ${t.passed}/${t.questions} questions right (${summary})`);
}

async function evalTargets(cl: CommandLine, gold: GoldTarget[]): Promise<void> {
  const engine = await open(cl);
  const verdicts = gold.map((g) => judgeTarget(g, engine.index.targets));
  for (const v of verdicts) {
    if (cl.json) out(JSON.stringify({ gold: v.gold, passed: v.passed, fields: v.fields, target: v.target }));
    else if (!v.passed) {
      const wrong = Object.entries(v.fields).filter(([, right]) => !right).map(([field]) => field).join(',');
      const got = v.target ? `${v.target.region} ${v.target.year} ${v.target.kind} ${v.target.metric}` : 'not found';
      out(`FAIL[${wrong}]  ${v.gold.doc}  ${v.gold.figure}  「${v.gold.sentence}」  →  ${got}`);
    }
  }
  const t = totalTargetVerdicts(verdicts);
  const fields = TARGET_FIELDS.map((f) => `${f} ${t.fields[f].right}/${t.fields[f].of}`).join(', ');
  if (cl.json) out(JSON.stringify({ totals: t }));
  else out(`eval: ${t.passed}/${t.gold} gold targets right (${fields}; not targets ${t.notTargets.right}/${t.notTargets.of})`);
}

async function commandServe(cl: CommandLine): Promise<void> {
  const { serveSlack } = await import('../slack/serve.ts');
  await serveSlack({ seedsDir: cl.seeds, indexDir: cl.index, log });
}

async function commandChat(cl: CommandLine): Promise<void> {
  // A chat follows the seeds folder: a report saved there is answered from a moment later.
  const { openLiveEngine } = await import('../qa/live.ts');
  const engine = await openLiveEngine({ seedsDir: cl.seeds, indexDir: cl.index, log });
  try {
    await runChat(engine, { input: process.stdin, output: process.stdout });
  } finally {
    await engine.close();
  }
}

/** One feedback for people: when, 👍/👎 and why, who and where, the question, the answer, the citation, the note. */
function describeFeedback(entry: FeedbackEntry): string {
  const verdict = entry.verdict === 'up' ? '👍' : `👎${entry.reason !== null ? ` ${FEEDBACK_REASON_WORDS[entry.reason]}` : ''}`;
  const citation = entry.citation !== null ? `  [${describeSource({ ...entry.citation, quote: '', start: 0, end: 0, paragraphId: '' })}]` : '';
  const note = entry.note !== null ? `  “${entry.note.replace(/\s+/g, ' ')}”` : '';
  return `${entry.givenAt.slice(0, 16).replace('T', ' ')}  ${verdict}  ${entry.user} in ${entry.channel}  问：${entry.question}  答：${entry.answer.replace(/\s+/g, ' ')}${citation}${note}`;
}

/** The feedback given in Slack, read from the bot's store (read-only: the bot may be running). */
async function commandFeedback(cl: CommandLine): Promise<void> {
  const { DEFAULT_DATA_DIR, openStore, storePath } = await import('../store/store.ts');
  const dataDir = process.env.DATA_DIR || DEFAULT_DATA_DIR;
  if (!existsSync(storePath(dataDir))) {
    log(`no feedback yet: ${storePath(dataDir)} does not exist (the Slack app creates it)`);
    return;
  }
  const store = openStore({ dataDir, readonly: true });
  try {
    const entries = store.feedback.list();
    for (const entry of entries) out(cl.json ? JSON.stringify(entry) : describeFeedback(entry));
    if (!cl.json) log(`${entries.length} feedback, ${entries.filter((e) => e.verdict === 'down').length} 👎`);
  } finally {
    store.close();
  }
}

async function commandHelp(): Promise<void> {
  process.stdout.write(HELP);
}

const HANDLERS: Record<CommandLine['command'], (cl: CommandLine) => Promise<void>> = {
  help: commandHelp,
  index: commandIndex,
  ask: commandAsk,
  targets: commandTargets,
  figures: commandFigures,
  eval: commandEval,
  serve: commandServe,
  chat: commandChat,
  feedback: commandFeedback,
};

/** Errors a user can act on, worded for them; anything else is a bug and keeps its stack. */
function userMessage(error: unknown): string | null {
  if (error instanceof UsageError) return error.message;
  if (error instanceof Error && ['SeedsError', 'DecodeError', 'ConfigError', 'JsonLinesError', 'StoreError'].includes(error.name)) {
    return error.message.split('\n')[0] ?? error.name;
  }
  return null;
}

/** A reader that stops reading (targets | head -1) ends the program quietly, as Unix tools do. */
function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  try {
    const cl = parseCommandLine(argv, process.env);
    await HANDLERS[cl.command](cl);
    return 0;
  } catch (error) {
    const message = userMessage(error);
    if (message === null) throw error;
    log(`zhibiao: ${message}`);
    return 2;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      log(`zhibiao: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    },
  );
}
