// Follow-ups in a conversation: a short message that leans on the question before ("那北京呢？",
// "2024年呢？", "比重呢？") is read as that question with its place, year or measure replaced, or
// added where it named none. Pure: two texts in, the question to ask out; the conversation's
// memory is the caller's. Places, years and measures are found with the lexicon's own tables, the
// conversation's words are in src/lexicon/followups.ts.
import { alternation } from '../lexicon/pattern.ts';
import {
  FOLLOW_UP_CLOSERS,
  FOLLOW_UP_FILLERS,
  FOLLOW_UP_MEASURES,
  FOLLOW_UP_OPENERS,
  OWN_QUESTION_WORDS,
} from '../lexicon/followups.ts';
import { NATION, NATION_QUERY_WORDS } from '../lexicon/places.ts';
import { BARE_MEASURES, GROWTH_WORDS } from '../lexicon/phrases.ts';
import { findRegionMentions } from '../targets/regions.ts';
import { findYearMentions, withBareYearsWritten } from '../targets/years.ts';
import { foldForMatching } from '../text/fold.ts';

/** The turn a follow-up leans on. */
export interface PreviousTurn {
  /** The whole question that turn asked (a follow-up already written out in full). */
  question: string;
  /** What its answer was about in the documents' words (its first target's metric), when known. */
  metric: string | null;
}

export type FollowUpChange = 'place' | 'year' | 'measure' | 'thing';

export interface FollowUp {
  /** The question to ask: the previous one with the follow-up's place, year, measure or thing put in. */
  question: string;
  /** The place the question asks about (the lexicon's name: 北京, 全国), null when it names none. */
  place: string | null;
  /** The year as the question words it (2024年, 明年), null when it names none. */
  year: string | null;
  /** What the question is about: the previous turn's metric carried over (its measure swapped), else the question's own words. */
  thing: string;
  /** What the follow-up changed. */
  changed: FollowUpChange[];
}

// A follow-up is a few words; anything longer says enough to be read on its own.
const MAX_FOLLOW_UP_LENGTH = 20;
// A new thing named by a follow-up (那新型显示呢) is a word or two.
const MAX_THING_LENGTH = 10;

