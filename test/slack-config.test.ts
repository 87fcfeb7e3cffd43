// Settings are checked at start: each problem is one line naming the variable. Also the files an
// admin uses: .env.example documents every variable, manifest.yaml matches what the code listens to.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGET_COMMAND } from '../src/slack/app.ts';
import { CHECK_SOURCES_CALLBACK_ID } from '../src/slack/blocks.ts';
import {
  ConfigError,
  DEFAULT_UPLOAD_LIMIT_BYTES,
  environmentWithEnvFile,
  hasSlackCredentials,
  loadSlackConfig,
  parseEnvFile,
  SLACK_ENV_VARIABLES,
} from '../src/slack/config.ts';

const HTTP_ENV = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' };

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadSlackConfig', () => {
  it('reads HTTP mode settings with defaults', () => {
    expect(loadSlackConfig(HTTP_ENV)).toEqual({
      botToken: 'xoxb-1-2-abc',
      signingSecret: HTTP_ENV.SLACK_SIGNING_SECRET,
      logLevel: 'info',
      uploaders: 'everyone',
      maxUploadBytes: DEFAULT_UPLOAD_LIMIT_BYTES,
    });
    expect(loadSlackConfig({ ...HTTP_ENV, PORT: '8080', HOST: '127.0.0.1', SLACK_API_URL: 'https://slack-gov.com/api/', LOG_LEVEL: 'debug' })).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      apiUrl: 'https://slack-gov.com/api/',
      logLevel: 'debug',
    });
  });

  it('reads the data folder of the store, unset when not given', () => {
    expect(loadSlackConfig({ ...HTTP_ENV, DATA_DIR: '/var/lib/zhibiao' })).toMatchObject({ dataDir: '/var/lib/zhibiao' });
    expect(loadSlackConfig({ ...HTTP_ENV, DATA_DIR: '' }).dataDir).toBeUndefined();
  });

  it('reads Socket Mode settings, which need no signing secret', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-abc' })).toMatchObject({ botToken: 'xoxb-1', appToken: 'xapp-1-A1-abc', logLevel: 'info' });
  });

  it('reads who may add documents and how large they may be', () => {
    expect(loadSlackConfig({ ...HTTP_ENV, SLACK_UPLOADERS: 'none' }).uploaders).toEqual([]);
    expect(loadSlackConfig({ ...HTTP_ENV, SLACK_UPLOADERS: ' U012AB3CD, W045EF6GH ' }).uploaders).toEqual(['U012AB3CD', 'W045EF6GH']);
    expect(loadSlackConfig({ ...HTTP_ENV, SLACK_UPLOADERS: '' }).uploaders).toBe('everyone');
    expect(loadSlackConfig({ ...HTTP_ENV, SLACK_UPLOAD_MAX_MB: '5' }).maxUploadBytes).toBe(5 * 1024 * 1024);
    expect(() => loadSlackConfig({ ...HTTP_ENV, SLACK_UPLOADERS: 'alice,bob' })).toThrow(/^SLACK_UPLOADERS is malformed: expected everyone, none, or user IDs .*\(got "alice,bob"\)$/);
    expect(() => loadSlackConfig({ ...HTTP_ENV, SLACK_UPLOAD_MAX_MB: '500' })).toThrow(/^SLACK_UPLOAD_MAX_MB is malformed/);
  });

  it('treats empty values as unset, as in a copied .env.example', () => {
    expect(loadSlackConfig({ ...HTTP_ENV, SLACK_APP_TOKEN: '', PORT: '', LOG_LEVEL: '' })).toEqual(loadSlackConfig(HTTP_ENV));
  });

  it.each([
    [{}, 'SLACK_BOT_TOKEN', /^SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: '' }, 'SLACK_BOT_TOKEN', /^SLACK_BOT_TOKEN is missing/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token' }, 'SLACK_BOT_TOKEN', /^SLACK_BOT_TOKEN is malformed: .*"xoxb-"/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET', /^SLACK_SIGNING_SECRET is missing/],
    [{ ...HTTP_ENV, SLACK_APP_TOKEN: 'xoxb-wrong' }, 'SLACK_APP_TOKEN', /^SLACK_APP_TOKEN is malformed: .*"xapp-"/],
    [{ ...HTTP_ENV, PORT: 'eighty' }, 'PORT', /^PORT is malformed: .* \(got "eighty"\)$/],
    [{ ...HTTP_ENV, PORT: '70000' }, 'PORT', /^PORT is malformed/],
    [{ ...HTTP_ENV, SLACK_API_URL: 'slack.com/api' }, 'SLACK_API_URL', /^SLACK_API_URL is malformed/],
    [{ ...HTTP_ENV, LOG_LEVEL: 'verbose' }, 'LOG_LEVEL', /^LOG_LEVEL is malformed: expected debug, info, warn or error/],
  ])('stops with one line naming the variable: %j', (env, variable, message) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('never repeats a secret in its message', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'secret-value-123' }).message).not.toContain('secret-value-123');
  });
});

