// JSON Lines files people write by hand (question sets, a seeds folder's lexicon): one JSON object
// a line, blank lines and `//` comments skipped, each line checked by a schema. A bad line is an
// error naming the file and the line, for the one-line message the command line prints.
import type { z } from 'zod';

export class JsonLinesError extends Error {
  override readonly name = 'JsonLinesError';
}

export function parseJsonLines<T>(text: string, file: string, schema: z.ZodType<T>, expected: string): T[] {
  const records: T[] = [];
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('//')) return;
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      throw new JsonLinesError(`${file}:${i + 1}: not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')}: ${issue.message})` : '';
      throw new JsonLinesError(`${file}:${i + 1}: expected ${expected}${where}`);
    }
    records.push(parsed.data);
  });
  return records;
}
