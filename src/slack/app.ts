// The Bolt app: Slack's requests in, the engine's answers out. Everything here is I/O and routing;
// what a reply looks like is decided in blocks.ts, what it says by the engine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, autoAcknowledge, HTTPReceiver, SocketModeReceiver, type Logger, type webApi } from '@slack/bolt';
import type { Engine } from '../qa/types.ts';
import { CHECK_SOURCES_CALLBACK_ID, MORE_SOURCES_ACTION, POST_TARGET_LIST_ACTION } from './blocks.ts';
import { ConfigError, type SlackConfig } from './config.ts';
import { RecentKeys, type RecentKeysOptions } from './dedupe.ts';
import {
  answerDirectMessage,
  answerMention,
  checkSources,
  describeError,
  listTargets,
  shareTargetList,
  showMoreSources,
  slackErrorCode,
  TARGET_COMMAND,
  type HandlerDeps,
} from './handlers.ts';
import { boltLogLevel } from './logger.ts';
import { onlyDirectMessages, oncePerPost, onlyPeoplesPosts } from './middleware.ts';

export { TARGET_COMMAND };

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
  registerListeners(app, { engine, logger, reactAfterMs: opts.reactAfterMs ?? DEFAULT_REACT_AFTER_MS }, new RecentKeys(opts.recentDeliveries));
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

function registerListeners(app: App, deps: HandlerDeps, recent: RecentKeys): void {
  const { logger } = deps;
  app.event('app_mention', onlyPeoplesPosts(logger), oncePerPost(recent, logger), answerMention(deps));
  app.message(onlyPeoplesPosts(logger), onlyDirectMessages(logger), oncePerPost(recent, logger), answerDirectMessage(deps));
  app.command(TARGET_COMMAND, autoAcknowledge, listTargets(deps));
  app.action(MORE_SOURCES_ACTION, autoAcknowledge, showMoreSources(deps));
  app.action(POST_TARGET_LIST_ACTION, autoAcknowledge, shareTargetList(deps));
  app.shortcut(CHECK_SOURCES_CALLBACK_ID, autoAcknowledge, checkSources(deps));
}
