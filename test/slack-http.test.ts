// The Slack app in HTTP mode, end to end on loopback: signed requests built from real Slack payloads
// go in, and what reaches the fake Web API and response_url comes out. The answers come from the
// real engine over the seeds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEngine } from '../src/qa/engine.ts';
import { startSlackApp } from '../src/slack/app.ts';
import { APOLOGY_TEXT, CHECK_SOURCES_CALLBACK_ID, MORE_SOURCES_ACTION, POST_TARGET_LIST_ACTION } from '../src/slack/blocks.ts';
import { CONFLICT_WORDS, STATUS_WORDS } from '../src/qa/wording.ts';
import { lineLogger } from '../src/slack/logger.ts';
import { fakeEngine } from './support/fakeEngine.ts';
import { interactionBody, interactionPayload, jsonFixture, readFixture, sendSigned, startFakeSlack } from './support/fakeSlack.ts';
import {
  addressed,
  BOT_USER,
  mentionEvent,
  nextTs,
  postEvent,
  SECRET,
  shownText,
  startHarness,
  waitForCall,
  waitForLog,
  type Harness,
} from './support/fakeSlackApp.ts';

const GUANGZHOU_QUESTION = '广州汽车集群规模目标?';
const GUANGZHOU_QUOTE = '打造汽车、超高清视频及新型显示两大世界级先进制造业集群，规模分别达到';

