import { mkdtemp, readFile, rm, truncate, writeFile, readdir, mkdir, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { create, insertMultiple, remove, search } from '@orama/orama';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Document, Paragraph, Target } from '../src/model.ts';
import { indexDictionary } from '../src/indexing/build.ts';
import { buildSearchIndex, summarizeIndex, type SearchIndex } from '../src/search/build.ts';
import { DICTIONARY_FILE, FORMAT_VERSION, MANIFEST_FILE, PARAGRAPH_DB_FILE, RECORDS_FILE } from '../src/search/manifest.ts';
import { searchParagraphs, searchTargets } from '../src/search/query.ts';
import { createParagraphDb, PARAGRAPH_SCHEMA, paragraphRow } from '../src/search/schema.ts';
import { createSearchTokenizer, packTokens } from '../src/search/tokenizer.ts';
import { IdSet } from '../src/search/id-set.ts';
import { fullRecords, leanRecords, SavedRecordsSchema } from '../src/search/records.ts';
import { CURRENT_FILE, currentGeneration, loadSearchIndex, saveSearchIndex, type LoadResult } from '../src/search/store.ts';
import type { IndexKey } from '../src/search/manifest.ts';
import { corpusLexicon } from '../src/text/corpusLexicon.ts';
import { createSegmenter, type Segmenter } from '../src/text/segmenter.ts';

const SEED = '000_b75a479856194727.txt';
const OTHER = 'other.txt';
const seedLines = readFileSync(new URL(`../seeds/${SEED}`, import.meta.url), 'utf8')
  .split(/\r?\n/)
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

/** The seed's line that starts with `prefix` (the seed's real wording, not a paraphrase). */
function line(prefix: string): string {
  const found = seedLines.find((l) => l.startsWith(prefix));
  if (found === undefined) throw new Error(`no line of ${SEED} starts with ${prefix}`);
  return found;
}

function paragraphs(doc: string, article: number, headline: string, texts: string[]): Paragraph[] {
  return texts.map((text, i) => ({
    id: `${doc}#${article}.${i + 1}`,
    doc,
    article,
    headline,
    section: '',
    number: i + 1,
    text,
    start: 0,
    end: text.length,
  }));
}

function documentOf(file: string, hash: string, year: number, articles: [string, string[]][]): Document {
  return {
    file,
    title: null,
    year,
    hash,
    articles: articles.map(([headline, texts], i) => ({
      index: i + 1,
      headline,
      continued: false,
      paragraphs: paragraphs(file, i + 1, headline, texts),
    })),
  };
}

const BEIJING_HEADLINE = line('北京：2022年信息消费产业规模');
const GUANGZHOU_HEADLINE = line('广州：力争2021年先进制造业');
const beijing = line('近日，北京市市政府办公厅印发了');
const guangzhou = line('日前，广州市工信局发布');
const guangdongIndustrialInternet = line('广东也将大力发展工业互联网');
const sichuan = line('四川省经信厅厅长陈新有');
const nationalFiveG = line('六是提升治理能力');

const seedDoc = documentOf(SEED, 'a'.repeat(64), 2019, [
  [BEIJING_HEADLINE, [beijing]],
  [GUANGZHOU_HEADLINE, [guangzhou]],
  ['铆足干劲促发展', [sichuan, guangdongIndustrialInternet]],
  ['', [nationalFiveG]],
]);
// A second document, so that a `doc` filter has something to exclude.
const otherDoc = documentOf(OTHER, 'b'.repeat(64), 2020, [['', ['杭州市推进工业互联网平台建设，培育工业互联网应用标杆。']]]);

