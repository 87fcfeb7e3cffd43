// Actions done once (a replayed or double click, a repeated shortcut or command, and Slack's retries
// across a restart of the bot), /target by year and when nothing matches, refusals that help on,
// sources as links and 发到频道 in public channels the bot has not joined. End to end over HTTP
// against the fake Web API with the real engine.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import { CHECK_SOURCES_CALLBACK_ID, MORE_SOURCES_ACTION, POST_TARGET_LIST_ACTION } from '../src/slack/blocks.ts';
import { STATUS_WORDS } from '../src/qa/wording.ts';
import {
  BOT_USER,
  checkSourcesPayload,
  clickPayload,
  mentionEvent,
  postEvent,
  postForm,
  sendInteraction,
  settle,
  shownText,
  slashCommand,
  startHarness,
  waitForCall,
  waitForLog,
  waitForResponse,
  type Harness,
} from './support/fakeSlackApp.ts';

const GUANGZHOU_QUESTION = '广州汽车集群规模目标?';
const folders: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

let engine: OpenedEngine;
beforeAll(async () => {
  engine = await openEngine({ seedsDir: 'seeds', indexDir: tempDir('zhibiao-actions-index-') });
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('each action is acted on once', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(engine);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const postsIn = (thread: string) => harness.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === thread);

  it('the same 更多来源 click twice (a replay) and a double click (two triggers) post the sources once', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, body);
    const answer = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    const value = JSON.stringify({ q: GUANGZHOU_QUESTION });
    const click = clickPayload(harness, { actionId: MORE_SOURCES_ACTION, value, responseId: 'more-1', messageTs: '1700000099.000001', threadTs: ts, message: { text: answer.args.text } });
    for (let n = 0; n < 2; n++) expect((await sendInteraction(harness, click)).status).toBe(200);
    const second = clickPayload(harness, { actionId: MORE_SOURCES_ACTION, value, responseId: 'more-2', messageTs: '1700000099.000001', threadTs: ts, message: { text: answer.args.text } });
    expect((await sendInteraction(harness, second)).status).toBe(200);
    await waitForLog(harness.logs, 'Skipped a repeated block_actions (trigger trigger-more-1');
    await waitForLog(harness.logs, 'Skipped a repeated more-sources click (more-sources:C0TEST:1700000099.000001)');
    await settle();
    expect(postsIn(ts).filter((call) => String(call.args.text).startsWith('更多来源'))).toHaveLength(1);
  });

  it('核对来源 replayed, and run twice on one message, replies once; the second run is told where the reply is', async () => {
    const first = checkSourcesPayload(harness, '广州先进制造业增加值2021年达到5000亿元', 'check-once', 'C0ONCE', { messageTs: '1710000700.000100' });
    await sendInteraction(harness, first);
    await sendInteraction(harness, first);
    const again = checkSourcesPayload(harness, '广州先进制造业增加值2021年达到5000亿元', 'check-again', 'C0ONCE', { messageTs: '1710000700.000100' });
    await sendInteraction(harness, again);
    const told = await waitForResponse(harness.slack, 'check-again');
    expect(String(told.body.text)).toContain('刚核对过');
    await settle();
    expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0ONCE')).toHaveLength(1);
  });

  it('/target replayed with the same trigger answers once', async () => {
    const command = slashCommand(harness, '广州 汽车', 'target-once');
    for (let n = 0; n < 2; n++) expect((await postForm(harness, command)).status).toBe(200);
    await waitForResponse(harness.slack, 'target-once');
    await waitForLog(harness.logs, 'Skipped a repeated request (trigger trigger-target-once');
    expect(harness.slack.responseUrlPosts.filter((post) => post.id === 'target-once')).toHaveLength(1);
  });

  it('发到频道 double-clicked posts the list once', async () => {
    const clicks = ['share-1', 'share-2'].map((responseId) =>
      clickPayload(harness, { actionId: POST_TARGET_LIST_ACTION, value: '广州 汽车', responseId, channel: 'C0SHARE', messageTs: '1710000800.000001', ephemeral: true }),
    );
    for (const click of clicks) await sendInteraction(harness, click);
    await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'C0SHARE');
    await settle();
    expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'C0SHARE')).toHaveLength(1);
  });
});

