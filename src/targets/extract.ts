// Targets: each figure a document states, tied to its place, what it measures, its year and its
// sentence. Pure over a laid-out Document; the reading rules are those of a careful reader of a
// Chinese policy text: the place and the deadline said once govern what follows them.
import type { Article, Citation, Document, Figure, Paragraph, Target, TargetKind } from '../model.ts';
import { alternation } from '../lexicon/pattern.ts';
import {
  CLAUSE_OPENERS,
  COMMITMENT_WORDS,
  COMPARED_WITH,
  COMPARISON_MARKERS,
  FORECAST_WORDS,
  NATION_COMPARED,
  PAST_YEARS_COUNTS,
  PAST_YEARS_LEAD,
  RESULT_SO_FAR_WORDS,
  RESULT_WORDS,
  TEXT_STRUCTURE_WORDS,
} from '../lexicon/phrases.ts';
import { ADMINISTRATIVE_SUFFIXES, NATIONAL_BODIES } from '../lexicon/places.ts';
import { BEFORE_WORD, DEADLINE_WORDS, REVIEW_HEADING_WORDS, YEAR_END_WORDS } from '../lexicon/time.ts';
import { findFigures } from '../text/figures.ts';
import { clauseAround, splitSentences, type Span } from '../text/sentences.ts';
import { NATION, findRegionMentions, mentionsNation, type RegionMention } from './regions.ts';
import { findYearMentions, type YearMention } from './years.ts';
import { describeMetric, splitListItems, subjectOf } from './metric.ts';

/** Where a paragraph stands: what its document, article and section say of place and time. */
interface ParagraphContext {
  documentYear: number | null;
  /** The region the article speaks of when a sentence names none. */
  articleRegion: string | null;
  /** The year the headline or section gives, when a sentence and paragraph give none. */
  headingYear: number | null;
  /** True when the heading reviews the past (工作回顾): its figures are results. */
  reviewing: boolean;
}

const REVIEW_HEADING = new RegExp(alternation(REVIEW_HEADING_WORDS));
const NATIONAL_BODY = new RegExp(alternation(NATIONAL_BODIES));

export function extractTargets(document: Document): Target[] {
  const targets: Target[] = [];
  const documentRegion = regionOfDocument(document);
  let previousArticleRegion: string | null = documentRegion;
  for (const article of document.articles) {
    const articleRegion = regionOfArticle(article, previousArticleRegion, documentRegion);
    previousArticleRegion = articleRegion;
    for (const paragraph of article.paragraphs) {
      const heading = `${paragraph.headline} ${paragraph.section}`;
      const headingYears = findYearMentions(heading, document.year);
      targets.push(
        ...extractFromParagraph(paragraph, {
          documentYear: document.year,
          articleRegion,
          headingYear: headingYears.at(-1)?.year ?? null,
          reviewing: REVIEW_HEADING.test(heading),
        }),
      );
    }
  }
  return targets;
}

