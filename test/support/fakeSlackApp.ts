// The Slack app in HTTP mode on loopback against the fake Web API, with what the end-to-end tests
// send it: Slack's real payloads (test/fixtures/slack), addressed to the fake's workspace and app,
// re-signed. A harness can be stopped and started again on the same data folder, as a restart.
import { LogLevel } from '@slack/bolt';
import { vi } from 'vitest';
import type { Engine } from '../../src/qa/types.ts';
import { startSlackApp, type RunningSlackApp } from '../../src/slack/app.ts';
import type { SlackConfig } from '../../src/slack/config.ts';
import { lineLogger } from '../../src/slack/logger.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { textsIn } from './slackText.ts';
import {
  interactionBody,
  interactionPayload,
  jsonFixture,
  readFixture,
  sendSigned,
  startFakeSlack,
  type ApiCall,
  type FakeSlack,
  type FakeSlackOptions,
} from './fakeSlack.ts';

export const SECRET = 'e2e0signing0secret0for0tests0123';
export const BOT_USER = 'U0BOT';
/** The workspace and app the fake's auth.test names (see FakeSlackOptions). */
export const TEAM = 'T111';
export const APP = 'A111';

export interface HarnessOptions {
  /** A data folder for the store; an in-memory store when unset. */
  dataDir?: string;
  reactAfterMs?: number;
  fake?: FakeSlackOptions;
  /** An already running fake Web API (a restart keeps the one it had). */
  slack?: FakeSlack;
  /** Settings beyond the test's token, secret and API URL (who may add documents …). */
  config?: Partial<SlackConfig>;
  /** The seeds folder a live engine follows, for documents sent in a DM. */
  seedsDir?: string;
}

export interface Harness {
  slack: FakeSlack;
  app: RunningSlackApp;
  store: Store;
  logs: string[];
  eventsUrl: string;
  /** Stops the app (and closes its store), keeping the fake Web API. */
  stopApp(): Promise<void>;
  /** Stops the app and the fake Web API. */
  stop(): Promise<void>;
}

export async function startHarness(engine: Engine, options: HarnessOptions = {}): Promise<Harness> {
  const slack = options.slack ?? (await startFakeSlack({ botUserId: BOT_USER, ...options.fake }));
  const logs: string[] = [];
  const config: SlackConfig = { botToken: 'xoxb-test', signingSecret: SECRET, apiUrl: slack.apiUrl, logLevel: 'debug', ...options.config };
  const store = openStore({ dataDir: options.dataDir ?? ':memory:' });
  let app: RunningSlackApp;
  try {
    app = await startSlackApp(engine, config, {
      port: 0,
      host: '127.0.0.1',
      retryConfig: { retries: 0 },
      logger: lineLogger((line) => logs.push(line), LogLevel.DEBUG),
      reactAfterMs: options.reactAfterMs ?? 0,
      store,
      ...(options.seedsDir !== undefined && { seedsDir: options.seedsDir }),
    });
  } catch (error) {
    store.close();
    if (options.slack === undefined) await slack.close();
    throw error;
  }
  const stopApp = async () => {
    await app.stop();
    store.close();
  };
  return {
    slack,
    app,
    store,
    logs,
    eventsUrl: `http://127.0.0.1:${app.port}/slack/events`,
    stopApp,
    async stop() {
      await stopApp();
      await slack.close();
    },
  };
}

/** All the text a message shows (its text and every text of its blocks; not button values), one per line. */
export function shownText(message: Record<string, unknown>): string {
  return textsIn({ text: message.text, blocks: message.blocks }).join('\n');
}

export async function waitForCall(slack: FakeSlack, method: string, match: (call: ApiCall) => boolean = () => true): Promise<ApiCall> {
  return vi.waitFor(
    () => {
      const call = slack.callsTo(method).find(match);
      if (!call) throw new Error(`no ${method} call yet`);
      return call;
    },
    { timeout: 20_000, interval: 20 },
  );
}

export async function waitForLog(logs: string[], fragment: string): Promise<void> {
  await vi.waitFor(
    () => {
      if (!logs.some((line) => line.includes(fragment))) throw new Error(`no log line with ${fragment}`);
    },
    { timeout: 20_000, interval: 20 },
  );
}

export async function waitForResponse(slack: FakeSlack, id: string) {
  return vi.waitFor(
    () => {
      const post = slack.responseUrlPosts.find((p) => p.id === id);
      if (!post) throw new Error(`nothing posted to response_url ${id}`);
      return post;
    },
    { timeout: 20_000, interval: 20 },
  );
}

/** Gives time for a (wrong) second reply to arrive before counting replies. */
export function settle(ms = 300): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let seq = 0;
/** A fresh channel-unique ts, so each test's post is new to the bot. */
export function nextTs(): string {
  seq += 1;
  return `1710000000.${String(seq).padStart(6, '0')}`;
}

/** An Events API body made for this app in this workspace (the fixtures come from several). */
export function addressed<T extends Record<string, any>>(body: T, team = TEAM, app = APP): T {
  Object.assign(body, { team_id: team, api_app_id: app });
  delete body.enterprise_id;
  for (const authorization of body.authorizations ?? []) Object.assign(authorization, { team_id: team, enterprise_id: null });
  return body;
}

