// The App Home tab (app_home_opened → views.publish) and feedback (👍 / 👎 under each answer, the
// form a 👎 opens, and `zhibiao feedback` listing what was kept), end to end over HTTP against the
// fake Web API with the real engine, the store in a data folder of the test's own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEngine, type OpenedEngine } from '../src/qa/engine.ts';
import { FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION } from '../src/slack/blocks.ts';
import { FEEDBACK_FORM_CALLBACK_ID } from '../src/slack/feedback.ts';
import { HOME_BLOCK_LIMIT } from '../src/slack/home.ts';
import { FeedbackEntrySchema } from '../src/store/feedback.ts';
import { jsonFixture } from './support/fakeSlack.ts';
import {
  addressed,
  APP,
  BOT_USER,
  clickPayload,
  directMessageEvent,
  homeOpenedEvent,
  mentionEvent,
  nextTs,
  postEvent,
  postForm,
  sendInteraction,
  settle,
  shownText,
  startHarness,
  TEAM,
  waitForCall,
  waitForResponse,
  type Harness,
} from './support/fakeSlackApp.ts';

const folders: string[] = [];
let engine: OpenedEngine;
let harness: Harness;
let dataDir: string;

beforeAll(async () => {
  const indexDir = mkdtempSync(join(tmpdir(), 'zhibiao-home-index-'));
  dataDir = mkdtempSync(join(tmpdir(), 'zhibiao-home-data-'));
  folders.push(indexDir, dataDir);
  engine = await openEngine({ seedsDir: 'seeds', indexDir });
  harness = await startHarness(engine, { dataDir });
});

