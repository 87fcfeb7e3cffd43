// Targets: each figure a document states, tied to its place, what it measures, its year and its
// sentence. Pure over a laid-out Document; the reading rules are those of a careful reader of a
// Chinese policy text:
// - A report has a place of its own (its title's); 全省, 全市 and a sentence that names no place are
//   its own. Another place takes a figure only as the subject of the figure's clause, or of the
//   whole sentence when it says or plans what follows (广州市提出，…), never because the paragraph
//   named it earlier.
// - A year dates what follows it up to the end of its sentence: a deadline heads the clauses after
//   it (到2021年，…；…), never the next sentence. A sentence without one takes its heading's year, or
//   the year its section speaks of: a review the year before the report's, a plan the report's own.
// - A review states results, a plan targets; words of forecast (预计) and result (已, 累计) decide first.
// - Glossaries explain terms: their numbers are nobody's figures.
import type { Article, Citation, Document, Figure, Paragraph, Target, TargetKind } from '../model.ts';
import { alternation } from '../lexicon/pattern.ts';
import {
  CLAUSE_OPENERS,
  COMMITMENT_WORDS,
  COMPARED_WITH,
  COMPARISON_MARKERS,
  FORECAST_WORDS,
  GLOSSARY_HEADING_WORDS,
  GROWTH_WORDS,
  NATION_COMPARED,
  PAIRED_WORDS,
  PAST_YEARS_COUNTS,
  PAST_YEARS_LEAD,
  RESULT_SO_FAR_WORDS,
  RESULT_WORDS,
  SUBJECT_VERBS,
  TEXT_STRUCTURE_WORDS,
} from '../lexicon/phrases.ts';
import { latinPlaceNames, NATIONAL_BODIES, OWN_PLACE_WORDS, PLACES } from '../lexicon/places.ts';
import { BEFORE_WORD, DEADLINE_WORDS, REVIEW_HEADING_WORDS, YEAR_END_WORDS } from '../lexicon/time.ts';
import { findFigures } from '../text/figures.ts';
import { clauseAround, fullSentenceAround, splitSentences, type Span } from '../text/sentences.ts';
import { NATION, findRegionMentions, mentionsNation, type RegionMention } from './regions.ts';
import { findYearMentions, type YearMention } from './years.ts';
import { describeMetric, splitListItems, subjectOf } from './metric.ts';

/** What a part of a document does: look back on results, set out plans, or explain terms. */
type SectionRole = 'review' | 'plan' | 'glossary';

/** Where a paragraph stands: what its document, article and section say of place and time. */
interface ParagraphContext {
  documentYear: number | null;
  /**
   * True for a report (a title, or a review of its year): its sections speak of its year. A news
   * page's stories speak of plans of their own, whose years their sentences give.
   */
  isReport: boolean;
  /** The report's own place: what 全省 and a sentence without a place speak of. */
  documentRegion: string | null;
  /** The region the article speaks of when a sentence names none (a news story's place). */
  articleRegion: string | null;
  /** The year (or period) the headline or section gives. */
  heading: Dating | null;
  role: SectionRole;
}

const REVIEW_HEADING = new RegExp(alternation(REVIEW_HEADING_WORDS));
const GLOSSARY_HEADING = new RegExp(alternation(GLOSSARY_HEADING_WORDS));
const NATIONAL_BODY = new RegExp(alternation(NATIONAL_BODIES));

export function extractTargets(document: Document): Target[] {
  const targets: Target[] = [];
  const documentRegion = regionOfDocument(document);
  const isReport = document.title !== null || document.articles.some((a) => REVIEW_HEADING.test(a.headline));
  let previousArticleRegion: string | null = documentRegion;
  for (const article of document.articles) {
    const articleRegion = regionOfArticle(article, previousArticleRegion, documentRegion);
    previousArticleRegion = articleRegion;
    for (const paragraph of article.paragraphs) {
      const heading = `${paragraph.headline} ${paragraph.section}`;
      const role: SectionRole = GLOSSARY_HEADING.test(heading) ? 'glossary' : REVIEW_HEADING.test(heading) ? 'review' : 'plan';
      if (role === 'glossary') continue;
      const headingYear = findYearMentions(heading, document.year).filter((y) => !y.inTheYear).at(-1);
      targets.push(
        ...extractFromParagraph(paragraph, {
          documentYear: document.year,
          isReport,
          documentRegion,
          articleRegion,
          heading: headingYear ? datingOf(headingYear) : null,
          role,
        }),
      );
    }
  }
  return targets;
}

