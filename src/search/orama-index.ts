// Orama's own index component with its text-field paths replaced, each measured necessary on
// government-report paragraphs (≈250 characters, ≈115 search tokens each):
//
// - Scoring parameters. Orama counts each token's frequency by scanning the field's token list
//   once per token (quadratic in the field length) and keeps a `{token: tf}` object per document
//   and field. searchTokens never repeats a token, so every tf is 1/fieldLength and nothing per
//   token needs keeping but the corpus-wide count of documents holding it. Dropping the
//   per-document objects took 65 of 81 MB off the saved index at 20,000 paragraphs.
// - Insertion. Adding documents to the radix tree one token at a time cost ~700 ns per token
//   (the sets of 10,000 words are touched in turn); text-field tokens are instead collected into
//   postings lists and put into the tree word by word before the next search, save or removal.
//   With the above, building 100,000 paragraphs went from 28 s to 14 s, most of it now jieba's.
// - Full-text search. Orama gathers each prefix-matched word's documents with `array.includes`
//   per document (quadratic in the word's document count): 发展 cost 80 ms and a headline word of
//   every paragraph over a second at 20,000 paragraphs (now 4 ms and 11 ms). This walks the same
//   radix tree and sums the same BM25 (k 1.2, b 0.75, d 0.5) in time linear in the postings; a
//   test checks its hits and scores against stock Orama's.
// - Top hits. Orama's search() sorts every match before it applies the limit; a query that matches
//   most of 100,000 paragraphs sorted them all. searchTopHits (used by query.ts) keeps the best
//   `limit` in a bounded heap, in Orama's order (score, then internal id), with scores summed in
//   typed arrays reused from query to query. The 300 queries of bench/search-index.ts at 100,000
//   paragraphs went from p50 20.6 ms, p99 108 ms to p50 2.1 ms, p99 23–30 ms; a test checks the
//   hits, their order and their scores against Orama's search() over the same databases.
//
// Everything else — the trees, `where` filters, save and load — is Orama's, so the saved form is
// Orama's `save()` output (minus the empty frequency maps) and loads with Orama's `load()`.
//
// This leans on Orama's internals (the index store's fields, RadixNode), so package.json pins the
// exact Orama it was tested against; test/search-index.test.ts and test/search-top-hits.test.ts,
// which compare hits and scores with stock Orama's, are the gate for moving the pin.
import { components, count as countDocuments, type AnyOrama, type Tokenizer } from '@orama/orama';
import { radix } from '@orama/orama/trees';
import { IdSet } from './id-set.ts';

const { getDocumentIdFromInternalId, getInternalDocumentId } = components.internalDocumentIDStore;

type OramaIndexStore = components.index.Index;
type OramaIndexComponent = ReturnType<typeof components.index.createIndex>;

type RadixNode = radix.RadixNode;

interface RadixJson {
  w: string;
  s: string;
  e: boolean;
  k: string;
  d: number[];
  c: [string, RadixJson][];
}

/** Orama's RadixNode.fromJSON, with each word's ids in an IdSet instead of a Set. */
function radixFromJson(json: RadixJson, node: RadixNode): RadixNode {
  node.w = json.w;
  node.d = IdSet.of(json.d) as unknown as Set<number>;
  node.c = new Map(json.c.map(([key, child]) => [key, radixFromJson(child, new radix.RadixNode(child.k, child.s, child.e))]));
  return node;
}

function radixTreeFromJson(json: RadixJson): RadixNode {
  const tree = new radix.RadixTree();
  tree.s = json.s;
  tree.e = json.e;
  tree.k = json.k;
  return radixFromJson(json, tree);
}

const EMPTY_RADIX: RadixJson = { w: '', s: '', e: false, k: '', d: [], c: [] };

/** A word's ids as an IdSet, once its insertions are done. */
function compact(node: RadixNode): void {
  if (!(node.d instanceof IdSet)) node.d = IdSet.of(node.d) as unknown as Set<number>;
}

interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** Tokens inserted but not yet in the radix trees: field → token → internal ids (ascending). */
type Pending = Map<string, Map<string, number[]>>;
const pendingByIndex = new WeakMap<OramaIndexStore, Pending>();

