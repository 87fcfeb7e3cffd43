// The Bolt app: Slack's requests in, the engine's answers out. Everything here is I/O and routing;
// what a reply looks like is decided in blocks.ts, what it says by the engine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Logger, type webApi } from '@slack/bolt';
import type { Engine } from '../qa/types.ts';
import {
  CHECK_SOURCES_CALLBACK_ID,
  MORE_SOURCES_ACTION,
  POST_TARGET_LIST_ACTION,
  renderAnswer,
  renderApology,
  renderAskUsage,
  renderClaimChecks,
  renderFurtherSources,
  renderTargetList,
  renderTargetUsage,
  type SlackMessage,
} from './blocks.ts';
import { ConfigError, type SlackConfig } from './config.ts';
import { RecentKeys, type RecentKeysOptions } from './dedupe.ts';
import { decodeSlackText, mentionsUser, questionFromSlackText } from './escape.ts';
import { boltLogLevel } from './logger.ts';

export interface StartSlackAppOptions {
  /** Where Bolt and the bot log; Bolt's console logger at config.logLevel when unset. */
  logger?: Logger;
  /**
   * Web API retry policy. Unset keeps Bolt's (ten retries over about 30 minutes), right for
   * production; tests pass { retries: 0 } so a failing call fails at once.
   */
  retryConfig?: webApi.RetryOptions;
  /** Overrides config.port (0 picks a free port; the one chosen is returned). */
  port?: number;
  /** Overrides config.host. */
  host?: string;
  /** Bounds of the memory of handled deliveries. */
  recentDeliveries?: RecentKeysOptions;
  /**
   * How long an answer may take before the question is marked 👀 (default 1000 ms; 0 marks every
   * question at once). A quick answer needs no sign of work, and reactions.add is rate-limited.
   */
  reactAfterMs?: number;
}

const DEFAULT_REACT_AFTER_MS = 1000;

export interface RunningSlackApp {
  /** Stops listening and closes the Socket Mode connection. */
  stop(): Promise<void>;
  /** The port HTTP requests (or, in Socket Mode, /healthz) are served on, when there is one. */
  port?: number;
  mode: 'http' | 'socket';
}

/** The slash command the manifest declares. */
export const TARGET_COMMAND = '/target';
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
const DEFAULT_HTTP_PORT = 3000;
const REFUSED_TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/**
 * Starts the bot: Socket Mode when config.appToken is set, else HTTP on config.port with Slack's
 * requests at /slack/events and GET /healthz. Resolves once the bot token is verified (auth.test)
 * and the app listens or is connected.
 */
export async function startSlackApp(engine: Engine, config: SlackConfig, opts: StartSlackAppOptions = {}): Promise<RunningSlackApp> {
  const logLevel = boltLogLevel(config.logLevel);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl !== undefined && { slackApiUrl: config.apiUrl }),
    ...(opts.retryConfig !== undefined && { retryConfig: opts.retryConfig }),
  };
  const host = opts.host ?? config.host;
  const socketMode = config.appToken !== undefined;

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.appToken !== undefined) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logLevel,
      ...(opts.logger !== undefined && { logger: opts.logger }),
      // A copy: the Socket Mode client writes its own retry policy into the object it is given.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
  } else {
    if (config.signingSecret === undefined) throw new Error('HTTP mode needs config.signingSecret');
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      logLevel,
      ...(opts.logger !== undefined && { logger: opts.logger }),
      customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: (req, res) => answerHealthCheck(engine, req, res) }],
    });
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logLevel,
    ...(opts.logger !== undefined && { logger: opts.logger }),
    clientOptions,
    // Verify the token in init(), where a bad one rejects startSlackApp instead of failing later.
    deferInitialization: true,
  });
  const logger = app.logger;
  try {
    await app.init();
  } catch (error) {
    const code = slackErrorCode(error);
    // A token Slack refuses is a setting to fix, reported like a malformed one; anything else (network …) is not.
    if (code !== undefined && REFUSED_TOKEN_ERRORS.has(code)) {
      throw new ConfigError('SLACK_BOT_TOKEN', `SLACK_BOT_TOKEN was refused by Slack (auth.test: ${code})`);
    }
    throw new Error(`Could not verify SLACK_BOT_TOKEN with auth.test: ${describeError(error)}`, { cause: error });
  }
  registerListeners(app, engine, new RecentKeys(opts.recentDeliveries), opts.reactAfterMs ?? DEFAULT_REACT_AFTER_MS);
  app.error(async (error) => {
    logger.error('Unhandled error in a Slack listener:', error);
  });

  if (socketMode) {
    await app.start();
    const socketReceiver = receiver as SocketModeReceiver;
    // The receiver's stop() does not wait for the WebSocket to close; the client's disconnect() does.
    const disconnect = () => socketReceiver.client.disconnect();
    const port = opts.port ?? config.port;
    let health: Awaited<ReturnType<typeof startHealthServer>> | undefined;
    try {
      health = port !== undefined ? await startHealthServer(engine, port, host) : undefined;
    } catch (error) {
      await disconnect();
      throw error;
    }
    logger.info(`Slack app connected in Socket Mode${health ? `; ${HEALTH_PATH} on port ${health.port}` : ''}`);
    return {
      mode: 'socket',
      ...(health !== undefined && { port: health.port }),
      stop: once(async () => {
        await disconnect();
        await health?.close();
      }),
    };
  }

  const server = await app.start({ port: opts.port ?? config.port ?? DEFAULT_HTTP_PORT, ...(host !== undefined && { host }) });
  const port = (server.address() as AddressInfo).port;
  logger.info(`Slack app listening on port ${port} (${EVENTS_PATH}, ${HEALTH_PATH})`);
  return {
    mode: 'http',
    port,
    stop: once(async () => {
      const stopped = app.stop();
      // Keep-alive connections from Slack (or a test) would hold close() open.
      server.closeAllConnections();
      await stopped;
    }),
  };
}