function regionOfDocument(document: Document): string | null {
  const fromTitle = document.title ? findRegionMentions(document.title)[0] : undefined;
  if (fromTitle) return fromTitle.region;
  const opening = document.articles
    .slice(0, 3)
    .flatMap((a) => a.paragraphs.slice(0, 3).map((p) => p.text))
    .join('');
  // A report to the national congress or by the State Council speaks for the whole country.
  if (NATIONAL_BODY.test(`${document.title ?? ''}${opening}`)) return NATION;
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
  // 全年 in a review of 2020 means 2020, whatever year the report was given in.
  const years = findYearMentions(text, context.documentYear).map((y) =>
    context.headingYear !== null && y.inTheYear ? { ...y, year: context.headingYear } : y,
  );
  const regions = findRegionMentions(text);
  const sentences = splitSentences(text);
  for (const sentence of sentences) {
    const figures = findFigures(sentence.text).map((f) => shiftFigure(f, sentence.start));
    const listed = assignListItems(text, sentence, figures);
    for (const figure of figures) {
      const item = listed.get(figure.start);
      const metric = item?.metric ?? describeMetric(text, figure, figures);
      if (metric.length === 0 || isTextStructureCount(figure, metric)) continue;
      const clause = clauseAround(text, figure.start);
      const { year, period } = yearAt(figure.start, sentence, years, context);
      targets.push({
        id: `${paragraph.id}:${figure.start}`,
        region: regionAt(figure.start, sentence, regions, text, context),
        metric,
        subject: item?.subject ?? subjectOf(metric),
        figure: { ...figure, start: figure.start - sentence.start, end: figure.end - sentence.start },
        year,
        ...(period ? { period } : {}),
        kind: kindOf(text.slice(sentence.start, clause.start), clause.text, context, year),
        citation: citationOf(paragraph, sentence),
      });
    }
    targets.push(...datedTargetsWithoutFigure(paragraph, sentence, figures, years, regions, context));
  }
  return targets;
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
const ADMINISTRATIVE_NAME = new RegExp(`(?:${alternation(ADMINISTRATIVE_SUFFIXES)})$`);
const OPENER = new RegExp(`^(?:${alternation(CLAUSE_OPENERS)})`);

function isComparedWith(text: string, mention: RegionMention): boolean {
  return COMPARED_BEFORE.test(text.slice(Math.max(0, mention.start - 2), mention.start));
}

// A place named as the subject: at the start of its clause (安徽明年将…, 江西以…), or as the
// 市/省 of a thing (北京市信息消费产业规模). A place named as a comparison (占全国, 较3年前) is not.
function isSubjectMention(text: string, mention: RegionMention): boolean {
  if (isComparedWith(text, mention)) return false;
  const clause = clauseAround(text, mention.start);
  const lead = text.slice(clause.start, mention.start).replace(/^[“"（(\s]+/, '');
  return lead.length === 0 || ADMINISTRATIVE_NAME.test(text.slice(mention.start, mention.end)) || OPENER.test(lead);
}

// 全国/我国 as the subject of a figure; 占全国, 全国第一, 全国百强 compare with the nation instead.
const NATION_SUBJECT = new RegExp(`(?:^|[，。；：、])(?:全国|我国)(?!${alternation(NATION_COMPARED)})|我国`);

/**
 * The place a figure belongs to: a place named in its clause before it, else one named as the
 * subject earlier in the sentence or paragraph, else the article's place.
 */
function regionAt(
  at: number,
  sentence: Span,
  regions: RegionMention[],
  text: string,
  context: ParagraphContext,
): string | null {
  const clause = clauseAround(text, at);
  const before = regions.filter((r) => r.end <= at);
  const inClause = before.filter((r) => r.start >= clause.start && !isComparedWith(text, r)).at(-1);
  if (inClause) return inClause.region;
  const subjects = before.filter((r) => isSubjectMention(text, r));
  const inSentence = subjects.filter((r) => r.start >= sentence.start).at(-1);
  if (inSentence) return inSentence.region;
  if (NATION_SUBJECT.test(text.slice(sentence.start, at))) return NATION;
  const inParagraph = subjects.at(-1);
  if (inParagraph) return inParagraph.region;
  return context.articleRegion;
}

/**
 * The year a figure is due or refers to: the nearest year named before it in its sentence, else
 * the deadline or year said earlier in the paragraph (到2021年 governs the rest of it), else the
 * heading's year.
 */
function yearAt(at: number, sentence: Span, years: YearMention[], context: ParagraphContext): Dating {
  const before = years.filter((y) => y.end <= at);
  const mention =
    before.filter((y) => y.start >= sentence.start).at(-1) ?? before.filter((y) => y.deadline).at(-1) ?? before.at(-1);
  if (mention) return { year: mention.year, ...(mention.from !== undefined ? { period: [mention.from, mention.year] } : {}) };
  return { year: context.headingYear };
}

interface Dating {
  year: number | null;
  /** First and last year of the period a figure is for (十四五 → 2021, 2025). */
  period?: [number, number];
}

const FORECAST = new RegExp(alternation(FORECAST_WORDS));
const PAST_YEARS = `${PAST_YEARS_LEAD}(?:${alternation(PAST_YEARS_COUNTS)}|\\d+)年`;
// Said earlier in a sentence, these make its later figures results too (已完成目标任务，累计应用…).
const RESULT_SO_FAR = new RegExp(`${alternation(RESULT_SO_FAR_WORDS)}|${PAST_YEARS}`);
// 去年 dates a result, unless it is what a change is measured against (比去年).
const ACTUAL = new RegExp(`${alternation(RESULT_WORDS)}|${PAST_YEARS}|(?<!${alternation(COMPARED_WITH)})去年`);

/**
 * Target, result or forecast: the clause's own words decide first (圆满完成 → result), then the
 * words said before the figure in its sentence (预计全年…，…约2500亿元 → forecast).
 */
function kindOf(sentenceBefore: string, clause: string, context: ParagraphContext, year: number | null): TargetKind {
  if (FORECAST.test(clause)) return 'forecast';
  if (ACTUAL.test(clause)) return 'actual';
  // A review of the past year reports results, whatever verbs it uses.
  if (context.reviewing) return 'actual';
  if (FORECAST.test(sentenceBefore)) return 'forecast';
  if (RESULT_SO_FAR.test(sentenceBefore)) return 'actual';
  // A figure for a year before the document's own is a result, not a plan.
  if (year !== null && context.documentYear !== null && year < context.documentYear) return 'actual';
  return 'target';
}

// Counts of the text's own parts (重点任务有十项, 抓好7个方面重点任务) are structure, not figures of the world.
const OWN_STRUCTURE = new RegExp(alternation(TEXT_STRUCTURE_WORDS));

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
  let measure = text.slice(measureClause.start, at).trim();
  // The items stand in the clause before the one that says 分别, or before 分别 in its own clause.
  const itemsInClauseBefore = measure.length > 0 && measureClause.start > sentence.start;
  const itemsText = itemsInClauseBefore
    ? text.slice(clauseAround(text, measureClause.start - 2).start, measureClause.start - 1)
    : measure;
  const items = splitListItems(itemsText, listed.length);
  if (!items) return result;
  // "居民医保和基本公共卫生服务经费…标准分别再提高": the items are the measured things themselves.
  if (!itemsInClauseBefore) measure = '';
  listed.forEach((figure, i) => {
    const item = items.items[i]!;
    result.set(figure.start, {
      metric: `${item}${items.head}${measure}`,
      subject: item.replace(/[（(][^）)]*[）)]/g, ''),
    });
  });
  return result;
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
      region: regionAt(year.start, sentence, regions, text, context),
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