/** The report's own place: its title's, its header's, the nation's for a national body's, its file name's. */
function regionOfDocument(document: Document): string | null {
  const opening = document.articles.slice(0, 2).flatMap((a) => a.paragraphs.slice(0, 4).map((p) => p.text));
  for (const line of [document.title ?? '', document.source?.title ?? '']) {
    const place = findRegionMentions(line).find((m) => m.level === 'province' || m.level === 'prefecture');
    if (place) return place.region;
  }
  // A report to the national congress or by the State Council speaks for the whole country.
  if (NATIONAL_BODY.test(`${document.title ?? ''}${opening.join('')}`)) return NATION;
  // "现在，我代表省人民政府…" names no place; the speaker's line or the file name may (2025_anhui_…).
  for (const line of opening) {
    const speaker = /(\p{Script=Han}{2,8}?)(?:省|市|自治区)?人民政府/u.exec(line);
    const place = speaker ? findRegionMentions(speaker[1]!)[0] : undefined;
    if (place && place.start === 0) return place.region;
  }
  const words = document.file.slice(document.file.lastIndexOf('/') + 1).toLowerCase().split(/[^a-z]+/).filter((w) => w.length >= 4);
  if (words.length === 0) return null;
  const latin = latinPlaceNames(PLACES);
  for (const word of words) {
    const place = latin.get(word);
    if (place !== undefined) return place;
  }
  return null;
}

function regionOfArticle(article: Article, previous: string | null, documentRegion: string | null): string | null {
  const fromHeadline = findRegionMentions(article.headline)[0];
  if (fromHeadline) return fromHeadline.region;
  // A continuation from another page starts afresh; an article with a plain headline goes on
  // with the story before it (a newspaper follows 北京：… with 十项任务细化《行动计划》).
  if (article.continued) {
    const text = article.paragraphs.map((p) => p.text).join('');
    return mentionsNation(text) ? NATION : documentRegion;
  }
  return previous;
}

function extractFromParagraph(paragraph: Paragraph, context: ParagraphContext): Target[] {
  const text = paragraph.text;
  const targets: Target[] = [];
  const years = resolveInTheYear(findYearMentions(text, context.documentYear), context);
  const regions = findRegionMentions(text);
  const frame = paragraphFrame(text, years);
  const sentences = splitSentences(text);
  for (const sentence of sentences) {
    const figures = findFigures(sentence.text).map((f) => shiftFigure(f, sentence.start));
    const listed = assignListItems(text, sentence, figures);
    for (const figure of figures) {
      if (isThreshold(text, figure, figures)) continue;
      const item = listed.get(figure.start);
      const metric = item?.metric ?? describeMetric(text, figure, figures);
      if (metric.length === 0 || isTextStructureCount(figure, metric)) continue;
      const clause = clauseAround(text, figure.start);
      const whole = fullSentenceAround(text, figure.start);
      const { year, period } = yearAt(figure.start, whole, years, context, frame);
      targets.push({
        id: `${paragraph.id}:${figure.start}`,
        region: regionAt(figure.start, whole, regions, text, context),
        metric,
        subject: item?.subject ?? subjectOf(metric),
        figure: { ...figure, start: figure.start - sentence.start, end: figure.end - sentence.start },
        year,
        ...(period ? { period } : {}),
        kind: kindOf(text.slice(whole.start, clause.start), clause.text, context, year),
        citation: citationOf(paragraph, sentence),
      });
    }
    targets.push(...datedTargetsWithoutFigure(paragraph, sentence, figures, years, regions, context));
  }
  return targets;
}

/**
 * 全年, 本年, 当年 mean the year spoken of: the last year named before them in the paragraph
 * (安徽明年将…。…全年推广…: 明年), else the heading's, else the year their section speaks of.
 */
function resolveInTheYear(years: YearMention[], context: ParagraphContext): YearMention[] {
  let spoken: number | null = null;
  return years.map((y) => {
    if (!y.inTheYear) {
      if (y.from === undefined) spoken = y.year;
      return y;
    }
    const year = spoken ?? context.heading?.year ?? sectionYear(context);
    return year === null ? y : { ...y, year };
  });
}

function shiftFigure(figure: Figure, by: number): Figure {
  return { ...figure, start: figure.start + by, end: figure.end + by };
}

