// The search index of the seeds: build, query, save and load (see each module).
export { buildSearchIndex, summarizeIndex, type BuildInput, type IndexSummary, type SearchIndex } from './build.ts';
export {
  searchParagraphs,
  searchTargets,
  type ParagraphHit,
  type ParagraphQuery,
  type TargetHit,
  type TargetQuery,
} from './query.ts';
export { loadSearchIndex, saveSearchIndex, type LoadResult } from './store.ts';
export { FORMAT_VERSION, IndexKeySchema, type IndexKey } from './manifest.ts';