function radixOf(index: OramaIndexStore, prop: string): RadixNode | null {
  const tree = index.indexes[prop];
  return tree !== undefined && tree.type === 'Radix' ? (tree.node as unknown as RadixNode) : null;
}

/** The node under which every word starting with `prefix` lies, or null when none does. */
function prefixNode(root: RadixNode, prefix: string): RadixNode | null {
  let node = root;
  let i = 0;
  while (i < prefix.length) {
    const child = node.c.get(prefix[i]!);
    if (child === undefined) return null;
    const label = child.s;
    let j = 0;
    while (j < label.length && i + j < prefix.length && label[j] === prefix[i + j]) j++;
    if (j === label.length) {
      node = child;
      i += j;
    } else if (i + j === prefix.length) {
      return child; // the prefix ends inside the edge label: every word below starts with it
    } else {
      return null;
    }
  }
  return node;
}

function count(map: Record<string, number>, key: string): number {
  // Own properties only: a token such as `constructor` must not read Object.prototype.
  return Object.hasOwn(map, key) ? map[key]! : 0;
}

/** Puts the pending postings of an index into its radix trees and token counts. */
function flush(index: OramaIndexStore): void {
  const pending = pendingByIndex.get(index);
  if (pending === undefined) return;
  pendingByIndex.delete(index);
  for (const [prop, postings] of pending) {
    const root = radixOf(index, prop)!;
    const occurrences = index.tokenOccurrences[prop]!;
    for (const [word, ids] of postings) {
      root.insert(word, ids[0]!);
      const node = prefixNode(root, word);
      if (node === null || node.w !== word) throw new Error(`search index: radix tree lost ${word}`);
      for (let i = 1; i < ids.length; i++) node.d.add(ids[i]!);
      compact(node);
      occurrences[word] = count(occurrences, word) + ids.length;
    }
  }
}

/** Completes the insertions into a database (done lazily otherwise, by its next search or save). */
export function completeInsertions(db: { data: { index: unknown } }): void {
  flush(db.data.index as OramaIndexStore);
}

function bm25(tf: number, matching: number, docs: number, length: number, avgLength: number, r: Bm25): number {
  const idf = Math.log(1 + (docs - matching + 0.5) / (matching + 0.5));
  return (idf * (r.d + tf * (r.k + 1))) / (tf + r.k * (1 - r.b + (r.b * length) / avgLength));
}

/**
 * Per-index scratch space of a search, indexed by internal id and reused from one search to the
 * next: a score, and the number of the search that last set it (so nothing needs clearing).
 */
interface Scratch {
  scores: Float64Array;
  stamps: Uint32Array;
  stamp: number;
}
const scratchByIndex = new WeakMap<OramaIndexStore, Scratch>();

function scratchFor(index: OramaIndexStore): Scratch {
  const size = index.sharedInternalDocumentStore.internalIdToId.length + 1;
  let scratch = scratchByIndex.get(index);
  if (scratch === undefined || scratch.scores.length < size || scratch.stamp === 0xffffffff) {
    const capacity = Math.max(size, Math.ceil((scratch?.scores.length ?? 0) * 1.5));
    scratch = { scores: new Float64Array(capacity), stamps: new Uint32Array(capacity), stamp: 0 };
    scratchByIndex.set(index, scratch);
  }
  scratch.stamp++;
  return scratch;
}

/** The documents a search matched, in the order each was first matched, and their scores. */
interface Matches {
  ids: number[];
  /** By internal id; valid for the ids above until the next search of the same index. */
  scores: Float64Array;
}

/**
 * Sums each matching document's BM25 over the tokens and fields, in Orama's order (field, token,
 * word), so that every score is bit for bit the one stock Orama computes.
 */
