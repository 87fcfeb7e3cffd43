// Which reader a seed file needs: by its content where that is unmistakable (the magic bytes of a
// PDF or a .docx, by file-type), else by its extension. Files of other kinds are refused with what
// they are (an image, an archive …). The readers themselves are read-*.ts, imported when a file
// needs them: pdf.js, mammoth and the HTML parser cost a cold start that reads only .txt seeds
// (every command) a few hundred milliseconds.
import { readText } from './read-text.ts';
import type { DocumentFormat, ReadText } from './reader.ts';

const EXTENSION_FORMATS: Readonly<Record<string, DocumentFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'text',
  markdown: 'text',
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
};

/** Formats whose content file-type recognises whatever the file's name. */
const SNIFFED_FORMATS: Readonly<Record<string, DocumentFormat>> = { pdf: 'pdf', docx: 'docx' };

/** Text formats file-type recognises, which a .txt or .html may well be. */
const TEXT_SNIFFS: ReadonlySet<string> = new Set(['xml']);

const ARCHIVES: ReadonlySet<string> = new Set([
  'zip', 'tar', 'gz', 'bz2', 'xz', 'zst', '7z', 'rar', 'lz', 'lzh', 'cab', 'ar', 'rpm', 'deb', 'dmg',
  'arj', 'cpio', 'Z', 'lz4', 'br', 'jar', 'apk', 'iso',
]);

/** Document formats it does not read: named so, rather than as mere binary data. */
const OTHER_DOCUMENTS: ReadonlySet<string> = new Set([
  'cfb', 'doc', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'epub', 'rtf', 'mobi', 'azw', 'ps', 'djvu', 'chm',
]);

/** The extension of a file name, lower case, without the dot ('' when none; .bashrc has none). */
export function extensionOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The extensions of the documents it reads, as a file's name ends: .txt, .md, .docx … */
export const DOCUMENT_EXTENSIONS: readonly string[] = Object.keys(EXTENSION_FORMATS).map((ext) => `.${ext}`);

/** Whether a file's name is one of a document it reads (its content is checked when it is read). */
export function isDocumentName(file: string): boolean {
  return Object.hasOwn(EXTENSION_FORMATS, extensionOf(file));
}

/** The format a document's file name says (for a file already read: its reader was chosen so). */
export function formatByName(file: string): DocumentFormat {
  return EXTENSION_FORMATS[extensionOf(file)] ?? 'text';
}

export type FormatChoice = { format: DocumentFormat } | { refused: string };

function describeKind(ext: string, mime: string): string {
  if (mime.startsWith('image/')) return `an image (${ext})`;
  if (mime.startsWith('audio/') || mime.startsWith('video/')) return `audio or video (${ext})`;
  if (ARCHIVES.has(ext)) return `an archive (${ext})`;
  if (OTHER_DOCUMENTS.has(ext)) return `a ${ext} file: not a format it reads (.txt, .md, .docx, .pdf, .html)`;
  return `binary data (${mime})`;
}

/** Byte-order marks of UTF-8, UTF-16LE and UTF-16BE. */
const BYTE_ORDER_MARKS: readonly (readonly number[])[] = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]];

function startsWithByteOrderMark(bytes: Uint8Array): boolean {
  return BYTE_ORDER_MARKS.some((mark) => mark.every((byte, k) => bytes[k] === byte));
}

/** How much of a file shows whether it is text: binary formats put a NUL byte in their first bytes. */
const TEXT_PROBE_BYTES = 4096;

function looksLikeText(bytes: Uint8Array): boolean {
  // A text file that starts with a byte-order mark is text (file-type takes FF FE for MPEG audio).
  return startsWithByteOrderMark(bytes) || !bytes.subarray(0, TEXT_PROBE_BYTES).includes(0);
}

/** The reader a file needs, or why it is not a document. */
export async function chooseFormat(file: string, bytes: Uint8Array): Promise<FormatChoice> {
  const byExtension = EXTENSION_FORMATS[extensionOf(file)];
  if ((byExtension === 'text' || byExtension === 'html') && looksLikeText(bytes)) return { format: byExtension };
  const { fileTypeFromBuffer } = await import('file-type');
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed !== undefined) {
    const byContent = SNIFFED_FORMATS[sniffed.ext];
    if (byContent !== undefined) return { format: byContent };
    // A .docx is a zip archive: the docx reader tells a corrupt one from a good one.
    if (byExtension === 'docx' && sniffed.ext === 'zip') return { format: 'docx' };
    if (!TEXT_SNIFFS.has(sniffed.ext)) return { refused: describeKind(sniffed.ext, sniffed.mime) };
  }
  if (byExtension !== undefined) return { format: byExtension };
  const ext = extensionOf(file);
  return { refused: ext === '' ? 'no extension: not a format it reads' : `.${ext}: not a format it reads` };
}

export async function readFormat(format: DocumentFormat, file: string, bytes: Uint8Array): Promise<ReadText> {
  switch (format) {
    case 'text':
      return readText(file, bytes);
    case 'docx':
      return (await import('./read-docx.ts')).readDocx(bytes);
    case 'pdf':
      return (await import('./read-pdf.ts')).readPdf(bytes);
    case 'html':
      return (await import('./read-html.ts')).readHtml(file, bytes);
  }
}
