// A parsed HTML document → the text of its paragraphs, one string each. Pure.
//
// Shared by the HTML reader and the .docx reader (mammoth renders a .docx as HTML). Office "save as
// web page" output splits one figure over many inline runs (<font>2025</font><span>年</span>), so
// inline elements are joined exactly as they are, without adding anything between them; only block
// elements (p, div, h1–h6, li, tr, td, br …) end a paragraph. What a page shows around its text —
// navigation, scripts, styles, forms, the site's banner and footer — is not read.
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll, findOne } from 'domutils';

/** Elements whose end (and start) ends a paragraph. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements that hold no text of the document. */
const UNREAD_ELEMENTS: ReadonlySet<string> = new Set([
  'head', 'title', 'script', 'style', 'noscript', 'template', 'nav', 'aside', 'form', 'button',
  'select', 'textarea', 'iframe', 'svg', 'math', 'canvas', 'object', 'embed', 'audio', 'video', 'map',
  'dialog',
]);

/** The site's banner and footer: not read when the page marks no main text of its own. */
const PAGE_CHROME_ELEMENTS: ReadonlySet<string> = new Set(['header', 'footer']);

/** ARIA roles of page furniture. */
const UNREAD_ROLES: ReadonlySet<string> = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'toolbar',
]);

// HTML's own whitespace (not U+00A0 or U+3000, which are text).
const HTML_WHITESPACE = /[\t\n\f\r ]+/g;

export interface HtmlTextOptions {
  /**
   * `collapse`: whitespace as a browser shows it (runs become one space: markup wraps lines).
   * `preserve`: text as written (HTML rendered from a .docx, whose spaces are the document's).
   */
  whitespace: 'collapse' | 'preserve';
  /** Further elements not to read. */
  skip?: (element: Element) => boolean;
}

/** The element holding the page's main text: <main> (or role=main), a sole <article>, else <body>. */
export function mainTextRoot(dom: Document): { root: AnyNode; marked: boolean } {
  const main = findOne((e) => e.name === 'main' || e.attribs['role'] === 'main', dom.children);
  if (main !== null) return { root: main, marked: true };
  const articles = findAll((e) => e.name === 'article', dom.children);
  if (articles.length === 1) return { root: articles[0]!, marked: true };
  return { root: findOne((e) => e.name === 'body', dom.children) ?? dom, marked: false };
}

function isUnread(element: Element, readChrome: boolean, options: HtmlTextOptions): boolean {
  if (UNREAD_ELEMENTS.has(element.name)) return true;
  if (!readChrome && PAGE_CHROME_ELEMENTS.has(element.name)) return true;
  if ('hidden' in element.attribs || element.attribs['aria-hidden'] === 'true') return true;
  const role = element.attribs['role'];
  if (role !== undefined && UNREAD_ROLES.has(role)) return true;
  return options.skip?.(element) ?? false;
}

/** The paragraphs of the page's main text, in order; none is empty or holds a line break. */
export function htmlParagraphs(dom: Document, options: HtmlTextOptions): string[] {
  const { root, marked } = mainTextRoot(dom);
  const paragraphs: string[] = [];
  let parts: string[] = [];
  const flush = (): void => {
    if (parts.length === 0) return;
    let text = parts.join('');
    parts = [];
    text = options.whitespace === 'collapse' ? text.replace(HTML_WHITESPACE, ' ').trim() : text.replace(/[\r\n]+/g, ' ');
    if (text.trim() !== '') paragraphs.push(text);
  };
  const visit = (node: AnyNode, inPre: boolean): void => {
    if (isText(node)) {
      if (!inPre) {
        parts.push(node.data);
        return;
      }
      // Preformatted text keeps its lines.
      const lines = node.data.split(/\r\n?|\n/);
      lines.forEach((line, k) => {
        if (k > 0) flush();
        parts.push(line);
      });
      return;
    }
    if (!isTag(node) || isUnread(node, marked, options)) return;
    const block = BLOCK_ELEMENTS.has(node.name);
    if (block) flush();
    for (const child of node.children) visit(child, inPre || node.name === 'pre');
    if (block) flush();
  };
  if (isTag(root)) visit(root, false);
  else for (const child of (root as Document).children) visit(child, false);
  flush();
  return paragraphs;
}
