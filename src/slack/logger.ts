// Bolt wants a Logger object; the rest of the project logs lines to standard error. This adapter
// turns one into the other, so Slack's log shares the stream and the level filter.
import { inspect } from 'node:util';
import { LogLevel, type Logger } from '@slack/bolt';
import type { SlackLogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** A Bolt Logger writing one line per message (errors with their stack) through `log`. */
export function lineLogger(log: (line: string) => void, level: LogLevel = LogLevel.INFO): Logger {
  let current = level;
  let name = 'slack';
  const write = (at: LogLevel, parts: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    const text = parts.map((part) => (typeof part === 'string' ? part : part instanceof Error ? (part.stack ?? part.message) : inspect(part, { depth: 4, breakLength: Infinity }))).join(' ');
    log(`[${at}] ${name}: ${text}`);
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next: string) => {
      name = next;
    },
  };
}

const LEVELS: Record<SlackLogLevel, LogLevel> = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR };

export function boltLogLevel(level: SlackLogLevel): LogLevel {
  return LEVELS[level];
}
