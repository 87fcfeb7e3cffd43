// The state of the bot's link to Slack, for /healthz and for deciding when to give up. In Socket
// Mode it is the WebSocket's (connecting, connected, reconnecting, since when); over HTTP, where
// Slack calls the bot, it is whether the Web API answered the bot's last call. A refused app token
// while reconnecting ends the app with one line naming it (the Socket Mode client would otherwise
// reject a promise nobody holds and the process would die with a stack trace); any other failure
// to reconnect is retried with a growing, logged delay.
import type { Logger, SocketModeReceiver, webApi } from '@slack/bolt';
import { ConfigError } from './config.ts';
import { describeError, REFUSED_TOKEN_ERRORS, slackErrorCode } from './errors.ts';

export type SlackLinkState = 'connecting' | 'connected' | 'reconnecting' | 'unreachable' | 'stopped';

export interface SlackLinkView {
  mode: 'http' | 'socket';
  state: SlackLinkState;
  /** ISO time the state began. */
  since: string;
  /** Why it is not connected, when known. */
  error?: string;
}

/** Errors of apps.connections.open that mean the app-level token will not be accepted again. */
export const REFUSED_APP_TOKEN_ERRORS: ReadonlySet<string> = new Set([...REFUSED_TOKEN_ERRORS, 'user_removed_from_team', 'team_disabled']);

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60_000;

type FetchFunction = NonNullable<webApi.WebClientOptions['fetch']>;

export class SlackLink {
  readonly mode: 'http' | 'socket';
  readonly #now: () => number;
  #state: SlackLinkState;
  #since: number;
  #error: string | undefined;

  constructor(mode: 'http' | 'socket', now: () => number = Date.now) {
    this.mode = mode;
    this.#now = now;
    this.#state = 'connecting';
    this.#since = now();
  }

  get state(): SlackLinkState {
    return this.#state;
  }

  set(state: SlackLinkState, error?: string): void {
    if (state !== this.#state) {
      this.#state = state;
      this.#since = this.#now();
    }
    this.#error = state === 'connected' ? undefined : (error ?? this.#error);
  }

  view(): SlackLinkView {
    return { mode: this.mode, state: this.#state, since: new Date(this.#since).toISOString(), ...(this.#error !== undefined && { error: this.#error }) };
  }

  /**
   * A fetch for the Web API client that records whether Slack answered: any HTTP answer means it
   * is reachable, a failed request that it is not. Over HTTP this is the link's whole state.
   */
  observingFetch(fetch: FetchFunction = globalThis.fetch): FetchFunction {
    return async (input, init) => {
      try {
        const response = await fetch(input, init);
        if (this.mode === 'http') this.set('connected');
        return response;
      } catch (error) {
        if (this.mode === 'http') this.set('unreachable', describeError(error));
        throw error;
      }
    };
  }
}

export interface SocketSupervision {
  /** Resolves with the error that ended the connection for good (a refused app token). */
  failed: Promise<Error>;
  /** Stops retrying; call before disconnecting. */
  stop(): void;
}

/**
 * Follows a started Socket Mode receiver's connection into `link`, and takes over what happens
 * when a reconnect fails (see the top of this file).
 */
export function superviseSocketMode(receiver: SocketModeReceiver, link: SlackLink, logger: Logger): SocketSupervision {
  const client = receiver.client;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (fail = resolve));

  client.on('connected', () => {
    failures = 0;
    link.set('connected');
  });
  client.on('reconnecting', () => link.set('reconnecting'));
  client.on('close', () => {
    if (!stopped) link.set('reconnecting', 'the WebSocket closed');
  });
  client.on('disconnected', () => {
    if (stopped) link.set('stopped');
  });

  // The client reconnects by calling its own start() and drops the promise it returns; wrapping
  // start on the instance catches what that promise rejects with.
  const start = client.start.bind(client);
  const supervisedStart = async (): Promise<webApi.AppsConnectionsOpenResponse> => {
    try {
      return await start();
    } catch (error) {
      if (stopped) return {} as webApi.AppsConnectionsOpenResponse;
      const code = slackErrorCode(error);
      if (code !== undefined && REFUSED_APP_TOKEN_ERRORS.has(code)) {
        link.set('stopped', `apps.connections.open: ${code}`);
        fail(new ConfigError('SLACK_APP_TOKEN', `SLACK_APP_TOKEN was refused by Slack while reconnecting (apps.connections.open: ${code})`));
        return {} as webApi.AppsConnectionsOpenResponse;
      }
      failures += 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1));
      link.set('reconnecting', describeError(error));
      logger.warn(`Reconnecting to Slack failed (${describeError(error)}); trying again in ${Math.round(delay / 1000)} s`);
      retryTimer = setTimeout(() => void supervisedStart(), delay);
      return {} as webApi.AppsConnectionsOpenResponse;
    }
  };
  (client as { start: () => Promise<unknown> }).start = supervisedStart;

  return {
    failed,
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      link.set('stopped');
    },
  };
}