function target(
  id: string,
  region: string | null,
  metric: string,
  subject: string,
  year: number | null,
  paragraph: Paragraph,
  quote: string,
  kind: Target['kind'] = 'target',
): Target {
  const start = paragraph.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in ${paragraph.id}: ${quote}`);
  return {
    id,
    region,
    metric,
    subject,
    figure: null,
    year,
    kind,
    citation: {
      doc: paragraph.doc,
      article: paragraph.headline,
      paragraph: paragraph.number,
      quote,
      start,
      end: start + quote.length,
      paragraphId: paragraph.id,
    },
  };
}

const p = (doc: Document, article: number) => doc.articles[article - 1]!.paragraphs[0]!;
const targets: Target[] = [
  target('t-gz-adv', '广州市', '先进制造业增加值', '先进制造业', 2021, p(seedDoc, 2), '广州市先进制造业增加值达3000亿元以上'),
  target('t-gz-auto', '广州市', '汽车产业集群规模', '汽车', 2021, p(seedDoc, 2), '规模分别达到6000亿元、2300亿元'),
  target('t-bj-info', '北京市', '信息消费相关产业规模', '信息消费', 2022, p(seedDoc, 1), '信息消费相关产业规模达到1.4万亿元'),
  target('t-bj-growth', '北京市', '信息消费产业规模年均增长', '信息消费', 2022, p(seedDoc, 1), '年均增长达18%以上', 'forecast'),
  target('t-cn-5g', '全国', '地级市5G网络覆盖', '5G网络', 2020, p(seedDoc, 4), '力争2020年年底实现全国所有地级市覆盖5G网络'),
  target('t-hz-none', null, '工业互联网平台', '工业互联网', null, p(otherDoc, 1), '杭州市推进工业互联网平台建设'),
];

const seedHashes: Record<string, string> = { [SEED]: seedDoc.hash, [OTHER]: otherDoc.hash };
const texts = [seedDoc, otherDoc].flatMap((d) => d.articles.flatMap((a) => [a.headline, ...a.paragraphs.map((q) => q.text)]));
const segmenter: Segmenter = createSegmenter(corpusLexicon(texts).terms, { recordWords: true });
// searchTokens is watched, to prove that loading a saved index segments nothing.
const searchTokens = vi.spyOn(segmenter, 'searchTokens');
const key: IndexKey = { extraction: 1, lexicon: 'test-lexicon', seeds: seedHashes };
const keyWith = (change: Partial<IndexKey>): IndexKey => ({ ...key, ...change });
let index: SearchIndex;
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zhibiao-search-'));
  dirs.push(dir);
  return dir;
}

beforeAll(() => {
  const documents = [seedDoc, otherDoc];
  index = buildSearchIndex({ documents, targets, segmenter, key, dictionary: () => indexDictionary(segmenter) });
});

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const paragraphIds = (i: SearchIndex, tokens: string[], doc?: string) =>
  searchParagraphs(i, { tokens, ...(doc !== undefined ? { doc } : {}) }).map((h) => h.paragraph.id);
const targetIds = (i: SearchIndex, q: Omit<Parameters<typeof searchTargets>[1], 'limit'>) =>
  searchTargets(i, { ...q, limit: 50 }).map((h) => h.target.id);

describe('building and querying', () => {
  it('holds every record and summarizes it', () => {
    expect(summarizeIndex(index)).toEqual({ documents: 2, paragraphs: 6, targets: 6 });
    expect(index.paragraphs.get(`${SEED}#2.1`)?.text).toBe(guangzhou);
    expect(index.targets).toHaveLength(6);
    // the build segmented through the spied searchTokens (so its silence on loading means something)
    expect(searchTokens.mock.calls.length).toBeGreaterThan(0);
  });

  it('finds 工业互联网 by 互联网 and by a prefix of it', () => {
    const byWord = paragraphIds(index, ['互联网']);
    expect(byWord).toContain(`${SEED}#3.2`);
    expect(byWord).toContain(`${OTHER}#1.1`);
    expect(byWord).not.toContain(`${SEED}#2.1`);
    expect(paragraphIds(index, ['工业互'])).toContain(`${SEED}#3.2`);
  });

  it('finds 广州市 by 广州, the headline counting too', () => {
    const ids = paragraphIds(index, ['广州']);
    expect(ids[0]).toBe(`${SEED}#2.1`);
    expect(ids).not.toContain(`${SEED}#1.1`);
    expect(targetIds(index, { tokens: ['广州'] }).sort()).toEqual(['t-gz-adv', 't-gz-auto']);
  });

  it('ranks the paragraph that holds more of the tokens first, with scores descending', () => {
    const hits = searchParagraphs(index, { tokens: ['北京', '信息消费', '规模'] });
    expect(hits[0]?.paragraph.id).toBe(`${SEED}#1.1`);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s) => s > 0)).toBe(true);
  });

  it('filters paragraphs by document and limits hits', () => {
    expect(paragraphIds(index, ['工业互联网'], OTHER)).toEqual([`${OTHER}#1.1`]);
    expect(paragraphIds(index, ['工业互联网'], SEED)).not.toContain(`${OTHER}#1.1`);
    expect(searchParagraphs(index, { tokens: ['工业'], limit: 1 })).toHaveLength(1);
  });

  it('filters targets by region, excluding other regions and unknown ones', () => {
    expect(targetIds(index, { tokens: ['规模'], region: '广州市' })).toEqual(['t-gz-auto']);
    expect(targetIds(index, { tokens: ['规模', '网络'], region: ['北京市', '全国'] }).sort()).toEqual([
      't-bj-growth',
      't-bj-info',
      't-cn-5g',
    ]);
    // region is an exact filter: a word of a region name is not a region
    expect(targetIds(index, { tokens: ['规模'], region: '广州' })).toEqual([]);
    expect(targetIds(index, { tokens: ['工业互联网'], region: '广州市' })).toEqual([]);
    expect(targetIds(index, { tokens: ['工业互联网'] })).toEqual(['t-hz-none']);
  });

  it('filters targets by year, kind and document', () => {
    expect(targetIds(index, { tokens: ['规模'], year: 2022 }).sort()).toEqual(['t-bj-growth', 't-bj-info']);
    expect(targetIds(index, { tokens: ['规模'], year: 2030 })).toEqual([]);
    expect(targetIds(index, { tokens: ['信息消费'], kind: 'forecast' })).toEqual(['t-bj-growth']);
    expect(targetIds(index, { tokens: ['工业', '规模'], doc: OTHER })).toEqual(['t-hz-none']);
    expect(targetIds(index, { tokens: ['先进制造业'], region: '广州市', year: 2021, kind: 'target' })).toEqual([
      't-gz-adv',
    ]);
  });

  it('searches the quote, metric and subject of targets', () => {
    expect(targetIds(index, { tokens: ['6000亿元'] })).toEqual(['t-gz-auto']);
    expect(targetIds(index, { tokens: ['汽车'] })).toEqual(['t-gz-auto']);
  });

  it('returns nothing for an empty or blank token list, and folds tokens like the documents', () => {
    expect(searchParagraphs(index, { tokens: [] })).toEqual([]);
    expect(searchTargets(index, { tokens: ['', '  '] })).toEqual([]);
    expect(paragraphIds(index, [' 互联网  杭州 '])).toEqual(paragraphIds(index, ['互联网', '杭州']));
    expect(targetIds(index, { tokens: ['5Ｇ'] })).toContain('t-cn-5g'); // full-width Ｇ folds to g
    expect(targetIds(index, { tokens: ['廣州'] }).sort()).toEqual(['t-gz-adv', 't-gz-auto']); // traditional 廣
  });
});