function score(
  index: OramaIndexStore,
  tokens: readonly string[],
  propertiesToSearch: readonly string[],
  boost: Record<string, number>,
  relevance: Bm25,
  docsCount: number,
  whereFiltersIDs: Set<number> | undefined,
): Matches {
  flush(index);
  const scratch = scratchFor(index);
  const { scores, stamps, stamp } = scratch;
  const ids: number[] = [];
  for (const prop of propertiesToSearch) {
    const root = radixOf(index, prop);
    if (root === null) continue;
    const weight = boost[prop] ?? 1;
    const lengths = index.fieldLengths[prop] ?? {};
    const occurrences = index.tokenOccurrences[prop] ?? {};
    const avgLength = index.avgFieldLength[prop] || 1;
    for (const token of tokens) {
      if (token === '') continue;
      const start = prefixNode(root, token);
      if (start === null) continue;
      const stack: RadixNode[] = [start];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.e && node.d.size > 0) {
          const matching = count(occurrences, node.w);
          const postings = node.d instanceof IdSet ? node.d.view() : node.d;
          for (const id of postings) {
            if (whereFiltersIDs !== undefined && !whereFiltersIDs.has(id)) continue;
            const length = lengths[id] ?? 1;
            const value = bm25(1 / length, matching, docsCount, length, avgLength, relevance) * weight;
            if (stamps[id] === stamp) {
              scores[id] = scores[id]! + value;
            } else {
              stamps[id] = stamp;
              scores[id] = value;
              ids.push(id);
            }
          }
        }
        for (const child of node.c.values()) stack.push(child);
      }
    }
  }
  return { ids, scores };
}

function search(
  index: OramaIndexStore,
  term: string,
  tokenizer: Tokenizer,
  language: string | undefined,
  propertiesToSearch: string[],
  exact: boolean,
  tolerance: number,
  boost: Record<string, number>,
  relevance: Bm25,
  docsCount: number,
  whereFiltersIDs: Set<number> | undefined,
): [number, number][] {
  if (exact || tolerance) throw new Error('search index: exact and tolerance searches are not supported');
  const matches = score(index, tokenizer.tokenize(term, language), propertiesToSearch, boost, relevance, docsCount, whereFiltersIDs);
  return matches.ids.map((id) => [id, matches.scores[id]!]);
}

/** True when a ranks before b in Orama's order: higher score first, then lower internal id. */
function before(scoreA: number, idA: number, scoreB: number, idB: number): boolean {
  return scoreA === scoreB ? idA < idB : scoreA > scoreB;
}

/**
 * The best `limit` matches in Orama's order (score descending, internal id ascending on ties) —
 * the first `limit` of a full sort, found with a bounded heap in O(n log limit) instead.
 */
