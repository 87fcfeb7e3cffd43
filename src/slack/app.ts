// The Bolt app: Slack's requests in, the engine's answers out. Everything here is I/O and routing;
// what a reply looks like is decided in blocks.ts, what it says by the engine.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, autoAcknowledge, HTTPReceiver, SocketModeReceiver, type Logger, webApi } from '@slack/bolt';
import { isLiveEngine } from '../qa/live.ts';
import type { Engine } from '../qa/types.ts';
import { IN_MEMORY, openStore, type Store } from '../store/store.ts';
import {
  CHECK_SOURCES_CALLBACK_ID,
  EXPORT_CSV_ACTION,
  FEEDBACK_DOWN_ACTION,
  FEEDBACK_UP_ACTION,
  MORE_SOURCES_ACTION,
  POST_TARGET_LIST_ACTION,
} from './blocks.ts';
import { lazyChartDrawer } from './charts.ts';
import { SliceScheduler } from './claimChecks.ts';
import { ConfigError, DEFAULT_UPLOAD_LIMIT_BYTES, type SlackConfig } from './config.ts';
import { slackFileHosts, type DocumentIntake } from './documents.ts';
import { REFUSED_APP_TOKEN_ERRORS, SlackLink, superviseSocketMode } from './connection.ts';
import { describeError, REFUSED_TOKEN_ERRORS, slackErrorCode } from './errors.ts';
import { FEEDBACK_FORM_CALLBACK_ID } from './feedback.ts';
import {
  answerDirectMessage,
  answerMention,
  checkSources,
  exportCsv,
  listTargets,
  openFeedbackForm,
  recordThumbsUp,
  saveFeedbackForm,
  shareTargetList,
  showHome,
  showMoreSources,
  TARGET_COMMAND,
  type HandlerDeps,
} from './handlers.ts';
import { followLibrary, warmUp } from './library.ts';
import { boltLogLevel } from './logger.ts';
import {
  oncePerCheckedMessage,
  oncePerClickedMessage,
  oncePerPost,
  oncePerTrigger,
  onlyDirectMessages,
  onlyPeoplesPosts,
  onlyThisApp,
  type AppIdentity,
} from './middleware.ts';
import { guardRequests, MAX_REQUEST_BYTES } from './requests.ts';

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
  /**
   * How long an answer may take before the question is marked 👀 (default 1000 ms; 0 marks every
   * question at once). A quick answer needs no sign of work, and reactions.add is rate-limited.
   */
  reactAfterMs?: number;
  /**
   * The bot's database, opened and closed by the caller. Without one the app keeps its memory in a
   * database of its own in memory, closed when it stops, and forgets it all on a restart.
   */
  store?: Store;
  /**
   * The seeds folder the engine follows. With a live engine, documents people send the bot in a
   * DM are saved in its uploads/ folder and taken in; without, the bot says it takes none.
   */
  seedsDir?: string;
  /**
   * Socket Mode: how long the client waits for Slack's pong, which is also the step of its delay
   * before reconnecting (default 5000 ms). Tests make it short.
   */
  clientPingTimeoutMs?: number;
}

const DEFAULT_REACT_AFTER_MS = 1000;

export interface RunningSlackApp {
  /** Stops listening and closes the Socket Mode connection (and the store the app opened itself). */
  stop(): Promise<void>;
  /** The port HTTP requests (or, in Socket Mode, /healthz) are served on, when there is one. */
  port?: number;
  mode: 'http' | 'socket';
  /** The state of the link to Slack. */
  link: SlackLink;
  /** Resolves with the error that ended the app's connection for good (Socket Mode: a refused app token). */
  failed: Promise<Error>;
}

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
const DEFAULT_HTTP_PORT = 3000;
/**
 * Who the bot token belongs to (auth.test), which also verifies it: a token Slack refuses is a
 * setting to fix, reported like a malformed one; anything else (network …) is not.
 */
async function identify(token: string, clientOptions: webApi.WebClientOptions): Promise<AppIdentity & { botId?: string; botUserId?: string }> {
  let result: webApi.AuthTestResponse;
  try {
    result = await new webApi.WebClient(token, clientOptions).auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== undefined && REFUSED_TOKEN_ERRORS.has(code)) {
      throw new ConfigError('SLACK_BOT_TOKEN', `SLACK_BOT_TOKEN was refused by Slack (auth.test: ${code})`);
    }
    throw new Error(`Could not verify SLACK_BOT_TOKEN with auth.test: ${describeError(error)}`, { cause: error });
  }
  if (result.team_id === undefined) throw new Error('auth.test named no team for SLACK_BOT_TOKEN');
  return {
    teamId: result.team_id,
    ...(result.enterprise_id && { enterpriseId: result.enterprise_id }),
    ...(result.app_id && { appId: result.app_id }),
    ...(result.bot_id && { botId: result.bot_id }),
    ...(result.user_id && { botUserId: result.user_id }),
  };
}

