// Queries over the index. The caller chooses the tokens (usually some of `searchTokens(question)`):
// Orama matches every token as a prefix of the indexed words and scores each document it matches,
// so a token as common as 年 costs as much as the whole corpus and should be left out by the caller.
// Defaults kept on purpose: threshold 1 (a document matches on any token; 0 miscounts when a token
// prefix-matches several words), no tolerance (fuzzy matching of 1–3 character Han tokens matches
// unrelated words), no `exact` (it never matches Han text).
import type { AnyOrama } from '@orama/orama';
import type { Paragraph, Target, TargetKind } from '../model.ts';
import type { SearchIndex } from './build.ts';
import { PARAGRAPH_TEXT_FIELDS, TARGET_TEXT_FIELDS } from './schema.ts';
import { searchTopHits, type TopHit } from './orama-index.ts';
import { normalizeQueryTokens } from './tokenizer.ts';

export interface TargetQuery {
  tokens: readonly string[];
  /** Target.region exactly ('广州市', '全国' …); several for any of them. */
  region?: string | readonly string[];
  year?: number;
  kind?: TargetKind;
  /** Seed file name of the citing document. */
  doc?: string;
  /** Most hits to return (default 10). */
  limit?: number;
}

export interface ParagraphQuery {
  tokens: readonly string[];
  doc?: string;
  limit?: number;
}

export interface TargetHit {
  target: Target;
  score: number;
}

export interface ParagraphHit {
  paragraph: Paragraph;
  score: number;
}

const DEFAULT_LIMIT = 10;

function run(
  db: AnyOrama,
  tokens: string[],
  properties: readonly string[],
  where: Record<string, unknown>,
  limit: number,
): TopHit[] {
  // Orama's search(db, { term: packTokens(tokens), properties, where, limit }) gives the same hits
  // (test/search-index.test.ts checks it), after sorting every match; this keeps only the best.
  return searchTopHits(db, { tokens, properties, where, limit });
}

function limitOf(limit: number | undefined): number {
  return limit === undefined ? DEFAULT_LIMIT : Math.max(0, Math.floor(limit));
}

export function searchTargets(index: SearchIndex, q: TargetQuery): TargetHit[] {
  const tokens = normalizeQueryTokens(q.tokens);
  const limit = limitOf(q.limit);
  if (tokens.length === 0 || limit === 0) return [];
  const where: Record<string, unknown> = {};
  if (q.region !== undefined) {
    const regions = typeof q.region === 'string' ? [q.region] : [...q.region];
    if (regions.length === 0) return [];
    where['regionKey'] = { in: regions };
  }
  if (q.year !== undefined) where['year'] = { eq: q.year };
  if (q.kind !== undefined) where['kind'] = { eq: q.kind };
  if (q.doc !== undefined) where['doc'] = { eq: q.doc };
  const hits: TargetHit[] = [];
  for (const hit of run(index.targetDb, tokens, TARGET_TEXT_FIELDS, where, limit)) {
    const target = index.targetsById.get(hit.id);
    if (target !== undefined) hits.push({ target, score: hit.score });
  }
  return hits;
}

export function searchParagraphs(index: SearchIndex, q: ParagraphQuery): ParagraphHit[] {
  const tokens = normalizeQueryTokens(q.tokens);
  const limit = limitOf(q.limit);
  if (tokens.length === 0 || limit === 0) return [];
  const where: Record<string, unknown> = {};
  if (q.doc !== undefined) where['doc'] = { eq: q.doc };
  const hits: ParagraphHit[] = [];
  for (const hit of run(index.paragraphDb, tokens, PARAGRAPH_TEXT_FIELDS, where, limit)) {
    const paragraph = index.paragraphs.get(hit.id);
    if (paragraph !== undefined) hits.push({ paragraph, score: hit.score });
  }
  return hits;
}