describe('Slack app over HTTP with the real engine', () => {
  let harness: Harness;
  let indexDir: string;

  beforeAll(async () => {
    indexDir = await mkdtemp(join(tmpdir(), 'zhibiao-slack-index-'));
    const engine = await openEngine({ seedsDir: 'seeds', indexDir });
    harness = await startHarness(engine);
  });

  afterAll(async () => {
    await harness?.stop();
    await rm(indexDir, { recursive: true, force: true });
  });

  it('verifies the token with auth.test at start and serves /healthz with the index summary', async () => {
    expect(harness.slack.callsTo('auth.test')).toHaveLength(1);
    expect(harness.slack.callsTo('auth.test')[0]?.token).toBe('xoxb-test');
    const response = await fetch(`http://127.0.0.1:${harness.app.port}/healthz`);
    expect(response.status).toBe(200);
    const health = (await response.json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, slack: { mode: 'http', state: 'connected', since: expect.any(String) } });
    expect(health.documents).toBeGreaterThan(0);
    expect(health.targets).toBeGreaterThan(0);
  });

  it('answers the URL verification handshake', async () => {
    const body = readFixture('url_verification.json');
    const response = await sendSigned({ url: harness.eventsUrl, body, contentType: 'application/json', secret: SECRET });
    expect(response.status).toBe(200);
    expect(response.text).toContain('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
  });

  it('answers a mention in the thread of the message, with the figure, the quote and the source, and reacts with eyes', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    expect((await postEvent(harness, body)).status).toBe(200);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(post.args.channel).toBe('C0TEST');
    expect(post.token).toBe('xoxb-test');
    const shown = shownText(post.args);
    expect(shown).toContain('*6000亿元*');
    expect(shown).toContain(GUANGZHOU_QUOTE);
    expect(shown).toMatch(/000_b75a479856194727\.txt · .+ · 第\d+段/);
    expect(typeof post.args.text).toBe('string');
    expect(String(post.args.text)).toContain('6000亿元');
    expect(harness.slack.callsTo('reactions.add')).toContainEqual(
      expect.objectContaining({ args: expect.objectContaining({ channel: 'C0TEST', timestamp: ts, name: 'eyes' }) }),
    );
  });

  it('answers a mention made inside a thread in that thread', async () => {
    const body = addressed(jsonFixture('app_mention.in_thread.captured-aws-sample.json'));
    body.event.text = `<@${BOT_USER}> 北京2022年信息消费相关产业规模要达到多少？`;
    const post = await (async () => {
      expect((await postEvent(harness, body)).status).toBe(200);
      return waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === '1696251609.158979');
    })();
    expect(post.args.channel).toBe('C05URD5PT43');
    expect(shownText(post.args)).toContain('1.4万亿元');
  });

  it('answers a direct message in the DM, not in a thread', async () => {
    const body = addressed(jsonFixture('message_im.event_callback.json'));
    body.event.text = '安徽全年推广应用机器人的目标是多少台？';
    body.event.channel = 'D0DIRECT';
    const ts = nextTs();
    body.event.ts = ts;
    body.event.event_ts = ts;
    expect((await postEvent(harness, body)).status).toBe(200);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'D0DIRECT');
    expect(post.args.thread_ts).toBeUndefined();
    expect(shownText(post.args)).toContain('*6000台以上*');
  });

  it('says plainly when the documents do not state it, without a figure', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> 火星殖民地的人口目标是多少？`);
    await postEvent(harness, body);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(post.args.text).toBe(STATUS_WORDS.not_found);
    expect(shownText(post.args)).not.toMatch(/\*[^*\n]*\d[^*\n]*\*/);
  });

  it('says when the documents differ and shows both figures', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> 北京全市要建设几个信息消费体验馆？`);
    await postEvent(harness, body);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    const shown = shownText(post.args);
    expect(shown).toContain(CONFLICT_WORDS);
    expect(shown).toContain('*1-2个*');
    expect(shown).toContain('*12个*');
  });

  it('escapes what users write, so a typed <!channel> is shown and never acted on', async () => {
    // Slack delivers a typed "<!channel> & …" as entities; decoded for the engine, escaped again when shown.
    const { body, ts } = mentionEvent(`<@${BOT_USER}> &lt;!channel&gt; &amp; 火星殖民地的人口目标是多少？`);
    await postEvent(harness, body);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(shownText(post.args)).not.toContain('<!channel>');

    const command = slashCommand('&lt;!channel&gt; &amp; 广州', 'escaped-words');
    await sendSigned({ url: harness.eventsUrl, body: command, contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    const reply = await waitForResponse('escaped-words');
    const shown = shownText(reply.body);
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('“&lt;!channel&gt; &amp; 广州”');
  });

  it('answers one post once: Slack retries, the same event id again, and the message copy of the mention', async () => {
    const { body, ts, eventId } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, body);
    await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);

    expect((await postEvent(harness, body, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await waitForLog(harness.logs, `Skipped a repeated delivery of message C0TEST/${ts} (event ${eventId}, retry 1)`);

    expect((await postEvent(harness, body)).status).toBe(200);
    await waitForLog(harness.logs, `Skipped a repeated delivery of message C0TEST/${ts} (event ${eventId}, retry 0)`);

    // The same post as a channel message (an app subscribed to message.channels gets both).
    const copy = addressed(jsonFixture('message_im.event_callback.json'));
    Object.assign(copy.event, { channel: 'C0TEST', channel_type: 'channel', ts, event_ts: ts, text: body.event.text });
    copy.event_id = `${eventId}copy`;
    await postEvent(harness, copy);
    await waitForLog(harness.logs, `Left the message copy of mention C0TEST/${ts} to app_mention`);

    expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(1);
  });

  it("ignores its own and other bots' messages", async () => {
    const own = addressed(jsonFixture('message_im.event_callback.json'));
    const ownTs = nextTs();
    Object.assign(own.event, { user: BOT_USER, bot_id: 'B0BOT', text: GUANGZHOU_QUESTION, ts: ownTs, event_ts: ownTs });
    own.event_id = `Ev${ownTs}`;
    await postEvent(harness, own);

    const other = addressed(jsonFixture('message_im.event_callback.json'));
    const otherTs = nextTs();
    Object.assign(other.event, { subtype: 'bot_message', bot_id: 'B0OTHER', text: GUANGZHOU_QUESTION, ts: otherTs, event_ts: otherTs });
    other.event_id = `Ev${otherTs}`;
    await postEvent(harness, other);
    await waitForLog(harness.logs, `Ignored post D024BE91L/${otherTs} (bot_message)`);

    const mentionByBot = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    mentionByBot.body.event.bot_id = 'B0OTHER';
    await postEvent(harness, mentionByBot.body);
    await waitForLog(harness.logs, `Ignored post C0TEST/${mentionByBot.ts} (by bot B0OTHER)`);

    const posts = harness.slack.callsTo('chat.postMessage');
    expect(posts.filter((call) => [ownTs, otherTs, mentionByBot.ts].includes(String(call.args.thread_ts)))).toHaveLength(0);
    expect(harness.logs.some((line) => line.includes(ownTs) && line.includes('repeated'))).toBe(false);
  });

  it('rejects a request with a bad signature with 401', async () => {
    const { body } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    const response = await sendSigned({
      url: harness.eventsUrl,
      body: JSON.stringify(body),
      contentType: 'application/json',
      secret: 'not-the-secret',
    });
    expect(response.status).toBe(401);
  });

  it('rejects a correctly signed request older than five minutes with 401', async () => {
    const { body } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    const response = await sendSigned({
      url: harness.eventsUrl,
      body: JSON.stringify(body),
      contentType: 'application/json',
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(response.status).toBe(401);
  });

  it('refuses a request for another app or another workspace: acknowledged, logged, not answered', async () => {
    const otherApp = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    otherApp.body.api_app_id = 'A999';
    expect((await postEvent(harness, otherApp.body)).status).toBe(200);
    await waitForLog(harness.logs, 'Refused a request for app A999 in T111: this is app A111 in T111');

    const otherTeam = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    addressed(otherTeam.body, 'T999');
    expect((await postEvent(harness, otherTeam.body)).status).toBe(200);
    await waitForLog(harness.logs, 'Refused a request for app A111 in T999');

    const command = new URLSearchParams(slashCommand('广州', 'other-team'));
    command.set('team_id', 'T999');
    command.delete('enterprise_id');
    expect((await sendSigned({ url: harness.eventsUrl, body: command.toString(), contentType: 'application/x-www-form-urlencoded', secret: SECRET })).status).toBe(200);
    await waitForLog(harness.logs, 'Refused a request for app A111 in T999');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const threads = [otherApp.ts, otherTeam.ts];
    expect(harness.slack.callsTo('chat.postMessage').filter((call) => threads.includes(String(call.args.thread_ts)))).toHaveLength(0);
    expect(harness.slack.responseUrlPosts.filter((post) => post.id === 'other-team')).toHaveLength(0);
  });

  it('rejects a correctly signed request dated more than five minutes ahead with 401', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    const ahead = await sendSigned({ url: harness.eventsUrl, body: JSON.stringify(body), contentType: 'application/json', secret: SECRET, timestamp: Math.floor(Date.now() / 1000) + 60 * 60 });
    expect(ahead.status).toBe(401);
    // A few seconds of clock difference is within Slack's rule.
    const near = await sendSigned({ url: harness.eventsUrl, body: JSON.stringify(body), contentType: 'application/json', secret: SECRET, timestamp: Math.floor(Date.now() / 1000) + 30 });
    expect(near.status).toBe(200);
    await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
  });

  it('refuses a body larger than Slack sends with 413, by its declared length before reading it, and when it declares none', async () => {
    const send = (headers: Record<string, string | number>, bytes: number) =>
      new Promise<number>((resolve, reject) => {
        const req = request(harness.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=00', ...headers } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        // The declared length is refused at once: only the first chunk is ever written.
        req.write(Buffer.alloc(Math.min(bytes, 64 * 1024), 0x20));
        if (headers['content-length'] === undefined) {
          req.end(Buffer.alloc(bytes - 64 * 1024, 0x20));
        }
      });
    expect(await send({ 'content-length': 5 * 1024 * 1024 }, 5 * 1024 * 1024)).toBe(413);
    await waitForLog(harness.logs, 'Refused a request of 5242880 bytes (at most 1048576)');
    expect(await send({ 'transfer-encoding': 'chunked' }, 1536 * 1024)).toBe(413);
  });

  function slashCommand(text: string, responseId: string): string {
    const params = new URLSearchParams(readFixture('slash_command.bolt-python.body.form-urlencoded.txt'));
    params.set('command', '/target');
    params.set('text', text);
    params.set('channel_id', 'C0LIST');
    params.set('team_id', 'T111');
    params.set('api_app_id', 'A111');
    params.set('trigger_id', `trigger-${responseId}`);
    params.set('response_url', harness.slack.responseUrl(responseId));
    return params.toString();
  }

  async function waitForResponse(id: string) {
    return vi.waitFor(
      () => {
        const post = harness.slack.responseUrlPosts.find((p) => p.id === id);
        if (!post) throw new Error(`nothing posted to response_url ${id}`);
        return post;
      },
      { timeout: 20_000, interval: 20 },
    );
  }

  it('/target WORDS answers ephemerally through response_url with the matching targets and a button to post them', async () => {
    const body = slashCommand('广州 汽车', 'target-list');
    const response = await sendSigned({ url: harness.eventsUrl, body, contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    expect(response.status).toBe(200);
    const reply = await waitForResponse('target-list');
    expect(reply.body.response_type).toBe('ephemeral');
    const shown = JSON.stringify(reply.body);
    expect(shown).toContain('6000亿元');
    expect(shown).toContain(POST_TARGET_LIST_ACTION);
  });

  it('/target and /target help show the usage with examples, and each example lists targets', async () => {
    const examples = new Set<string>();
    for (const [text, id] of [['', 'usage-empty'], ['help', 'usage-help']] as const) {
      const body = slashCommand(text, id);
      expect((await sendSigned({ url: harness.eventsUrl, body, contentType: 'application/x-www-form-urlencoded', secret: SECRET })).status).toBe(200);
      const reply = await waitForResponse(id);
      expect(reply.body.response_type).toBe('ephemeral');
      for (const match of shownText(reply.body).matchAll(/`\/target ([^`]+)`/g)) examples.add(match[1]!);
    }
    expect(examples.size).toBeGreaterThanOrEqual(2);
    for (const [n, words] of [...examples].entries()) {
      await sendSigned({ url: harness.eventsUrl, body: slashCommand(words, `example-${n}`), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
      const reply = await waitForResponse(`example-${n}`);
      expect(String(reply.body.text), words).toMatch(/相关的指标：共 [1-9]\d* 条/);
    }
  });

  it('answers 400 when a form body is sent with a charset parameter (Bolt compares the content type exactly)', async () => {
    const body = slashCommand('广州', 'charset');
    const response = await sendSigned({
      url: harness.eventsUrl,
      body,
      contentType: 'application/x-www-form-urlencoded',
      secret: SECRET,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    expect(response.status).toBe(400);
  });

  it('the button under a /target list posts the list to the channel and removes the ephemeral copy', async () => {
    const payload = interactionPayload('block_actions.body.form-urlencoded.txt');
    payload.channel.id = 'C0LIST';
    payload.container.channel_id = 'C0LIST';
    payload.response_url = harness.slack.responseUrl('share-list');
    payload.actions = [{ action_id: POST_TARGET_LIST_ACTION, block_id: 'share', type: 'button', value: '广州 汽车', text: { type: 'plain_text', text: '发到频道' }, action_ts: '1710000001.000001' }];
    const response = await sendSigned({ url: harness.eventsUrl, body: interactionBody(payload), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    expect(response.status).toBe(200);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'C0LIST');
    expect(shownText(post.args)).toContain('6000亿元');
    expect(shownText(post.args)).toContain('<@W111>');
    expect(shownText(post.args)).not.toContain(POST_TARGET_LIST_ACTION);
    expect((await waitForResponse('share-list')).body).toMatchObject({ delete_original: true });
  });

  it('the 更多来源 button of an answer posts the further sources in the thread of the answer', async () => {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, body);
    const answer = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    const button = (answer.args.blocks as Array<{ type: string; elements?: Array<{ action_id?: string; value?: string }> }>)
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.action_id === MORE_SOURCES_ACTION);
    expect(button?.value).toBe(JSON.stringify({ q: GUANGZHOU_QUESTION }));

    // Slack sends the click with the answer message (posted in the thread ts) as container.
    const payload = interactionPayload('block_actions.body.form-urlencoded.txt');
    payload.channel.id = 'C0TEST';
    payload.container = { type: 'message', message_ts: '1700000099.000001', channel_id: 'C0TEST', is_ephemeral: false, thread_ts: ts };
    payload.message = { type: 'message', ts: '1700000099.000001', thread_ts: ts, text: answer.args.text, blocks: answer.args.blocks };
    payload.response_url = harness.slack.responseUrl('more');
    payload.trigger_id = 'trigger-more';
    payload.actions = [{ action_id: MORE_SOURCES_ACTION, block_id: 'more', type: 'button', value: button?.value, text: { type: 'plain_text', text: '更多来源' }, action_ts: '1710000501.000001' }];
    const response = await sendSigned({ url: harness.eventsUrl, body: interactionBody(payload), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    expect(response.status).toBe(200);
    const further = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts && call !== answer);
    expect(further.args.channel).toBe('C0TEST');
    expect(String(further.args.text)).toMatch(/^更多来源（[1-3]）$/);
    expect(shownText(further.args)).toMatch(/000_b75a479856194727\.txt · .+ · 第\d+段/);
  });

  it('the 更多来源 button under an ephemeral message answers through response_url', async () => {
    const payload = interactionPayload('block_actions.body.form-urlencoded.txt');
    payload.response_url = harness.slack.responseUrl('more-ephemeral');
    payload.trigger_id = 'trigger-more-ephemeral';
    payload.actions = [{ action_id: MORE_SOURCES_ACTION, block_id: 'more', type: 'button', value: JSON.stringify({ q: GUANGZHOU_QUESTION }), text: { type: 'plain_text', text: '更多来源' }, action_ts: '1710000502.000001' }];
    expect(payload.container.is_ephemeral).toBe(true);
    await sendSigned({ url: harness.eventsUrl, body: interactionBody(payload), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    const reply = await waitForResponse('more-ephemeral');
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.body.text)).toMatch(/更多来源|没有更多来源/);
  });

  function checkSourcesPayload(text: string, responseId: string, channel: string) {
    const payload = interactionPayload('message_action.body.form-urlencoded.txt');
    payload.callback_id = CHECK_SOURCES_CALLBACK_ID;
    payload.channel.id = channel;
    payload.message.text = text;
    payload.message.ts = '1710000600.000100';
    payload.message_ts = '1710000600.000100';
    payload.response_url = harness.slack.responseUrl(responseId);
    payload.trigger_id = `trigger-${responseId}`;
    payload.action_ts = nextTs();
    return payload;
  }

  it('the 核对来源 shortcut replies in the thread of the message whether the documents agree, quoting them', async () => {
    const payload = checkSourcesPayload(`<@${BOT_USER}> 广州先进制造业增加值2021年达到5000亿元`, 'check', 'C0CHECK');
    const response = await sendSigned({ url: harness.eventsUrl, body: interactionBody(payload), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    expect(response.status).toBe(200);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'C0CHECK');
    expect(post.args.thread_ts).toBe('1710000600.000100');
    const shown = shownText(post.args);
    expect(shown).toContain('*与文件不一致*');
    expect(shown).toContain('消息说 *5000亿元*，文件所载为 *3000亿元以上*');
    expect(shown).toContain('先进制造业增加值达\u200B*3000亿元以上*\u200B');
    expect(shown).toMatch(/000_b75a479856194727\.txt · .+ · 第\d+段/);
  });

  it('the 核对来源 shortcut corrects 北京2022年信息消费规模要到2万亿元 with the 1.4万亿元 the document states', async () => {
    const payload = checkSourcesPayload('北京2022年信息消费规模要到2万亿元', 'check-beijing', 'C0BEIJING');
    await sendSigned({ url: harness.eventsUrl, body: interactionBody(payload), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.channel === 'C0BEIJING');
    const shown = shownText(post.args);
    expect(shown).toContain('消息说 *2万亿元*，文件所载为 *1.4万亿元*');
    expect(shown).toContain('信息消费相关产业规模达到\u200B*1.4万亿元*\u200B');
  });

  it('the 核对来源 shortcut answers ephemerally where the bot cannot post', async () => {
    harness.slack.failNext('chat.postMessage', 'not_in_channel');
    const payload = checkSourcesPayload('广州先进制造业增加值要达到3000亿元', 'check-ephemeral', 'C0NOTIN');
    await sendSigned({ url: harness.eventsUrl, body: interactionBody(payload), contentType: 'application/x-www-form-urlencoded', secret: SECRET });
    const reply = await vi.waitFor(
      () => {
        const post = harness.slack.responseUrlPosts.find((p) => p.id === 'check-ephemeral');
        if (!post) throw new Error('no ephemeral reply yet');
        return post;
      },
      { timeout: 20_000, interval: 20 },
    );
    expect(reply.body.response_type).toBe('ephemeral');
    expect(shownText(reply.body)).toContain('*与文件一致*');
    expect(shownText(reply.body)).toContain('文件所载为 *3000亿元以上*');
  });
});

describe('Slack app over HTTP when something fails', () => {
  let harness: Harness | undefined;
  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
  });

  it('apologises in the thread and logs the cause when the engine throws', async () => {
    harness = await startHarness(
      fakeEngine({
        ask: () => {
          throw new Error('index is corrupt');
        },
      }),
    );
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, body);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(post.args.text).toBe(APOLOGY_TEXT);
    expect(harness.logs.some((line) => line.includes('index is corrupt'))).toBe(true);
  });

  it('apologises when Slack refuses the answer, and still answers when the reaction fails', async () => {
    harness = await startHarness(fakeEngine());
    harness.slack.failNext('reactions.add', 'missing_scope');
    harness.slack.failNext('chat.postMessage', 'invalid_blocks');
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, body);
    await vi.waitFor(
      () => {
        if (harness?.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts).length !== 2) throw new Error('waiting for the apology');
      },
      { timeout: 20_000, interval: 20 },
    );
    const [refused, apology] = harness.slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === ts);
    expect(shownText(refused?.args ?? {})).toContain('6000亿元');
    expect(apology?.args.text).toBe(APOLOGY_TEXT);
    expect(harness.logs.some((line) => line.includes('invalid_blocks'))).toBe(true);
    expect(harness.logs.some((line) => line.includes('missing_scope'))).toBe(true);
  });

  it('marks a question 👀 only when its answer is slow to post, and unmarks it after', async () => {
    harness = await startHarness(fakeEngine(), { reactAfterMs: 200 });
    const quick = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, quick.body);
    await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === quick.ts);
    expect(harness.slack.callsTo('reactions.add')).toHaveLength(0);

    harness.slack.delayNext('chat.postMessage', 600);
    const slow = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    await postEvent(harness, slow.body);
    await waitForCall(harness.slack, 'reactions.remove', (call) => call.args.timestamp === slow.ts);
    expect(harness.slack.callsTo('reactions.add')).toEqual([
      expect.objectContaining({ args: expect.objectContaining({ timestamp: slow.ts, name: 'eyes' }) }),
    ]);
  });

  it('/healthz says Slack is unreachable (503) once a Web API call could not reach it', async () => {
    harness = await startHarness(fakeEngine());
    await harness.slack.close();
    const { body } = mentionEvent(`<@${BOT_USER}> ${GUANGZHOU_QUESTION}`);
    expect((await postEvent(harness, body)).status).toBe(200);
    await vi.waitFor(
      async () => {
        const response = await fetch(`http://127.0.0.1:${harness!.app.port}/healthz`);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ ok: false, targets: 3, slack: { mode: 'http', state: 'unreachable', error: expect.any(String) } });
      },
      { timeout: 20_000, interval: 50 },
    );
  });

  it('asks for a question when a mention holds none', async () => {
    harness = await startHarness(fakeEngine());
    const { body, ts } = mentionEvent(`<@${BOT_USER}>`);
    await postEvent(harness, body);
    const post = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
    expect(String(post.args.text)).toContain('请直接提问');
    expect(harness.slack.callsTo('reactions.add')).toHaveLength(0);
  });

  it('refuses to start when Slack rejects the bot token', async () => {
    const slack = await startFakeSlack();
    slack.failNext('auth.test', 'invalid_auth');
    try {
      await expect(
        startSlackApp(fakeEngine(), { botToken: 'xoxb-bad', signingSecret: SECRET, apiUrl: slack.apiUrl, logLevel: 'error' }, { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 }, logger: lineLogger(() => {}) }),
      ).rejects.toMatchObject({ name: 'ConfigError', variable: 'SLACK_BOT_TOKEN', message: 'SLACK_BOT_TOKEN was refused by Slack (auth.test: invalid_auth)' });
    } finally {
      await slack.close();
    }
  });
});
