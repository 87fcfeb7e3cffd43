// Whether a saved index is current is told from the seed files' hashes: a current index opens
// without a document being read in its format, and any change to a file, a skipped one or the
// lexicon file included, makes it stale.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const reads = vi.hoisted(() => ({ count: 0 }));
vi.mock('../src/corpus/formats.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/corpus/formats.ts')>();
  return {
    ...actual,
    readFormat: (...args: Parameters<typeof actual.readFormat>) => {
      reads.count += 1;
      return actual.readFormat(...args);
    },
  };
});

const { openIndex } = await import('../src/indexing/open.ts');

function seedsFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-seeds-'));
  cpSync('seeds', dir, { recursive: true });
  cpSync('test/fixtures/library/provinces-2025/2025年宁夏政府工作报告.docx', join(dir, 'ningxia.docx'));
  return dir;
}

describe('opening a saved index', () => {
  it('reads no document when the index is current', async () => {
    const seedsDir = seedsFolder();
    const indexDir = mkdtempSync(join(tmpdir(), 'zhibiao-index-'));
    const built = await openIndex({ seedsDir, indexDir });
    expect(built.origin.loaded).toBe(false);
    expect(built.report?.read.map((r) => r.format).sort()).toEqual(['docx', 'text']);
    reads.count = 0;
    const again = await openIndex({ seedsDir, indexDir });
    expect(again.origin.loaded).toBe(true);
    expect(reads.count).toBe(0);
    expect(again.index.segmenter.terms).toEqual(built.index.segmenter.terms);
    expect(again.index.targets).toEqual(built.index.targets);
  });

  it('is stale when a file that was skipped changes, or the lexicon file does', async () => {
    const seedsDir = seedsFolder();
    const indexDir = mkdtempSync(join(tmpdir(), 'zhibiao-index-'));
    writeFileSync(join(seedsDir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    const notices: string[] = [];
    await openIndex({ seedsDir, indexDir, log: (line) => notices.push(line) });
    expect(notices.some((line) => line.includes('broken.txt'))).toBe(true);
    writeFileSync(join(seedsDir, 'broken.txt'), '广州市提出，到2021年汽车产业集群规模达到6000亿元。\n');
    const fixed = await openIndex({ seedsDir, indexDir, log: (line) => notices.push(line) });
    expect(fixed.origin).toMatchObject({ loaded: false, reason: 'stale: seeds changed broken.txt' });
    writeFileSync(join(seedsDir, 'lexicon.jsonl'), '{"term": "产业集群规模", "reason": "test"}\n');
    const relexed = await openIndex({ seedsDir, indexDir });
    expect(relexed.origin).toMatchObject({ loaded: false, reason: 'stale: seeds added lexicon.jsonl' });
    expect(relexed.index.segmenter.terms).toContain('产业集群规模');
  });
});

describe('an index folder that cannot be used', () => {
  it('answers from the index in memory with one line, when --index names a file or a virtual path', async () => {
    const seedsDir = seedsFolder();
    const file = join(mkdtempSync(join(tmpdir(), 'zhibiao-index-')), 'a-file');
    writeFileSync(file, 'not a folder');
    for (const indexDir of [file, '/proc/self/fd/0']) {
      const lines: string[] = [];
      const opened = await openIndex({ seedsDir, indexDir, log: (line) => lines.push(line) });
      expect(opened.index.targets.length).toBeGreaterThan(30);
      expect(lines.filter((l) => l.startsWith('index: cannot save'))).toHaveLength(1);
    }
  });
});

describe('a save killed at any moment', () => {
  it('leaves a generation that loads, and no leftovers once the next save is done', async () => {
    const seedsDir = seedsFolder();
    const indexDir = mkdtempSync(join(tmpdir(), 'zhibiao-index-'));
    await openIndex({ seedsDir, indexDir });
    const script = `import { openIndex } from ${JSON.stringify(new URL('../src/indexing/open.ts', import.meta.url).href)};
for (;;) await openIndex({ seedsDir: ${JSON.stringify(seedsDir)}, indexDir: ${JSON.stringify(indexDir)}, rebuild: true });`;
    for (const delay of [300, 700, 1100, 1500, 1900, 2300]) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const reopened = await openIndex({ seedsDir, indexDir });
      expect(reopened.origin, `killed after ${delay} ms`).toEqual({ loaded: true });
    }
    await openIndex({ seedsDir, indexDir, rebuild: true });
    expect(readdirSync(indexDir).filter((n) => n.startsWith('.saving-'))).toEqual([]);
    expect(readdirSync(indexDir).filter((n) => n.startsWith('gen-')).length).toBeLessThanOrEqual(2);
  }, 120_000);
});
