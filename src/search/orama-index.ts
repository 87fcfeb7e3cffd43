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
//
// Everything else — the trees, `where` filters, save and load — is Orama's, so the saved form is
// Orama's `save()` output (minus the empty frequency maps) and loads with Orama's `load()`.
import { components, type Tokenizer } from '@orama/orama';

const { getInternalDocumentId } = components.internalDocumentIDStore;

type OramaIndexStore = components.index.Index;
type OramaIndexComponent = ReturnType<typeof components.index.createIndex>;

/** The parts of Orama's RadixNode this module uses. */
interface RadixNode {
  s: string;
  e: boolean;
  w: string;
  c: Map<string, RadixNode>;
  d: Set<number>;
  insert(word: string, docId: number): void;
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
  flush(index);
  const tokens = tokenizer.tokenize(term, language);
  const scores = new Map<number, number>();
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
          for (const id of node.d) {
            if (whereFiltersIDs !== undefined && !whereFiltersIDs.has(id)) continue;
            const length = lengths[id] ?? 1;
            const score = bm25(1 / length, matching, docsCount, length, avgLength, relevance) * weight;
            scores.set(id, (scores.get(id) ?? 0) + score);
          }
        }
        for (const child of node.c.values()) stack.push(child);
      }
    }
  }
  return Array.from(scores);
}

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
  };
  return component;
}
