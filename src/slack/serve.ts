// `zhibiao serve`: settings checked first (a bad one stops it before the index is opened), then the
// live engine (it follows the seeds folder, one log line an update) and the store, then the Slack
// app until SIGINT or SIGTERM, or until Slack refuses the app for good (a ConfigError: one line,
// exit 2). The engine and the store are opened here and closed here.
import { openLiveEngine } from '../qa/live.ts';
import { DEFAULT_DATA_DIR, openStore } from '../store/store.ts';
import { startSlackApp, type RunningSlackApp, type StartSlackAppOptions } from './app.ts';
import { environmentWithEnvFile, loadSlackConfig } from './config.ts';
import { boltLogLevel, lineLogger } from './logger.ts';

export interface ServeSlackOptions {
  seedsDir: string;
  indexDir: string;
  log?: (line: string) => void;
  /** Defaults to process.env plus the variables of envFile. */
  env?: Record<string, string | undefined>;
  envFile?: string;
  /** Settings of the app beyond the environment's (tests make Socket Mode's reconnect delay short). */
  app?: Pick<StartSlackAppOptions, 'clientPingTimeoutMs' | 'retryConfig' | 'port' | 'host'>;
  /** Resolves when the app is running; for tests that act on it meanwhile. */
  onRunning?: (running: RunningSlackApp) => void;
  /** Stops the app when aborted, as SIGINT does (for tests, which cannot signal their own process). */
  signal?: AbortSignal;
}

/** Runs the Slack app until the process is asked to stop. A bad setting throws ConfigError. */
export async function serveSlack(options: ServeSlackOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const config = loadSlackConfig(environmentWithEnvFile(options.env ?? process.env, options.envFile ?? '.env'));
  // Files added, changed or removed in the seeds folder are answered from without a restart.
  const engine = await openLiveEngine({ seedsDir: options.seedsDir, indexDir: options.indexDir, log });
  const logger = lineLogger(log, boltLogLevel(config.logLevel));
  let store: ReturnType<typeof openStore> | undefined;
  try {
    store = openStore({ dataDir: config.dataDir ?? DEFAULT_DATA_DIR });
    const running = await startSlackApp(engine, config, { logger, store, seedsDir: options.seedsDir, ...options.app });
    options.onRunning?.(running);
    await untilStopped(running, log, options.signal);
  } finally {
    store?.close();
    await engine.close();
  }
}

/** Waits for a signal (then stops the app) or for the app's connection to fail for good (then throws). */
function untilStopped(running: RunningSlackApp, log: (line: string) => void, abort?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals | 'abort') => {
      forget();
      log(`${signal}: stopping the Slack app`);
      running.stop().then(resolve, reject);
    };
    const aborted = () => stop('abort');
    const forget = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      abort?.removeEventListener('abort', aborted);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (abort?.aborted) return aborted();
    abort?.addEventListener('abort', aborted);
    void running.failed.then((error) => {
      forget();
      running.stop().then(
        () => reject(error),
        () => reject(error),
      );
    });
  });
}
