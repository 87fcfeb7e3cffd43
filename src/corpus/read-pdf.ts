// .pdf → its text in reading order, one paragraph a line (pdf-layout.ts), and its Info dictionary.
// pdf.js (through unpdf's build for servers, no worker, no canvas) gives each page's positioned text.
// A PDF without a text layer (a scan) holds nothing to read and is refused as such.
import { getDocumentProxy, getMeta } from 'unpdf';
import type { Source } from '../model.ts';
import { normaliseDate } from './dates.ts';
import { pdfParagraphs, type PdfPage, type PdfTextItem } from './pdf-layout.ts';
import { cleanProperty, UnreadableFile, type ReadText } from './reader.ts';

/** pdf.js VerbosityLevel.ERRORS: its font warnings are no concern of whoever reads the seeds. */
const PDFJS_ERRORS_ONLY = 0;

interface PdfJsTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

function isTextItem(item: unknown): item is PdfJsTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}

function stringProperty(info: Record<string, unknown>, key: string): string | null {
  const value = info[key];
  return typeof value === 'string' ? cleanProperty(value) : null;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take over the buffer it is given: hand it a copy, the caller keeps the bytes.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: PDFJS_ERRORS_ONLY });
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') throw new UnreadableFile('encrypted (needs a password)');
    throw new UnreadableFile(`corrupt pdf (${firstLine(error)})`);
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!isTextItem(item)) continue;
        items.push({ text: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width, size: item.height });
      }
      pages.push({ items });
      page.cleanup();
    }
    if (!pages.some((p) => p.items.some((i) => i.text.trim() !== ''))) {
      throw new UnreadableFile(`no text layer (a scan? ${pdf.numPages} page${pdf.numPages === 1 ? '' : 's'} of images only)`);
    }
    const { info } = await getMeta(pdf, { parseDates: false });
    const properties: Source = {
      title: stringProperty(info, 'Title'),
      publisher: stringProperty(info, 'Author'),
      date: normaliseDate(stringProperty(info, 'CreationDate')),
      url: null,
    };
    return { text: pdfParagraphs(pages).join('\n'), properties };
  } catch (error) {
    if (error instanceof UnreadableFile) throw error;
    throw new UnreadableFile(`corrupt pdf (${firstLine(error)})`);
  } finally {
    await pdf.destroy();
  }
}