function citationOf(paragraph: Paragraph, sentence: Span): Citation {
  return {
    doc: paragraph.doc,
    article: paragraph.headline,
    paragraph: paragraph.number,
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    paragraphId: paragraph.id,
  };
}

/** A place right after a comparison marker is the thing compared with (占全国, 较上海, 对口支援…). */
const COMPARED_BEFORE = new RegExp(`(?:${alternation(COMPARISON_MARKERS)})$`);
const OPENER = new RegExp(`^(?:${alternation(CLAUSE_OPENERS)})`);
const OWN_PLACE = new RegExp(alternation(OWN_PLACE_WORDS));
const SUBJECT_VERB = new RegExp(`^(?:省|市|自治区)?(?:${alternation(SUBJECT_VERBS)})`);
// 全国/我国 as the subject of a figure; 占全国, 全国第一, 全国百强 compare with the nation instead.
const NATION_SUBJECT = new RegExp(`(?:^|[，。；：、])(?:全国|我国)(?!${alternation(NATION_COMPARED)})|我国`);

function isComparedWith(text: string, mention: RegionMention): boolean {
  return COMPARED_BEFORE.test(text.slice(Math.max(0, mention.start - 2), mention.start));
}

/** The last of `mentions` between `from` and `to` that is not a thing compared with. */
function namedBetween(mentions: RegionMention[], text: string, from: number, to: number): RegionMention | undefined {
  return mentions.filter((r) => r.start >= from && r.end <= to && !isComparedWith(text, r)).at(-1);
}

/**
 * The place a figure belongs to:
 * 1. a place named in its clause before it (合肥中欧班列…开行909列), unless 全省 follows it;
 * 2. the report's own place when the clause says 全省/全市 (成都…，全省新开工…), the nation when it
 *    says 全国/我国;
 * 3. the subject of its sentence: a place that opens a clause before it with a verb of saying or
 *    planning (广州市提出，到2021年…；江西以…工程推进…，累计应用…), or the previous sentence's
 *    subject when this one names no place (安徽明年将…。制定…，推广应用机器人6000台);
 * 4. the article's place (a news story's), else the report's own.
 */
function regionAt(at: number, sentence: Span, regions: RegionMention[], text: string, context: ParagraphContext): string | null {
  const clause = clauseAround(text, at);
  const own = context.documentRegion ?? context.articleRegion;
  const inClause = namedBetween(regions, text, clause.start, at);
  const ownWord = OWN_PLACE.exec(text.slice(clause.start, at));
  if (inClause && !(ownWord && clause.start + ownWord.index >= inClause.end)) return inClause.region;
  if (ownWord) return own;
  if (NATION_SUBJECT.test(text.slice(clause.start, at))) return NATION;
  const subject = subjectBefore(clause.start, sentence, regions, text);
  if (subject !== null) return subject;
  return context.articleRegion ?? own;
}