export function mentionEvent(text: string, options: { ts?: string; threadTs?: string; channel?: string; user?: string; eventId?: string } = {}) {
  const ts = options.ts ?? nextTs();
  const eventId = options.eventId ?? `Ev${ts.replace('.', '')}`;
  const body = addressed(jsonFixture('app_mention.event_callback.json'));
  Object.assign(body.event, { text, ts, event_ts: ts, channel: options.channel ?? 'C0TEST', ...(options.user !== undefined && { user: options.user }) });
  if (options.threadTs !== undefined) body.event.thread_ts = options.threadTs;
  body.event_id = eventId;
  return { body, ts, eventId };
}

export function directMessageEvent(text: string, options: { channel?: string; user?: string } = {}) {
  const body = addressed(jsonFixture('message_im.event_callback.json'));
  const ts = nextTs();
  Object.assign(body.event, { text, channel: options.channel ?? 'D0DIRECT', ts, event_ts: ts, ...(options.user !== undefined && { user: options.user }) });
  body.event_id = `Ev${ts.replace('.', '')}`;
  return { body, ts };
}

/**
 * A file shared in a DM: the message.im event with subtype file_share and the files as Slack
 * describes them (https://docs.slack.dev/reference/events/message/file_share), as FakeSlack.shareFile gives them.
 */
export function fileShareEvent(files: Record<string, unknown>[], options: { channel?: string; user?: string; text?: string } = {}) {
  const body = addressed(jsonFixture('message_im.event_callback.json'));
  const ts = nextTs();
  Object.assign(body.event, {
    subtype: 'file_share',
    text: options.text ?? '',
    files,
    upload: false,
    display_as_bot: false,
    channel: options.channel ?? 'D0UPLOAD',
    ts,
    event_ts: ts,
    ...(options.user !== undefined && { user: options.user }),
  });
  body.event_id = `Ev${ts.replace('.', '')}`;
  return { body, ts };
}

/** app_home_opened as Slack sends it (https://docs.slack.dev/reference/events/app_home_opened). */
export function homeOpenedEvent(user: string, tab: 'home' | 'messages' = 'home') {
  const body = addressed(jsonFixture('app_mention.event_callback.json'));
  const ts = nextTs();
  body.event = { type: 'app_home_opened', user, channel: 'D0HOME', event_ts: ts, tab, view: { id: 'V0OLD', team_id: TEAM, type: 'home', blocks: [] } };
  body.event_id = `Ev${ts.replace('.', '')}`;
  return body;
}

export function postEvent(harness: Harness, body: unknown, headers?: Record<string, string>) {
  return sendSigned({
    url: harness.eventsUrl,
    body: JSON.stringify(body),
    contentType: 'application/json',
    secret: SECRET,
    ...(headers !== undefined && { headers }),
  });
}

export function postForm(harness: Harness, body: string, headers?: Record<string, string>) {
  return sendSigned({ url: harness.eventsUrl, body, contentType: 'application/x-www-form-urlencoded', secret: SECRET, ...(headers !== undefined && { headers }) });
}

export function slashCommand(harness: Harness, text: string, responseId: string, triggerId = `trigger-${responseId}`): string {
  const params = new URLSearchParams(readFixture('slash_command.bolt-python.body.form-urlencoded.txt'));
  params.set('command', '/target');
  params.set('text', text);
  params.set('channel_id', 'C0LIST');
  params.set('team_id', TEAM);
  params.set('api_app_id', APP);
  params.set('trigger_id', triggerId);
  params.set('response_url', harness.slack.responseUrl(responseId));
  return params.toString();
}

/** A button click on a message, as Slack sends it (block_actions). */
export function clickPayload(
  harness: Harness,
  click: { actionId: string; value: string; responseId: string; channel?: string; messageTs?: string; threadTs?: string; message?: Record<string, unknown>; ephemeral?: boolean; triggerId?: string; actionTs?: string; user?: string },
) {
  const payload = interactionPayload('block_actions.body.form-urlencoded.txt');
  const channel = click.channel ?? 'C0TEST';
  const messageTs = click.messageTs ?? nextTs();
  payload.channel.id = channel;
  payload.container = { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: click.ephemeral ?? false, ...(click.threadTs !== undefined && { thread_ts: click.threadTs }) };
  payload.message = { type: 'message', ts: messageTs, ...(click.threadTs !== undefined && { thread_ts: click.threadTs }), ...click.message };
  payload.response_url = harness.slack.responseUrl(click.responseId);
  payload.trigger_id = click.triggerId ?? `trigger-${click.responseId}`;
  if (click.user !== undefined) payload.user.id = click.user;
  payload.actions = [{ action_id: click.actionId, block_id: 'b', type: 'button', value: click.value, text: { type: 'plain_text', text: 'x' }, action_ts: click.actionTs ?? nextTs() }];
  return payload;
}

/** A 核对来源 shortcut on a message. */
export function checkSourcesPayload(harness: Harness, text: string, responseId: string, channel: string, options: { messageTs?: string; triggerId?: string; user?: string } = {}) {
  const payload = interactionPayload('message_action.body.form-urlencoded.txt');
  const ts = options.messageTs ?? '1710000600.000100';
  payload.callback_id = 'check_sources';
  payload.channel.id = channel;
  payload.message.text = text;
  payload.message.ts = ts;
  payload.message_ts = ts;
  payload.trigger_id = options.triggerId ?? `trigger-${responseId}`;
  payload.action_ts = nextTs();
  if (options.user !== undefined) payload.user.id = options.user;
  payload.response_url = harness.slack.responseUrl(responseId);
  return payload;
}

export function sendInteraction(harness: Harness, payload: unknown) {
  return postForm(harness, interactionBody(payload));
}