/**
 * Starts the bot: Socket Mode when config.appToken is set, else HTTP on config.port with Slack's
 * requests at /slack/events and GET /healthz. Resolves once the bot token is verified (auth.test)
 * and the app listens or is connected.
 */
export async function startSlackApp(engine: Engine, config: SlackConfig, opts: StartSlackAppOptions = {}): Promise<RunningSlackApp> {
  const logLevel = boltLogLevel(config.logLevel);
  const socketMode = config.appToken !== undefined;
  const link = new SlackLink(socketMode ? 'socket' : 'http');
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl !== undefined && { slackApiUrl: config.apiUrl }),
    ...(opts.retryConfig !== undefined && { retryConfig: opts.retryConfig }),
    fetch: link.observingFetch(),
  };
  const host = opts.host ?? config.host;
  const identity = await identify(config.botToken, clientOptions);

  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.appToken !== undefined) {
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      logLevel,
      ...(opts.logger !== undefined && { logger: opts.logger }),
      ...(opts.clientPingTimeoutMs !== undefined && { clientPingTimeout: opts.clientPingTimeoutMs }),
      // A copy: the Socket Mode client writes its own retry policy into the object it is given.
      installerOptions: { clientOptions: { ...clientOptions } },
    });
  } else {
    if (config.signingSecret === undefined) throw new Error('HTTP mode needs config.signingSecret');
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret,
      endpoints: EVENTS_PATH,
      logLevel,
      bodyLimit: MAX_REQUEST_BYTES,
      ...(opts.logger !== undefined && { logger: opts.logger }),
      customRoutes: [{ path: HEALTH_PATH, method: ['GET'], handler: (req, res) => answerHealthCheck(engine, link, req, res) }],
    });
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logLevel,
    ...(opts.logger !== undefined && { logger: opts.logger }),
    clientOptions,
    // identify() has verified the token and named the bot; Bolt need not call auth.test again.
    tokenVerificationEnabled: false,
    ...(identity.botId !== undefined && { botId: identity.botId }),
    ...(identity.botUserId !== undefined && { botUserId: identity.botUserId }),
  });
  const logger = app.logger;
  if (receiver instanceof HTTPReceiver) receiver.requestListener = guardRequests(receiver.requestListener, { paths: [EVENTS_PATH], logger });

  const ownStore = opts.store === undefined;
  const store = opts.store ?? openStore({ dataDir: IN_MEMORY });
  const slices = new SliceScheduler();
  const charts = lazyChartDrawer();
  // What the app owns, closed when it stops (or fails to start; the chart renderer opens on first use).
  const closeOwned = () => {
    slices.close();
    if (ownStore) store.close();
  };
  try {
    warmUp(engine);
    // A live engine answers from each update of the index once it is in place; what the bot says
    // of the library (Home, refusals, examples) follows it.
    const onUpdate = isLiveEngine(engine)
      ? (listener: () => void) =>
          engine.onUpdate(() => {
            warmUp(engine);
            listener();
          })
      : undefined;
    const library = followLibrary(engine, onUpdate);
    const documents: DocumentIntake | null =
      isLiveEngine(engine) && opts.seedsDir !== undefined
        ? {
            engine,
            seedsDir: opts.seedsDir,
            uploaders: config.uploaders ?? 'everyone',
            maxBytes: config.maxUploadBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
            botToken: config.botToken,
            isSlackFileUrl: slackFileHosts(config.apiUrl),
            fileInfo: (id) => app.client.files.info({ file: id }),
          }
        : null;
    const deps: HandlerDeps = { engine, logger, reactAfterMs: opts.reactAfterMs ?? DEFAULT_REACT_AFTER_MS, store, library, slices, charts, documents };
    registerListeners(app, deps, identity);
  } catch (error) {
    closeOwned();
    throw error;
  }
  app.error(async (error) => {
    logger.error('Unhandled error in a Slack listener:', error);
  });

  if (receiver instanceof SocketModeReceiver) {
    try {
      await app.start();
    } catch (error) {
      closeOwned();
      const code = slackErrorCode(error);
      if (code !== undefined && REFUSED_APP_TOKEN_ERRORS.has(code)) {
        throw new ConfigError('SLACK_APP_TOKEN', `SLACK_APP_TOKEN was refused by Slack (apps.connections.open: ${code})`);
      }
      throw new Error(`Could not connect to Slack in Socket Mode: ${describeError(error)}`, { cause: error });
    }
    link.set('connected');
    const supervision = superviseSocketMode(receiver, link, logger);
    // The receiver's stop() does not wait for the WebSocket to close; the client's disconnect() does.
    const disconnect = () => {
      supervision.stop();
      return receiver.client.disconnect();
    };
    const port = opts.port ?? config.port;
    let health: Awaited<ReturnType<typeof startHealthServer>> | undefined;
    try {
      health = port !== undefined ? await startHealthServer(engine, link, port, host) : undefined;
    } catch (error) {
      await disconnect();
      closeOwned();
      throw error;
    }
    logger.info(`Slack app connected in Socket Mode${health ? `; ${HEALTH_PATH} on port ${health.port}` : ''}`);
    return {
      mode: 'socket',
      link,
      failed: supervision.failed,
      ...(health !== undefined && { port: health.port }),
      stop: once(async () => {
        await disconnect();
        await health?.close();
        await charts.close();
        closeOwned();
      }),
    };
  }

  let server: Awaited<ReturnType<HTTPReceiver['start']>>;
  try {
    server = await app.start({ port: opts.port ?? config.port ?? DEFAULT_HTTP_PORT, ...(host !== undefined && { host }) });
  } catch (error) {
    closeOwned();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  logger.info(`Slack app listening on port ${port} (${EVENTS_PATH}, ${HEALTH_PATH})`);
  return {
    mode: 'http',
    port,
    link,
    // Over HTTP nothing ends the link for good: Slack calls again when it can.
    failed: new Promise<Error>(() => {}),
    stop: once(async () => {
      const stopped = app.stop();
      // Keep-alive connections from Slack (or a test) would hold close() open.
      server.closeAllConnections();
      await stopped;
      link.set('stopped');
      await charts.close();
      closeOwned();
    }),
  };
}