describe('the index component', () => {
  // src/search/orama-index.ts replaces Orama's insertion, scoring data and search; stock Orama over
  // the same rows and tokenizer must find the same documents with the same scores.
  it('scores like stock Orama', () => {
    const stock = create({ schema: PARAGRAPH_SCHEMA, components: { tokenizer: createSearchTokenizer(segmenter) } });
    const rows = [...index.paragraphs.values()].map(paragraphRow);
    if (insertMultiple(stock, rows) instanceof Promise) throw new Error('async insert');
    const queries: string[][] = [['互联网'], ['广州'], ['北京', '信息消费', '规模'], ['工业', '5g', '年'], ['工业互']];
    for (const tokens of queries) {
      const expected = search(stock, { term: packTokens(tokens), limit: 100 });
      if (expected instanceof Promise) throw new Error('async search');
      const actual = searchParagraphs(index, { tokens, limit: 100 });
      expect(actual.length).toBeGreaterThan(0);
      expect(actual.map((h) => h.paragraph.id).sort()).toEqual(expected.hits.map((h) => h.id).sort());
      const stockScores = new Map(expected.hits.map((h) => [h.id, h.score]));
      for (const hit of actual) expect(hit.score).toBeCloseTo(stockScores.get(hit.paragraph.id)!, 10);
    }
  });

  it('completes pending insertions before a removal', () => {
    const db = createParagraphDb(segmenter);
    const rows = [...index.paragraphs.values()].map(paragraphRow);
    if (insertMultiple(db, rows) instanceof Promise) throw new Error('async insert');
    expect(remove(db, `${SEED}#3.2`)).toBe(true);
    const result = search(db, { term: packTokens(['互联网']) });
    if (result instanceof Promise) throw new Error('async search');
    const before = paragraphIds(index, ['互联网']);
    expect(before).toContain(`${SEED}#3.2`);
    expect(result.hits.map((h) => h.id).sort()).toEqual(before.filter((id) => id !== `${SEED}#3.2`).sort());
  });
});

