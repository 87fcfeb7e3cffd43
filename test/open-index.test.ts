// Whether a saved index is current is told from the seed files' hashes: a current index opens
// without a document being read in its format, and any change to a file, a skipped one or the
// lexicon file included, makes it stale.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
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
