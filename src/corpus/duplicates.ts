// The same document twice in the seeds — a report as .docx and as .pdf, two copies of one file, a
// .txt beside the .docx it was made from — is indexed once. Pure.
//
// Identical bytes are the same document. Otherwise the texts are compared as a reader would: only
// their Han characters, digits and Latin letters (spacing, punctuation, line and page breaks differ
// between formats), cut into overlapping runs of SHINGLE characters, and two documents are the same
// when the Jaccard similarity of their runs reaches SAME_DOCUMENT. On the library of real reports,
// each report against itself in another format scores 0.99 or more and two different reports at
// most 0.05 (test/library-formats.test.ts measures both), so the threshold sits far from either.
import type { DocumentFormat } from './reader.ts';

const SHINGLE = 8;
export const SAME_DOCUMENT = 0.5;
/** Texts with fewer runs than this are too short to call the same by content alone. */
const MIN_SHINGLES = 50;

/** The formats from most to least faithful to the document as written (PDF loses the paragraphs). */
const FIDELITY: Readonly<Record<DocumentFormat, number>> = { text: 0, docx: 0, html: 1, pdf: 2 };

const KEPT_CHARACTERS = /[\p{Script=Han}0-9A-Za-z]/u;

/** The text reduced to what every format keeps: Han characters, digits and Latin letters (lower case). */
export function comparableText(text: string): string {
  let kept = '';
  for (const ch of text.normalize('NFKC')) if (KEPT_CHARACTERS.test(ch)) kept += ch.toLowerCase();
  return kept;
}

function hash32(text: string, start: number, end: number): number {
  // FNV-1a over UTF-16 code units: fast, and collisions only blur a similarity a little.
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The document's runs of SHINGLE characters, hashed, sorted and without repeats. */
export function fingerprint(text: string): Uint32Array {
  const kept = comparableText(text);
  const count = Math.max(0, kept.length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  for (let i = 0; i < count; i++) hashes[i] = hash32(kept, i, i + SHINGLE);
  hashes.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[unique++] = hashes[i]!;
  return hashes.slice(0, unique);
}

/** Hashes in a bottom-k sketch: the SKETCH smallest of a fingerprint (it is sorted). */
const SKETCH = 64;


/** The fingerprint of a laid-out document: its headlines and paragraphs, a line each. */
export function documentFingerprint(document: { articles: readonly { headline: string; paragraphs: readonly { text: string }[] }[] }): Uint32Array {
  return fingerprint(document.articles.flatMap((a) => [a.headline, ...a.paragraphs.map((p) => p.text)]).join('\n'));
}

/**
 * Jaccard similarity estimated from the two fingerprints' smallest hashes (a bottom-k sketch):
 * among the SKETCH smallest hashes of the union, the share that both hold. Within about ±0.1 of the
 * exact value, and a few dozen comparisons instead of a walk through both fingerprints.
 */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let taken = 0;
  let shared = 0;
  while (taken < SKETCH && (i < a.length || j < b.length)) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
    taken++;
  }
  return taken === 0 ? 0 : shared / taken;
}

/** |A ∩ B| / |A ∪ B| of two fingerprints (0 when both are empty). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

export interface DuplicateCandidate {
  file: string;
  format: DocumentFormat;
  /** sha256 of the bytes. */
  hash: string;
  fingerprint: Uint32Array;
}

export interface Duplicate {
  /** The file indexed. */
  kept: string;
  /** The file left out as the same document. */
  dropped: string;
  /** 1 for identical bytes, else the Jaccard similarity of the texts. */
  similarity: number;
  identicalBytes: boolean;
}

function byCodePoint(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * The documents to leave out, each with the one it repeats. Of a set of copies the most faithful
 * format is kept (.txt/.md/.docx, then .html, then .pdf), and among equals the first path in
 * code-point order, so the choice does not depend on the order files were read in.
 */
export function findDuplicates(candidates: readonly DuplicateCandidate[]): Duplicate[] {
  const ordered = [...candidates].sort((a, b) => FIDELITY[a.format] - FIDELITY[b.format] || byCodePoint(a.file, b.file));
  const kept: DuplicateCandidate[] = [];
  const duplicates: Duplicate[] = [];
  for (const candidate of ordered) {
    let repeated: Duplicate | null = null;
    for (const original of kept) {
      if (original.hash === candidate.hash) {
        repeated = { kept: original.file, dropped: candidate.file, similarity: 1, identicalBytes: true };
        break;
      }
      const [small, large] = [original.fingerprint.length, candidate.fingerprint.length].sort((x, y) => x - y) as [number, number];
      // Jaccard is at most |small| / |large|, and the sketch tells different texts apart cheaply.
      if (small < MIN_SHINGLES || small < SAME_DOCUMENT * large) continue;
      if (estimatedJaccard(original.fingerprint, candidate.fingerprint) < SAME_DOCUMENT / 2) continue;
      const similarity = jaccard(original.fingerprint, candidate.fingerprint);
      if (similarity >= SAME_DOCUMENT) {
        repeated = { kept: original.file, dropped: candidate.file, similarity, identicalBytes: false };
        break;
      }
    }
    if (repeated === null) kept.push(candidate);
    else duplicates.push(repeated);
  }
  return duplicates.sort((a, b) => byCodePoint(a.dropped, b.dropped));
}