describe('saving and loading', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'README.md'), 'kept\n');
    await saveSearchIndex(dir, index);
  });

  const expectation = () => key;
  async function loaded(): Promise<SearchIndex> {
    const result = await loadSearchIndex(dir, expectation());
    if (!result.ok) throw new Error(result.reason);
    return result.index;
  }

  it('gives back the same records and the same search results, without segmenting anything', async () => {
    searchTokens.mockClear();
    const again = await loaded();
    expect(summarizeIndex(again)).toEqual(summarizeIndex(index));
    expect(again.documents).toEqual(index.documents);
    expect(again.targets).toEqual(index.targets);
    const queries: string[][] = [['互联网'], ['广州'], ['北京', '信息消费', '规模'], ['工业', '5g'], ['年']];
    for (const tokens of queries) {
      expect(searchParagraphs(again, { tokens })).toEqual(searchParagraphs(index, { tokens }));
      expect(searchTargets(again, { tokens })).toEqual(searchTargets(index, { tokens }));
    }
    expect(searchTargets(again, { tokens: ['规模'], region: ['北京市'], year: 2022 })).toEqual(
      searchTargets(index, { tokens: ['规模'], region: ['北京市'], year: 2022 }),
    );
    expect(searchTokens).not.toHaveBeenCalled();
  });

  it('keeps the project tokenizer in the loaded databases (not Orama’s English default)', async () => {
    const again = await loaded();
    expect(again.paragraphDb.tokenizer.tokenize('工业互联网')).toContain('互联网');
    const raw = search(again.paragraphDb, { term: '工业互联网' });
    if (raw instanceof Promise) throw new Error('async search');
    expect(raw.hits.map((h) => h.id)).toContain(`${SEED}#3.2`);
  });

  it('writes a generation of lean files next to what was there, and no temporary files', async () => {
    const gen = (await currentGeneration(dir))!;
    expect((await readdir(dir)).sort()).toEqual([CURRENT_FILE, 'README.md', basename(gen)].sort());
    expect((await readdir(gen)).sort()).toEqual([MANIFEST_FILE, PARAGRAPH_DB_FILE, RECORDS_FILE, 'targets.orama.json', DICTIONARY_FILE].sort());
    expect(await readFile(join(dir, 'README.md'), 'utf8')).toBe('kept\n');
    // the paragraph texts are in the records only, not a second time in Orama's data
    const oramaData = await readFile(join(gen, PARAGRAPH_DB_FILE), 'utf8');
    expect(oramaData).not.toContain(guangzhou.slice(0, 12));
    expect(await readFile(join(gen, RECORDS_FILE), 'utf8')).toContain(guangzhou.slice(0, 12));
  });

  it('keeps the previous generation beside the current one, and no older', async () => {
    await saveSearchIndex(dir, index);
    await saveSearchIndex(dir, index);
    await saveSearchIndex(dir, index);
    const generations = (await readdir(dir)).filter((n) => n.startsWith('gen-'));
    expect(generations).toHaveLength(2);
    expect(generations).toContain(basename((await currentGeneration(dir))!));
  });

  it('saves again over an existing index', async () => {
    await saveSearchIndex(dir, index);
    expect((await loadSearchIndex(dir, expectation())).ok).toBe(true);
  });
});

