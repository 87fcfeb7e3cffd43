// What a chart shows, as the answering side states it: figures exactly as the documents write them
// (`text`, shown as the label) with the number to draw (`value`). A spec is checked here, at the
// boundary, so the drawing code can trust it; a bad one fails with one line naming the field.
import { z } from 'zod';
import { QualifierSchema, VerdictSchema } from '../model.ts';

/** A number, or `[low, high]` for a range (1-2个, 5%-6%), in the chart's unit. */
export const ChartValueSchema = z.union([z.number(), z.tuple([z.number(), z.number()])]);
export type ChartValue = z.infer<typeof ChartValueSchema>;

// One line: the layouts leave room for one (a second would run into the plot).
const Label = z.string().trim().min(1, 'must not be empty').regex(/^[^\r\n]*$/, 'must be one line');
const Year = z.number().int().min(1900).max(2100);

/** A figure to draw: the number, how the text qualifies it, and the text as written. */
const FigureFields = {
  value: ChartValueSchema,
  qualifier: QualifierSchema,
  /** The figure as the document writes it (5.5%以上, 1-2个): the label shown beside the mark. */
  text: Label,
};

export const PlaceRowSchema = z.object({
  /** The place (安徽, 广州, 全国). */
  label: Label,
  ...FigureFields,
});
export type PlaceRow = z.infer<typeof PlaceRowSchema>;

export const YearRowSchema = z.object({ year: Year, ...FigureFields });
export type YearRow = z.infer<typeof YearRowSchema>;

/** Most rows a chart takes: past this a bar or line chart at 800 px stops being readable. */
export const MAX_CHART_ROWS = 60;

const rows = <T extends z.ZodType>(row: T) =>
  z.array(row).min(1, 'a chart needs at least one row').max(MAX_CHART_ROWS, `at most ${MAX_CHART_ROWS} rows`);

const Common = {
  /** Chinese title, e.g. 2024年各地区生产总值增长目标. */
  title: Label,
  /** The unit every value is in, as written (%, 万人, 亿元); '' when none. */
  unit: z.string().trim(),
};

/** Bars, one per place, in the order given. */
export const PlacesChartSchema = z.object({
  kind: z.literal('places'),
  ...Common,
  rows: rows(PlaceRowSchema),
  /** Places drawn in the accent colour (the place asked about); each must be a row's label. */
  highlight: z.array(Label).optional(),
});

/** A line over the years, with a point per year. */
export const YearsChartSchema = z.object({
  kind: z.literal('years'),
  ...Common,
  rows: rows(YearRowSchema),
  /**
   * Years known to have no figure (2020 when a plan skipped it), drawn as a break in the line and
   * marked 无数据. Any other year between the first and the last without a row is a break too.
   */
  gaps: z.array(Year).default([]),
});


/** A target band and the result against it, with the verdict the caller reached. */
export const CheckChartSchema = z.object({
  kind: z.literal('check'),
  ...Common,
  /** 5%左右 → a band around 5; 6%以上 → from 6 upward; 5%-6% (qualifier range) → from 5 to 6. */
  target: z.object({ ...FigureFields, year: Year }),
  /** What was reached, or is forecast to be. */
  result: z.object({ value: z.number(), text: Label, year: Year, forecast: z.boolean() }),
  /** Decided by the caller, shown in words: 达成 / 未达成 / 无法判断. */
  verdict: VerdictSchema,
});

export const ChartSpecSchema = z
  .discriminatedUnion('kind', [PlacesChartSchema, YearsChartSchema, CheckChartSchema])
  .superRefine((spec, ctx) => {
    const figures: Array<{ path: PropertyKey[]; value: ChartValue; qualifier: string }> =
      spec.kind === 'check'
        ? [{ path: ['target'], ...spec.target }]
        : spec.rows.map((row, i) => ({ path: ['rows', i], ...row }));
    for (const { path, value, qualifier } of figures) {
      const isRange = Array.isArray(value);
      if (isRange !== (qualifier === 'range')) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'value'],
          message: isRange ? 'a [low, high] value needs qualifier "range"' : 'qualifier "range" needs a [low, high] value',
        });
      } else if (isRange && value[0] > value[1]) {
        ctx.addIssue({ code: 'custom', path: [...path, 'value'], message: `range low ${value[0]} is above high ${value[1]}` });
      }
    }
    if (spec.kind === 'places') {
      const labels = new Set(spec.rows.map((row) => row.label));
      spec.highlight?.forEach((label, i) => {
        if (!labels.has(label)) ctx.addIssue({ code: 'custom', path: ['highlight', i], message: `${label} is not a row's label` });
      });
    }
    if (spec.kind === 'years') {
      const seen = new Set<number>();
      spec.rows.forEach((row, i) => {
        if (seen.has(row.year)) ctx.addIssue({ code: 'custom', path: ['rows', i, 'year'], message: `${row.year} has two rows` });
        seen.add(row.year);
      });
      spec.gaps.forEach((year, i) => {
        if (seen.has(year)) ctx.addIssue({ code: 'custom', path: ['gaps', i], message: `${year} has a row, so it is no gap` });
      });
      const years = [...seen, ...spec.gaps];
      const span = Math.max(...years) - Math.min(...years) + 1;
      if (span > MAX_CHART_ROWS) ctx.addIssue({ code: 'custom', path: ['rows'], message: `the years span ${span} years, more than ${MAX_CHART_ROWS}` });
    }
  });

/** A checked spec, as the drawing code sees it. */
export type ChartSpec = z.infer<typeof ChartSpecSchema>;
/** A spec as callers write it (gaps may be left out). */
export type ChartSpecInput = z.input<typeof ChartSpecSchema>;
export type PlacesChart = Extract<ChartSpec, { kind: 'places' }>;
export type YearsChart = Extract<ChartSpec, { kind: 'years' }>;
export type CheckChart = Extract<ChartSpec, { kind: 'check' }>;

/** A spec that does not describe a drawable chart; the message is one line naming the fields. */
export class ChartSpecError extends Error {
  override readonly name = 'ChartSpecError';
  constructor(readonly issues: readonly string[]) {
    super(`chart spec: ${issues.join('; ')}`);
  }
}

/** Checks a spec; throws ChartSpecError (e.g. "chart spec: rows: a chart needs at least one row"). */
export function parseChartSpec(input: unknown): ChartSpec {
  const parsed = ChartSpecSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ChartSpecError(
    parsed.error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message)),
  );
}
