// The Slack app in Socket Mode against a local server that speaks the envelope protocol:
// apps.connections.open hands out its ws:// URL, it says hello, sends events_api envelopes and
// expects each to be acknowledged with its envelope_id. Answers come from the real engine.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openEngine } from '../src/qa/engine.ts';
import { startSlackApp, type RunningSlackApp } from '../src/slack/app.ts';
import { lineLogger } from '../src/slack/logger.ts';
import { serveSlack } from '../src/slack/serve.ts';
import { jsonFixture, startFakeSlack, type ApiCall, type FakeSlack } from './support/fakeSlack.ts';

const BOT_USER = 'U111';

function waitUntil<T>(find: () => T | undefined, what: string): Promise<T> {
  return vi.waitFor(
    () => {
      const found = find();
      if (found === undefined) throw new Error(`waiting for ${what}`);
      return found;
    },
    { timeout: 20_000, interval: 20 },
  );
}

function waitUntilAsync<T>(find: () => Promise<T | undefined>, what: string): Promise<T> {
  return vi.waitFor(
    async () => {
      const found = await find();
      if (found === undefined) throw new Error(`waiting for ${what}`);
      return found;
    },
    { timeout: 20_000, interval: 20 },
  );
}

// One index of the seeds for the whole file, built once (the processes started below load it).
let indexDir: string;
beforeAll(async () => {
  indexDir = await mkdtemp(join(tmpdir(), 'zhibiao-slack-socket-'));
  await openEngine({ seedsDir: 'seeds', indexDir });
});
afterAll(async () => {
  await rm(indexDir, { recursive: true, force: true });
});

describe('Slack app in Socket Mode with the real engine', () => {
  let slack: FakeSlack;
  let app: RunningSlackApp;
  const logs: string[] = [];

  beforeAll(async () => {
    const engine = await openEngine({ seedsDir: 'seeds', indexDir });
    slack = await startFakeSlack({ botUserId: BOT_USER, botId: 'B111' });
    app = await startSlackApp(
      engine,
      { botToken: 'xoxb-test', appToken: 'xapp-test', apiUrl: slack.apiUrl, logLevel: 'debug' },
      { retryConfig: { retries: 0 }, port: 0, host: '127.0.0.1', logger: lineLogger((line) => logs.push(line), LogLevel.DEBUG), clientPingTimeoutMs: 100 },
    );
  });

  afterAll(async () => {
    await app?.stop();
    await slack?.close();
  });

  it('opens the connection with the app token through apps.connections.open', async () => {
    expect(app.mode).toBe('socket');
    const open = slack.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe('xapp-test');
    await slack.socketMode.connected();
  });

  it('serves /healthz with the index summary and the connection’s state when a port is given', async () => {
    const response = await fetch(`http://127.0.0.1:${app.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, documents: expect.any(Number), targets: expect.any(Number), slack: { mode: 'socket', state: 'connected', since: expect.any(String) } });
  });

  it('acknowledges an events_api envelope and answers the mention via chat.postMessage, once', async () => {
    const envelope = jsonFixture('app_mention.socket_mode_envelope.json');
    envelope.payload.event.text = `<@${BOT_USER}> 广州汽车集群规模目标?`;
    slack.socketMode.send(envelope);

    await waitUntil(
      () => slack.socketMode.received.find((message) => (message as { envelope_id?: string }).envelope_id === envelope.envelope_id),
      'the acknowledgement',
    );
    const post = await waitUntil<ApiCall>(
      () => slack.callsTo('chat.postMessage').find((call) => call.args.thread_ts === '1610241741.000200'),
      'the answer',
    );
    expect(post.args.channel).toBe('C111');
    expect(post.token).toBe('xoxb-test');
    const shown = JSON.stringify(post.args.blocks);
    expect(shown).toContain('*6000亿元*');
    expect(shown).toContain('打造汽车、超高清视频及新型显示两大世界级先进制造业集群');

    // Slack's retry of the same envelope: acknowledged again, not answered again.
    const retry = { ...envelope, envelope_id: 'retry-envelope', retry_attempt: 1, retry_reason: 'timeout' };
    slack.socketMode.send(retry);
    await waitUntil(
      () => slack.socketMode.received.find((message) => (message as { envelope_id?: string }).envelope_id === 'retry-envelope'),
      'the acknowledgement of the retry',
    );
    await waitUntil(() => logs.find((line) => line.includes('Skipped a repeated delivery of message C111/1610241741.000200 (event Ev111, retry 1)')), 'the skip');

    // The channel-message copy of the same mention is left to app_mention.
    const copy = jsonFixture('message_channel.socket_mode_envelope.json');
    copy.payload.authorizations[0].user_id = BOT_USER;
    copy.payload.event_id = 'Ev111copy';
    slack.socketMode.send(copy);
    await waitUntil(() => logs.find((line) => line.includes('Left the message copy of mention C111/1610241741.000200')), 'the copy to be recognised');

    expect(slack.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === '1610241741.000200')).toHaveLength(1);
  });

  it('acts on a slash command once when Slack sends the same one again over the socket', async () => {
    const envelope = jsonFixture('slash_command.socket_mode_envelope.json');
    Object.assign(envelope.payload, { command: '/target', text: '广州 汽车', response_url: slack.responseUrl('socket-target'), trigger_id: 'socket-trigger' });
    slack.socketMode.send(envelope);
    slack.socketMode.send({ ...envelope, envelope_id: 'again' });
    await waitUntil(() => slack.socketMode.received.find((message) => (message as { envelope_id?: string }).envelope_id === 'again'), 'the second acknowledgement');
    await waitUntil(() => logs.find((line) => line.includes('Skipped a repeated request (trigger socket-trigger')), 'the skip');
    await waitUntil(() => slack.responseUrlPosts.find((post) => post.id === 'socket-target'), 'the list');
    expect(slack.responseUrlPosts.filter((post) => post.id === 'socket-target')).toHaveLength(1);
  });

  it('reconnects when Slack drops the connection, retrying a failed reconnect, and /healthz says so meanwhile', async () => {
    const health = async () => {
      const response = await fetch(`http://127.0.0.1:${app.port}/healthz`);
      return { status: response.status, body: (await response.json()) as { slack: { state: string; since: string } } };
    };
    const before = slack.socketMode.connections;
    slack.failNext('apps.connections.open', 'internal_error');
    slack.socketMode.dropConnections();
    const during = await waitUntilAsync(async () => {
      const seen = await health();
      return seen.body.slack.state === 'reconnecting' ? seen : undefined;
    }, 'the reconnecting state');
    expect(during.status).toBe(503);
    await waitUntil(() => (slack.socketMode.connections > before ? true : undefined), 'a new connection');
    const after = await waitUntilAsync(async () => {
      const seen = await health();
      return seen.body.slack.state === 'connected' ? seen : undefined;
    }, 'the connected state');
    expect(after.status).toBe(200);
    expect(Date.parse(after.body.slack.since)).toBeGreaterThanOrEqual(Date.parse(during.body.slack.since));
  });
});

