// The Slack rows: 200 signed app_mention events to the HTTP app (startSlackApp with the real engine
// on the seed, in a process of its own, as in production), at most 50 unanswered at a time: a new
// mention goes out when one is answered. The Web API is faked on loopback in this process, so that
// a mention's send time and its chat.postMessage arrival are read off one clock. A first round of
// 50 mentions warms the bot up (JIT, connections) and is reported apart. `faults` has the fake
// answer the first chat.postMessage of some mentions with 429 (Retry-After: 1), 500, or after 2 s.
//
// The bot keeps Bolt's production Web API retry policy (no retryConfig: ten retries over about 30
// minutes, the first after 1–2 s); each fault here is served once, so that policy ends the run in
// seconds and is the one measured.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { devQuestions } from './questions.ts';
import { startFakeSlackApi, type Fault } from './fakeSlackApi.ts';
import { percentiles, type Percentiles } from './stats.ts';
import { sourceFiles } from './synth.ts';

const WORKER = fileURLToPath(new URL('../worker.ts', import.meta.url));
const SECRET = 'bench0signing0secret0not0a0real0one';
const BOT_USER = 'U0BOT';
export const MENTIONS = 200;
export const CONCURRENCY = 50;
export const WARM_UP = 50;
const ANSWER_DEADLINE_MS = { path: 30_000, faults: 90_000 };
// After the last answer, how long to keep listening for a second one (a retry of a post that did go through).
const GRACE_MS = { path: 1_000, faults: 4_000 };

export interface SlackResult {
  mode: 'path' | 'faults';
  mentions: number;
  concurrency: number;
  warmUp: { mentions: number; latency: Percentiles; answeredOnce: number };
  httpNon200: number;
  answeredOnce: number;
  answeredTwiceOrMore: number;
  unanswered: number;
  apologies: number;
  postAttempts: number;
  faultsServed: Record<string, number>;
  requestsPerSecond: number;
  latency: Percentiles;
  wallMs: number;
  /** CPU time of the bot process (user + system) per measured mention. */
  botCpuMsPerMention: number;
  /** Web API calls by method, per mention (warm-up included). */
  apiCallsPerMention: Record<string, number>;
  retryPolicy: string;
  botLog: string[];
}

function tsOf(i: number): string {
  return `1700000000.${String(i + 1).padStart(6, '0')}`;
}

function indexOfTs(ts: string): number {
  return Number(ts.split('.')[1]) - 1;
}

/** Which first attempts fail, by mention: one in ten of each kind. */
function faultPlan(threadTs: string, attempt: number): Fault | null {
  if (attempt > 1) return null;
  const i = indexOfTs(threadTs);
  if (i % 10 === 1) return 'rate-limited';
  if (i % 10 === 4) return 'server-error';
  if (i % 10 === 7) return 'slow';
  return null;
}

function mentionBody(i: number, question: string): string {
  const ts = tsOf(i);
  return JSON.stringify({
    token: 'bench',
    team_id: 'T0BENCH',
    api_app_id: 'A0BENCH',
    event: { type: 'app_mention', user: 'U0ASKER', text: `<@${BOT_USER}> ${question}`, ts, channel: `C0BENCH${i % 5}`, event_ts: ts },
    type: 'event_callback',
    authorizations: [{ team_id: 'T0BENCH', user_id: BOT_USER, is_bot: true, is_enterprise_install: false }],
    event_id: `Ev0BENCH${i}`,
    event_time: 1700000000,
  });
}

// node:http with keep-alive rather than fetch: the sender shares the machine with the bot, and
// should take as little of it as it can.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function sendSigned(url: string, body: string): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

interface Bot {
  port: number;
  log: string[];
  /** The bot process's CPU time so far (process.cpuUsage(), µs). */
  cpu(): Promise<{ user: number; system: number }>;
  stop(): Promise<void>;
}

