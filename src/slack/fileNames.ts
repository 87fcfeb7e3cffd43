// File names for files that come from or go to Slack: what a person named a file (or a question,
// for a file the bot makes) as one safe name in a folder, never a path. Pure.

const NAME_LIMIT = 120;
// Characters no file name may hold on the systems the bot runs on or hands files to: path
// separators, Windows' reserved punctuation, and control characters.
const UNSAFE_CHARACTERS = new Set([...'/\\:*?"<>|']);

function isUnsafe(character: string): boolean {
  const code = character.codePointAt(0)!;
  return UNSAFE_CHARACTERS.has(character) || code < 0x20 || code === 0x7f;
}

/**
 * One file name: unsafe characters become `_`, runs of whitespace one space, no leading dots or
 * spaces (no hidden files, no `..`), at most 120 characters with the extension kept; `fallback`
 * when nothing is left.
 */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = [...name.normalize('NFC')]
    .map((character) => (isUnsafe(character) ? '_' : character))
    .join('')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_]+/, '')
    .trim();
  if (cleaned === '' || /^[._ ]*$/.test(cleaned)) return fallback;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  const stem = extension === '' ? cleaned : cleaned.slice(0, dot);
  const room = NAME_LIMIT - extension.length;
  return [...stem].length > room ? `${[...stem].slice(0, room).join('')}${extension}` : cleaned;
}

/** `name` with ` (n)` before its extension: the n-th name tried when `name` is taken. */
export function numberedFileName(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}
