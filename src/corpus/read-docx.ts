// .docx → its paragraphs in order, one a line, runs joined, and its core properties.
//
// mammoth reads the document (paragraphs, headings as h1–h6, lists, tables, footnotes) and renders
// it as HTML, which html-text.ts turns into lines with the document's whitespace kept. A line break
// inside a paragraph (Shift+Enter, <w:br/>) joins its two halves as the runs are joined, so that a
// paragraph is one line as in the plain-text export; page and column breaks are layout, not text.
// Title, author and creation date come from docProps/core.xml, read with fflate and htmlparser2.
import type { Element } from 'domhandler';
import { findOne, getAttributeValue, textContent } from 'domutils';
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import mammoth from 'mammoth';
import type { Source } from '../model.ts';
import { normaliseDate } from './dates.ts';
import { htmlParagraphs } from './html-text.ts';
import { cleanProperty, NO_SOURCE, UnreadableFile, type ReadText } from './reader.ts';

const MAMMOTH_STYLE_MAP = ["br[type='line'] => !"];
// The ↑ links mammoth adds after each footnote and endnote, back to where it is referenced.
const BACK_LINK_PREFIXES = ['#footnote-ref-', '#endnote-ref-', '#comment-ref-'];
const CORE_PROPERTIES = 'docProps/core.xml';

function isBackLink(element: Element): boolean {
  if (element.name !== 'a') return false;
  const href = getAttributeValue(element, 'href') ?? '';
  return BACK_LINK_PREFIXES.some((prefix) => href.startsWith(prefix));
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Title, creator and creation date of docProps/core.xml; nulls when the part is missing. */
export function docxProperties(bytes: Uint8Array): Source {
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (entry) => entry.name === CORE_PROPERTIES })[CORE_PROPERTIES];
  } catch {
    return NO_SOURCE;
  }
  if (xml === undefined) return NO_SOURCE;
  const dom = parseDocument(new TextDecoder().decode(xml), { xmlMode: true });
  const field = (name: string): string | null => {
    const element = findOne((e) => e.name === name, dom.children);
    return element === null ? null : cleanProperty(textContent(element));
  };
  return {
    title: field('dc:title'),
    publisher: field('dc:creator'),
    date: normaliseDate(field('dcterms:created')),
    url: null,
  };
}

export async function readDocx(bytes: Uint8Array): Promise<ReadText> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: asBuffer(bytes) },
      {
        styleMap: MAMMOTH_STYLE_MAP,
        // Images are not text: skip mammoth's base64 encoding of each.
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new UnreadableFile(`corrupt docx (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
  const paragraphs = htmlParagraphs(parseDocument(html), { whitespace: 'preserve', skip: isBackLink });
  return { text: paragraphs.join('\n'), properties: docxProperties(bytes) };
}
