// .html/.htm → the page's main text, one paragraph a line, and what its <head> says of its source.
//
// The charset is the one the page declares (BOM, <meta charset>, http-equiv; the HTML standard's
// sniffing, by encoding-sniffer); a page that declares none, or whose bytes do not fit its
// declaration, is decoded as a text file is (UTF-8, GB18030 or Big5 by detection).
import type { Document as Dom, Element } from 'domhandler';
import { getAttributeValue, findAll, textContent } from 'domutils';
import { ResultType, Sniffer } from 'encoding-sniffer/sniffer';
import { parseDocument } from 'htmlparser2';
import type { Source } from '../model.ts';
import { normaliseDate } from './dates.ts';
import { decodeBytes } from './decode.ts';
import { htmlParagraphs } from './html-text.ts';
import { cleanProperty, type ReadText } from './reader.ts';

// Pages put the <meta charset> after other <head> content more often than the standard's 1024 bytes allow.
const SNIFF_BYTES = 4096;

/** The page's text: declared charset when it fits the bytes, else detected as for a text file. */
export function decodeHtml(file: string, bytes: Uint8Array): string {
  const sniffer = new Sniffer({ maxBytes: SNIFF_BYTES });
  sniffer.write(bytes);
  if (sniffer.resultType !== ResultType.DEFAULT) {
    try {
      return new TextDecoder(sniffer.encoding, { fatal: true }).decode(bytes);
    } catch {
      // A page saved in another charset than it declares: fall through to detection.
    }
  }
  return decodeBytes(file, bytes).text;
}

/**
 * Where the page says what it is, most specific first: Open Graph, the meta names Chinese
 * government sites use (ArticleTitle, ContentSource, PubDate), Dublin Core, then the generic ones.
 */
const META_FIELDS: Readonly<Record<Exclude<keyof Source, 'url'>, readonly string[]>> = {
  title: ['og:title', 'articletitle', 'dc.title', 'dcterms.title'],
  publisher: ['contentsource', 'og:site_name', 'sitename', 'publisher', 'dc.publisher', 'dcterms.publisher', 'author', 'dc.creator'],
  date: ['article:published_time', 'pubdate', 'publishdate', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'created'],
};
const URL_META = ['og:url', 'url'];

function metaContents(dom: Dom): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of findAll((e) => e.name === 'meta', dom.children)) {
    const key = (getAttributeValue(meta, 'name') ?? getAttributeValue(meta, 'property'))?.toLowerCase();
    const content = cleanProperty(getAttributeValue(meta, 'content'));
    if (key !== undefined && content !== null && !contents.has(key)) contents.set(key, content);
  }
  return contents;
}

function firstOf(contents: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = contents.get(key);
    if (value !== undefined) return value;
  }
  return null;
}

/** Title, publisher, date and URL as the page's <head> states them. */
export function htmlProperties(dom: Dom): Source {
  const meta = metaContents(dom);
  const titleElement = findAll((e) => e.name === 'title', dom.children)[0];
  const canonical = findAll(
    (e: Element) => e.name === 'link' && (getAttributeValue(e, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'),
    dom.children,
  )[0];
  return {
    title: firstOf(meta, META_FIELDS.title) ?? cleanProperty(titleElement === undefined ? null : textContent(titleElement)),
    publisher: firstOf(meta, META_FIELDS.publisher),
    date: normaliseDate(firstOf(meta, META_FIELDS.date)),
    url: cleanProperty(canonical === undefined ? null : getAttributeValue(canonical, 'href')) ?? firstOf(meta, URL_META),
  };
}

export function readHtml(file: string, bytes: Uint8Array): ReadText {
  const dom = parseDocument(decodeHtml(file, bytes));
  return { text: htmlParagraphs(dom, { whitespace: 'collapse' }).join('\n'), properties: htmlProperties(dom) };
}
