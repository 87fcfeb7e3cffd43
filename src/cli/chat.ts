// The local chat: the bot's answers in a terminal, for trying the product without Slack. On a
// terminal it prompts; with piped input it answers each line and exits at the end of input.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Engine } from '../qa/types.ts';
import { renderAnswer } from './render.ts';

export interface ChatStreams {
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
}

const GREETING = '指标 zhibiao — 问一个关于政策文件里数字的问题（如：广州汽车集群规模目标？）。Ctrl-D 结束。';

export async function runChat(engine: Engine, { input, output }: ChatStreams): Promise<void> {
  const interactive = Boolean(input.isTTY);
  const reader = createInterface({ input, output, terminal: interactive, crlfDelay: Infinity });
  if (interactive) {
    const s = engine.summary();
    output.write(`${GREETING}\n（${s.documents} 份文件，${s.targets} 个指标）\n`);
    reader.setPrompt('› ');
    reader.prompt();
  }
  for await (const line of reader) {
    const question = line.trim();
    if (question !== '') output.write(`${renderAnswer(engine.ask(question))}\n`);
    if (interactive) reader.prompt();
  }
  if (interactive) output.write('\n');
}