function topMatches(matches: Matches, limit: number): number[] {
  const { ids, scores } = matches;
  const byRank = (a: number, b: number) => (before(scores[a]!, a, scores[b]!, b) ? -1 : 1);
  if (ids.length <= limit) return ids.sort(byRank);
  // A max-heap on "ranks later": its root is the worst of the best `limit` kept so far.
  const heap: number[] = [];
  const worse = (a: number, b: number) => before(scores[b]!, b, scores[a]!, a);
  const siftDown = (from: number) => {
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const id of ids) {
    if (heap.length < limit) {
      heap.push(id);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (before(scores[id]!, id, scores[heap[0]!]!, heap[0]!)) {
      heap[0] = id;
      siftDown(0);
    }
  }
  return heap.sort(byRank);
}

export interface TopHit {
  id: string;
  score: number;
}

export interface TopHitsQuery {
  /** Query tokens as the tokenizer would give them (no empty ones needed). */
  tokens: readonly string[];
  /** String fields to search; all of the database's when unset. */
  properties?: readonly string[];
  where?: Record<string, unknown>;
  limit: number;
}

/**
 * What Orama's `search(db, { term, properties, where, limit })` returns as hits (ids and scores,
 * same order) for a database made with this component, without sorting every match first: at
 * 100,000 paragraphs the sort of all matches was most of a query's time.
 */
export function searchTopHits(db: AnyOrama, q: TopHitsQuery): TopHit[] {
  const index = db.data.index as OramaIndexStore;
  const types = db.index.getSearchablePropertiesWithTypes(index);
  // Orama searches the fields in the schema's order; the order of the sums decides the last bits.
  const properties = db.index
    .getSearchableProperties(index)
    .filter((prop) => types[prop]!.startsWith('string') && (q.properties === undefined || q.properties.includes(prop)));
  for (const prop of q.properties ?? []) {
    if (!properties.includes(prop)) throw new Error(`search index: ${prop} is not a searchable text field`);
  }
  const limit = Math.max(0, Math.floor(q.limit));
  if (limit === 0) return [];
  flush(index);
  const where = q.where !== undefined && Object.keys(q.where).length > 0 ? q.where : undefined;
  const whereFiltersIDs =
    where === undefined
      ? undefined
      : (db.index.searchByWhereClause(index, db.tokenizer, where as never, undefined) as Set<number>);
  const matches = score(index, q.tokens, properties, {}, { ...DEFAULT_BM25 }, countDocuments(db), whereFiltersIDs);
  const store = db.internalDocumentIDStore;
  return topMatches(matches, limit).map((id) => ({ id: getDocumentIdFromInternalId(store, id), score: matches.scores[id]! }));
}

/** Orama's default BM25 parameters (search-fulltext.js). */
const DEFAULT_BM25: Bm25 = { k: 1.2, b: 0.75, d: 0.5 };

/** Orama's index component with scoring, insertion and search fitted to de-duplicated tokens. */
export function createSearchIndexComponent(): OramaIndexComponent {
  const base = components.index.createIndex();
  const component: OramaIndexComponent = {
    ...base,
    insert(implementation, index, prop, id, internalId, value, schemaType, language, tokenizer, docsCount, options) {
      if (schemaType !== 'string' || typeof value !== 'string') {
        base.insert(implementation, index, prop, id, internalId, value, schemaType, language, tokenizer, docsCount, options);
        return;
      }
      const tokens = tokenizer.tokenize(value, language, prop, false);
      implementation.insertDocumentScoreParameters(index, prop, internalId, tokens, docsCount);
      let pending = pendingByIndex.get(index);
      if (pending === undefined) pendingByIndex.set(index, (pending = new Map()));
      let postings = pending.get(prop);
      if (postings === undefined) pending.set(prop, (postings = new Map()));
      for (const token of tokens) {
        const ids = postings.get(token);
        if (ids === undefined) postings.set(token, [internalId]);
        else ids.push(internalId);
      }
    },
    remove(...args) {
      flush(args[1]);
      return base.remove(...args);
    },
    insertDocumentScoreParameters(index, prop, id, tokens, docsCount) {
      const internalId = getInternalDocumentId(index.sharedInternalDocumentStore, id);
      const avg = index.avgFieldLength[prop] ?? 0;
      index.avgFieldLength[prop] = (avg * (docsCount - 1) + tokens.length) / docsCount;
      index.fieldLengths[prop]![internalId] = tokens.length;
    },
    insertTokenScoreParameters(index, prop, _id, _tokens, token) {
      const occurrences = index.tokenOccurrences[prop]!;
      occurrences[token] = count(occurrences, token) + 1;
    },
    search: search as unknown as OramaIndexComponent['search'],
    searchByWhereClause(index, ...rest) {
      flush(index as OramaIndexStore);
      return base.searchByWhereClause(index, ...rest);
    },
    save(index) {
      flush(index);
      return base.save(index);
    },
    load(sharedStore, raw) {
      // Orama's load with the radix trees read here, their ids in IdSets.
      const data = raw as { indexes: Record<string, { type: string; node: unknown; isArray: boolean }> };
      const trees = new Map<string, RadixJson>();
      const indexes: typeof data.indexes = {};
      for (const [prop, entry] of Object.entries(data.indexes)) {
        if (entry.type === 'Radix') {
          trees.set(prop, entry.node as RadixJson);
          indexes[prop] = { ...entry, node: EMPTY_RADIX };
        } else {
          indexes[prop] = entry;
        }
      }
      const index = base.load(sharedStore, { ...(raw as object), indexes } as never);
      for (const [prop, json] of trees) index.indexes[prop]!.node = radixTreeFromJson(json) as never;
      return index;
    },
  };
  return component;
}
