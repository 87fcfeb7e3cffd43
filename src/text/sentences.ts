// Sentences and clauses with their offsets, so that a quote can be cut from the paragraph exactly.

export interface Span {
  text: string;
  start: number;
  end: number;
}

// A closing quote or bracket after the full stop belongs to the sentence it closes.
const SENTENCE = /[^。！？；!?;]*(?:[。！？；!?;]+[”’」』）)]*|$)/g;

/** The sentences of a paragraph, each with its end punctuation. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    if (match[0].length === 0) continue;
    const start = match.index;
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body.length === 0) continue;
    spans.push({ text: body, start: start + lead, end: start + lead + body.length });
  }
  return spans;
}

const CLAUSE_BREAK = /[，,：:；;。！？!?]/;

/** Offsets of the clause (between commas, colons and stops) that holds position `at`. */
export function clauseAround(text: string, at: number): Span {
  let start = at;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !CLAUSE_BREAK.test(text[end]!)) end++;
  return { text: text.slice(start, end), start, end };
}

const FULL_STOP = /[。！？!?]/;

/**
 * Offsets of the whole sentence that holds position `at`, between full stops: a sentence whose
 * parts are joined by ；(a list of targets under one 到2025年) is one sentence here.
 */
export function fullSentenceAround(text: string, at: number): Span {
  let start = at;
  while (start > 0 && !FULL_STOP.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !FULL_STOP.test(text[end]!)) end++;
  if (end < text.length) end++;
  return { text: text.slice(start, end), start, end };
}
