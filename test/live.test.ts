// Live updates of the seeds folder (src/indexing/live.ts): a report added, changed and removed
// while the engine runs is answered from at once, only the files that changed are read again, the
// index as it was answers meanwhile, and the saved index opens current afterwards.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSeeds, describeChange } from '../src/indexing/live.ts';
import { openEngine } from '../src/qa/engine.ts';
import { openLiveEngine, type LiveEngine } from '../src/qa/live.ts';
import { CORPUS_DIR, SEEDS_DIR, tempIndexDir } from './support/corpus.ts';

const REPORT = '2025_zhejiang_provincial_government_work_report.txt';
const QUESTION = '浙江2025年经济增长目标';

describe('diffSeeds', () => {
  it('tells added, changed and removed files apart by their hashes', () => {
    const change = diffSeeds({ 'a.txt': '1', 'b.txt': '2', 'c.txt': '3' }, { 'a.txt': '1', 'b.txt': '9', 'd/e.docx': '4' });
    expect(change).toEqual({ added: ['d/e.docx'], changed: ['b.txt'], removed: ['c.txt'] });
    expect(describeChange(change)).toBe('added d/e.docx; changed b.txt; removed c.txt');
  });
});

describe('a live engine over a seeds folder that changes', () => {
  const seedsDir = mkdtempSync(join(tmpdir(), 'zhibiao-live-'));
  const indexDir = tempIndexDir();
  const lines: string[] = [];
  let engine: LiveEngine;
  beforeAll(async () => {
    cpSync(SEEDS_DIR, seedsDir, { recursive: true });
    engine = await openLiveEngine({ seedsDir, indexDir, log: (line) => lines.push(line), watch: false });
  });
  afterAll(async () => {
    await engine.close();
  });

  it('answers from a report added while it runs, having read that file only', async () => {
    expect(engine.ask(QUESTION).status).toBe('not_found');
    const before = engine.current;
    cpSync(join(CORPUS_DIR, REPORT), join(seedsDir, REPORT));
    const updating = engine.refresh();
    // the index as it was answers until the new one is in place
    expect(engine.ask(QUESTION).status).toBe('not_found');
    const outcome = await updating;
    expect(outcome).toMatchObject({ kind: 'updated', read: [REPORT], change: { added: [REPORT] } });
    expect(engine.current).not.toBe(before);
    expect(engine.ask(QUESTION).answer).toContain('5.5%左右');
    expect(engine.ask('广州汽车集群规模目标？').answer).toContain('6000亿元');
    expect(lines.some((l) => l.startsWith(`index: added ${REPORT}: 2 documents`))).toBe(true);
  }, 60_000);

  it('follows a figure changed in the file, and forgets a file removed', async () => {
    const path = join(seedsDir, REPORT);
    writeFileSync(path, readFileSync(path, 'utf8').replace('生产总值增长5.5%左右', '生产总值增长6.5%左右'));
    expect(await engine.refresh()).toMatchObject({ kind: 'updated', read: [REPORT], change: { changed: [REPORT] } });
    expect(engine.ask(QUESTION).answer).toContain('6.5%左右');
    expect(engine.ask(QUESTION).answer).not.toContain('5.5%左右');
    rmSync(path);
    expect(await engine.refresh()).toMatchObject({ kind: 'updated', read: [], change: { removed: [REPORT] } });
    expect(engine.ask(QUESTION).status).toBe('not_found');
    expect(await engine.refresh()).toEqual({ kind: 'unchanged' });
  }, 60_000);

  it('leaves a saved index that opens current, without rebuilding', async () => {
    cpSync(join(CORPUS_DIR, REPORT), join(seedsDir, REPORT));
    await engine.refresh();
    const fresh = await openEngine({ seedsDir, indexDir });
    expect(fresh.origin).toEqual({ loaded: true });
    expect(fresh.ask(QUESTION).answer).toContain('5.5%左右');
    expect(fresh.summary()).toEqual(engine.summary());
  }, 60_000);

  it('indexes a copy of a report already there once, naming both', async () => {
    const copy = 'copy-of-report.txt';
    cpSync(join(CORPUS_DIR, REPORT), join(seedsDir, copy));
    const documents = engine.summary().documents;
    await engine.refresh();
    expect(engine.summary().documents).toBe(documents);
    expect(lines).toContain(`duplicate: ${copy} is the same document as ${REPORT}; indexing ${REPORT} only`);
  }, 60_000);

  it('rebuilds the whole index, in another process, when the lexicon file changes', async () => {
    writeFileSync(join(seedsDir, 'lexicon.jsonl'), '{"typed": ["浙省"], "written": "浙江", "reason": "a short form our users type"}\n');
    expect(await engine.refresh()).toMatchObject({ kind: 'rebuilt', change: { added: ['lexicon.jsonl'] } });
    expect(engine.ask('浙省2025年经济增长目标').answer).toContain('5.5%左右');
  }, 120_000);
});

describe('a watching live engine', () => {
  it('answers from a file within moments of its being saved, with no call', async () => {
    const seedsDir = mkdtempSync(join(tmpdir(), 'zhibiao-live-'));
    cpSync(SEEDS_DIR, seedsDir, { recursive: true });
    const engine = await openLiveEngine({ seedsDir, indexDir: tempIndexDir(), debounceMs: 100 });
    try {
      const saved = performance.now();
      cpSync(join(CORPUS_DIR, REPORT), join(seedsDir, REPORT));
      while (engine.ask(QUESTION).status === 'not_found') {
        expect(performance.now() - saved).toBeLessThan(50_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(engine.ask(QUESTION).answer).toContain('5.5%左右');
    } finally {
      await engine.close();
    }
  }, 60_000);
});
