// Dates as documents and file properties state them → ISO dates, as precise as stated. Pure.

const CHINESE_DATE = /((?:19|20)\d{2})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?/;
const ISO_LIKE_DATE = /^((?:19|20)\d{2})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?=$|[T\s])/;
// A PDF date: D:YYYYMMDDHHmmSS…, everything after the year optional.
const PDF_DATE = /^D:((?:19|20)\d{2})(\d{2})?(\d{2})?/;

function iso(year: string, month?: string, day?: string): string | null {
  const m = month === undefined ? null : Number(month);
  const d = day === undefined ? null : Number(day);
  if (m !== null && (m < 1 || m > 12)) return null;
  if (d !== null && (d < 1 || d > 31)) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return m === null ? year : d === null ? `${year}-${pad(m)}` : `${year}-${pad(m)}-${pad(d)}`;
}

/** 2025年1月20日 → 2025-01-20 (the first such date in the text), 2025年1月 → 2025-01; else null. */
export function dateFromChineseText(text: string): string | null {
  const m = CHINESE_DATE.exec(text);
  return m === null ? null : iso(m[1]!, m[2], m[3]);
}

/** 2025-01-20, 2025/1/20, 2025-01-20T10:00:00Z, D:20250120…, 2025年1月20日, 2025 → ISO; else null. */
export function normaliseDate(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  const pdf = PDF_DATE.exec(text);
  if (pdf !== null) return iso(pdf[1]!, pdf[2], pdf[3]);
  const plain = ISO_LIKE_DATE.exec(text);
  if (plain !== null) return iso(plain[1]!, plain[2], plain[3]);
  const chinese = CHINESE_DATE.exec(text);
  return chinese !== null && chinese.index === 0 ? iso(chinese[1]!, chinese[2], chinese[3]) : null;
}