/** Whether the place opens its clause as the subject of a verb of saying or planning. */
function opensClauseAsSubject(mention: RegionMention, text: string): boolean {
  const clause = clauseAround(text, mention.start);
  const lead = text.slice(clause.start, mention.start).replace(/^[“"（(\s]+/, '');
  if (lead !== '' && !OPENER.test(lead)) return false;
  return SUBJECT_VERB.test(text.slice(mention.end, mention.end + 4));
}

/**
 * The subject that governs position `at` of a sentence: the last place before it that opens a
 * clause as a subject with nothing (another place, 全省) named between; else, when the sentence
 * names no place before `at`, the subject of the sentence before it, and so on up the paragraph.
 */
function subjectBefore(at: number, sentence: Span, regions: RegionMention[], text: string): string | null {
  const named = regions.filter((r) => r.start >= sentence.start && r.end <= at);
  const subject = [...named].reverse().find((r) => opensClauseAsSubject(r, text));
  if (subject !== undefined) {
    const between = text.slice(subject.end, at);
    const later = named.filter((r) => r.start >= subject.end && !isComparedWith(text, r));
    return OWN_PLACE.test(between) || later.length > 0 ? null : subject.region;
  }
  if (named.length > 0 || OWN_PLACE.test(text.slice(sentence.start, at)) || sentence.start === 0) return null;
  const previous = fullSentenceAround(text, sentence.start - 1);
  return subjectBefore(previous.end, previous, regions, text);
}

interface Dating {
  year: number | null;
  /** First and last year of the period a figure is for (十四五 → 2021, 2025). */
  period?: [number, number];
}

function datingOf(mention: YearMention): Dating {
  return { year: mention.year, ...(mention.from !== undefined ? { period: [mention.from, mention.year] } : {}) };
}

/** The year a section speaks of: a review the year before the report's, a plan the report's own. */
function sectionYear(context: ParagraphContext): number | null {
  if (context.documentYear === null || !context.isReport) return null;
  return context.role === 'review' ? context.documentYear - 1 : context.documentYear;
}

/**
 * The year a figure is due or refers to: the nearest year named before it in its sentence (in a
 * review, a plan period such as 十四五 names the plan, not the figure's year), else the heading's,
 * else the year its section speaks of.
 */
function yearAt(at: number, sentence: Span, years: YearMention[], context: ParagraphContext, frame: YearMention | null): Dating {
  const mention = years
    .filter((y) => y.start >= sentence.start && y.end <= at && !(context.role === 'review' && y.planPeriod))
    .at(-1);
  if (mention) return datingOf(mention);
  if (frame) return datingOf(frame);
  return context.heading ?? { year: sectionYear(context) };
}

/**
 * A time that opens a paragraph as its frame (过去五年，…; 2024年，…) dates the whole paragraph, as a
 * heading would; a deadline (到2035年，…) heads its own sentence only.
 */
function paragraphFrame(text: string, years: YearMention[]): YearMention | null {
  const first = years[0];
  if (first === undefined || first.deadline || first.inTheYear) return null;
  const lead = text.slice(0, first.start).replace(/^[“"（(\s]+/, '');
  return lead === '' && /^[，,]/.test(text.slice(first.end)) ? first : null;
}

const FORECAST = new RegExp(alternation(FORECAST_WORDS));
const PAST_YEARS = `${PAST_YEARS_LEAD}(?:${alternation(PAST_YEARS_COUNTS)}|\\d+)年`;
// Said earlier in a sentence, these make its later figures results too (已完成目标任务，累计应用…).
const RESULT_SO_FAR = new RegExp(`${alternation(RESULT_SO_FAR_WORDS)}|${PAST_YEARS}`);
// 去年 dates a result, unless it is what a change is measured against (比去年).
const ACTUAL = new RegExp(`${alternation(RESULT_WORDS)}|${PAST_YEARS}|(?<!${alternation(COMPARED_WITH)})去年`);

/**
 * Target, result or forecast: the clause's own words decide first (圆满完成 → result), then the
 * words said before the figure in its sentence (初步预计，…增长4.2% → forecast, even in a review),
 * then the section (a review states results) and the year (one before the report's is past).
 */
function kindOf(sentenceBefore: string, clause: string, context: ParagraphContext, year: number | null): TargetKind {
  if (FORECAST.test(clause)) return 'forecast';
  if (ACTUAL.test(clause)) return 'actual';
  if (FORECAST.test(sentenceBefore)) return 'forecast';
  if (RESULT_SO_FAR.test(sentenceBefore)) return 'actual';
  if (context.role === 'review') return 'actual';
  if (year !== null && context.documentYear !== null && year < context.documentYear) return 'actual';
  return 'target';
}

/**
 * 生产总值超200亿元县（区）达26个, 10亿元以上项目120个: an amount right before a noun, with the
 * clause's own figure after it, is the bar things are counted by, not a figure of anything.
 */
function isThreshold(text: string, figure: Figure, figures: readonly Figure[]): boolean {
  if (figure.kind === 'count') return false;
  const next = text[figure.end] ?? '';
  if (!HAN_NOUN_START.test(next)) return false;
  const clause = clauseAround(text, figure.start);
  return figures.some((f) => f.start > figure.end && f.start < clause.end && f.kind === 'count');
}
const HAN_NOUN_START = /^(?![的以左上多和或至到、增下提降])\p{Script=Han}/u;

// Counts of the text's own parts (重点任务有十项, 抓好7个方面重点任务) are structure, not figures of the world.
const OWN_STRUCTURE = new RegExp(alternation(TEXT_STRUCTURE_WORDS));
const GROWTH = new RegExp(alternation(GROWTH_WORDS));

function isTextStructureCount(figure: Figure, metric: string): boolean {
  const value = typeof figure.base === 'number' ? figure.base : figure.base[1];
  return figure.kind === 'count' && value <= 20 && OWN_STRUCTURE.test(metric);
}

interface ListedItem {
  metric: string;
  subject: string;
}

/**
 * 分别 lists: "打造汽车、超高清视频及新型显示两大…集群，规模分别达到6000亿元、2300亿元" ties item i
 * to value i. Returns the items by the start offset of their figure.
 */
function assignListItems(text: string, sentence: Span, figures: Figure[]): Map<number, ListedItem> {
  const result = new Map<number, ListedItem>();
  const sentenceText = text.slice(sentence.start, sentence.end);
  const respectively = sentenceText.indexOf('分别');
  if (respectively < 0) return result;
  const at = sentence.start + respectively;
  const listed = figures.filter((f) => f.start > at && clauseAround(text, f.start).start <= at);
  if (listed.length < 2) return result;
  const measureClause = clauseAround(text, at);
  const measure = text.slice(measureClause.start, at).trim();
  // "分别降低13.5%、18%": a change said after 分别 is part of what each figure measures.
  const change = GROWTH.exec(text.slice(at + 2, listed[0]!.start))?.[0] ?? '';
  // The items stand before 分别 in its own clause (单位国内生产总值能耗和二氧化碳排放分别降低…), or
  // in the clause before it (打造汽车、超高清视频…两大集群，规模分别达到…) with the measure after them.
  let items = splitListItems(measure, listed.length) ?? pairedItems(measure, listed.length);
  let shared = '';
  if (!items && measure.length > 0 && measureClause.start > sentence.start) {
    items = splitListItems(text.slice(clauseAround(text, measureClause.start - 2).start, measureClause.start - 1), listed.length);
    shared = measure;
  }
  if (!items) return result;
  const list = items;
  listed.forEach((figure, i) => {
    const item = list.items[i]!;
    result.set(figure.start, {
      metric: `${item}${list.head}${shared}${change}`,
      subject: item.replace(/[（(][^）)]*[）)]/g, ''),
    });
  });
  return result;
}

/** 城乡居民人均可支配收入 with two figures: 城镇居民人均可支配收入, 农村居民人均可支配收入. */
function pairedItems(text: string, count: number): { items: string[]; head: string } | null {
  for (const [word, parts] of Object.entries(PAIRED_WORDS)) {
    const at = text.indexOf(word);
    if (at < 0 || parts.length !== count) continue;
    const rest = text.slice(at + word.length);
    return { items: parts.map((part) => `${text.slice(0, at)}${part}${rest}`.replace(/^(?:全省|全市|全区)/, '')), head: '' };
  }
  return null;
}

const YEAR_END = alternation(YEAR_END_WORDS);
const DATED_DEADLINE = new RegExp(`((?:19|20)\\d{2})年(?:${YEAR_END})?${BEFORE_WORD}?`);
/** A deadline is a year's end or a "before": 2020年年底, 2025年前. */
const CLOSES_YEAR = new RegExp(`${YEAR_END}|${BEFORE_WORD}`);
const COMMITMENT = new RegExp(alternation(COMMITMENT_WORDS));
const LEADING_DEADLINE_WORD = new RegExp(`^(?:${alternation(DEADLINE_WORDS)})`);

/** "力争2020年年底实现全国所有地级市覆盖5G网络": a deadline with no quantity is a target too. */
function datedTargetsWithoutFigure(
  paragraph: Paragraph,
  sentence: Span,
  figures: Figure[],
  years: YearMention[],
  regions: RegionMention[],
  context: ParagraphContext,
): Target[] {
  const text = paragraph.text;
  const targets: Target[] = [];
  for (const year of years) {
    if (year.start < sentence.start || year.end > sentence.end) continue;
    const clause = clauseAround(text, year.start);
    const tail = text.slice(year.start, clause.end);
    const deadline = DATED_DEADLINE.exec(tail);
    if (!deadline || deadline.index !== 0 || !CLOSES_YEAR.test(deadline[0])) continue;
    const rest = tail.slice(deadline[0].length);
    if (!COMMITMENT.test(text.slice(clause.start, clause.end))) continue;
    if (figures.some((f) => f.start >= clause.start && f.end <= clause.end)) continue;
    const metric = rest.replace(/^(?:实现|完成|前)/, '').trim();
    if (metric.length < 4) continue;
    const due = text.slice(year.start, year.start + deadline[0].length).replace(LEADING_DEADLINE_WORD, '');
    targets.push({
      id: `${paragraph.id}:d${year.start}`,
      region: regionAt(year.start, fullSentenceAround(text, year.start), regions, text, context),
      metric,
      subject: subjectOf(metric),
      figure: null,
      due,
      year: year.year,
      kind: 'target',
      citation: citationOf(paragraph, sentence),
    });
  }
  return targets;
}
