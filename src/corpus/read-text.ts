// .txt/.md → the decoded text (decode.ts), unchanged: its offsets are those of the text path.
import { decodeDocumentText } from './decode.ts';
import { NO_SOURCE, type ReadText } from './reader.ts';

export function readText(file: string, bytes: Uint8Array): ReadText {
  return { text: decodeDocumentText(file, bytes), properties: NO_SOURCE };
}
