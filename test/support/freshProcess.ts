// What a fresh process answering from a saved index gets (test/support/fresh-process.ts).
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Answer } from '../../src/model.ts';

export interface FreshProcessResult {
  dictionary: { kind: string; words?: number };
  cuts: [string[], string[]][];
  answers: Answer[];
}

export async function inFreshProcess(seedsDir: string, indexDir: string, texts: string[], questions: string[]): Promise<FreshProcessResult> {
  const inputFile = join(mkdtempSync(join(tmpdir(), 'zhibiao-fresh-')), 'input.json');
  writeFileSync(inputFile, JSON.stringify({ texts, questions }));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'test/support/fresh-process.ts', seedsDir, indexDir, inputFile], {
    maxBuffer: 1 << 30,
  });
  return JSON.parse(stdout) as FreshProcessResult;
}
