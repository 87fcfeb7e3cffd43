// Understanding a question: the place, the year, what kind of answer it wants and the words that
// name the thing asked about, in the documents' own vocabulary. The words come from the lexicon.
import { alternation } from '../lexicon/pattern.ts';
import { latinPlaceNames, NATION, NATION_QUERY_WORDS, PLACES } from '../lexicon/places.ts';
import { PAIRED_WORDS, PREFIX_QUALIFIERS, REACHING_VERBS, SUFFIX_QUALIFIERS } from '../lexicon/phrases.ts';
import { ASKS_FOR_FORECAST, ASK_WORDS, ENGLISH_GRAMMAR, QUESTION_GRAMMAR, type Ask } from '../lexicon/questions.ts';
import { UNITS } from '../lexicon/units.ts';
import type { FigureKind } from '../model.ts';
import { createRewriter, ENGLISH_TERMS, SYNONYMS, type Rewrite } from '../lexicon/synonyms.ts';
import { findInstitutionPlaces, findRegionMentions, provinceOf } from '../targets/regions.ts';
import { YEAR_END_WORDS } from '../lexicon/time.ts';
import { findYearMentions, withBareYearsWritten } from '../targets/years.ts';
import { createPhraseFolder } from '../text/fold.ts';
import type { Segmenter } from '../text/segmenter.ts';

export type { Ask };

export interface Question {
  /** As the user typed it. */
  original: string;
  /** Folded (width, script, case) and with the synonyms rewritten to the documents' words. */
  text: string;
  region: string | null;
  /**
   * When no place is the subject but one is named in an institution's name (兰州中川机场): the
   * places its figures may be reported under, the place and its province.
   */
  within: string[] | null;
  year: number | null;
  /** First and last year when the question names a period (十三五时期 → [2016, 2020]). */
  period: [number, number] | null;
  ask: Ask;
  /** True when the question asks for a forecast (预计). */
  forecast: boolean;
  /** True when it asks about a year before the latest the documents speak from: a result is due. */
  past: boolean;
  /** The words naming the thing asked about, without place, year and question words. */
  words: string[];
  /** The kind of figure a unit in the question asks for (多少斤 → mass), null when it names none. */
  unitKind: FigureKind | null;
}

export interface QuestionReaderOptions {
  segmenter: Segmenter;
  /** Resolves 今年/明年 when the question uses them: the latest year the documents speak from. */
  latestYear: number | null;
  /** Rewrites a deployment adds (the seeds folder's lexicon file). */
  rewrites?: readonly Rewrite[];
}

export type QuestionReader = (question: string) => Question;


// How a question asks: its grammar, and the qualifiers and verbs of reaching it may borrow from
// the documents (控制在多少以内, 要达到多少以上), which say nothing of the thing asked about.
const ENGLISH_GRAMMAR_WORDS: ReadonlySet<string> = new Set(ENGLISH_GRAMMAR);
const GRAMMAR = new Set([...QUESTION_GRAMMAR, ...Object.keys(PREFIX_QUALIFIERS), ...Object.keys(SUFFIX_QUALIFIERS), ...REACHING_VERBS]);
// A unit in a question (多少斤, 几个) says what kind of figure it wants, not what the thing is.
const UNIT_KINDS: ReadonlyMap<string, FigureKind> = new Map(Object.entries(UNITS).map(([word, row]) => [word, row.kind]));
const ASKS: readonly { ask: Ask; pattern: RegExp }[] = ASK_WORDS.map((row) => ({ ask: row.ask, pattern: new RegExp(alternation(row.words)) }));
const NATION_ASKED = new RegExp(`${alternation(NATION_QUERY_WORDS.filter((w) => w !== '中央'))}|国内生产总值`);
const NATION_NAMED = /全国|我国|全中国/g;
const FORECAST_ASKED = new RegExp(alternation(ASKS_FOR_FORECAST));
const TRAILING_PUNCTUATION = /[?？!！。.,，\s]+$/g;
/** How much of a question is read. */
export const MAX_QUESTION_CHARS = 1_000;
/** Past this length a message is a question with something pasted after it. */
const LONG_MESSAGE_CHARS = 200;
const FIRST_QUESTION = /^[^?？]{1,200}[?？]/;

/**
 * The part of a message that is the question: all of a short one; of a long one (a question with
 * minutes or a document pasted after it) its first sentence that asks, else its first page.
 */
export function questionPart(message: string): string {
  if (message.length <= LONG_MESSAGE_CHARS) return message;
  return FIRST_QUESTION.exec(message)?.[0] ?? message.slice(0, MAX_QUESTION_CHARS);
}
const YEAR_END = new RegExp(`^(?:${alternation(YEAR_END_WORDS)})`);

