// `zhibiao serve`: settings checked first (a bad one stops it before the index is opened), then the
// engine, then the Slack app until SIGINT or SIGTERM.
import { openEngine } from '../qa/engine.ts';
import { startSlackApp, type RunningSlackApp } from './app.ts';
import { environmentWithEnvFile, loadSlackConfig } from './config.ts';
import { boltLogLevel, lineLogger } from './logger.ts';

export interface ServeSlackOptions {
  seedsDir: string;
  indexDir: string;
  log?: (line: string) => void;
  /** Defaults to process.env plus the variables of envFile. */
  env?: Record<string, string | undefined>;
  envFile?: string;
}

/** Runs the Slack app until the process is asked to stop. A bad setting throws ConfigError. */
export async function serveSlack(options: ServeSlackOptions): Promise<void> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const config = loadSlackConfig(environmentWithEnvFile(options.env ?? process.env, options.envFile ?? '.env'));
  const engine = await openEngine({ seedsDir: options.seedsDir, indexDir: options.indexDir, log });
  const logger = lineLogger(log, boltLogLevel(config.logLevel));
  const running = await startSlackApp(engine, config, { logger });
  await stopOnSignal(running, log);
}

function stopOnSignal(running: RunningSlackApp, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log(`${signal}: stopping the Slack app`);
      running.stop().then(resolve, reject);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
