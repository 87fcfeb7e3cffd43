// Follow-ups: a short message in a thread or DM that leans on the question before is read with that
// question's place, year and thing; the answer says how it was read. First the pure reading, then
// end to end in a channel thread and in a DM, against the fake Web API with the real engine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import { readFollowUp, readingParts } from '../src/qa/followup.ts';
import { NEAREST_WORDS, readingWords, STATUS_WORDS } from '../src/qa/wording.ts';
import {
  BOT_USER,
  directMessageEvent,
  mentionEvent,
  postEvent,
  shownText,
  startHarness,
  waitForCall,
  type Harness,
} from './support/fakeSlackApp.ts';

const GUANGZHOU_CARS = { question: '广州汽车集群规模目标?', metric: '汽车产业集群规模' };
const BEIJING_INFO = { question: '北京信息消费产业规模目标是多少？', metric: '信息消费相关产业规模' };

describe('readFollowUp', () => {
  it.each([
    [GUANGZHOU_CARS, '那北京呢？', '北京汽车集群规模目标?', ['北京', '汽车产业集群规模'], ['place']],
    [BEIJING_INFO, '广州呢？', '广州信息消费产业规模目标是多少?', ['广州', '信息消费相关产业规模'], ['place']],
    [BEIJING_INFO, '2024年呢？', '北京2024年信息消费产业规模目标是多少?', ['北京', '2024年', '信息消费相关产业规模'], ['year']],
    [{ ...BEIJING_INFO, question: '北京2022年信息消费产业规模目标是多少？' }, '2024呢', '北京2024年信息消费产业规模目标是多少?', ['北京', '2024年', '信息消费相关产业规模'], ['year']],
    [GUANGZHOU_CARS, '比重呢？', '广州汽车集群比重目标?', ['广州', '汽车产业集群比重'], ['measure']],
    [GUANGZHOU_CARS, '那北京2022年的话呢', '北京2022年汽车集群规模目标?', ['北京', '2022年', '汽车产业集群规模'], ['place', 'year']],
    [GUANGZHOU_CARS, '廣州呢', '广州汽车集群规模目标?', ['广州', '汽车产业集群规模'], ['place']],
    [{ question: '广州先进制造业增加值2021年要达到多少？', metric: '先进制造业增加值' }, '明年呢', '广州先进制造业增加值明年要达到多少?', ['广州', '明年', '先进制造业增加值'], ['year']],
    [{ question: '全国GDP增速目标是多少?', metric: null }, '广东呢', '广东gdp增速目标是多少?', ['广东', 'gdp增速'], ['place']],
    [GUANGZHOU_CARS, '那新型显示呢？', '广州新型显示规模目标?', ['广州', '新型显示规模'], ['thing']],
  ])('reads %j then %s as %s', (previous, message, question, parts, changed) => {
    const followUp = readFollowUp(previous, message);
    expect(followUp?.question).toBe(question);
    expect(followUp?.changed).toEqual(changed);
    expect(readingParts(followUp!, null)).toEqual(parts);
  });

  it.each(['为什么不一样？', '上海GDP呢？', '北京和上海呢？', '谢谢', '出处呢？', '北京2022年信息消费相关产业规模要达到多少？', ''])(
    'leaves %j to stand on its own',
    (message) => {
      expect(readFollowUp(GUANGZHOU_CARS, message)).toBeNull();
    },
  );

  it('says how it read the question with the place and thing of the answer when it found a figure', () => {
    const followUp = readFollowUp(GUANGZHOU_CARS, '那新型显示呢？')!;
    expect(readingWords(readingParts(followUp, { region: '广州', metric: '超高清视频及新型显示产业集群规模' }))).toBe('按“广州 · 超高清视频及新型显示产业集群规模”理解');
  });
});

