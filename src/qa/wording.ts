// The words the product answers in, for every channel alike (the command line, the local chat,
// Slack): the one wording of each status, and how a figure, its year and its source are said.
// Channels lay these out; none words them again.
import type { AnswerStatus, Citation, Target } from '../model.ts';
import type { FeedbackReason } from '../store/feedback.ts';
import type { Coverage } from './types.ts';

export const KIND_WORDS: Record<Target['kind'], string> = { target: '目标', actual: '实际', forecast: '预计' };

/** What each status says; `answered` says its figure instead. */
export const STATUS_WORDS: Record<Exclude<AnswerStatus, 'answered'>, string> = {
  not_found: '文件中没有找到与这个问题相关的内容，所以给不出数字。',
  no_figure: '文件谈到了这件事，但没有写明具体数字。',
};

/** Said before the closest figure a refusal offers, so that it is never taken for the answer. */
export const NEAREST_WORDS = '最接近的、文件写明的是（不是所问的数字）：';

/** Said before the figures of documents that differ. */
export const CONFLICT_WORDS = '文件所载的数字不一致，以下分别列出：';
/** Said after the answer line of documents that differ. */
export const CONFLICT_NOTE = '（文件所载数字不一致）';

/** The figure as the document words it (3000亿元以上, 近70%), or the deadline of a dated target. */
export function figureWords(target: Target): string {
  if (target.figure !== null) return target.figure.text;
  return target.due ?? (target.year !== null ? `${target.year}年` : KIND_WORDS[target.kind]);
}

/** "2021年 · 目标": when the figure is due or was reached, and what kind of figure it is. */
export function whenWords(target: Target): string {
  const year = target.period ? `${target.period[0]}—${target.period[1]}年` : target.year !== null ? `${target.year}年` : null;
  return [year, KIND_WORDS[target.kind]].filter(Boolean).join(' · ');
}

/** "6000亿元（到2021年，目标）": the figure as the document states it, with its year and kind. */
export function describeFigure(target: Target): string {
  if (!target.figure) return `${target.due ?? (target.year !== null ? `${target.year}年` : '')}（${KIND_WORDS[target.kind]}）`;
  const notes: string[] = [];
  if (target.period) notes.push(`${target.period[0]}—${target.period[1]}年`);
  else if (target.year !== null) notes.push(target.kind === 'target' ? `到${target.year}年` : `${target.year}年`);
  notes.push(KIND_WORDS[target.kind]);
  return `${target.figure.text}（${notes.join('，')}）`;
}

/** "广州：汽车产业集群规模 6000亿元（到2021年，目标）". */
export function describeTarget(target: Target): string {
  const place = target.region ? `${target.region}：` : '';
  return `${place}${target.metric} ${describeFigure(target)}`;
}

/** The answer line when documents differ: each figure they state, then the note. */
export function conflictLine(stated: readonly Target[]): string {
  return `${stated.map(describeTarget).join('；')}${CONFLICT_NOTE}`;
}

/** "广州 · 汽车产业集群规模": what a figure is of. */
export function targetHeadline(target: Target): string {
  return [target.region, target.metric].filter((part) => part !== null && part !== '').join(' · ');
}

/** "文件 · 标题 · 第N段". */
export function describeSource(citation: Citation): string {
  const parts = [citation.doc];
  if (citation.article) parts.push(citation.article);
  parts.push(`第${citation.paragraph}段`);
  return parts.join(' · ');
}

/** The answer line of a status without a figure (no_figure names the place it looked in). */
export function statusLine(status: Exclude<AnswerStatus, 'answered'>, region: string | null): string {
  return status === 'no_figure' && region ? `${region}：${STATUS_WORDS.no_figure}` : STATUS_WORDS[status];
}

/** How a follow-up was read: 按“北京 · 汽车产业集群规模”理解. */
export function readingWords(parts: readonly string[]): string {
  return `按“${parts.join(' · ')}”理解`;
}

/** Years as a span when they run on (2019—2022年), else listed (2015、2019、2022年); newest last. */
export function yearsWords(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  if (sorted.length === 0) return '';
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  if (sorted.length > 2 && last - first + 1 === sorted.length) return `${first}—${last}年`;
  return `${sorted.join('、')}年`;
}

/** What the library covers, for a refusal: 文件库涵盖的地区：北京、广州…；年份：2019—2022年。 */
export function coverageWords(coverage: Coverage, maxPlaces = 10): string {
  const places = coverage.places.map((p) => p.place);
  const shown = places.slice(0, maxPlaces).join('、');
  const more = places.length > maxPlaces ? `等 ${places.length} 个地区` : '';
  const years = yearsWords(coverage.years.map((y) => y.year));
  if (places.length === 0) return '文件库里还没有可以回答的数字。';
  return `文件库涵盖的地区：${shown}${more}${years ? `；年份：${years}` : ''}。`;
}

/** For a list that found nothing for a place: the years that place's figures are for. */
export function placeYearsWords(place: string, years: readonly number[]): string {
  return years.length > 0 ? `${place}的指标在这些年份：${yearsWords(years)}。` : `文件库里没有${place}的指标。`;
}

/** The reasons a 👎 may give, as the person picks them. */
export const FEEDBACK_REASON_WORDS: Record<FeedbackReason, string> = {
  wrong_figure: '数字不对',
  wrong_place_or_year: '地区或年份不对',
  should_be_found: '文件里有，但没找到',
  other: '其他',
};