const MEASURES = [...new Set([...BARE_MEASURES, ...GROWTH_WORDS, ...FOLLOW_UP_MEASURES])].sort((a, b) => b.length - a.length);
const MEASURE_PATTERN = new RegExp(alternation(MEASURES), 'g');
const NATION_PATTERN = new RegExp(alternation(NATION_QUERY_WORDS), 'g');
const OWN_QUESTION = new RegExp(alternation(OWN_QUESTION_WORDS));
const OPENER = new RegExp(`^(?:${alternation(FOLLOW_UP_OPENERS)})`);
const CLOSER = new RegExp(`(?:${alternation(FOLLOW_UP_CLOSERS)})$`);
const FILLERS = new RegExp(alternation(FOLLOW_UP_FILLERS), 'g');
const PUNCTUATION = /[\s?？!！。.,，、;；:：~～…“”"'‘’()（）]+/g;
const TRAILING_PUNCTUATION = /[\s?？!！。.,，、;；:：~～…]+$/;

interface Found {
  text: string;
  start: number;
  end: number;
}

interface PlaceFound extends Found {
  region: string;
}

function prepare(text: string): string {
  return withBareYearsWritten(foldForMatching(text).trim());
}

/** The places the text names, the nation's words included, in order. */
function placesIn(text: string): PlaceFound[] {
  const found: PlaceFound[] = findRegionMentions(text).map((m) => ({ text: text.slice(m.start, m.end), start: m.start, end: m.end, region: m.region }));
  for (const match of text.matchAll(NATION_PATTERN)) {
    const start = match.index;
    if (found.some((f) => start < f.end && f.start < start + match[0].length)) continue;
    found.push({ text: match[0], start, end: start + match[0].length, region: NATION });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The years the text names (2024年, 明年, 十四五), in order; 全年 names none. */
function yearsIn(text: string): Found[] {
  // Only the words matter here, not the year they resolve to: any document year will do.
  return findYearMentions(text, 0)
    .filter((y) => !y.inTheYear)
    .map((y) => ({ text: text.slice(y.start, y.end), start: y.start, end: y.end }));
}

function measuresIn(text: string): Found[] {
  return [...text.matchAll(MEASURE_PATTERN)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function withoutSpans(text: string, spans: readonly Found[]): string {
  let out = '';
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at) continue;
    out += text.slice(at, span.start);
    at = span.end;
  }
  return out + text.slice(at);
}

function replaceSpan(text: string, span: Found, by: string): string {
  return text.slice(0, span.start) + by + text.slice(span.end);
}

/** Text inserted at `at`, the rest kept. */
function insertAt(text: string, at: number, inserted: string): string {
  return text.slice(0, at) + inserted + text.slice(at);
}

/** The message without the words that only make it lean on the one before. */
function stripConversation(text: string): { rest: string; marked: boolean } {
  let rest = text.replace(PUNCTUATION, '');
  let marked = false;
  for (let changed = true; changed; ) {
    changed = false;
    const opener = OPENER.exec(rest);
    if (opener && opener[0].length > 0) {
      rest = rest.slice(opener[0].length);
      marked = changed = true;
    }
    const closer = CLOSER.exec(rest);
    if (closer && closer[0].length > 0) {
      rest = rest.slice(0, rest.length - closer[0].length);
      marked = changed = true;
    }
  }
  return { rest: rest.replace(FILLERS, ''), marked };
}

/** What a question is about without its place, year and asking words: 汽车集群规模. */
function thingOf(question: string): string {
  const spans = [...placesIn(question), ...yearsIn(question)];
  return stripConversation(withoutSpans(question, spans)).rest;
}

/** The previous turn's metric with the measure the follow-up swapped in (汽车产业集群规模 → 汽车产业集群比重). */
function swappedMetric(metric: string, from: string | null, to: string): string {
  if (from !== null && metric.endsWith(from)) return metric.slice(0, metric.length - from.length) + to;
  const last = measuresIn(metric).at(-1);
  return last !== undefined ? replaceSpan(metric, last, to) : metric + to;
}

/**
 * Reads `message` as a follow-up of `previous`: the question to ask and how it was read, or null
 * when the message stands on its own (it names a thing of its own with its place or year, asks
 * something else such as 为什么不一样, or is no short message at all).
 */
export function readFollowUp(previous: PreviousTurn, message: string): FollowUp | null {
  const text = prepare(message);
  if (text.length === 0 || text.replace(PUNCTUATION, '').length > MAX_FOLLOW_UP_LENGTH || OWN_QUESTION.test(text)) return null;
  const places = placesIn(text);
  const years = yearsIn(text);
  const measures = measuresIn(text).filter((m) => ![...places, ...years].some((s) => m.start < s.end && s.start < m.end));
  if (new Set(places.map((p) => p.region)).size > 1 || years.length > 1 || measures.length > 1) return null;
  const { rest, marked } = stripConversation(withoutSpans(text, [...places, ...years, ...measures]));
  const place = places[0];
  const year = years[0];
  const measure = measures[0];

  const before = prepare(previous.question);
  const ending = TRAILING_PUNCTUATION.exec(before)?.[0] ?? '';
  let question = before.slice(0, before.length - ending.length);
  const changed: FollowUpChange[] = [];
  const previousMeasure = measuresIn(question).at(-1) ?? null;

  if (rest.length > 0) {
    // Words of its own: a new thing for the previous place and year (那新型显示呢), only when the
    // message is marked as leaning on the one before and names neither place nor year.
    if (!marked || place !== undefined || year !== undefined || rest.length > MAX_THING_LENGTH || !/^[\p{Script=Han}a-z0-9]+$/u.test(rest)) return null;
    const oldPlace = placesIn(question)[0];
    const oldYear = yearsIn(question).at(-1);
    const tail = previousMeasure !== null ? question.slice(previousMeasure.start) : '';
    const newMeasure = measure?.text ?? null;
    question = `${oldPlace?.text ?? ''}${oldYear?.text ?? ''}${rest}${newMeasure !== null && previousMeasure !== null ? newMeasure + tail.slice(previousMeasure.text.length) : newMeasure ?? tail}`;
    return {
      question: question + ending,
      place: oldPlace?.region ?? null,
      year: oldYear?.text ?? null,
      thing: `${rest}${newMeasure ?? previousMeasure?.text ?? ''}`,
      changed: ['thing', ...(newMeasure !== null ? (['measure'] as const) : [])],
    };
  }
  if (place === undefined && year === undefined && measure === undefined) return null;

  if (place !== undefined) {
    const old = placesIn(question)[0];
    question = old !== undefined ? replaceSpan(question, old, place.region) : place.region + question;
    changed.push('place');
  }
  if (year !== undefined) {
    const old = yearsIn(question).at(-1);
    if (old !== undefined) question = replaceSpan(question, old, year.text);
    else {
      // A year goes after the place, as people write it: 北京2024年信息消费…
      const placeNamed = placesIn(question)[0];
      question = insertAt(question, placeNamed?.end ?? 0, year.text);
    }
    changed.push('year');
  }
  if (measure !== undefined) {
    const old = measuresIn(question).at(-1);
    question = old !== undefined ? replaceSpan(question, old, measure.text) : question + measure.text;
    changed.push('measure');
  }

  const thing =
    previous.metric !== null && previous.metric !== ''
      ? measure !== undefined
        ? swappedMetric(previous.metric, previousMeasure?.text ?? null, measure.text)
        : previous.metric
      : thingOf(question);
  return {
    question: question + ending,
    place: placesIn(question)[0]?.region ?? null,
    year: yearsIn(question).at(-1)?.text ?? null,
    thing,
    changed,
  };
}

/** What an answer was about, as far as its first target says. */
export interface AnsweredAs {
  region: string | null;
  metric: string;
}

/**
 * How a follow-up was read, as the parts to show (北京 · 2024年 · 汽车产业集群规模): the answer's own
 * place and thing when it found a figure, else the place, year and thing the question was read with.
 */
export function readingParts(followUp: FollowUp, answeredAs: AnsweredAs | null): string[] {
  const place = answeredAs?.region ?? followUp.place;
  const thing = answeredAs?.metric ?? followUp.thing;
  return [place, followUp.year, thing].filter((part): part is string => part !== null && part !== '');
}