describe('unusable saved indexes', () => {
  let dir: string;
  let gen: string;
  beforeEach(async () => {
    dir = await tempDir();
    await saveSearchIndex(dir, index);
    gen = (await currentGeneration(dir))!;
  });

  async function reason(expect_ = key): Promise<string> {
    const result: LoadResult = await loadSearchIndex(dir, expect_);
    expect(result.ok).toBe(false);
    const text = result.ok ? '' : result.reason;
    expect(text).not.toContain('\n');
    expect(text.length).toBeGreaterThan(0);
    return text;
  }

  async function editJson(name: string, edit: (value: any) => void, fixSize = true): Promise<void> {
    const path = join(gen, name);
    const value = JSON.parse(await readFile(path, 'utf8'));
    edit(value);
    const body = Buffer.from(JSON.stringify(value));
    await writeFile(path, body);
    if (fixSize && name !== MANIFEST_FILE) {
      await editJson(MANIFEST_FILE, (m) => {
        m.files[name].bytes = body.length;
      });
    }
  }

  it('reports a missing folder or manifest', async () => {
    const missing = join(dir, 'nothing-here');
    const result = await loadSearchIndex(missing, key);
    expect(result).toEqual({ ok: false, reason: `no index in ${missing}` });
    await rm(join(dir, CURRENT_FILE));
    expect(await reason()).toMatch(/^no index/);
  });

  it('reports a changed, added or removed seed as stale', async () => {
    expect(await reason(keyWith({ seeds: { ...seedHashes, [SEED]: 'c'.repeat(64) } }))).toBe(
      `stale: seeds changed ${SEED}`,
    );
    expect(await reason(keyWith({ seeds: { ...seedHashes, 'new.txt': 'd' } }))).toBe(
      'stale: seeds added new.txt',
    );
    expect(await reason(keyWith({ seeds: { [SEED]: seedDoc.hash } }))).toBe(`stale: seeds removed ${OTHER}`);
  });

  it('reports another lexicon or another extraction as stale', async () => {
    expect(await reason(keyWith({ lexicon: 'another' }))).toMatch(/^stale: lexicon/);
    expect(await reason(keyWith({ extraction: 99 }))).toMatch(/^stale: made by extraction 1/);
  });

  it('reports another format version or another Orama', async () => {
    await editJson(MANIFEST_FILE, (m) => {
      m.version = FORMAT_VERSION + 1;
    });
    expect(await reason()).toMatch(new RegExp(`format .*${FORMAT_VERSION + 1}, expected .*${FORMAT_VERSION}`));
    await editJson(MANIFEST_FILE, (m) => {
      m.version = FORMAT_VERSION;
      m.orama = '2.0.0';
    });
    expect(await reason()).toMatch(/Orama 2\.0\.0/);
  });

  it('reports a manifest that is not JSON or lacks fields', async () => {
    await writeFile(join(gen, MANIFEST_FILE), '{"format": ');
    expect(await reason()).toMatch(/^corrupt: manifest\.json is not JSON/);
    await writeFile(join(gen, MANIFEST_FILE), JSON.stringify({ format: 'zhibiao-search-index', version: FORMAT_VERSION }));
    expect(await reason()).toMatch(/^corrupt: manifest\.json: /);
  });

  it('reports a truncated data file', async () => {
    const path = join(gen, PARAGRAPH_DB_FILE);
    await truncate(path, Math.floor((await stat(path)).size / 2));
    expect(await reason()).toMatch(/^corrupt: paragraphs\.orama\.json has \d+ bytes, the manifest says \d+/);
  });

  it('reports a data file that is not JSON, even at the right size', async () => {
    const path = join(gen, RECORDS_FILE);
    const body = await readFile(path);
    body[0] = 'x'.charCodeAt(0);
    await writeFile(path, body);
    expect(await reason()).toMatch(/^corrupt: records\.json is not JSON/);
  });

  it('reports a missing data file', async () => {
    await rm(join(gen, RECORDS_FILE));
    expect(await reason()).toBe('corrupt: records.json is missing');
  });

  it('reports records that do not match the schemas', async () => {
    await editJson(RECORDS_FILE, (r) => {
      r.documents[0].year = 'two thousand';
    });
    expect(await reason()).toMatch(/^corrupt: records\.json: documents\.0\.year: /);
    await editJson(RECORDS_FILE, (r) => {
      r.documents[0].year = 2019;
      delete r.targets[0].citation;
    });
    expect(await reason()).toMatch(/^corrupt: records\.json: targets\.0\.citation: /);
  });

  it('reports Orama data of another schema or with other documents', async () => {
    await editJson(PARAGRAPH_DB_FILE, (f) => {
      f.raw.index.searchablePropertiesWithTypes.text = 'enum';
    });
    expect(await reason()).toBe('corrupt: paragraphs.orama.json has another schema than this program\'s');
    await editJson(PARAGRAPH_DB_FILE, (f) => {
      f.raw.index.searchablePropertiesWithTypes.text = 'string';
      f.raw.internalDocumentIDStore.internalIdToId[0] = 'someone-else#1.1';
    });
    expect(await reason()).toMatch(/^corrupt: paragraphs\.orama\.json does not hold the records/);
    await editJson(PARAGRAPH_DB_FILE, (f) => {
      f.raw = { nothing: true };
    });
    expect(await reason()).toMatch(/^corrupt: paragraphs\.orama\.json: /);
  });

  it('reports data files of another save', async () => {
    const other = await tempDir();
    await saveSearchIndex(other, index);
    const body = await readFile(join((await currentGeneration(other))!, RECORDS_FILE));
    await writeFile(join(gen, RECORDS_FILE), body); // same size: same records, another build id
    expect(await reason()).toBe('corrupt: records.json belongs to another save than the manifest');
  });

  it('is usable again once rebuilt and saved', async () => {
    await writeFile(join(gen, MANIFEST_FILE), 'garbage');
    expect((await loadSearchIndex(dir, key)).ok).toBe(false);
    await saveSearchIndex(dir, index);
    expect((await loadSearchIndex(dir, key)).ok).toBe(true);
  });
});

