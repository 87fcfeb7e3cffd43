// `npm start`: the Slack app when Slack credentials are configured (environment or .env), else
// the local chat in the terminal.
import { main } from './cli/main.ts';
import { environmentWithEnvFile, hasSlackCredentials } from './slack/config.ts';

const command = hasSlackCredentials(environmentWithEnvFile(process.env)) ? 'serve' : 'chat';
main([command, ...process.argv.slice(2)]).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`zhibiao: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
