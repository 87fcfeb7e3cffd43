// The Slack app's settings come from the environment (and a .env file beside it). They are checked
// once, at start, so a missing or mistyped variable stops the bot with one line that names it
// instead of surfacing later as a failed API call.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export type SlackLogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface SlackConfig {
  /** Bot token (xoxb-…), used for every Web API call. */
  botToken: string;
  /** App-level token (xapp-…) with connections:write; when set the app runs in Socket Mode. */
  appToken?: string;
  /** Verifies that HTTP requests come from Slack; required in HTTP mode. */
  signingSecret?: string;
  /**
   * HTTP mode: the port of /slack/events and /healthz (default 3000). Socket Mode: when set, a
   * /healthz endpoint is served on it.
   */
  port?: number;
  /** Address to listen on; all interfaces when unset. */
  host?: string;
  /** Web API base URL, e.g. https://slack-gov.com/api/ for GovSlack, or a fake one in tests. */
  apiUrl?: string;
  logLevel: SlackLogLevel;
  /** The folder of the bot's database (what it handled, conversations, feedback); `data` when unset. */
  dataDir?: string;
  /**
   * Who may add documents by sending the bot a file in a DM: everyone in the workspace (the
   * default), or these user IDs only (none for an empty list).
   */
  uploaders?: Uploaders;
  /** The largest file taken that way, in bytes (default DEFAULT_UPLOAD_LIMIT_BYTES). */
  maxUploadBytes?: number;
}

export type Uploaders = 'everyone' | readonly string[];

/** 20 MB: a long report as a PDF with its pictures; the seeds folder reads files up to 50 MB. */
export const DEFAULT_UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;

/** A missing or malformed variable; the message is one line that names it. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
  }
}

type Env = Record<string, string | undefined>;

/** True when a bot token is configured, i.e. `npm start` should run the Slack app rather than the local chat. */
export function hasSlackCredentials(env: Env = process.env): boolean {
  return (env.SLACK_BOT_TOKEN ?? '').trim() !== '';
}

// An empty value (SLACK_APP_TOKEN= in a copied .env.example) counts as unset.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const token = (prefix: string, what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is missing' : 'must be a string') })
    .regex(new RegExp(`^${prefix}-\\S+$`), `is malformed: expected ${what} starting with "${prefix}-"`);

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    (value) => (value === '' ? undefined : value),
    token('xoxb', 'the bot token (OAuth & Permissions → Bot User OAuth Token)'),
  ),
  SLACK_APP_TOKEN: optional(token('xapp', 'an app-level token (Basic Information → App-Level Tokens)')),
  SLACK_SIGNING_SECRET: optional(
    z.string().regex(/^\S{8,}$/, 'is malformed: expected the signing secret (Basic Information → App Credentials)'),
  ),
  PORT: optional(
    z
      .string()
      .regex(/^\d{1,5}$/, 'is malformed: expected a port number from 0 to 65535')
      .transform(Number)
      .refine((port) => port <= 65535, 'is malformed: expected a port number from 0 to 65535'),
  ),
  HOST: optional(z.string().regex(/^[^\s/]+$/, 'is malformed: expected a host name or IP address')),
  SLACK_API_URL: optional(
    z
      .string()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'is malformed: expected an http(s) URL such as https://slack.com/api/'),
  ),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'is malformed: expected debug, info, warn or error' }),
  ),
  DATA_DIR: optional(z.string().regex(/^\S(.*\S)?$/, 'is malformed: expected a folder path')),
  SLACK_UPLOADERS: optional(
    z
      .string()
      .trim()
      .regex(/^(everyone|none|[UW][A-Z0-9]+(\s*,\s*[UW][A-Z0-9]+)*)$/, 'is malformed: expected everyone, none, or user IDs separated by commas (U012AB3CD,U045EF6GH)')
      .transform((value): Uploaders => (value === 'everyone' ? 'everyone' : value === 'none' ? [] : value.split(',').map((id) => id.trim()))),
  ),
  SLACK_UPLOAD_MAX_MB: optional(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'is malformed: expected a number of megabytes such as 20')
      .transform((value) => Math.round(Number(value) * 1024 * 1024))
      .refine((bytes) => bytes > 0 && bytes <= 50 * 1024 * 1024, 'is malformed: expected more than 0 and at most 50 (megabytes; the seeds folder reads files up to 50 MB)'),
  ),
});