describe('a restart during Slack’s retries', () => {
  it('answers a mention and acts on a click once, when the bot is stopped and started again on the same data folder', async () => {
    const dataDir = tempDir('zhibiao-restart-');
    const first = await startHarness(engine, { dataDir });
    const { slack } = first;
    try {
      const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
      await postEvent(first, body);
      await waitForCall(slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
      const click = clickPayload(first, { actionId: MORE_SOURCES_ACTION, value: JSON.stringify({ q: GUANGZHOU_QUESTION }), responseId: 'restart-more', messageTs: '1700000199.000001', threadTs: ts });
      await sendInteraction(first, click);
      await waitForCall(slack, 'chat.postMessage', (call) => call.args.thread_ts === ts && String(call.args.text).startsWith('更多来源'));
      await first.stopApp();

      const second = await startHarness(engine, { dataDir, slack });
      try {
        await postEvent(second, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
        await waitForLog(second.logs, `Skipped a repeated delivery of message C0TEST/${ts}`);
        await sendInteraction(second, click);
        await waitForLog(second.logs, 'Skipped a repeated block_actions (trigger trigger-restart-more');
        await settle();
        expect(slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(2);
      } finally {
        await second.stopApp();
      }
    } finally {
      await slack.close();
    }
  });
});

describe('/target, refusals and sources', () => {
  let harness: Harness;
  beforeAll(async () => {
    // The bot token has the scopes the manifest asks for.
    const scopes = /\n\s+bot:\n((?:\s{6,}.*\n)+)/.exec(readFileSync('manifest.yaml', 'utf8'))![1]!.split('\n').flatMap((line) => /^\s+- (\S+)/.exec(line)?.[1] ?? []);
    harness = await startHarness(engine, { fake: { scopes, channels: { C0PUBLIC: { member: false }, G0PRIVATE: { isPrivate: true, member: false } } } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function target(words: string, id: string) {
    await postForm(harness, slashCommand(harness, words, id));
    return (await waitForResponse(harness.slack, id)).body;
  }

  it('a bare year filters by year: /target 北京 2022 lists only 2022, /target 北京 2019 lists nothing and says which years Beijing has', async () => {
    const beijing = await target('北京', 'beijing');
    const beijing2022 = await target('北京 2022', 'beijing-2022');
    const count = (body: Record<string, unknown>) => Number(/共 (\d+) 条/.exec(String(body.text))?.[1]);
    expect(count(beijing2022)).toBeGreaterThan(0);
    expect(count(beijing2022)).toBeLessThan(count(beijing));
    expect(engine.targets({ region: '北京', year: 2022 })).toHaveLength(count(beijing2022));
    expect(count(await target('2022年', 'only-2022'))).toBe(engine.targets({ year: 2022 }).length);

    const none = await target('北京 2019', 'beijing-2019');
    expect(String(none.text)).toBe('没有找到与“北京 2019”相关的指标。');
    const shown = shownText(none);
    expect(shown).toContain('北京的指标在这些年份：2022年。');
    expect(shown).toContain('文件库涵盖的地区：北京、广州');
    expect(shown).not.toContain(POST_TARGET_LIST_ACTION);
  });

  it('words that match nothing list nothing and say what the library covers, with examples that work', async () => {
    const none = await target('qwerty', 'qwerty');
    expect(String(none.text)).toBe('没有找到与“qwerty”相关的指标。');
    const shown = shownText(none);
    expect(shown).toContain('文件库涵盖的地区：');
    expect(shown).toContain('年份：2019—2022年');
    const examples = [...shown.matchAll(/`\/target ([^`]+)`/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(0);
    for (const words of examples) expect(engine.targets({ words }).length, words).toBeGreaterThan(0);
  });

  it('a refusal says what the library covers', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> 火星殖民地的人口目标是多少？`);
    await postEvent(harness, body);
    const reply = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(reply.args.text).toBe(STATUS_WORDS.not_found);
    expect(shownText(reply.args)).toContain('文件库涵盖的地区：北京、广州、全国');
  });

  it('发到频道 posts in a public channel the bot has not joined (chat:write.public), and says why it cannot in a private one', async () => {
    await sendInteraction(harness, clickPayload(harness, { actionId: POST_TARGET_LIST_ACTION, value: '广州 汽车', responseId: 'public', channel: 'C0PUBLIC', ephemeral: true }));
    expect((await waitForResponse(harness.slack, 'public')).body).toMatchObject({ delete_original: true });
    expect(harness.slack.callsTo('chat.postMessage').some((call) => call.args.channel === 'C0PUBLIC' && shownText(call.args).includes('6000亿元'))).toBe(true);

    await sendInteraction(harness, clickPayload(harness, { actionId: POST_TARGET_LIST_ACTION, value: '广州 汽车', responseId: 'private', channel: 'G0PRIVATE', ephemeral: true }));
    expect(String((await waitForResponse(harness.slack, 'private')).body.text)).toContain('私有频道');
  });
});

describe('sources as links', () => {
  it('the source of an answer and of a 核对来源 links to the document’s URL from the catalogue', async () => {
    const seeds = tempDir('zhibiao-linked-seeds-');
    cpSync('seeds', seeds, { recursive: true });
    // A URL with a query and a |, which must not end the link early.
    writeFileSync(join(seeds, 'catalogue.csv'), 'path,url,title\n000_b75a479856194727.txt,https://example.gov.cn/a?x=1&y=2|3,经济日报\n');
    const linked = await openEngine({ seedsDir: seeds, indexDir: tempDir('zhibiao-linked-index-'), log: () => {} });
    const harness = await startHarness(linked);
    try {
      const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
      await postEvent(harness, body);
      const reply = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
      expect(shownText(reply.args)).toMatch(/:page_facing_up: <https:\/\/example\.gov\.cn\/a\?x=1&amp;y=2%7C3\|000_b75a479856194727\.txt · .+ · 第\d+段>/);

      await sendInteraction(harness, checkSourcesPayload(harness, '广州先进制造业增加值2021年达到5000亿元', 'linked-check', 'C0LINK'));
      const check = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'C0LINK');
      expect(shownText(check.args)).toContain('<https://example.gov.cn/a?x=1&amp;y=2%7C3|');
      expect(CHECK_SOURCES_CALLBACK_ID).toBe('check_sources');
    } finally {
      await harness.stop();
    }
  });
});
