// Composing an answer from the ranked targets and passages. Every figure in the answer line is
// the text of a cited target's figure: nothing is computed, rounded or restated.
import { alternation } from '../lexicon/pattern.ts';
import { OTHER_MEASURE_WORDS } from '../lexicon/phrases.ts';
import type { Answer, Citation, Paragraph, Target } from '../model.ts';
import { subjectOf } from '../targets/metric.ts';
import { foldForMatching } from '../text/fold.ts';
import type { Question } from './question.ts';
import { answersQuestion, type ScoredTarget } from './rank.ts';
import { conflictLine, describeTarget, statusLine } from './wording.ts';

export function sameValue(a: Target, b: Target): boolean {
  return JSON.stringify(a.figure?.base) === JSON.stringify(b.figure?.base) && a.figure?.baseUnit === b.figure?.baseUnit;
}

// A change (比上年增加) or a share (占比) of a thing is another measure than the thing itself.
const OTHER_MEASURE = new RegExp(alternation(OTHER_MEASURE_WORDS));

/**
 * Two targets speak of the same thing when their subjects are equal, or when one subject holds the
 * other and what it adds is said around the other too: 建设12个体验馆 stands in a sentence about
 * 信息消费体验中心, so it is the 信息消费体验馆 of the other; 生产总值增长 says nothing of 海洋.
 */
function sameThing(a: Target, b: Target): boolean {
  const x = subjectOf(a.metric);
  const y = subjectOf(b.metric);
  if (x === y) return true;
  const [longer, shorter, shorterTarget] = x.length >= y.length ? [x, y, b] : [y, x, a];
  if (!longer.includes(shorter)) return false;
  const extra = longer.replace(shorter, '');
  if (OTHER_MEASURE.test(extra)) return false;
  return `${shorterTarget.citation.quote}${shorterTarget.citation.article}`.includes(extra);
}

// How much lower than the best a differing target may score and still be the same question's answer.
const CONFLICT_MARGIN = 0.3;

/**
 * Targets as good as the best that speak of the same thing (same place and year, one subject
 * within the other) but state another value: the documents differ, and the answer shows both.
 */
function conflictingTargets(best: ScoredTarget, ranked: ScoredTarget[]): Target[] {
  return ranked
    .filter((s) => s !== best && answersQuestion(s) && s.score >= best.score - CONFLICT_MARGIN)
    .map((s) => s.target)
    .filter(
      (t) =>
        t.figure !== null &&
        best.target.figure !== null &&
        t.region === best.target.region &&
        // A plan and its result differ as a matter of course; documents differ only in the same kind.
        t.kind === best.target.kind &&
        (t.year === best.target.year || t.year === null || best.target.year === null) &&
        JSON.stringify(t.period) === JSON.stringify(best.target.period) &&
        t.figure.baseUnit === best.target.figure.baseUnit &&
        sameThing(t, best.target) &&
        !sameValue(t, best.target),
    );
}

export function distinctCitations(targets: Target[], extra: Citation[] = []): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const citation of [...targets.map((t) => t.citation), ...extra]) {
    const key = `${citation.paragraphId}:${citation.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(citation);
  }
  return out;
}

function citationOfParagraph(paragraph: Paragraph): Citation {
  return {
    doc: paragraph.doc,
    article: paragraph.headline,
    paragraph: paragraph.number,
    quote: paragraph.text,
    start: 0,
    end: paragraph.text.length,
    paragraphId: paragraph.id,
  };
}

const MORE = 3;

/** The closest thing a refusal may offer: a figure the documents state for the place, sharing some words. */
const NEAREST_RECALL = 0.3;

function nearestOf(ranked: ScoredTarget[]): { nearest?: Target } {
  const near = ranked.find((s) => s.target.figure !== null && s.recall >= NEAREST_RECALL);
  return near ? { nearest: near.target } : {};
}

export function composeAnswer(question: Question, ranked: ScoredTarget[], passages: Paragraph[]): Answer {
  const fitting = ranked.filter(answersQuestion);
  const best = fitting[0];
  if (!best) {
    if (passages.length > 0) {
      return {
        question: question.original,
        status: 'no_figure',
        answer: statusLine('no_figure', question.region),
        targets: [],
        citations: passages.slice(0, MORE + 1).map(citationOfParagraph),
        conflict: false,
        ...nearestOf(ranked),
      };
    }
    return {
      question: question.original,
      status: 'not_found',
      answer: statusLine('not_found', question.region),
      targets: [],
      citations: [],
      conflict: false,
      ...nearestOf(ranked),
    };
  }
  if (question.ask === 'list') {
    // The last word of a list question names the kind of thing listed (…先进制造业集群): each item is one.
    const kind = question.words.at(-1);
    const listed = fitting
      .filter((s) => s.score >= best.score * 0.6)
      .filter((s) => kind === undefined || foldForMatching(`${s.target.metric}${s.target.subject}`).includes(kind))
      .map((s) => s.target);
    if (listed.length === 0) listed.push(best.target);
    return {
      question: question.original,
      status: 'answered',
      answer: listed.map(describeTarget).join('；'),
      targets: listed,
      citations: distinctCitations(listed),
      conflict: false,
    };
  }
  const conflicts = conflictingTargets(best, ranked);
  if (conflicts.length > 0) {
    const stated = [best.target, ...conflicts];
    const others = fitting.map((s) => s.target).filter((t) => !stated.includes(t));
    return {
      question: question.original,
      status: 'answered',
      answer: conflictLine(stated),
      targets: [...stated, ...others.slice(0, MORE)],
      citations: distinctCitations([...stated, ...others.slice(0, MORE)]),
      conflict: true,
    };
  }
  const targets = [best.target, ...fitting.slice(1, MORE + 1).map((s) => s.target)];
  return {
    question: question.original,
    status: 'answered',
    answer: describeTarget(best.target),
    targets,
    citations: distinctCitations(targets),
    conflict: false,
  };
}

const PLACE_LIST = 10;

/** The answer to a place alone (北京？): its targets, the first few in the line, all in the records. */
export function composePlaceAnswer(question: Question, targets: Target[]): Answer {
  if (targets.length === 0) {
    return { question: question.original, status: 'not_found', answer: statusLine('not_found', question.region), targets: [], citations: [], conflict: false };
  }
  const shown = targets.slice(0, PLACE_LIST).map(describeTarget).join('；');
  const more = targets.length > PLACE_LIST ? `；另有${targets.length - PLACE_LIST}项` : '';
  return {
    question: question.original,
    status: 'answered',
    answer: `${shown}${more}`,
    targets,
    citations: distinctCitations(targets),
    conflict: false,
  };
}