/**
 * Years as people type them in a question, written out as documents write them: a bare 2019 (not a
 * figure: no unit after it) is 2019年, a two-digit 19年 is 2019年.
 */
function withYearsWritten(text: string): string {
  return withBareYearsWritten(text).replace(/(?<![0-9.])([0-4]\d|9\d)年/g, (_, year: string) => `${Number(year) >= 90 ? '19' : '20'}${year}年`);
}

/** 城乡居民收入 asks about two things the documents state apart: 城镇和农村居民收入. */
function withPairsSpelledOut(text: string): string {
  let out = text;
  for (const [word, parts] of Object.entries(PAIRED_WORDS)) if (out.includes(word)) out = out.replaceAll(word, parts.join('和'));
  return out;
}

export function createQuestionReader(options: QuestionReaderOptions): QuestionReader {
  const { segmenter, latestYear } = options;
  // The places' Latin names are worked out on the first question typed in Latin letters.
  let rewriteEnglish: ((text: string) => string) | null = null;
  const latinRewriter = () => {
    const places = [...latinPlaceNames(PLACES)].map(([typed, written]): Rewrite => ({ typed: [typed], written, reason: 'Latin name of the place' }));
    return createRewriter([...places, ...ENGLISH_TERMS]);
  };
  const rewriteSynonyms = createRewriter([...(options.rewrites ?? []), ...SYNONYMS]);
  const script = createPhraseFolder();

  function contentWords(text: string): string[] {
    // Years (with their 年底), places and the nation are the question's scope, not its thing; any
    // year word goes, resolved or not.
    const years = findYearMentions(text, latestYear ?? 0)
      .filter((y) => !y.inTheYear)
      .map((y) => ({ start: y.start, end: y.end + (YEAR_END.exec(text.slice(y.end))?.[0].length ?? 0) }));
    const spans = [...years, ...findRegionMentions(text)].sort((a, b) => a.start - b.start);
    let scoped = '';
    let at = 0;
    for (const span of spans) {
      if (span.start < at) continue;
      scoped += `${text.slice(at, span.start)} `;
      at = span.end;
    }
    scoped = `${scoped}${text.slice(at)}`.replace(NATION_NAMED, ' ');
    // English words left over after its terms were translated are grammar when they are known as
    // such; any other names something the documents must say (an untranslated "materials").
    const words = segmenter
      .cut(scoped)
      .filter((w) => !GRAMMAR.has(w) && !UNIT_KINDS.has(w) && !/^\d+$/.test(w) && !ENGLISH_GRAMMAR_WORDS.has(w.replace(/'s$/, '')));
    return [...new Set(words)];
  }

  /** The kind of the first unit the question names after 多少 or 几 (多少斤, 几个, 多少亿元). */
  function unitKindOf(text: string): FigureKind | null {
    const asked = /(?:多少|几)(?:[万亿千百]*)(\p{Script=Han}{1,3})/u.exec(text);
    if (asked === null) return null;
    for (let n = Math.min(3, asked[1]!.length); n > 0; n--) {
      const kind = UNIT_KINDS.get(asked[1]!.slice(0, n));
      if (kind !== undefined) return kind;
    }
    return null;
  }

  return (original) => {
    // What is pasted after a question is not read, so that a 150,000-character message costs what
    // a question does and its words do not steer the answer.
    let text = withYearsWritten(script.fold(questionPart(original)).replace(TRAILING_PUNCTUATION, ''));
    if (/[a-z]{2}/.test(text)) text = (rewriteEnglish ??= latinRewriter())(text);
    text = withPairsSpelledOut(rewriteSynonyms(text));
    const regionMention = findRegionMentions(text)[0];
    const region = regionMention?.region ?? (NATION_ASKED.test(text) ? NATION : null);
    const site = region === null ? findInstitutionPlaces(text)[0] : undefined;
    const within = site === undefined ? null : [...new Set([site.region, provinceOf(site.region) ?? site.region])];
    // Without a place, GDP is the nation's: 国内生产总值, as the national reports write it.
    if (region === null || region === NATION) text = text.replace(/(?<!国内)生产总值/g, '国内生产总值');
    // 全年 in a question means "in the year", not a particular one.
    const mentions = findYearMentions(text, latestYear);
    const dated = mentions.filter((y) => !y.inTheYear).at(-1);
    const year = dated?.year ?? null;
    const period: [number, number] | null = dated?.from !== undefined ? [dated.from, dated.year] : null;
    const ask = ASKS.find(({ pattern }) => pattern.test(text))?.ask ?? 'any';
    const words = contentWords(text);
    const past = year !== null && latestYear !== null && year < latestYear;
    return { original, text, region, within, year, period, ask, forecast: FORECAST_ASKED.test(text), past, words, unitKind: unitKindOf(text) };
  };
}