/** Starts the bot in a process of its own; resolves once it listens. */
function startBot(seedsDir: string, indexDir: string, apiUrl: string): Promise<Bot> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, 'slack-bot', seedsDir, indexDir, apiUrl, SECRET], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => log.push(...chunk.split('\n').filter((l) => l.trim() !== '')));
  return new Promise((resolve, reject) => {
    let out = '';
    let ready = false;
    const cpuWaiters: ((usage: { user: number; system: number }) => void)[] = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the bot did not start in 60 s: ${log.slice(-5).join(' | ')}`));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the bot exited (${code}) before listening: ${log.slice(-5).join(' | ')}`));
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      let newline: number;
      while ((newline = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, newline);
        out = out.slice(newline + 1);
        if (line.startsWith('CPU ')) cpuWaiters.shift()?.(JSON.parse(line.slice(4)) as { user: number; system: number });
        const m = /^READY (\d+)$/.exec(line);
        if (m && !ready) {
          ready = true;
          clearTimeout(timer);
          resolve({
            port: Number(m[1]),
            log,
            cpu: () =>
              new Promise((answer) => {
                cpuWaiters.push(answer);
                child.stdin.write('cpu\n');
              }),
            stop: async () => {
              child.stdin.end();
              const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
              await exited;
              clearTimeout(killer);
            },
          });
        }
      }
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Round {
  latencies: number[];
  once: number;
  twice: number;
  unanswered: number;
  httpNon200: number;
  firstSent: number;
  lastAnswer: number;
}

export async function runSlackBench(seedsDir: string, indexDir: string, mode: 'path' | 'faults'): Promise<SlackResult> {
  const waiting = new Map<string, () => void>();
  const api = await startFakeSlackApi({
    botUserId: BOT_USER,
    ...(mode === 'faults' && { fault: (ts: string, attempt: number) => (indexOfTs(ts) < WARM_UP ? null : faultPlan(ts, attempt)) }),
    slowMs: 2000,
    onPosted: (post) => waiting.get(post.threadTs)?.(),
  });
  const bot = await startBot(seedsDir, indexDir, api.apiUrl).catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  const cpuBefore = { user: 0, system: 0 };
  try {
    const url = `http://127.0.0.1:${bot.port}/slack/events`;
    const questions = devQuestions().questions.map((d) => d.q);
    const okPosts = () => api.posts.filter((p) => p.outcome === 'ok' || p.outcome === 'slow');

    /** Mentions first..first+count-1, at most CONCURRENCY unanswered at a time; bounded by deadlines. */
    const round = async (first: number, count: number): Promise<Round> => {
      const sentAt = new Map<number, number>();
      const statuses: number[] = [];
      let next = first;
      const started = performance.now();
      const slot = async () => {
        while (next < first + count) {
          const i = next++;
          const ts = tsOf(i);
          const answered = new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, ANSWER_DEADLINE_MS[mode]);
            waiting.set(ts, () => {
              clearTimeout(timer);
              resolve();
            });
          });
          sentAt.set(i, performance.now());
          statuses.push(await sendSigned(url, mentionBody(i, questions[i % questions.length]!)));
          await answered;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, slot));
      const byMention = new Map<number, number[]>();
      for (const post of okPosts()) {
        const i = indexOfTs(post.threadTs);
        if (i >= first && i < first + count) byMention.set(i, [...(byMention.get(i) ?? []), post.at]);
      }
      const result: Round = { latencies: [], once: 0, twice: 0, unanswered: 0, httpNon200: statuses.filter((s) => s !== 200).length, firstSent: started, lastAnswer: started };
      for (let i = first; i < first + count; i++) {
        const arrivals = byMention.get(i) ?? [];
        if (arrivals.length === 0) result.unanswered++;
        if (arrivals.length === 1) result.once++;
        if (arrivals.length > 1) result.twice++;
        if (arrivals.length > 0) {
          result.latencies.push(Math.min(...arrivals) - sentAt.get(i)!);
          result.lastAnswer = Math.max(result.lastAnswer, ...arrivals);
        }
      }
      return result;
    };

    const warm = await round(0, WARM_UP);
    Object.assign(cpuBefore, await bot.cpu());
    const measured = await round(WARM_UP, MENTIONS);
    const cpuAfter = await bot.cpu();
    // A retry of a post that did go through would come after its answer: keep listening a while.
    await sleep(GRACE_MS[mode]);
    const { APOLOGY_TEXT } = await import('../../src/slack/blocks.ts');
    const faultsServed: Record<string, number> = {};
    for (const post of api.posts) if (post.outcome !== 'ok') faultsServed[post.outcome] = (faultsServed[post.outcome] ?? 0) + 1;
    const final = recount(okPosts(), WARM_UP, MENTIONS);
    return {
      mode,
      mentions: MENTIONS,
      concurrency: CONCURRENCY,
      warmUp: { mentions: WARM_UP, latency: percentiles(warm.latencies), answeredOnce: warm.once },
      httpNon200: measured.httpNon200,
      answeredOnce: final.once,
      answeredTwiceOrMore: final.twice,
      unanswered: final.unanswered,
      apologies: okPosts().filter((p) => p.text.includes(APOLOGY_TEXT)).length,
      postAttempts: api.posts.filter((p) => indexOfTs(p.threadTs) >= WARM_UP).length,
      faultsServed,
      requestsPerSecond: (MENTIONS / (measured.lastAnswer - measured.firstSent)) * 1000,
      latency: percentiles(measured.latencies),
      wallMs: measured.lastAnswer - measured.firstSent,
      botCpuMsPerMention: (cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000 / MENTIONS,
      apiCallsPerMention: Object.fromEntries(
        [...api.calls].filter(([method]) => method !== 'auth.test').map(([method, n]) => [method, n / (MENTIONS + WARM_UP)]),
      ),
      retryPolicy: "Bolt's production default (no retryConfig): 10 retries, factor 1.96821, randomized, first retry after 1–2 s",
      botLog: bot.log.filter((l) => !l.startsWith('  [')).slice(-20),
    };
  } finally {
    await bot.stop();
    await api.close();
    agent.destroy();
  }
}

