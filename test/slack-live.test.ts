// `zhibiao serve` follows its seeds folder: a report saved there while the bot runs is answered
// from a moment later, the update is one log line, and the Home tab lists the new document. HTTP
// mode against the fake Web API, on a seeds folder of its own.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningSlackApp } from '../src/slack/app.ts';
import { serveSlack } from '../src/slack/serve.ts';
import { sendSigned, startFakeSlack, type FakeSlack } from './support/fakeSlack.ts';
import { BOT_USER, homeOpenedEvent, mentionEvent, SECRET, shownText, waitForCall } from './support/fakeSlackApp.ts';
import { seedsWithCorpus, tempIndexDir } from './support/corpus.ts';

const HAINAN = 'test/fixtures/library/provinces-2025-txt/2025_hainan_government_work_report.txt';

describe('serve over a live index', () => {
  let slack: FakeSlack;
  let seedsDir: string;
  let indexDir: string;
  let dataDir: string;
  const logs: string[] = [];
  const stopping = new AbortController();
  let served: Promise<void>;
  let running: RunningSlackApp;

  beforeAll(async () => {
    slack = await startFakeSlack({ botUserId: BOT_USER });
    seedsDir = seedsWithCorpus();
    indexDir = tempIndexDir();
    dataDir = mkdtempSync(join(tmpdir(), 'zhibiao-live-data-'));
    const started = new Promise<RunningSlackApp>((resolve) => {
      served = serveSlack({
        seedsDir,
        indexDir,
        log: (line) => logs.push(line),
        env: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl, DATA_DIR: dataDir },
        envFile: join(dataDir, 'no.env'),
        app: { port: 0, host: '127.0.0.1', retryConfig: { retries: 0 } },
        signal: stopping.signal,
        onRunning: resolve,
      });
      served.catch(() => undefined);
    });
    running = await Promise.race([started, served!.then(() => Promise.reject(new Error('serve ended before running')))]);
  });

  afterAll(async () => {
    stopping.abort();
    await served?.catch(() => undefined);
    await slack?.close();
    for (const dir of [seedsDir, indexDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const post = (body: unknown) =>
    sendSigned({ url: `http://127.0.0.1:${running.port}/slack/events`, body: JSON.stringify(body), contentType: 'application/json', secret: SECRET });

  async function ask(question: string) {
    const { body, ts } = mentionEvent(`<@${BOT_USER}> ${question}`);
    expect((await post(body)).status).toBe(200);
    return shownText((await waitForCall(slack, 'chat.postMessage', (call) => call.args.thread_ts === ts)).args);
  }

  it('answers from a report saved in the seeds folder while it runs, logs the update, and lists the document on the Home tab', async () => {
    expect(await ask('海南2025年地区生产总值增长目标')).not.toContain('6%以上');

    cpSync(HAINAN, join(seedsDir, 'hainan.txt'));
    await vi.waitFor(
      () => {
        if (!logs.some((line) => line.startsWith('index: added hainan.txt'))) throw new Error('no update logged yet');
      },
      { timeout: 60_000, interval: 50 },
    );
    expect(logs.filter((line) => line.startsWith('index: added hainan.txt'))).toHaveLength(1);

    const shown = await ask('海南2025年地区生产总值增长目标');
    expect(shown).toContain('*6%以上*');
    expect(shown).toContain('hainan.txt');

    await post(homeOpenedEvent('U0HOME'));
    const home = await waitForCall(slack, 'views.publish', (call) => call.args.user_id === 'U0HOME');
    const homeText = shownText(home.args.view as Record<string, unknown>);
    expect(homeText).toContain('hainan.txt');
    expect(homeText).toContain('海南');
  });

  it('stops the app and the live index when asked to stop', async () => {
    stopping.abort();
    await expect(served).resolves.toBeUndefined();
    expect(logs).toContain('abort: stopping the Slack app');
  });
});