describe('hasSlackCredentials', () => {
  it('is true when a bot token is set', () => {
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(true);
    expect(hasSlackCredentials({ SLACK_BOT_TOKEN: ' ' })).toBe(false);
    expect(hasSlackCredentials({})).toBe(false);
  });
});

describe('.env files', () => {
  it('parses KEY=VALUE lines with comments, quotes and export', () => {
    expect(parseEnvFile('# comment\nexport A=1\nB="two words"\nC=\'single\'\nD=value # trailing\n\nE=\nnot a line\n')).toEqual({
      A: '1',
      B: 'two words',
      C: 'single',
      D: 'value',
      E: '',
    });
  });

  it('adds the file to the environment, the environment winning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhibiao-env-'));
    try {
      const file = join(dir, '.env');
      await writeFile(file, 'SLACK_BOT_TOKEN=xoxb-from-file\nPORT=4000\n');
      expect(environmentWithEnvFile({ PORT: '5000' }, file)).toMatchObject({ SLACK_BOT_TOKEN: 'xoxb-from-file', PORT: '5000' });
      expect(environmentWithEnvFile({ PORT: '5000' }, join(dir, 'missing.env'))).toEqual({ PORT: '5000' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('.env.example lists every variable with a comment', () => {
    const example = readFileSync('.env.example', 'utf8');
    const lines = example.split('\n');
    for (const variable of SLACK_ENV_VARIABLES) {
      const at = lines.findIndex((line) => line.startsWith(`${variable}=`));
      expect(at, variable).toBeGreaterThan(0);
      const commented = lines.slice(0, at).reverse().find((line) => line.trim() !== '' && !/^[A-Z_]+=/.test(line));
      expect(commented?.startsWith('#'), variable).toBe(true);
    }
  });
});

describe('manifest.yaml', () => {
  const manifest = readFileSync('manifest.yaml', 'utf8');

  it('asks for the scopes and events the bot uses, the Home tab and Socket Mode', () => {
    for (const scope of ['app_mentions:read', 'im:history', 'chat:write', 'chat:write.public', 'commands', 'reactions:write', 'files:write', 'im:write', 'files:read']) expect(manifest).toContain(`- ${scope}\n`);
    for (const event of ['app_home_opened', 'app_mention', 'message.im']) expect(manifest).toContain(`- ${event}\n`);
    expect(manifest).toContain('home_tab_enabled: true');
    expect(manifest).toContain('messages_tab_enabled: true');
    expect(manifest).toContain('messages_tab_read_only_enabled: false');
    expect(manifest).toContain('socket_mode_enabled: true');
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });

  it('declares the command and the shortcut the code listens to', () => {
    expect(manifest).toContain(`- command: ${TARGET_COMMAND}\n`);
    expect(manifest).toContain(`callback_id: ${CHECK_SOURCES_CALLBACK_ID}\n`);
    expect(manifest).toMatch(/name: 核对来源\n\s+type: message/);
  });
});