/** Answers per mention of first..first+count-1 among the ok posts. */
function recount(posts: { threadTs: string }[], first: number, count: number): { once: number; twice: number; unanswered: number } {
  const counts = new Map<number, number>();
  for (const post of posts) {
    const i = indexOfTs(post.threadTs);
    if (i >= first && i < first + count) counts.set(i, (counts.get(i) ?? 0) + 1);
  }
  let once = 0;
  let twice = 0;
  for (let i = first; i < first + count; i++) {
    const n = counts.get(i) ?? 0;
    if (n === 1) once++;
    if (n > 1) twice++;
  }
  return { once, twice, unanswered: count - once - twice };
}

// ---- 核对来源 under load -------------------------------------------------------------------------
//
// 50 message shortcuts (核对来源) at once on 8,000-character messages cut from the seed and the four
// reports, to the HTTP app over the seed and the reports, with mentions sent meanwhile, one every
// MENTION_GAP_MS. Each request's acknowledgement is its HTTP response (Bolt answers 200 when the
// listener acks), timed from the request's first byte. The replies are waited for and counted.

export const CHECKS = 50;
export const CHECK_MESSAGE_CHARS = 8000;
export const MENTIONS_DURING_CHECKS = 25;
const MENTION_GAP_MS = 20;
const CHECKS_DEADLINE_MS = 120_000;

export interface ChecksResult {
  checks: number;
  messageChars: number;
  /** Figures per message, as the 核对来源 reply counts them (median). */
  figuresPerMessage: number;
  checksAck: Percentiles;
  mentions: number;
  mentionsAck: Percentiles;
  /** From the first check sent to its reply posted. */
  checkReply: Percentiles;
  checksAnsweredOnce: number;
  mentionsAnsweredOnce: number;
  httpNon200: number;
  wallMs: number;
  botLog: string[];
}

function sendSignedAs(url: string, body: string, contentType: string): Promise<{ status: number; ms: number }> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    req.end(body);
  });
}

/** Messages of CHECK_MESSAGE_CHARS characters, each a different stretch of the seed and the reports. */
function checkMessages(count: number): string[] {
  const text = sourceFiles()
    .map((path) => readFileSync(path, 'utf8'))
    .join('')
    .replace(/\s+/g, '');
  const step = Math.max(1, Math.floor((text.length - CHECK_MESSAGE_CHARS) / count));
  return Array.from({ length: count }, (_, i) => text.slice(i * step, i * step + CHECK_MESSAGE_CHARS));
}

