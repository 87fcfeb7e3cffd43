// What every format reader gives: the document's text, one paragraph a line (what the layout stage
// reads, as for a .txt), and what the file's own properties say of its source.
import type { Source } from '../model.ts';

export type DocumentFormat = 'text' | 'docx' | 'html' | 'pdf';

export interface ReadText {
  text: string;
  /** From the file's properties (docx core.xml, PDF Info, HTML <head>); null where it says nothing. */
  properties: Source;
}

/** A file of a known format that holds no readable document (a scan, a corrupt archive). */
export class UnreadableFile extends Error {
  override readonly name = 'UnreadableFile';
}

export const NO_SOURCE: Source = Object.freeze({ title: null, publisher: null, date: null, url: null });

/** Trimmed, inner whitespace runs made one space; null when nothing is left. */
export function cleanProperty(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}