/** A stop() that may be called again (by a signal and a finally, say) without stopping twice. */
function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= stop());
}

function answerHealthCheck(engine: Engine, _req: IncomingMessage, res: ServerResponse): void {
  try {
    const summary = engine.summary();
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: true, ...summary }));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: false, error: describeError(error) }));
  }
}

async function startHealthServer(engine: Engine, port: number, host: string | undefined): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === HEALTH_PATH) answerHealthCheck(engine, req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, ...(host !== undefined && { host }) }, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

type WebClient = webApi.WebClient;

/** A message that asks the bot something: a mention in a channel or a direct message. */
interface IncomingPost {
  channel: string;
  ts: string;
  /** Where the reply goes: the thread of a mention; undefined for a DM answered in the DM itself. */
  replyThreadTs: string | undefined;
  text: string;
  eventId: string | undefined;
  retryNum: number | undefined;
}

// Message subtypes that still carry a person's question; the rest are edits, joins, bot posts …
const QUESTION_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast']);

function registerListeners(app: App, engine: Engine, recentDeliveries: RecentKeys, reactAfterMs: number): void {
  const logger = app.logger;

  async function answerPost(client: WebClient, post: IncomingPost): Promise<void> {
    const { channel, ts } = post;
    // One post, one answer: a retry has the same event id, a second event for the post the same channel and ts.
    if (!recentDeliveries.firstSighting(post.eventId && `event:${post.eventId}`, `post:${channel}:${ts}`)) {
      logger.info(`Skipped a repeated delivery of message ${channel}/${ts} (event ${post.eventId ?? 'without id'}, retry ${post.retryNum ?? 0})`);
      return;
    }
    const reply = (message: SlackMessage) =>
      client.chat.postMessage({
        channel,
        ...(post.replyThreadTs !== undefined && { thread_ts: post.replyThreadTs }),
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });

    const question = questionFromSlackText(post.text);
    if (question === '') {
      await reply(renderAskUsage()).catch((error: unknown) => logger.error(`Posting the usage hint to ${channel} failed:`, error));
      return;
    }

    const markWorking = (): Promise<boolean> =>
      client.reactions.add({ channel, timestamp: ts, name: 'eyes' }).then(
        () => true,
        (error: unknown) => {
          logger.warn(`Could not add the 👀 reaction to ${channel}/${ts}: ${describeError(error)}`);
          return false;
        },
      );
    let reaction: Promise<boolean> | null = reactAfterMs <= 0 ? Promise.resolve(await markWorking()) : null;
    const slowAnswer = reaction === null ? setTimeout(() => (reaction = markWorking()), reactAfterMs) : undefined;
    try {
      let message: SlackMessage;
      try {
        message = renderAnswer(engine.ask(question));
      } catch (error) {
        logger.error(`Answering ${JSON.stringify(question)} failed:`, error);
        message = renderApology();
      }
      try {
        await reply(message);
      } catch (error) {
        logger.error(`Posting the answer to ${channel}/${ts} failed:`, error);
        await reply(renderApology()).catch((second: unknown) => logger.error('Posting the apology failed too:', second));
      }
    } finally {
      clearTimeout(slowAnswer);
      if (reaction !== null && (await reaction)) {
        await client.reactions
          .remove({ channel, timestamp: ts, name: 'eyes' })
          .catch((error: unknown) => logger.debug(`Could not remove the 👀 reaction: ${describeError(error)}`));
      }
    }
  }

  app.event('app_mention', async ({ event, body, context, client }) => {
    if (event.bot_id !== undefined) {
      logger.debug(`Ignored a mention by bot ${event.bot_id} in ${event.channel}/${event.ts}`);
      return;
    }
    await answerPost(client, {
      channel: event.channel,
      ts: event.ts,
      replyThreadTs: event.thread_ts ?? event.ts,
      text: event.text,
      eventId: body.event_id,
      retryNum: context.retryNum,
    });
  });

  app.message(async ({ message, body, context, client }) => {
    if (!QUESTION_SUBTYPES.has(message.subtype) || ('bot_id' in message && message.bot_id)) {
      logger.debug(`Ignored message ${message.channel}/${message.ts} (${message.subtype ?? 'from a bot'})`);
      return;
    }
    if (!('text' in message) || !('user' in message)) return;
    const text = message.text ?? '';
    if (message.channel_type !== 'im') {
      // The app_mention event answers mentions; this is its copy as a channel message, or chatter.
      if (context.botUserId !== undefined && mentionsUser(text, context.botUserId)) {
        logger.debug(`Left the message copy of mention ${message.channel}/${message.ts} to app_mention`);
      }
      return;
    }
    await answerPost(client, {
      channel: message.channel,
      ts: message.ts,
      replyThreadTs: 'thread_ts' in message ? message.thread_ts : undefined,
      text,
      eventId: body.event_id,
      retryNum: context.retryNum,
    });
  });

  app.action(MORE_SOURCES_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    let message: SlackMessage;
    try {
      const { q } = JSON.parse(action.value ?? '{}') as { q?: unknown };
      if (typeof q !== 'string' || q === '') throw new Error(`button value without a question: ${action.value}`);
      message = renderFurtherSources(engine.ask(q));
    } catch (error) {
      logger.error('Finding further sources failed:', error);
      message = renderApology();
    }
    const channel = body.channel?.id ?? body.container.channel_id;
    const threadTs: unknown = body.message?.thread_ts ?? body.container.thread_ts ?? body.message?.ts ?? body.container.message_ts;
    try {
      if (body.container.is_ephemeral || typeof channel !== 'string' || typeof threadTs !== 'string') {
        // An ephemeral message has no thread to answer in; only its reader sees the sources too.
        await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
      } else {
        await client.chat.postMessage({ channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
      }
    } catch (error) {
      logger.error('Posting further sources failed:', error);
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderApology() }).catch(() => undefined);
    }
  });

  app.command(TARGET_COMMAND, async ({ ack, command, respond }) => {
    await ack();
    const words = decodeSlackText(command.text ?? '').trim();
    let message: SlackMessage;
    if (words === '' || /^(help|帮助|-h|--help|\?|？)$/i.test(words)) {
      message = renderTargetUsage(command.command || TARGET_COMMAND);
    } else {
      try {
        message = renderTargetList(engine.targets({ words }), words, { shareButton: true, command: command.command || TARGET_COMMAND });
      } catch (error) {
        logger.error(`Listing targets for ${JSON.stringify(words)} failed:`, error);
        message = renderApology();
      }
    }
    await respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks }).catch((error: unknown) =>
      logger.error('Answering /target failed:', error),
    );
  });

  app.action(POST_TARGET_LIST_ACTION, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button') return;
    const words = action.value ?? '';
    const channel = body.channel?.id ?? body.container.channel_id;
    try {
      if (typeof channel !== 'string') throw new Error('block_actions payload without a channel');
      const message = renderTargetList(engine.targets({ words }), words, { sharedBy: body.user.id });
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false });
      await respond({ delete_original: true });
    } catch (error) {
      const code = slackErrorCode(error);
      logger.error(`Posting the /target list to ${String(channel)} failed:`, error);
      const text =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? '我还不在这个频道里，发不了。先把我加进频道（/invite @我），再点一次。'
          : renderApology().text;
      await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
    }
  });

  app.shortcut(CHECK_SOURCES_CALLBACK_ID, async ({ ack, shortcut, client, respond }) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    let message: SlackMessage;
    try {
      message = renderClaimChecks(engine.checkClaims(questionFromSlackText(shortcut.message.text ?? '')));
    } catch (error) {
      logger.error('Checking the claims of a message failed:', error);
      message = renderApology();
    }
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    try {
      await client.chat.postMessage({ channel: shortcut.channel.id, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
    } catch (error) {
      // Channels the bot is not in (and DMs between people) cannot take its post: tell just the user.
      logger.info(`Could not reply in the thread of ${shortcut.channel.id}/${threadTs} (${describeError(error)}); answering ephemerally`);
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }).catch((second: unknown) =>
        logger.error('Answering the 核对来源 shortcut failed:', second),
      );
    }
  });
}

function slackErrorCode(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}

function describeError(error: unknown): string {
  return slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