function checkBody(i: number, text: string): string {
  const ts = `1710000000.${String(i + 1).padStart(6, '0')}`;
  const payload = {
    type: 'message_action',
    token: 'bench',
    action_ts: `1710000001.${String(i + 1).padStart(6, '0')}`,
    team: { id: 'T0BENCH', domain: 'bench' },
    user: { id: `U0CHECK${i}`, name: 'checker' },
    channel: { id: `C0CHECK${i % 5}`, name: 'bench' },
    callback_id: 'check_sources',
    trigger_id: `trigger-check-${i}`,
    message_ts: ts,
    message: { type: 'message', text, user: 'U0AUTHOR', ts, team: 'T0BENCH' },
    response_url: 'http://127.0.0.1:9/unused',
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

export async function runSlackChecksBench(seedsDir: string, indexDir: string): Promise<ChecksResult> {
  const replies = new Map<string, number[]>();
  const api = await startFakeSlackApi({
    botUserId: BOT_USER,
    onPosted: (post) => replies.set(post.threadTs, [...(replies.get(post.threadTs) ?? []), post.at]),
  });
  const bot = await startBot(seedsDir, indexDir, api.apiUrl).catch(async (error: unknown) => {
    await api.close();
    throw error;
  });
  try {
    const url = `http://127.0.0.1:${bot.port}/slack/events`;
    const messages = checkMessages(CHECKS);
    // Warm-up, not measured: a few mentions and one check, so that the JIT and the connections are ready.
    for (let i = 0; i < 5; i++) await sendSigned(url, mentionBody(900 + i, devQuestions().questions[i % 3]!.q));
    await sendSignedAs(url, checkBody(900, messages[0]!), 'application/x-www-form-urlencoded');

    const questions = devQuestions().questions.map((d) => d.q);
    const started = performance.now();
    const checks = messages.map((text, i) => sendSignedAs(url, checkBody(i, text), 'application/x-www-form-urlencoded'));
    const mentions: Promise<{ status: number; ms: number }>[] = [];
    for (let i = 0; i < MENTIONS_DURING_CHECKS; i++) {
      mentions.push(sendSignedAs(url, mentionBody(1000 + i, questions[i % questions.length]!), 'application/json'));
      await sleep(MENTION_GAP_MS);
    }
    const checkAcks = await Promise.all(checks);
    const mentionAcks = await Promise.all(mentions);
    const checkTs = messages.map((_, i) => `1710000000.${String(i + 1).padStart(6, '0')}`);
    const mentionTs = Array.from({ length: MENTIONS_DURING_CHECKS }, (_, i) => tsOf(1000 + i));
    const deadline = performance.now() + CHECKS_DEADLINE_MS;
    while (performance.now() < deadline && [...checkTs, ...mentionTs].some((ts) => !replies.has(ts))) await sleep(50);
    const wallMs = performance.now() - started;
    await sleep(GRACE_MS.path);
    const replyTexts = api.posts.filter((p) => checkTs.includes(p.threadTs)).map((p) => p.text);
    const figures = replyTexts.map((text) => Number(/共 (\d+) 处/.exec(text)?.[1] ?? /核对了 (\d+) 处/.exec(text)?.[1] ?? 0)).sort((a, b) => a - b);
    return {
      checks: CHECKS,
      messageChars: CHECK_MESSAGE_CHARS,
      figuresPerMessage: figures[Math.floor(figures.length / 2)] ?? 0,
      checksAck: percentiles(checkAcks.map((a) => a.ms)),
      mentions: MENTIONS_DURING_CHECKS,
      mentionsAck: percentiles(mentionAcks.map((a) => a.ms)),
      checkReply: percentiles(checkTs.flatMap((ts) => (replies.get(ts) ?? []).slice(0, 1).map((at) => at - started))),
      checksAnsweredOnce: checkTs.filter((ts) => replies.get(ts)?.length === 1).length,
      mentionsAnsweredOnce: mentionTs.filter((ts) => replies.get(ts)?.length === 1).length,
      httpNon200: [...checkAcks, ...mentionAcks].filter((a) => a.status !== 200).length,
      wallMs,
      botLog: bot.log.filter((l) => !l.startsWith('  [')).slice(-20),
    };
  } finally {
    await bot.stop();
    await api.close();
  }
}