afterAll(async () => {
  await harness?.stop();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const homeOpened = homeOpenedEvent;

describe('App Home', () => {
  it('shows the library with its documents, examples that answer, and the person’s recent questions, within the limits', async () => {
    for (const [n, question] of ['广州汽车集群规模目标?', '北京信息消费产业规模目标是多少？'].entries()) {
      const dm = directMessageEvent(question, { channel: 'D0ASKER', user: 'U0ASKER' });
      await postEvent(harness, dm.body);
      await vi.waitFor(() => expect(harness.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === 'D0ASKER')).toHaveLength(n + 1), { timeout: 20_000 });
    }
    await postEvent(harness, homeOpened('U0ASKER'));
    const publish = await waitForCall(harness.slack, 'views.publish', (call) => call.args.user_id === 'U0ASKER');
    const view = publish.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeLessThanOrEqual(HOME_BLOCK_LIMIT);
    const shown = shownText({ blocks: view.blocks });
    expect(shown).toContain('1 份文件，47 个段落，34 条指标');
    expect(shown).toContain('000_b75a479856194727.txt');
    expect(shown).toContain('北京 · 2019年 · 34 条指标');
    // Recent questions, newest first.
    expect(shown.indexOf('• 北京信息消费产业规模目标是多少？')).toBeGreaterThan(0);
    expect(shown.indexOf('• 北京信息消费产业规模目标是多少？')).toBeLessThan(shown.indexOf('• 广州汽车集群规模目标?'));
    // Every example question it offers is answered with a figure.
    const examples = [...shown.matchAll(/^• (\S+？)$/gm)].map((m) => m[1]!).filter((q) => !q.startsWith('北京信息消费产业') && !q.startsWith('广州汽车集群'));
    expect(examples.length).toBeGreaterThan(0);
    for (const question of examples) expect(engine.ask(question).status, question).toBe('answered');
  });

  it('says so when the person has asked nothing yet, and publishes nothing for the Messages tab', async () => {
    await postEvent(harness, homeOpened('U0NEW'));
    const publish = await waitForCall(harness.slack, 'views.publish', (call) => call.args.user_id === 'U0NEW');
    expect(shownText({ blocks: (publish.args.view as { blocks: unknown[] }).blocks })).toContain('还没有问过问题。');
    await postEvent(harness, homeOpened('U0MSG', 'messages'));
    await settle();
    expect(harness.slack.callsTo('views.publish').filter((call) => call.args.user_id === 'U0MSG')).toHaveLength(0);
  });
});

interface Button {
  action_id: string;
  value: string;
}

async function askForAnswer(question: string) {
  const { body, ts } = mentionEvent(`<@${BOT_USER}> ${question}`, { channel: 'C0FEED' });
  await postEvent(harness, body);
  const answer = await waitForCall(harness.slack, 'chat.postMessage', (call) => call.args.thread_ts === ts);
  const buttons = (answer.args.blocks as Array<{ elements?: Button[] }>).flatMap((block) => block.elements ?? []);
  return { answer, ts, button: (id: string) => buttons.find((b) => b.action_id === id)! };
}

function feedbackRows() {
  return harness.store.feedback.list();
}

describe('feedback', () => {
  it('👍 keeps the question, the answer and its citation, and thanks only the clicker', async () => {
    const { answer, ts, button } = await askForAnswer('广州汽车集群规模目标?');
    const up = button(FEEDBACK_UP_ACTION);
    expect(JSON.parse(up.value)).toEqual({ q: '广州汽车集群规模目标?', c: { doc: '000_b75a479856194727.txt', article: expect.any(String), paragraph: expect.any(Number) } });
    const messageTs = '1700000500.000001';
    await sendInteraction(harness, clickPayload(harness, { actionId: FEEDBACK_UP_ACTION, value: up.value, responseId: 'thumbs-up', channel: 'C0FEED', messageTs, threadTs: ts, message: { text: answer.args.text }, user: 'U0FAN' }));
    expect((await waitForResponse(harness.slack, 'thumbs-up')).body).toMatchObject({ response_type: 'ephemeral', text: '谢谢反馈！' });
    expect(feedbackRows().find((row) => row.messageTs === messageTs)).toMatchObject({
      user: 'U0FAN',
      channel: 'C0FEED',
      verdict: 'up',
      question: '广州汽车集群规模目标?',
      answer: '广州：汽车产业集群规模 6000亿元（到2021年，目标）',
      citation: { doc: '000_b75a479856194727.txt' },
    });
  });

  it('👎 is kept at once and opens the form; the form submitted replaces it with the reason and the note', async () => {
    const { answer, ts, button } = await askForAnswer('北京全市要建设几个信息消费体验馆？');
    const down = button(FEEDBACK_DOWN_ACTION);
    const messageTs = '1700000600.000001';
    await sendInteraction(harness, clickPayload(harness, { actionId: FEEDBACK_DOWN_ACTION, value: down.value, responseId: 'thumbs-down', channel: 'C0FEED', messageTs, threadTs: ts, message: { text: answer.args.text }, user: 'U0CRITIC', triggerId: 'trigger-down' }));
    const opened = await waitForCall(harness.slack, 'views.open', (call) => call.args.trigger_id === 'trigger-down');
    const form = opened.args.view as { callback_id: string; private_metadata: string; blocks: Array<{ block_id?: string }> };
    expect(form.callback_id).toBe(FEEDBACK_FORM_CALLBACK_ID);
    expect(form.private_metadata.length).toBeLessThanOrEqual(3000);
    expect(shownText({ blocks: form.blocks })).toContain('数字不对');
    expect(feedbackRows().find((row) => row.messageTs === messageTs)).toMatchObject({ user: 'U0CRITIC', verdict: 'down', reason: null });

    const submission = (values: Record<string, unknown>) => ({
      type: 'view_submission',
      team: { id: TEAM, domain: 'fake' },
      user: { id: 'U0CRITIC', username: 'critic', name: 'critic', team_id: TEAM },
      api_app_id: APP,
      token: 'verification_token',
      trigger_id: `trigger-submit-${nextTs()}`,
      view: { id: 'V0FORM', team_id: TEAM, type: 'modal', callback_id: FEEDBACK_FORM_CALLBACK_ID, private_metadata: form.private_metadata, hash: 'h', state: { values }, blocks: form.blocks },
    });
    const missing = await postForm(harness, new URLSearchParams({ payload: JSON.stringify(submission({ reason: { reason: { type: 'radio_buttons', selected_option: null } } })) }).toString());
    expect(JSON.parse(missing.text)).toEqual({ response_action: 'errors', errors: { reason: '请选一项。' } });

    const filled = await postForm(
      harness,
      new URLSearchParams({
        payload: JSON.stringify(
          submission({
            reason: { reason: { type: 'radio_buttons', selected_option: { value: 'wrong_figure', text: { type: 'plain_text', text: '数字不对' } } } },
            note: { note: { type: 'plain_text_input', value: '  应该是 17个 <!channel>  ' } },
          }),
        ),
      }).toString(),
    );
    expect(JSON.parse(filled.text)).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(feedbackRows().filter((row) => row.messageTs === messageTs)).toEqual([
      expect.objectContaining({ user: 'U0CRITIC', verdict: 'down', reason: 'wrong_figure', note: '应该是 17个 <!channel>', question: '北京全市要建设几个信息消费体验馆？' }),
    ]);
  });

  it('`zhibiao feedback --json` lists what was kept, one object a line, while the bot runs; without --json, one line each', () => {
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'feedback', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: dataDir } });
    const json = run(['--json']);
    expect(json.status).toBe(0);
    const entries = json.stdout.trim().split('\n').map((line) => FeedbackEntrySchema.parse(JSON.parse(line)));
    expect(entries.map((e) => [e.user, e.verdict, e.reason])).toEqual([
      ['U0FAN', 'up', null],
      ['U0CRITIC', 'down', 'wrong_figure'],
    ]);
    const text = run([]);
    expect(text.status).toBe(0);
    const lines = text.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/👎 数字不对  U0CRITIC in C0FEED  问：北京全市要建设几个信息消费体验馆？  答：.+\[000_b75a479856194727\.txt · .+ · 第\d+段\]  “应该是 17个 <!channel>”$/);
    expect(text.stderr).toContain('2 feedback, 1 👎');

    const none = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'feedback'], { encoding: 'utf8', env: { ...process.env, DATA_DIR: join(dataDir, 'nothing-here') } });
    expect(none.status).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('no feedback yet');
  });
});