describe('saving into a folder that does not exist yet', () => {
  it('creates it', async () => {
    const dir = join(await tempDir(), 'a', 'b');
    await saveSearchIndex(dir, index);
    expect((await loadSearchIndex(dir, key)).ok).toBe(true);
    await mkdir(dir, { recursive: true }); // still fine
  });
});

describe('the records as written', () => {
  it('leave out what follows from where each stands, and come back whole', () => {
    const lean = leanRecords(index.documents, index.targets, index.paragraphs);
    const written = JSON.stringify(lean);
    expect(written.length).toBeLessThan(0.75 * JSON.stringify({ documents: index.documents, targets: index.targets }).length);
    expect(lean.targets[0]!.citation).not.toHaveProperty('quote');
    expect(lean.documents[0]!.articles[0]!.paragraphs[0]).not.toHaveProperty('headline');
    expect(fullRecords(SavedRecordsSchema.parse(JSON.parse(written)))).toEqual({ documents: index.documents, targets: index.targets });
  });

  it('keep a citation that does not follow from its paragraph as it is', () => {
    const [first, ...rest] = index.targets;
    const odd = { ...first!, citation: { ...first!.citation, quote: '另一句话。' } };
    const lean = leanRecords(index.documents, [odd, ...rest], index.paragraphs);
    expect(lean.targets[0]!.citation.quote).toBe('另一句话。');
    expect(fullRecords(lean).targets[0]).toEqual(odd);
  });
});

describe('a word’s ids (IdSet)', () => {
  it('answers as the Set it replaces, in ascending order', () => {
    const ids = IdSet.of([5, 1, 9, 5]);
    expect([...ids]).toEqual([1, 5, 9]);
    expect(ids.size).toBe(3);
    ids.add(12).add(3).add(9);
    expect([...ids]).toEqual([1, 3, 5, 9, 12]);
    expect(ids.has(3)).toBe(true);
    expect(ids.has(4)).toBe(false);
    expect(ids.delete(5)).toBe(true);
    expect(ids.delete(5)).toBe(false);
    expect(JSON.stringify(ids)).toBe('[1,3,9,12]');
    const seen: number[] = [];
    ids.forEach((id) => seen.push(id));
    expect(seen).toEqual([1, 3, 9, 12]);
    ids.clear();
    expect(ids.size).toBe(0);
    expect([...ids.add(7)]).toEqual([7]);
  });

  it('holds every word of a loaded index', async () => {
    const dir = await tempDir();
    await saveSearchIndex(dir, index);
    const loaded = await loadSearchIndex(dir, key);
    if (!loaded.ok) throw new Error(loaded.reason);
    const tree = (loaded.index.paragraphDb.data.index as unknown as { indexes: Record<string, { node: { c: Map<string, unknown>; d: unknown } }> }).indexes.text!.node;
    const stack = [tree];
    let words = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      expect(node.d).toBeInstanceOf(IdSet);
      words++;
      for (const child of node.c.values()) stack.push(child as typeof tree);
    }
    expect(words).toBeGreaterThan(100);
  });
});
