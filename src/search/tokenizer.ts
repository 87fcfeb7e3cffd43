// The Orama tokenizer of both search databases. Documents are tokenized by the index's Segmenter
// (`searchTokens`: jieba with sub-words, folded, lower-cased, without repeats). Queries carry the
// caller's chosen tokens packed into one string (see `packTokens`), which this tokenizer unpacks
// as they are: re-segmenting them would split 互联网 into 互联|联网|互联网 and widen the query, and
// a bare word-split would leave Han text whole. One tokenizer object serves both paths, so the
// database that answers queries is always the one that segmented the documents.
import type { Tokenizer } from '@orama/orama';
import { foldForMatching } from '../text/fold.ts';
import type { Segmenter } from '../text/segmenter.ts';

// U+0001 never starts a document field (build.ts strips leading control characters from the
// values it indexes), so a term beginning with it is a packed token list.
const PACKED = '\u0001';

/**
 * Folds and de-duplicates caller tokens, splitting them at white space (no indexed token holds
 * any) and dropping blanks; the order is kept.
 */
export function normalizeQueryTokens(tokens: readonly string[]): string[] {
  const out = new Set<string>();
  for (const token of tokens) {
    for (const part of foldForMatching(token).split(/\s+/u)) {
      // A control character could not be packed, and searchTokens never yields one.
      if (part !== '' && !/\p{Cc}/u.test(part)) out.add(part);
    }
  }
  return [...out];
}

/** One search term carrying exactly these tokens (already normalized by normalizeQueryTokens). */
export function packTokens(tokens: readonly string[]): string {
  return PACKED + tokens.join(PACKED);
}

/** Makes a field value safe to tokenize: never mistaken for a packed query. */
export function indexableText(text: string): string {
  return text.charCodeAt(0) === 1 ? text.replace(/^\p{Cc}+/u, '') : text;
}

export function createSearchTokenizer(segmenter: Segmenter): Tokenizer {
  return {
    language: 'chinese',
    normalizationCache: new Map(),
    tokenize(raw: string): string[] {
      if (typeof raw !== 'string' || raw === '') return [];
      if (raw.startsWith(PACKED)) return raw.slice(1).split(PACKED).filter((t) => t !== '');
      return segmenter.searchTokens(raw);
    },
  };
}