/** Every variable loadSlackConfig reads (.env.example documents each). */
export const SLACK_ENV_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

/**
 * Reads and checks the Slack settings. Throws a ConfigError whose message is one line naming the
 * variable, e.g. `SLACK_BOT_TOKEN is missing (…)`; the command line prints it and exits with 2.
 */
export function loadSlackConfig(env: Env = process.env): SlackConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    const received = variable in env ? env[variable] : undefined;
    const hint = VARIABLE_HINTS[variable];
    const shown = received !== undefined && !/TOKEN|SECRET/.test(variable) ? ` (got "${received}")` : '';
    throw new ConfigError(
      variable,
      `${variable} ${issue?.message ?? 'is invalid'}${shown}${issue?.message === 'is missing' && hint ? ` — ${hint}` : ''}`,
    );
  }
  const vars = parsed.data;
  if (vars.SLACK_APP_TOKEN === undefined && vars.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET',
      'SLACK_SIGNING_SECRET is missing — HTTP mode (no SLACK_APP_TOKEN) needs the signing secret from Basic Information → App Credentials',
    );
  }
  return {
    botToken: vars.SLACK_BOT_TOKEN,
    ...(vars.SLACK_APP_TOKEN !== undefined && { appToken: vars.SLACK_APP_TOKEN }),
    ...(vars.SLACK_SIGNING_SECRET !== undefined && { signingSecret: vars.SLACK_SIGNING_SECRET }),
    ...(vars.PORT !== undefined && { port: vars.PORT }),
    ...(vars.HOST !== undefined && { host: vars.HOST }),
    ...(vars.SLACK_API_URL !== undefined && { apiUrl: vars.SLACK_API_URL }),
    logLevel: vars.LOG_LEVEL ?? 'info',
    ...(vars.DATA_DIR !== undefined && { dataDir: vars.DATA_DIR }),
    uploaders: vars.SLACK_UPLOADERS ?? 'everyone',
    maxUploadBytes: vars.SLACK_UPLOAD_MAX_MB ?? DEFAULT_UPLOAD_LIMIT_BYTES,
  };
}

const VARIABLE_HINTS: Record<string, string> = {
  SLACK_BOT_TOKEN: 'set it to the Bot User OAuth Token (xoxb-…) from OAuth & Permissions',
};

/**
 * The variables of a .env file (KEY=VALUE lines, # comments, optional quotes and `export`), or
 * nothing when the file does not exist. Written out rather than using process.loadEnvFile, which
 * Node 20 before 20.12 lacks and which writes into process.env.
 */
export function readEnvFile(path = '.env'): Record<string, string> {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  return parseEnvFile(content);
}

export function parseEnvFile(content: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of content.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(rawLine);
    if (!match) continue;
    const [, key, rawValue = ''] = match;
    if (key === undefined) continue;
    const quoted = /^(["'])(.*)\1$/.exec(rawValue);
    vars[key] = quoted ? (quoted[1] === '"' ? (quoted[2] ?? '').replace(/\\n/g, '\n') : (quoted[2] ?? '')) : rawValue.replace(/\s+#.*$/, '');
  }
  return vars;
}

/** The environment with a .env file's variables added; variables already set win over the file. */
export function environmentWithEnvFile(env: Env = process.env, path = '.env'): Env {
  return { ...readEnvFile(path), ...definedOnly(env) };
}

function definedOnly(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}