describe('Socket Mode when Slack refuses the app token', () => {
  it('at start: `zhibiao serve` ends with one line naming SLACK_APP_TOKEN and exit 2', async () => {
    const slack = await startFakeSlack({ botUserId: BOT_USER });
    const dataDir = await mkdtemp(join(tmpdir(), 'zhibiao-refused-'));
    try {
      slack.failNext('apps.connections.open', 'invalid_auth');
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--index', indexDir], {
        env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-refused', SLACK_API_URL: slack.apiUrl, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(2);
      const lines = stderr.trim().split('\n');
      expect(lines.at(-1)).toBe('zhibiao: SLACK_APP_TOKEN was refused by Slack (apps.connections.open: invalid_auth)');
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      await slack.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('while reconnecting: serve stops the app and ends with one line naming SLACK_APP_TOKEN, no unhandled rejection', async () => {
    const slack = await startFakeSlack({ botUserId: BOT_USER });
    const dataDir = await mkdtemp(join(tmpdir(), 'zhibiao-refused-later-'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const served = serveSlack({
        seedsDir: 'seeds',
        indexDir,
        log: () => {},
        env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-revoked-later', SLACK_API_URL: slack.apiUrl, DATA_DIR: dataDir },
        envFile: join(dataDir, 'no.env'),
        app: { clientPingTimeoutMs: 50, retryConfig: { retries: 0 } },
        onRunning: () => {
          slack.failNext('apps.connections.open', 'invalid_auth');
          slack.socketMode.dropConnections();
        },
      });
      await expect(served).rejects.toMatchObject({ name: 'ConfigError', variable: 'SLACK_APP_TOKEN', message: 'SLACK_APP_TOKEN was refused by Slack while reconnecting (apps.connections.open: invalid_auth)' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await slack.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
