// Timing of the search index alone (src/search): build, save, load in a fresh process, queries.
// The paragraphs are synthetic: sentences of the fixture reports (test/fixtures/corpus) drawn at
// random into ≈250-character paragraphs, their numbers re-drawn, 20 paragraphs to an article
// under a headline of its own; one target per five paragraphs.
//
//   npx tsx bench/search-index.ts [paragraphs=20000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document, Paragraph, Target } from '../src/model.ts';
import { indexDictionary } from '../src/indexing/build.ts';
import { buildSearchIndex } from '../src/search/build.ts';
import { searchParagraphs, searchTargets } from '../src/search/query.ts';
import { currentGeneration, loadSearchIndex, saveSearchIndex } from '../src/search/store.ts';
import type { IndexKey } from '../src/search/manifest.ts';
import { corpusLexicon } from '../src/text/corpusLexicon.ts';
import { createSegmenter } from '../src/text/segmenter.ts';

// The field's terms only: the synthetic paragraphs are sentences of the fixture reports.
const segmenter = createSegmenter(corpusLexicon([]).terms, { recordWords: true });
const searchTokens = (text: string) => segmenter.searchTokens(text);

const CORPUS = fileURLToPath(new URL('../test/fixtures/corpus/', import.meta.url));
const REGIONS = ['全国', '广东省', '浙江省', '广州市', '深圳市', '杭州市', '北京市', '上海市'];
const KINDS = ['target', 'actual', 'forecast'] as const;
const QUESTIONS = [
  '广州汽车产业集群规模是多少',
  '先进制造业增加值占比',
  '工业互联网标杆',
  '2025年地区生产总值增长目标',
  '新能源汽车产量增长多少',
  '城镇新增就业目标',
  '粮食产量',
  '研发经费投入强度',
  '居民消费价格涨幅',
  '5G基站建设',
  '超长期特别国债',
  '高标准农田建设',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function synthesize(count: number): { documents: Document[]; targets: Target[] } {
  const sentences: string[] = [];
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    for (const line of readFileSync(join(CORPUS, file), 'utf8').split('\n')) {
      for (const s of line.trim().split(/(?<=。)/)) if (s.length > 5) sentences.push(s);
    }
  }
  const rand = random(12345);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const renumber = (text: string) => text.replace(/\d+/g, (m) => String(Math.floor(rand() * 10 ** m.length)));
  const documents: Document[] = [];
  const targets: Target[] = [];
  let made = 0;
  while (made < count) {
    const file = `bench_${String(documents.length).padStart(4, '0')}.txt`;
    const doc: Document = { file, title: null, year: 2025, hash: `h${documents.length}`, articles: [] };
    for (let a = 1; a <= 25 && made < count; a++) {
      const headline = renumber(pick(sentences).slice(0, 20));
      const paragraphs: Paragraph[] = [];
      for (let n = 1; n <= 20 && made < count; n++, made++) {
        let text = '';
        while (text.length < 220) text += pick(sentences);
        text = renumber(text);
        const id = `${file}#${a}.${n}`;
        paragraphs.push({ id, doc: file, article: a, headline, section: '', number: n, text, start: 0, end: text.length });
        if (made % 5 === 0) {
          const quote = text.slice(0, text.indexOf('。') + 1 || 60);
          const words = searchTokens(quote).filter((w) => w.length >= 2);
          targets.push({
            id: `${id}/t`,
            region: pick(REGIONS),
            metric: words.slice(0, 3).join(''),
            subject: words[0] ?? '',
            figure: null,
            year: 2020 + Math.floor(rand() * 11),
            kind: pick(KINDS),
            citation: { doc: file, article: headline, paragraph: n, quote, start: 0, end: quote.length, paragraphId: id },
          });
        }
      }
      doc.articles.push({ index: a, headline, continued: false, paragraphs });
    }
    documents.push(doc);
  }
  return { documents, targets };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

async function loadOnly(dir: string): Promise<void> {
  const started = performance.now();
  const generation = await currentGeneration(dir);
  if (generation === null) throw new Error(`no index in ${dir}`);
  const manifest = JSON.parse(readFileSync(join(generation, 'manifest.json'), 'utf8')) as IndexKey;
  const key = { extraction: manifest.extraction, lexicon: manifest.lexicon, seeds: manifest.seeds };
  const result = await loadSearchIndex(dir, key);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(result.reason);
  const times: number[] = [];
  for (const question of QUESTIONS) {
    const tokens = searchTokens(question).filter((w) => w.length >= 2 || /[a-z0-9]/.test(w));
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      searchTargets(result.index, { tokens, limit: 200 });
      searchParagraphs(result.index, { tokens, limit: 50 });
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  console.log(
    `load (fresh process): ${ms.toFixed(0)} ms; query (targets + paragraphs, ${times.length} runs): ` +
      `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--load') return loadOnly(process.argv[3]!);
  const count = Number(process.argv[2] ?? 20000);
  const { documents, targets } = synthesize(count);
  const seeds = Object.fromEntries(documents.map((d) => [d.file, d.hash]));
  const key: IndexKey = { extraction: 0, lexicon: segmenter.hash, seeds };
  const started0 = performance.now();
  segmenter.cut('词典'); // jieba loads its dictionary on the first cut
  console.log(`dictionary: ${(performance.now() - started0).toFixed(0)} ms`);
  let started = performance.now();
  const index = buildSearchIndex({ documents, targets, segmenter, key, dictionary: () => indexDictionary(segmenter) });
  const buildMs = performance.now() - started;
  console.log(
    `build: ${count} paragraphs, ${targets.length} targets in ${buildMs.toFixed(0)} ms = ` +
      `${Math.round((count / buildMs) * 1000)} paragraphs/s (heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB)`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'zhibiao-bench-index-'));
  try {
    started = performance.now();
    await saveSearchIndex(dir, index);
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    console.log(`save: ${(performance.now() - started).toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB`);
    execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--load', dir], {
      stdio: 'inherit',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
