// The command line's words, checked once: every command gets typed options or a one-line error.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {}

export const COMMANDS = ['index', 'ask', 'targets', 'figures', 'serve', 'eval', 'chat'] as const;
export type Command = (typeof COMMANDS)[number];

const CommandLineSchema = z.object({
  command: z.enum(COMMANDS),
  json: z.boolean(),
  seeds: z.string().min(1),
  index: z.string().min(1),
  region: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  rest: z.array(z.string()),
});
export type CommandLine = z.infer<typeof CommandLineSchema>;

export const USAGE = `usage: zhibiao <${COMMANDS.join('|')}> [--json] [--seeds DIR] [--index DIR] [--region R] [--year Y] [WORDS]`;

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        seeds: { type: 'string' },
        index: { type: 'string' },
        region: { type: 'string' },
        year: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || command === undefined) throw new UsageError(USAGE);
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command "${command}" (${USAGE})`);
  }
  const year = parsed.values.year;
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--year takes a four-digit year, not "${year}"`);
  if (command !== 'targets' && (parsed.values.region !== undefined || year !== undefined)) {
    throw new UsageError(`--region and --year go with the targets command only`);
  }
  const result = CommandLineSchema.safeParse({
    command,
    json: parsed.values.json,
    seeds: parsed.values.seeds ?? env.SEEDS_DIR ?? 'seeds',
    index: parsed.values.index ?? env.INDEX_DIR ?? 'index',
    region: parsed.values.region,
    year: year === undefined ? undefined : Number(year),
    rest,
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}
