// searchParagraphs and searchTargets keep only the best `limit` matches with a bounded heap
// (src/search/orama-index.ts, searchTopHits) instead of Orama's sort of every match. Over the real
// documents their hits must be exactly Orama's own search() over the same databases: the same ids
// in the same order (ties by internal id), the same scores to the last bit, with and without filters.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { search, type AnyOrama } from '@orama/orama';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../src/corpus/load.ts';
import type { Document } from '../src/model.ts';
import type { SearchIndex } from '../src/search/build.ts';
import { searchParagraphs, searchTargets } from '../src/search/query.ts';
import { PARAGRAPH_TEXT_FIELDS, TARGET_TEXT_FIELDS } from '../src/search/schema.ts';
import { normalizeQueryTokens, packTokens } from '../src/search/tokenizer.ts';
import { indexDocuments, segmenterFor, textsOf } from '../src/indexing/build.ts';
import { indexKeyOf } from '../src/indexing/key.ts';
import { corpusLexicon } from '../src/text/corpusLexicon.ts';

const ROOT = new URL('../', import.meta.url).pathname;

function documentsIn(dir: string): Document[] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readDocument(f, readFileSync(join(ROOT, dir, f))));
}

let index: SearchIndex;

beforeAll(() => {
  const documents = [...documentsIn('seeds'), ...documentsIn('test/fixtures/corpus')];
  const seeds = Object.fromEntries(documents.map((d) => [d.file, d.hash]));
  index = indexDocuments(documents, segmenterFor(corpusLexicon(textsOf(documents))), indexKeyOf(seeds));
});

// Common words (发展 matches most paragraphs), prefixes, rare words, several at once, and words
// that tie: every paragraph under one headline scores the same on a headline word of the same length.
const QUERIES: string[][] = [
  ['发展'],
  ['增长', '目标'],
  ['广州', '汽车', '集群', '规模'],
  ['工业'],
  ['工业互'],
  ['先进制造业', '增加值'],
  ['粮食产量'],
  ['5g', '基站'],
  ['全年', '减税降费'],
  ['信息消费', '体验馆'],
  ['国内生产总值', '增长', '左右'],
  ['人才'],
  ['没有这个词'],
];
const LIMITS = [1, 3, 10, 50, 200, 5000];

function oramaHits(db: AnyOrama, tokens: string[], properties: readonly string[], where: Record<string, unknown>, limit: number) {
  const result = search(db, {
    term: packTokens(normalizeQueryTokens(tokens)),
    properties: [...properties],
    limit,
    ...(Object.keys(where).length > 0 ? { where } : {}),
  } as Parameters<typeof search>[1]);
  if (result instanceof Promise) throw new Error('async search');
  return result.hits.map((h) => ({ id: h.id, score: h.score }));
}

describe('bounded top-k search', () => {
  it('finds tied scores in the corpus (so the tie order is tested)', () => {
    const hits = oramaHits(index.paragraphDb, ['发展'], PARAGRAPH_TEXT_FIELDS, {}, 5000);
    const scores = hits.map((h) => h.score);
    expect(new Set(scores).size).toBeLessThan(scores.length);
  });

  it('gives Orama’s paragraph hits, in order, with the same scores', () => {
    for (const tokens of QUERIES) {
      for (const limit of LIMITS) {
        const expected = oramaHits(index.paragraphDb, tokens, PARAGRAPH_TEXT_FIELDS, {}, limit);
        const actual = searchParagraphs(index, { tokens, limit }).map((h) => ({ id: h.paragraph.id, score: h.score }));
        expect(actual).toEqual(expected);
      }
    }
  });

  it('gives Orama’s paragraph hits within a document', () => {
    const doc = '2025_guangdong_provincial_government_work_report.txt';
    for (const tokens of QUERIES) {
      const expected = oramaHits(index.paragraphDb, tokens, PARAGRAPH_TEXT_FIELDS, { doc: { eq: doc } }, 20);
      const actual = searchParagraphs(index, { tokens, doc, limit: 20 }).map((h) => ({ id: h.paragraph.id, score: h.score }));
      expect(actual).toEqual(expected);
    }
  });

  it('gives Orama’s target hits, with and without region, year and kind filters', () => {
    const filters: [Parameters<typeof searchTargets>[1], Record<string, unknown>][] = [
      [{ tokens: [] }, {}],
      [{ tokens: [], region: '广州' }, { regionKey: { in: ['广州'] } }],
      [{ tokens: [], region: ['全国', '广东'] }, { regionKey: { in: ['全国', '广东'] } }],
      [{ tokens: [], year: 2025 }, { year: { eq: 2025 } }],
      [{ tokens: [], kind: 'actual' }, { kind: { eq: 'actual' } }],
    ];
    for (const tokens of QUERIES) {
      for (const [query, where] of filters) {
        for (const limit of [1, 10, 200]) {
          const expected = oramaHits(index.targetDb, tokens, TARGET_TEXT_FIELDS, where, limit);
          const actual = searchTargets(index, { ...query, tokens, limit }).map((h) => ({ id: h.target.id, score: h.score }));
          expect(actual).toEqual(expected);
        }
      }
    }
  });
});