describe('follow-ups in Slack, with the real engine', () => {
  let harness: Harness;
  let engine: OpenedEngine;
  let indexDir: string;

  beforeAll(async () => {
    indexDir = await mkdtemp(join(tmpdir(), 'zhibiao-slack-followups-'));
    engine = await openEngine({ seedsDir: 'seeds', indexDir });
    harness = await startHarness(engine);
  });

  afterAll(async () => {
    await harness?.stop();
    await rm(indexDir, { recursive: true, force: true });
  });

  /** Mentions the bot in a thread (a new one when threadTs is unset) and returns its reply there. */
  async function mentionInThread(text: string, threadTs: string | undefined) {
    const mention = mentionEvent(`<@${BOT_USER}> ${text}`, threadTs !== undefined ? { threadTs } : {});
    const thread = threadTs ?? mention.ts;
    const inThread = () => harness.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === thread);
    const before = inThread().length;
    await postEvent(harness, mention.body);
    await vi.waitFor(
      () => {
        if (inThread().length <= before) throw new Error(`no reply in ${thread} yet`);
      },
      { timeout: 20_000, interval: 20 },
    );
    return { thread, reply: inThread()[before]! };
  }

  it('in a thread after 广州汽车集群规模目标?, 那北京呢？ asks about Beijing’s auto cluster, not for all of Beijing’s targets', async () => {
    const first = await mentionInThread('广州汽车集群规模目标?', undefined);
    expect(shownText(first.reply.args)).toContain('*6000亿元*');

    const { reply } = await mentionInThread('那北京呢？', first.thread);
    const shown = shownText(reply.args);
    expect(shown).toContain('按“北京 · 汽车产业集群规模”理解');
    expect(shown).toContain('问：北京汽车集群规模目标?');
    expect(reply.args.text).toBe(STATUS_WORDS.not_found);
    // Not Beijing's list of targets (信息消费 …), and what the library covers instead.
    expect(shown).not.toContain('1.4万亿元');
    expect(shown).toContain('文件库涵盖的地区：北京、广州');
  });

  it('in a DM after 北京信息消费产业规模目标是多少？, 广州呢？ asks about Guangzhou’s 信息消费 and offers the closest figure it does state', async () => {
    const first = directMessageEvent('北京信息消费产业规模目标是多少？', { channel: 'D0FOLLOW' });
    await postEvent(harness, first.body);
    await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'D0FOLLOW');

    const second = directMessageEvent('广州呢？', { channel: 'D0FOLLOW' });
    await postEvent(harness, second.body);
    const reply = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'D0FOLLOW' && shownText(call.args).includes('广州'));
    const shown = shownText(reply.args);
    expect(shown).toContain('按“广州 · 信息消费相关产业规模”理解');
    expect(shown).toContain('问：广州信息消费产业规模目标是多少?');
    expect(shown).not.toContain('*6000亿元*');
    // The closest figure, marked as not the one asked, and never in bold.
    expect(shown).toContain(`${NEAREST_WORDS}广州 · 汽车产业集群规模 · 6000亿元`);
  });

  it('a follow-up of a follow-up keeps the thing: 2024年呢？ after 那北京呢？, and 为什么不一样？ gets its own answer', async () => {
    const first = await mentionInThread('北京信息消费产业规模目标是多少？', undefined);
    expect(shownText(first.reply.args)).toContain('*1.4万亿元*');
    const second = await mentionInThread('2022年呢？', first.thread);
    expect(shownText(second.reply.args)).toContain('按“北京 · 2022年 · 信息消费相关产业规模”理解');
    expect(shownText(second.reply.args)).toContain('*1.4万亿元*');

    const own = await mentionInThread('为什么不一样？', first.thread);
    expect(shownText(own.reply.args)).not.toContain('理解');
    expect(shownText(own.reply.args)).toContain('问：为什么不一样？');
  });

  it('a thread remembers only its own question: the same follow-up in a new thread is read alone', async () => {
    const alone = await mentionInThread('那北京呢？', undefined);
    const shown = shownText(alone.reply.args);
    expect(shown).not.toContain('理解');
  });
});
