// The command line's words, checked once: every command gets typed options or a one-line error.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export class UsageError extends Error {}

export const COMMANDS = ['index', 'ask', 'targets', 'figures', 'serve', 'eval', 'chat', 'feedback', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

const CommandLineSchema = z.object({
  command: z.enum(COMMANDS),
  json: z.boolean(),
  /** ask, targets: the table as CSV, for a file. */
  csv: z.boolean(),
  seeds: z.string().min(1),
  index: z.string().min(1),
  region: z.string().min(1).optional(),
  year: z.number().int().min(1900).max(2200).optional(),
  /** targets: a random sample of this many, for reading them over. */
  sample: z.number().int().positive().optional(),
  /** The seed of the sample: the same seed draws the same targets. */
  seed: z.number().int().nonnegative().optional(),
  rest: z.array(z.string()),
});
export type CommandLine = z.infer<typeof CommandLineSchema>;

export const USAGE = `usage: zhibiao <${COMMANDS.join('|')}> [--json] [--csv] [--seeds DIR] [--index DIR] [--region R] [--year Y] [--sample N [--seed S]] [WORDS] (zhibiao help)`;

export const HELP = `zhibiao — answers questions about policy documents with the exact figure and the passage that states it

usage: zhibiao COMMAND [options] [WORDS]

commands:
  index                  build the index of the seeds folder and say what was read and skipped
  ask [QUESTION]         answer QUESTION, or each line of standard input
  targets [WORDS]        list the extracted targets (--region R, --year Y, --sample N [--seed S])
  figures [TEXT]         the figures TEXT states, or each line of standard input
  eval [FILE]            score a questions file (or a gold-targets file) against the index
  serve                  start the Slack app (Socket Mode with SLACK_APP_TOKEN, else HTTP on PORT)
  chat                   the local chat in the terminal
  feedback               the 👍 / 👎 given to answers in Slack, oldest first (from the data folder: env DATA_DIR, default data)
  help                   this text

options:
  --json                 one JSON object a line on standard output (see CONTRACT.md)
  --csv                  ask, targets: the table as CSV (a comparison's rows; the targets listed)
  --seeds DIR            the documents (env SEEDS_DIR, default seeds)
  --index DIR            where the index is kept (env INDEX_DIR, default index)
  --region R, --year Y   targets: only those of place R, of year Y
  --sample N, --seed S   targets: N of them drawn at random, the same N for the same S
  -h, --help             this text
`;

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): CommandLine {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        csv: { type: 'boolean', default: false },
        seeds: { type: 'string' },
        index: { type: 'string' },
        region: { type: 'string' },
        year: { type: 'string' },
        sample: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${USAGE})`);
  }
  const [given, ...rest] = parsed.positionals;
  if (given === undefined && !parsed.values.help) throw new UsageError(USAGE);
  const command = parsed.values.help ? 'help' : given!;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(`unknown command "${command}" (${USAGE})`);
  }
  const year = parsed.values.year;
  if (year !== undefined && !/^\d{4}$/.test(year)) throw new UsageError(`--year takes a four-digit year, not "${year}"`);
  if (command !== 'targets' && command !== 'help' && (parsed.values.region !== undefined || year !== undefined || parsed.values.sample !== undefined)) {
    throw new UsageError(`--region, --year and --sample go with the targets command only`);
  }
  const whole = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d+$/.test(value)) throw new UsageError(`--${name} takes a whole number, not "${value}"`);
    return Number(value);
  };
  const sample = whole('sample', parsed.values.sample);
  const seed = whole('seed', parsed.values.seed);
  if (seed !== undefined && sample === undefined) throw new UsageError('--seed goes with --sample');
  if (parsed.values.csv && command !== 'ask' && command !== 'targets' && command !== 'help') throw new UsageError('--csv goes with ask and targets');
  if (parsed.values.csv && parsed.values.json) throw new UsageError('--csv and --json: choose one');
  const result = CommandLineSchema.safeParse({
    command,
    json: parsed.values.json,
    csv: parsed.values.csv,
    seeds: parsed.values.seeds ?? env.SEEDS_DIR ?? 'seeds',
    index: parsed.values.index ?? env.INDEX_DIR ?? 'index',
    region: parsed.values.region,
    year: year === undefined ? undefined : Number(year),
    sample,
    seed,
    rest,
  });
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  return result.data;
}
