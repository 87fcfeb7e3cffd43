// 核对来源 on long messages: the figures are checked a sentence per turn of the event loop, only as
// many as the reply can show, so other requests are served meanwhile. First the slicing itself
// against an engine that counts its calls, then end to end with the real engine over the seeds.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../src/qa/engine.ts';
import type { ClaimCheck } from '../src/qa/types.ts';
import { blockTextLength, MAX_CLAIM_CHECKS_SHOWN, SLACK_LIMITS } from '../src/slack/blocks.ts';
import { checkMessageClaims, SliceScheduler } from '../src/slack/claimChecks.ts';
import { findFigures } from '../src/text/figures.ts';
import { fakeEngine } from './support/fakeEngine.ts';
import { BOT_USER, checkSourcesPayload, mentionEvent, postEvent, sendInteraction, shownText, startHarness, waitForCall, type Harness } from './support/fakeSlackApp.ts';

describe('checkMessageClaims', () => {
  it('checks only the first figures the reply can show, counts the rest, and lets other work run between sentences', async () => {
    const text = Array.from({ length: 300 }, (_, n) => `第${n}项指标规模达到${n + 1}亿元。`).join('');
    const checked: string[] = [];
    const engine = fakeEngine({
      checkClaims: (sentence) => {
        checked.push(sentence);
        return findFigures(sentence).map((claim): ClaimCheck => ({ claim, sentence, verdict: 'unknown', target: null }));
      },
    });
    let turns = 0;
    let running = true;
    const otherWork = () => {
      turns += 1;
      if (running) setImmediate(otherWork);
    };
    setImmediate(otherWork);
    const scheduler = new SliceScheduler(0);
    const result = await checkMessageClaims(engine, text, MAX_CLAIM_CHECKS_SHOWN, scheduler);
    running = false;
    scheduler.close();
    expect(result.checks).toHaveLength(MAX_CLAIM_CHECKS_SHOWN);
    expect(result.figuresInMessage).toBe(300);
    expect(checked).toHaveLength(MAX_CLAIM_CHECKS_SHOWN);
    // With no budget, one sentence a turn: the other work ran about once per sentence.
    expect(turns).toBeGreaterThanOrEqual(290);
    // Offsets are the message's, not the sentence's.
    for (const check of result.checks) expect(text.slice(check.claim.start, check.claim.end)).toBe(check.claim.text);
  });
});

describe('核对来源 on a long message, with the real engine', () => {
  let harness: Harness;
  let indexDir: string;
  beforeAll(async () => {
    indexDir = await mkdtemp(join(tmpdir(), 'zhibiao-checks-'));
    harness = await startHarness(await openEngine({ seedsDir: 'seeds', indexDir }));
  });
  afterAll(async () => {
    await harness?.stop();
    await rm(indexDir, { recursive: true, force: true });
  });

  it('replies with the first figures it checked of all the message states, within the limits, while a mention is answered meanwhile', async () => {
    const seed = readFileSync('seeds/000_b75a479856194727.txt', 'utf8').replace(/\s+/g, '');
    const message = seed.slice(0, 8000);
    const figures = findFigures(message).length;
    expect(figures).toBeGreaterThan(MAX_CLAIM_CHECKS_SHOWN);
    const checks = [0, 1, 2].map((n) => checkSourcesPayload(harness, message, `long-${n}`, `C0LONG${n}`));
    const mention = mentionEvent(`<@${BOT_USER}> 广州汽车集群规模目标?`);
    const sent = [...checks.map((payload) => sendInteraction(harness, payload)), postEvent(harness, mention.body)];
    expect((await Promise.all(sent)).map((response) => response.status)).toEqual([200, 200, 200, 200]);
    await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === mention.ts);
    for (const n of [0, 1, 2]) {
      const reply = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === `C0LONG${n}`);
      expect(String(reply.args.text)).toMatch(new RegExp(`^核对了前 ${MAX_CLAIM_CHECKS_SHOWN} 处数字（消息里共 \\d+ 处）`));
      const blocks = reply.args.blocks as unknown[];
      expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
      expect(blockTextLength(blocks)).toBeLessThanOrEqual(13_000);
      expect(shownText(reply.args)).toContain('消息说');
    }
  });
});
