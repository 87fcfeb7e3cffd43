// The seeds' catalogue: an optional CSV file in the seeds folder (catalogue.csv, see load.ts) with one row per document, saying
// what a file may not say of itself (where it was published, its URL). Pure: text in, rows and
// warnings out. A row that does not fit is left out with one warning naming the file and line.
//
//   path,url,title,date,publisher
//   provinces-2025/2025年…报告.docx,https://…,2025年…政府工作报告,2025-01-19,…日报
//
// `path` is the document's path in the seeds folder ('/'-separated); the other columns may be
// empty or missing; columns may come in any order, names are case-insensitive, others are ignored.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Source } from '../model.ts';
import { normaliseDate } from './dates.ts';

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? null : value.trim()));

const CatalogueRowSchema = z.object({
  path: z
    .string({ error: 'no path' })
    .trim()
    .min(1, 'no path')
    .transform((path) => path.replace(/\\/g, '/').replace(/^\.\//, '')),
  url: optionalText.refine((url) => url === null || /^https?:\/\/\S+$/i.test(url), 'url is not an http(s) address'),
  title: optionalText,
  date: optionalText.transform((date, context) => {
    if (date === null) return null;
    const iso = normaliseDate(date);
    if (iso === null) context.addIssue({ code: 'custom', message: `date "${date}" is not a date (2025-01-20, 2025-01, 2025)` });
    return iso;
  }),
  publisher: optionalText,
});

export interface CatalogueEntry {
  source: Source;
  /** Line of the row in the catalogue file. */
  line: number;
}

export interface Catalogue {
  /** Source statements by document path. */
  entries: Map<string, CatalogueEntry>;
  /** One line per row left out: `catalogue.csv:LINE: why`. */
  warnings: string[];
}

interface ParsedRow {
  record: Record<string, string>;
  info: { lines: number };
}

/** The line csv-parse names in its errors (1 when it names none). */
function lineOf(error: unknown): number {
  const lines = typeof error === 'object' && error !== null ? (error as { lines?: unknown }).lines : undefined;
  return typeof lines === 'number' ? lines : 1;
}

/** Reads a catalogue's text; `name` is how warnings name the file (catalogue.csv). */
export function parseCatalogue(text: string, name: string): Catalogue {
  const entries = new Map<string, CatalogueEntry>();
  const warnings: string[] = [];
  const warn = (line: number, why: string): void => {
    warnings.push(`${name}:${line}: ${why}`);
  };
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      bom: true,
      columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
      skip_empty_lines: true,
      relax_column_count_less: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error !== undefined) warn(lineOf(error), error.message.replace(/\s+on line \d+$/, ''));
        return undefined;
      },
    }) as ParsedRow[];
  } catch (error) {
    warn(lineOf(error), error instanceof Error ? error.message : String(error));
    return { entries, warnings };
  }
  const first = rows[0];
  if (first !== undefined && !('path' in first.record)) {
    warn(1, 'no "path" column in the header (path,url,title,date,publisher)');
    return { entries, warnings };
  }
  for (const { record, info } of rows) {
    const parsed = CatalogueRowSchema.safeParse(record);
    if (!parsed.success) {
      warn(info.lines, parsed.error.issues.map((issue) => issue.message).join('; '));
      continue;
    }
    const { path, ...source } = parsed.data;
    if (entries.has(path)) {
      warn(info.lines, `${path} is already catalogued above`);
      continue;
    }
    entries.set(path, { source, line: info.lines });
  }
  return { entries, warnings };
}
