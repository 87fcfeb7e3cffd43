// What the front ends (command line, local chat, Slack) need from the answering engine. They depend
// on this interface only, so each can be driven by the same engine over the same index.
import { z } from 'zod';
import type { Answer, Figure, Target } from '../model.ts';

export const TargetFilterSchema = z.object({
  region: z.string().optional(),
  year: z.number().int().optional(),
  /** Free words (industry, metric, region, year) matched against the targets. */
  words: z.string().optional(),
});
export type TargetFilter = z.infer<typeof TargetFilterSchema>;

/** One figure a message states, checked against the documents. */
export interface ClaimCheck {
  /** The figure as the message states it. */
  claim: Figure;
  /** The part of the message the figure stands in. */
  sentence: string;
  /** agrees: a document states the same; differs: a document states another figure for it; unknown: no document speaks of it. */
  verdict: 'agrees' | 'differs' | 'unknown';
  /** The document's target that the claim was compared with. */
  target: Target | null;
}

export interface IndexSummary {
  documents: number;
  paragraphs: number;
  targets: number;
}

/** What the library covers: the places and years it states figures for, most figures first. */
export interface Coverage {
  places: { place: string; targets: number }[];
  years: { year: number; targets: number }[];
  documents: { file: string; title: string | null; year: number | null; place: string | null; url: string | null; targets: number }[];
}

export interface Engine {
  ask(question: string): Answer;
  targets(filter: TargetFilter): Target[];
  checkClaims(text: string): ClaimCheck[];
  summary(): IndexSummary;
  coverage(): Coverage;
}