/** A stop() that may be called again (by a signal and a finally, say) without stopping twice. */
function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => (stopping ??= stop());
}

/**
 * GET /healthz: the index beside the link to Slack. 200 while both are usable, 503 while Slack is
 * unreachable or the connection is being re-established, so that a monitor notices.
 */
function answerHealthCheck(engine: Engine, link: SlackLink, _req: IncomingMessage, res: ServerResponse): void {
  const slack = link.view();
  try {
    const summary = engine.summary();
    const ok = slack.state === 'connected';
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok, ...summary, slack }));
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ ok: false, error: describeError(error), slack }));
  }
}

async function startHealthServer(engine: Engine, link: SlackLink, port: number, host: string | undefined): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://localhost').pathname === HEALTH_PATH) answerHealthCheck(engine, link, req, res);
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

const CHECKED_ALREADY = '这条消息刚核对过，结果在它的讨论串里（或在刚才只有你能看到的回复里）。';

function registerListeners(app: App, deps: HandlerDeps, identity: AppIdentity): void {
  const { logger, store } = deps;
  const { deliveries } = store;
  app.use(onlyThisApp(identity, logger));
  app.event('app_mention', onlyPeoplesPosts(logger), oncePerPost(deliveries, logger), answerMention(deps));
  app.message(onlyPeoplesPosts(logger), onlyDirectMessages(logger), oncePerPost(deliveries, logger), answerDirectMessage(deps));
  app.event('app_home_opened', showHome(deps));
  app.command(TARGET_COMMAND, autoAcknowledge, oncePerTrigger(deliveries, logger), listTargets(deps));
  app.action(MORE_SOURCES_ACTION, autoAcknowledge, oncePerTrigger(deliveries, logger), oncePerClickedMessage(deliveries, logger, 'more-sources'), showMoreSources(deps));
  app.action(POST_TARGET_LIST_ACTION, autoAcknowledge, oncePerTrigger(deliveries, logger), oncePerClickedMessage(deliveries, logger, 'share'), shareTargetList(deps));
  app.action(EXPORT_CSV_ACTION, autoAcknowledge, oncePerTrigger(deliveries, logger), oncePerClickedMessage(deliveries, logger, 'csv'), exportCsv(deps));
  app.action(FEEDBACK_UP_ACTION, autoAcknowledge, oncePerTrigger(deliveries, logger), recordThumbsUp(deps));
  app.action(FEEDBACK_DOWN_ACTION, autoAcknowledge, oncePerTrigger(deliveries, logger), openFeedbackForm(deps));
  // A form's answer is its acknowledgement (a thank-you or its errors); keeping it twice changes nothing.
  app.view(FEEDBACK_FORM_CALLBACK_ID, saveFeedbackForm(deps));
  app.shortcut(CHECK_SOURCES_CALLBACK_ID, autoAcknowledge, oncePerTrigger(deliveries, logger), oncePerCheckedMessage(deliveries, logger, CHECKED_ALREADY), checkSources(deps));
}
