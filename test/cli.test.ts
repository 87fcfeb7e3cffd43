import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AnswerSchema, FigureSchema, TargetSchema } from '../src/model.ts';
import { tempIndexDir } from './support/corpus.ts';

const indexDir = tempIndexDir();

function cli(args: string[], input?: string, entry = 'src/cli/main.ts') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, INDEX_DIR: indexDir, SLACK_BOT_TOKEN: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonLines(stdout: string): unknown[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
}

describe('command line', () => {
  beforeAll(() => {
    const built = cli(['index', '--json']);
    expect(built.code).toBe(0);
    const summary = z
      .object({ documents: z.number(), paragraphs: z.number(), targets: z.number(), ms: z.number() })
      .parse(JSON.parse(built.stdout));
    expect(summary.documents).toBe(1);
    expect(summary.targets).toBeGreaterThan(25);
  });

  it('ask --json answers one question per line of standard input, in order, as Answer records', () => {
    const { code, stdout } = cli(['ask', '--json'], '广州汽车集群规模目标?\n\n成都人工智能产业规模目标？\n');
    expect(code).toBe(0);
    const answers = jsonLines(stdout).map((line) => AnswerSchema.parse(line));
    expect(answers.map((a) => a.status)).toEqual(['answered', 'not_found']);
    expect(answers[0]!.targets[0]!.figure!.text).toBe('6000亿元');
  });

  it('ask without --json writes the answer, the quote and the source for people', () => {
    const { code, stdout } = cli(['ask', '广州先进制造业增加值2021年要达到多少？']);
    expect(code).toBe(0);
    expect(stdout).toContain('广州：先进制造业增加值 3000亿元以上（到2021年，目标）');
    expect(stdout).toContain('到2021年，广州市先进制造业增加值达3000亿元以上');
    expect(stdout).toContain('000_b75a479856194727.txt · 广州：力争2021年先进制造业增加值超3000亿元 · 第1段');
  });

  it('targets --json filters by region and year, one Target a line', () => {
    const { code, stdout } = cli(['targets', '--json', '--region', '北京', '--year', '2022']);
    expect(code).toBe(0);
    const targets = jsonLines(stdout).map((line) => TargetSchema.parse(line));
    expect(targets.length).toBeGreaterThanOrEqual(5);
    expect(targets.every((t) => t.region === '北京' && t.year === 2022)).toBe(true);
  });

  it('ask --csv and targets --csv write a table with a header line, one row a target', () => {
    const asked = cli(['ask', '--csv', '广州汽车集群规模目标?']);
    expect(asked.code).toBe(0);
    const [header, first] = asked.stdout.split('\n');
    expect(header).toBe('row,region,metric,figure,value,unit,qualifier,year,kind,doc,article,paragraph,quote,url,missing');
    expect(first).toMatch(/^1,广州,汽车产业集群规模,6000亿元,6000,亿元,/);
    const listed = cli(['targets', '--csv', '--region', '广州']);
    expect(listed.code).toBe(0);
    expect(listed.stdout.trim().split('\n').length).toBeGreaterThan(5);
    expect(cli(['ask', '--csv', '--json', '广州？']).code).toBe(2);
    expect(cli(['figures', '--csv', '6000亿元']).stderr).toMatch(/--csv goes with ask and targets/);
  });

  it('figures gives one line out per line in', () => {
    const { code, stdout } = cli(['figures', '--json'], '规模达到3000亿元以上\n推进5G网络建设\n');
    expect(code).toBe(0);
    const lines = jsonLines(stdout).map((line) =>
      z.object({ text: z.string(), figures: z.array(FigureSchema) }).parse(line),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]!.figures[0]).toMatchObject({ text: '3000亿元以上', base: 300000000000, baseUnit: '元', qualifier: 'gte' });
    expect(lines[1]!.figures).toEqual([]);
  });

  it('stops bad arguments with exit 2 and one line on standard error', () => {
    for (const args of [['frobnicate'], ['ask', '--bogus'], ['targets', '--year', 'soon'], []]) {
      const { code, stdout, stderr } = cli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('stops on an unreadable seeds folder with exit 2 and one line', () => {
    const { code, stderr } = cli(['ask', '--seeds', '/nonexistent/seeds', '广州']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('/nonexistent/seeds');
  });

  it('skips undecodable bytes with one line naming the file and the byte offset, and goes on (exit 0)', () => {
    const seeds = mkdtempSync(join(tmpdir(), 'zhibiao-bad-'));
    writeFileSync(join(seeds, 'bad.txt'), Buffer.from([0xe5, 0xb9, 0xbf, 0xff, 0xfe, 0x41]));
    copyFileSync(new URL('../seeds/000_b75a479856194727.txt', import.meta.url), join(seeds, 'good.txt'));
    const { code, stdout, stderr } = cli(['targets', '--json', '--region', '广州', '--seeds', seeds, '--index', tempIndexDir()]);
    expect(code).toBe(0);
    const named = stderr.split('\n').filter((line) => line.includes('bad.txt'));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/^skipping .*bad\.txt: undecodable: .*offset 3$/);
    expect(jsonLines(stdout).map((line) => TargetSchema.parse(line).citation.doc)).toContain('good.txt');
  });

  it('stops a malformed questions or lexicon file with its file and line, exit 2 and no stack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibiao-bad-'));
    writeFileSync(join(dir, 'bad.jsonl'), '{"q": "广州汽车集群规模目标?", "expect": ["6000亿元"]}\nnot json\n');
    const evaluated = cli(['eval', join(dir, 'bad.jsonl')]);
    expect(evaluated.code).toBe(2);
    expect(evaluated.stderr.trim()).toBe(`zhibiao: ${join(dir, 'bad.jsonl')}:2: not JSON`);
    const seeds = mkdtempSync(join(tmpdir(), 'zhibiao-seeds-'));
    writeFileSync(join(seeds, 'story.txt'), '广州市提出，到2021年汽车产业集群规模达到6000亿元。\n');
    writeFileSync(join(seeds, 'lexicon.jsonl'), '{"typed": ["整车"], "written": "汽车"}\n');
    const asked = cli(['ask', '--seeds', seeds, '--index', tempIndexDir(), '广州']);
    expect(asked.code).toBe(2);
    expect(asked.stderr.trim().split('\n')).toHaveLength(1);
    expect(asked.stderr).toMatch(/lexicon\.jsonl:1: expected/);
  });

  it('prints the commands and options for help and --help, exit 0', () => {
    for (const args of [['help'], ['--help'], ['ask', '-h']]) {
      const { code, stdout } = cli(args);
      expect(code, args.join(' ')).toBe(0);
      for (const word of ['index', 'ask', 'targets', 'figures', 'eval', 'serve', 'chat', '--seeds', '--index', '--sample']) expect(stdout).toContain(word);
    }
  });

  it('draws a sample of targets by seed: the same seed, the same targets', () => {
    const first = jsonLines(cli(['targets', '--json', '--sample', '5', '--seed', '3']).stdout).map((t) => TargetSchema.parse(t).id);
    const again = jsonLines(cli(['targets', '--json', '--sample', '5', '--seed', '3']).stdout).map((t) => TargetSchema.parse(t).id);
    const other = jsonLines(cli(['targets', '--json', '--sample', '5', '--seed', '4']).stdout).map((t) => TargetSchema.parse(t).id);
    expect(first).toHaveLength(5);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(cli(['targets', '--seed', '3']).code).toBe(2);
  });

  it('ends quietly when its reader closes the pipe (targets | head -1)', () => {
    const result = spawnSync('bash', ['-c', `"${process.execPath}" --import tsx src/cli/main.ts targets | head -1`], {
      encoding: 'utf8',
      env: { ...process.env, INDEX_DIR: indexDir },
    });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/EPIPE|Error|at /);
  });

  it('npm start without Slack credentials answers piped questions as the local chat and exits', () => {
    const { code, stdout } = cli([], '北京全市要建设几个信息消费体验馆？\n', 'src/main.ts');
    expect(code).toBe(0);
    expect(stdout).toContain('1-2个');
    expect(stdout).toContain('12个');
    expect(stdout).toContain('第6段');
  });
});
